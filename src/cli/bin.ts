// The installed `deploy-doctor` command. It runs the bundled CLI through V8's code cache: Node 20
// has no built-in compile cache, and compiling the bundle afresh would cost a third of start-up.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { constants, Script } from 'node:vm';

const bundle = fileURLToPath(new URL('./headless.cjs', import.meta.url));
const cacheFile = fileURLToPath(new URL('./headless.cache', import.meta.url));

let cachedData: Buffer | undefined;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  // No cache (first build, or removed): compile normally.
}

const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, 'utf8')}\n})`, {
  filename: bundle,
  cachedData,
  importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
// The build runs one representative report with this set, so the cache also holds the functions that run.
if (process.env.DEPLOY_DOCTOR_WRITE_CODE_CACHE === '1') {
  process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));
}
const module = { exports: {} };
(script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(bundle), module, bundle, fileURLToPath(new URL('.', import.meta.url)));
