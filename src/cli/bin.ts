// The installed `deploy-doctor` command: runs the headless bundle through V8's code cache.
import { fileURLToPath } from 'node:url';
import { runCachedBundle } from './cached-bundle.js';

runCachedBundle(fileURLToPath(new URL('.', import.meta.url)), 'headless');
