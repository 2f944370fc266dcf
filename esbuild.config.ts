// Builds the CLI: a tiny ESM launcher (dist/cli.js), the headless CommonJS bundle it runs through V8's
// code cache, the validated knowledge snapshot, and the cache itself. `schema` regenerates the JSON Schemas.
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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

/** Keeps Ink and React out of the headless bundle: the app is its own bundle, loaded on demand. */
const appStaysOutside: Plugin = {
  name: 'app-stays-outside',
  setup(builder) {
    builder.onResolve({ filter: /ui\/run-app\.js$/ }, () => ({ path: './app.cjs', external: true }));
  },
};

/** The symptom search (MiniSearch, the stemmer, fuse.js) is a bundle of its own: `report` never loads it. */
const searchStaysOutside: Plugin = {
  name: 'search-stays-outside',
  setup(builder) {
    builder.onResolve({ filter: /engine\/search-symptoms\.js$/ }, () => ({ path: './search.cjs', external: true }));
  },
};

/** The Markdown preview (marked-terminal and its highlighter) is a bundle of its own, loaded on first use. */
const previewStaysOutside: Plugin = {
  name: 'preview-stays-outside',
  setup(builder) {
    builder.onResolve({ filter: /(^|[\\/])terminal-markdown\.c?js$/ }, () => ({ path: './terminal-markdown.cjs', external: true }));
  },
};

/** yoga-layout awaits at its top level, which CommonJS cannot; the shim loads it before the first render. */
const yogaShim: Plugin = {
  name: 'yoga-shim',
  setup(builder) {
    builder.onResolve({ filter: /^yoga-layout$|yoga-ready\.js$/ }, () => ({ path: `${root}src/ui/yoga-shim.ts` }));
  },
};

/**
 * Ink's reconciler awaits at its top level only to wire React DevTools when DEV=true, which this
 * app never sets. Dropping those two awaits lets the app be CommonJS, and so code-cached.
 */
const inkWithoutDevtools: Plugin = {
  name: 'ink-without-devtools',
  setup(builder) {
    builder.onLoad({ filter: /ink[\\/]build[\\/]reconciler\.js$/ }, async ({ path }) => {
      let contents = await readFile(path, 'utf8');
      for (const [topLevelAwait, replacement] of [["await import('./devtools.js');", ''], ['? await loadPackageJson()', '? {}']] as const) {
        if (!contents.includes(topLevelAwait)) throw new Error('ink/build/reconciler.js changed: revisit the ink-without-devtools build step');
        contents = contents.replace(topLevelAwait, replacement);
      }
      return { contents, loader: 'js' };
    });
  },
};

/**
 * Ink 6.8's useInput reads an unknown escape sequence whose modifier has the Ctrl bit (a colour
 * code such as ESC[31m in pasted text) as Ctrl with no key name, and crashes on `undefined.startsWith`
 * before any handler runs. Such a key becomes an empty input instead, which the app ignores.
 */
const inkInputWithoutCrash: Plugin = {
  name: 'ink-input-without-crash',
  setup(builder) {
    builder.onLoad({ filter: /ink[\\/]build[\\/]hooks[\\/]use-input\.js$/ }, async ({ path }) => {
      const contents = await readFile(path, 'utf8');
      const ctrlWithName = `else if (keypress.ctrl) {
                input = keypress.name;`;
      if (!contents.includes(ctrlWithName)) throw new Error('ink/build/hooks/use-input.js changed: revisit the ink-input-without-crash build step');
      return { contents: contents.replace(ctrlWithName, `else if (keypress.ctrl) {
                input = keypress.name ?? '';`), loader: 'js' };
    });
  },
};

async function bundle() {
  const loaded = await loadKnowledge([`${root}knowledge`], root);
  if (!loaded.ok) {
    const lines = 'problems' in loaded ? loaded.problems.map(formatProblem) : [loaded.usageError];
    console.error(`bundled knowledge is invalid:\n${lines.join('\n')}`);
    process.exit(1);
  }
  await rm(dist, { recursive: true, force: true });
  // The launcher is CommonJS too: an ES module entry point starts Node's ES module loader, and
  // its view of node:fs loads every lazy part of fs (streams included), all before the first line runs.
  // dist/package.json makes dist/cli.js CommonJS without renaming the command's file.
  await build({
    ...shared,
    entryPoints: [`${root}src/cli/bin.ts`],
    outfile: `${dist}/cli.js`,
    format: 'cjs',
    banner: { js: '#!/usr/bin/env node' },
    define: { ...shared.define, 'import.meta.url': 'importMetaUrl' },
    inject: [`${root}src/cli/import-meta-url-shim.ts`],
  });
  await writeFile(`${dist}/package.json`, `${JSON.stringify({ type: 'commonjs' })}\n`);
  await build({
    ...shared,
    entryPoints: [`${root}src/cli/main.ts`],
    outfile: `${dist}/headless.cjs`,
    format: 'cjs',
    define: { ...shared.define, 'import.meta.url': 'importMetaUrl', DEPLOY_DOCTOR_BUNDLED: 'true' },
    inject: [`${root}src/cli/import-meta-url-shim.ts`],
    plugins: [appStaysOutside, searchStaysOutside],
  });
  await build({
    ...shared,
    entryPoints: [`${root}src/engine/search-symptoms.ts`],
    outfile: `${dist}/search.cjs`,
    format: 'cjs',
  });
  await build({
    ...shared,
    entryPoints: [`${root}src/ui/run-app.tsx`],
    outfile: `${dist}/app.cjs`,
    format: 'cjs',
    jsx: 'automatic',
    define: { ...shared.define, 'import.meta.url': 'importMetaUrl', DEPLOY_DOCTOR_BUNDLED: 'true' },
    inject: [`${root}src/cli/import-meta-url-shim.ts`],
    // Only loaded when DEV=true, to connect React DevTools; never in this app.
    alias: { ...shared.alias, 'react-devtools-core': `${root}src/ui/devtools-stub.ts` },
    plugins: [yogaShim, inkWithoutDevtools, inkInputWithoutCrash, previewStaysOutside],
  });
  await build({
    ...shared,
    entryPoints: [`${root}src/ui/terminal-markdown.ts`],
    outfile: `${dist}/terminal-markdown.cjs`,
    format: 'cjs',
    define: { ...shared.define, 'import.meta.url': 'importMetaUrl' },
    inject: [`${root}src/cli/import-meta-url-shim.ts`],
  });
  await writeFile(`${dist}/knowledge.json`, JSON.stringify(loaded.knowledge));
  await warmCodeCache(loaded.knowledge);
  await warmAppCodeCache();
}

/**
 * Drives the app bundle through a short diagnosis on fake terminal streams, so its code cache
 * holds what the first screens run. The driver is built to a temporary file and removed again.
 */
async function warmAppCodeCache() {
  const driver = `${dist}/warm-app.cjs`;
  await build({
    ...shared,
    minify: false,
    stdin: {
      resolveDir: root,
      loader: 'ts',
      contents: `
        import { EventEmitter } from 'node:events';
        import { readFileSync } from 'node:fs';
        import { runCachedBundle } from './src/cli/cached-bundle.js';
        import { indexKnowledge } from './src/engine/knowledge-index.js';
        import { initialState } from './src/ui/state.js';
        class Stdin extends EventEmitter {
          isTTY = true; chunk: string | null = null;
          setEncoding() {} setRawMode() {} resume() {} pause() {} ref() {} unref() {}
          read() { const chunk = this.chunk; this.chunk = null; return chunk; }
          press(key: string) { this.chunk = key; this.emit('readable'); }
        }
        class Stdout extends EventEmitter { isTTY = true; columns = 100; rows = 30; write() { return true; } }
        const dist = process.argv[2]!;
        const { runApp } = runCachedBundle(dist, 'app') as typeof import('./src/ui/run-app.js');
        const index = indexKnowledge(JSON.parse(readFileSync(dist + '/knowledge.json', 'utf8')));
        const stdin = new Stdin();
        const finished = runApp({
          index, initial: initialState({ date: '2026-01-01' }), color: true,
          services: { saveSession: () => ({ ok: true as const }), saveSessionAs: async () => ({ outcome: 'written' as const, message: 'warm-up' }), writeExport: async () => ({ outcome: 'written' as const, message: 'warm-up' }) },
          stdin: stdin as never, stdout: new Stdout() as never,
        });
        const keys = ['P', '\\r', 'f', 'e', 'a', 'r', ' ', ' ', '\\t', '\\u001b[B', ' ', '\\r', 'n', '?', 'y', 'p', 'b', 'u', 'd', '\\r', '\\u001b[B', 'm', 'q'];
        void (async () => {
          for (const key of keys) { await new Promise((resolve) => setTimeout(resolve, 15)); stdin.press(key); }
          await finished;
        })();
      `,
    },
    outfile: driver,
    format: 'cjs',
  });
  const result = spawnSync(process.execPath, [driver, dist], { env: { ...process.env, CI: 'false', DEPLOY_DOCTOR_WRITE_CODE_CACHE: '1' }, stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 });
  await rm(driver, { force: true });
  if (result.status !== 0) {
    console.error(`the freshly built app failed its warm-up run:\n${result.stderr}`);
    process.exit(1);
  }
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
    // Every fourth question left open, so choosing the next question is part of the warm-up too.
    answers: Object.fromEntries(knowledge.questions.filter((_, index) => index % 4 !== 3).map((question, index) => [question.id, ['yes', 'no', 'partly', 'unsure'][index % 4]])),
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
