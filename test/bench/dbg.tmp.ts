import { createSymptomSearch } from '../../src/engine/search-symptoms.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { words } from '../../src/engine/search-text.js';
import { bundledDir, repoRoot } from '../support/bundled-knowledge.js';
const loaded = await loadKnowledge([bundledDir], repoRoot);
if (!loaded.ok) throw new Error('bad');
const search = createSymptomSearch(loaded.knowledge);
for (const q of process.argv.slice(2)) { console.log(q, words(q).map(w=>w.stem)); for (const r of search(q, 4)) console.log('  ', r.id, r.score, r.weak, r.matched.join('|'), r.fields.join(',')); }
