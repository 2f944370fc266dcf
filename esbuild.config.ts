// Builds the CLI: a tiny ESM launcher (dist/cli.js), the headless CommonJS bundle it runs through V8's
// code cache, the validated knowledge snapshot, and the cache itself. `schema` regenerates the JSON Schemas.
import { build, type BuildOptions } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonSchemas } from './src/knowledge/json-schemas.js';
import { loadKnowledge } from './src/knowledge/load-knowledge.js';
import type { Knowledge } from './src/knowledge/schema.js';
import { formatProblem } from './src/source/problems.js';

const root = fileURLToPath(new URL('.', import.meta.url));
const dist = `${root}dist`;

async function writeSchemas() {
  await mkdir(`${root}knowledge/schema`, { recursive: true });
  for (const [file, content] of Object.entries(jsonSchemas())) await writeFile(`${root}knowledge/schema/${file}`, content);
}

const shared: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: process.env.DEPLOY_DOCTOR_NO_MINIFY !== '1',
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"' },
  // yaml's ES module build lets the bundler drop what we never call (stringify, visitors).
  alias: { yaml: `${root}node_modules/yaml/browser/index.js` },
  logLevel: 'warning',
};

async function bundle() {
  const loaded = await loadKnowledge([`${root}knowledge`], root);
  if (!loaded.ok) {
    const lines = 'problems' in loaded ? loaded.problems.map(formatProblem) : [loaded.usageError];
    console.error(`bundled knowledge is invalid:\n${lines.join('\n')}`);
    process.exit(1);
  }
  await rm(dist, { recursive: true, force: true });
  await build({
    ...shared,
    entryPoints: [`${root}src/cli/bin.ts`],
    outfile: `${dist}/cli.js`,
    format: 'esm',
    banner: { js: '#!/usr/bin/env node' },
  });
  await build({
    ...shared,
    entryPoints: [`${root}src/cli/main.ts`],
    outfile: `${dist}/headless.cjs`,
    format: 'cjs',
    define: { ...shared.define, 'import.meta.url': 'importMetaUrl' },
    inject: [`${root}src/cli/import-meta-url-shim.ts`],
  });
  await writeFile(`${dist}/knowledge.json`, JSON.stringify(loaded.knowledge));
  await warmCodeCache(loaded.knowledge);
}

/** Runs one full report so V8's code cache holds the functions a real run needs, not just the top level. */
async function warmCodeCache(knowledge: Knowledge) {
  const dir = await mkdtemp(join(tmpdir(), 'deploy-doctor-build-'));
  const answers = join(dir, 'answers.json');
  const session = {
    version: 1,
    team: 'Build',
    date: '2026-01-01',
    symptoms: knowledge.symptoms.map((symptom) => symptom.id),
    answers: Object.fromEntries(knowledge.questions.map((question, index) => [question.id, ['yes', 'no', 'partly', 'unsure'][index % 4]])),
  };
  // YAML, like the answers files people write, so the YAML parser's hot paths are cached too.
  const yaml = Object.entries(session)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join('\n');
  await writeFile(answers.replace(/json$/, 'yaml'), `${yaml}\n`);
  const result = spawnSync(process.execPath, [`${dist}/cli.js`, 'report', answers.replace(/json$/, 'yaml')], {
    env: { ...process.env, DEPLOY_DOCTOR_WRITE_CODE_CACHE: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await rm(dir, { recursive: true, force: true });
  if (result.status !== 0) {
    console.error('the freshly built CLI failed its warm-up report');
    process.exit(1);
  }
}

if (process.argv.includes('schema')) await writeSchemas();
else await bundle();
