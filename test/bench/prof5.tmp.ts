import { syntheticKnowledge } from './synthetic-knowledge.js';
import { createSymptomSearch } from '../../src/engine/search-symptoms.js';
const k = syntheticKnowledge({ symptoms: 10_000, antiPatterns: 50, questions: 50 });
const s = createSymptomSearch(k);
const qs = ['we never deploy on fridays', 'it worked in staging', 'rollback takes hours', 'waiting for qa approval', 'databse migraton lock', 'flaky pipeline blocks merges'];
const typed = qs.flatMap((q) => Array.from({ length: q.length }, (_, e) => q.slice(0, e + 1)));
for (const t of typed) s(t, 30);
const times = typed.map((t) => { const a = performance.now(); s(t, 30); return [performance.now() - a, t] as const; });
console.log(times.sort((a, b) => b[0] - a[0]).slice(0, 8).map(([ms, t]) => ms.toFixed(1) + ' ' + JSON.stringify(t)).join('\n'));
