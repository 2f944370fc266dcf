import { syntheticKnowledge } from './synthetic-knowledge.js';
import { createSymptomSearch } from '../../src/engine/search-symptoms.js';
const k = syntheticKnowledge({ symptoms: 10_000, antiPatterns: 50, questions: 50 });
const s = createSymptomSearch(k);
const t0 = performance.now();
for (let i = 0; i < 40; i++) for (const q of ['we never deploy on fridays', 'rollback takes hours', 'deplo']) s(q, 30);
console.log('per query', ((performance.now() - t0) / 120).toFixed(1));
