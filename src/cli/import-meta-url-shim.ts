// The headless bundle is CommonJS (so V8 can cache its compiled code); this stands in for import.meta.url there.
import { pathToFileURL } from 'node:url';

export const importMetaUrl = pathToFileURL(__filename).href;
