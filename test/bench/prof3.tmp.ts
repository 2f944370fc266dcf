import { syntheticKnowledge } from './synthetic-knowledge.js';
import { createSymptomSearch } from './legacy-symptom-search.js';
const k = syntheticKnowledge({ symptoms: 10_000, antiPatterns: 50, questions: 50 });
const s = createSymptomSearch(k.symptoms);
for (let i = 0; i < 3; i++) for (const q of ['we never deploy on fridays', 'deploy', 'staging', 'we never deploy on f']) { const t = performance.now(); const r = s(q, 30); if (i == 2) console.log(q, (performance.now() - t).toFixed(1), r.length); }
