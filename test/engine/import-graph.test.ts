import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/bundled-knowledge.js';

/** Every module a folder's files pull in, as the bundler resolves them. */
async function importGraph(folder: string): Promise<string[]> {
  const dir = join(repoRoot, 'src', folder);
  const entryPoints = readdirSync(dir).filter((name) => name.endsWith('.ts')).map((name) => join(dir, name));
  const result = await build({ entryPoints, bundle: true, write: false, metafile: true, platform: 'node', format: 'esm', outdir: '/tmp/unused', logLevel: 'silent' });
  return Object.keys(result.metafile.inputs);
}

describe('the pure core stays free of the terminal UI', () => {
  it.each(['engine', 'knowledge', 'report', 'source'])('nothing src/%s imports loads Ink or React', async (folder) => {
    const graph = await importGraph(folder);
    expect(graph.length).toBeGreaterThan(3);
    expect(graph.filter((path) => /node_modules\/(ink|react|react-reconciler|@inkjs)\//.test(path) || path.includes('src/ui/'))).toEqual([]);
  });
});

describe('report start-up stays free of the search', () => {
  it('nothing `report` imports loads MiniSearch, the stemmer or fuse.js', async () => {
    const result = await build({ entryPoints: [join(repoRoot, 'src/cli/commands/report.ts')], bundle: true, write: false, metafile: true, platform: 'node', format: 'esm', outdir: '/tmp/unused', logLevel: 'silent' });
    const graph = Object.keys(result.metafile.inputs);
    expect(graph.length).toBeGreaterThan(10);
    expect(graph.filter((path) => /node_modules\/(minisearch|stemmer|fuse\.js)\//.test(path) || /search-(symptoms|text)\.ts$/.test(path))).toEqual([]);
  });

  it('the search command does load them (so the check above can fail)', async () => {
    const result = await build({ entryPoints: [join(repoRoot, 'src/cli/commands/search.ts')], bundle: true, write: false, metafile: true, platform: 'node', format: 'esm', outdir: '/tmp/unused', logLevel: 'silent' });
    expect(Object.keys(result.metafile.inputs).some((path) => /node_modules\/minisearch\//.test(path))).toBe(true);
  });
});

describe('the built headless bundle', () => {
  it('holds no search code: `search` loads dist/search.cjs on demand', async () => {
    const { readFile } = await import('node:fs/promises');
    const headless = await readFile(join(repoRoot, 'dist/headless.cjs'), 'utf8');
    expect(headless).not.toMatch(/MiniSearch|stemmer|Fuse/);
    expect(headless).toContain('./search.cjs');
    expect(await readFile(join(repoRoot, 'dist/search.cjs'), 'utf8')).toMatch(/MiniSearch/);
  });
});
