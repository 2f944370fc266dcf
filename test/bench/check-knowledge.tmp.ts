import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { formatProblem } from '../../src/source/problems.js';
const r = await loadKnowledge(['knowledge'], '.');
console.log(r.ok ? 'ok ' + r.knowledge.vocabulary!.length : 'problems' in r ? r.problems.map(formatProblem).join('\n') : r.usageError);
