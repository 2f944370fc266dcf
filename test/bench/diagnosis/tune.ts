// Tuning run: the realistic simulation and the dev split of the real cases only (never the holdout).
//   npx tsx test/bench/diagnosis/tune.ts [--teams N]
import { loadKnowledge } from '../../../src/knowledge/load-knowledge.js';
import { bundledDir, repoRoot } from '../../support/bundled-knowledge.js';
import { loadDiagnosisCases } from '../../support/diagnosis-cases.js';
import { realCase } from '../diagnosis.js';
import { prepare } from './engine-adapter.js';
import { simulateTeams } from './realistic-teams.js';
import { printScoreboard } from './report.js';
import { scoreCases } from './score.js';

const at = process.argv.indexOf('--teams');
const teams = at >= 0 ? Number(process.argv[at + 1]) : 300;
const loaded = await loadKnowledge([bundledDir], repoRoot);
if (!loaded.ok) throw new Error('bundled knowledge is invalid');
const index = prepare(loaded.knowledge);
const dev = (await loadDiagnosisCases()).filter((each) => each.split === 'dev').map(realCase);
printScoreboard('simulation', scoreCases(loaded.knowledge, index, simulateTeams(loaded.knowledge, { teams })));
printScoreboard('real dev', scoreCases(loaded.knowledge, index, dev));
