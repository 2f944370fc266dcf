import { bundledIndex } from './test/support/bundled-knowledge.js';
import { analyse } from './src/engine/rank-causes.js';
const index = await bundledIndex();
const a = analyse(index, ['deploys-need-war-room'], {});
console.log(a.posterior.candidates.map((c, i) => `${c}:${a.posterior.marginals[i]!.toFixed(3)}`).join(' '));
console.log(a.ranking.map((c) => `${c.id}:${c.confidence.toFixed(3)}:${c.evidence.map((e) => e.id + e.change.toFixed(2)).join(',')}`).join('\n'));
