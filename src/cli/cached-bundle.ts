import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { constants, Script } from 'node:vm';

/**
 * Runs a CommonJS bundle from dist/ through V8's code cache (<name>.cache beside it). Node 20 has
 * no built-in compile cache, and compiling a bundle afresh costs a third of start-up or more.
 * The build writes each cache after a representative run (DEPLOY_DOCTOR_WRITE_CODE_CACHE=1);
 * a missing or outdated cache only means a normal compile.
 */
export function runCachedBundle(dir: string, name: string): unknown {
  const file = join(dir, `${name}.cjs`);
  const cacheFile = join(dir, `${name}.cache`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`, {
    filename: file,
    cachedData,
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  if (process.env.DEPLOY_DOCTOR_WRITE_CODE_CACHE === '1') {
    process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));
  }
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}
