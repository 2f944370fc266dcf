import { createSymptomSearch } from '../../src/engine/search-symptoms.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { bundledDir, repoRoot } from '../support/bundled-knowledge.js';
import { formatAccuracy, measureAccuracy } from './search-accuracy.js';
import { loadPhrasings } from '../support/search-phrasings.js';
const loaded = await loadKnowledge([bundledDir], repoRoot);
if (!loaded.ok) throw new Error('bad');
const t = performance.now();
const search = createSymptomSearch(loaded.knowledge);
console.log('build', (performance.now() - t).toFixed(1), 'ms');
const dev = loadPhrasings().filter((p) => p.split === 'dev');
const all = measureAccuracy((q) => search(q, 10).map((m) => m.id));
console.log(formatAccuracy('new', all).join('\n'));
if (process.argv.includes('--misses')) {
  const rep = measureAccuracy((q) => search(q, 10).map((m) => m.id), dev);
  for (const m of rep.misses) console.log(`MISS [${m.phrasing.expected}] ${m.phrasing.query}\n   got: ${m.got.slice(0, 3).join(', ')}`);
  const top1 = dev.map((p) => ({ p, got: search(p.query, 3) })).filter((x) => x.got[0]?.id !== x.p.expected && x.got.slice(0,3).some(g => g.id === x.p.expected));
  for (const x of top1) console.log(`2ND [${x.p.expected}] ${x.p.query}\n   got: ${x.got.map((g) => g.id + ' ' + g.score).join(', ')}`);
}
