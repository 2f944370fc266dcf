// `npm run bench:diagnosis`: how well the engine names the root cause, on simulated teams that look like real
// ones and on real cases written from public sources, beside two simple baselines. Also the old
// single-anti-pattern check, kept as a regression figure (100% first).
//   options: --teams N (default 1200), --seed N
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import type { Knowledge } from '../../src/knowledge/schema.js';
import { bundledDir, repoRoot } from '../support/bundled-knowledge.js';
import { loadDiagnosisCases } from '../support/diagnosis-cases.js';
import type { DiagnosisCase } from '../support/diagnosis-case-schema.js';
import { prepare, singleCauseInterview, type EngineIndex } from './diagnosis/engine-adapter.js';
import { defaultTeamOptions, simulateTeams } from './diagnosis/realistic-teams.js';
import { printFloors, printScoreboard } from './diagnosis/report.js';
import { scoreCases, type EvalCase } from './diagnosis/score.js';

/** Each anti-pattern through each symptom that lists it, answered from the engine's own evidence. */
export function singleCauseFigures(knowledge: Knowledge, index: EngineIndex) {
  let cases = 0;
  let rankedFirst = 0;
  let questions = 0;
  const misses: string[] = [];
  for (const antiPattern of knowledge.antiPatterns) {
    for (const symptom of knowledge.symptoms.filter((each) => each.causes.some((cause) => cause.antiPattern === antiPattern.id))) {
      cases++;
      const interview = singleCauseInterview(index, symptom.id, antiPattern.id);
      questions += interview.asked;
      if (interview.first === antiPattern.id) rankedFirst++;
      else misses.push(`${antiPattern.id} via ${symptom.id}: ranked ${interview.rankOf}`);
    }
  }
  return { antiPatterns: knowledge.antiPatterns.length, cases, rankedFirst: rankedFirst / cases, meanQuestions: questions / cases, misses };
}

export const realCase = (each: DiagnosisCase): EvalCase => ({ id: each.id, symptoms: each.symptoms, causes: each.causes, answers: each.facts });

export async function diagnosisFigures(options: { teams?: number; seed?: number } = {}) {
  const loaded = await loadKnowledge([bundledDir], repoRoot);
  if (!loaded.ok) throw new Error('bundled knowledge is invalid; run deploy-doctor validate');
  const knowledge = loaded.knowledge;
  const index = prepare(knowledge);
  const teams = simulateTeams(knowledge, { teams: options.teams ?? defaultTeamOptions.teams, seed: options.seed ?? defaultTeamOptions.seed });
  const cases = await loadDiagnosisCases();
  const part = (split?: 'dev' | 'holdout') => cases.filter((each) => split === undefined || each.split === split);
  const meanFacts = (list: DiagnosisCase[]) => list.reduce((sum, each) => sum + Object.keys(each.facts).length, 0) / Math.max(1, list.length);
  return {
    single: singleCauseFigures(knowledge, index),
    simulation: {
      teams: teams.length,
      seed: options.seed ?? defaultTeamOptions.seed,
      meanCauses: teams.reduce((sum, team) => sum + team.causes.length, 0) / teams.length,
      meanSymptoms: teams.reduce((sum, team) => sum + team.symptoms.length, 0) / teams.length,
      board: scoreCases(knowledge, index, teams),
    },
    real: {
      distinctPrimaries: new Set(cases.map((each) => each.causes[0])).size,
      dev: { board: scoreCases(knowledge, index, part('dev').map(realCase)), facts: meanFacts(part('dev')) },
      holdout: { board: scoreCases(knowledge, index, part('holdout').map(realCase)), facts: meanFacts(part('holdout')) },
      all: { board: scoreCases(knowledge, index, part().map(realCase)), facts: meanFacts(part()) },
    },
  };
}

export function printDiagnosisFigures(figures: Awaited<ReturnType<typeof diagnosisFigures>>) {
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  const { single, simulation, real } = figures;
  console.log(`diagnosis regression: ${single.cases} single-anti-pattern teams (each of ${single.antiPatterns} through every symptom that lists it, answered from the engine's own evidence)`);
  console.log(`  true cause ranked first: ${percent(single.rankedFirst)} (must stay 100%), mean questions ${single.meanQuestions.toFixed(2)}`);
  for (const miss of single.misses) console.log(`  miss: ${miss}`);
  console.log(`\n(figures: first / in top 3 / every present cause in top 5 / mean questions / of causes shown at >=70%, share truly present / Brier over ranked causes)`);
  printScoreboard(
    `\nrealistic simulation (seed ${simulation.seed}, ${simulation.meanCauses.toFixed(2)} anti-patterns and ${simulation.meanSymptoms.toFixed(2)} symptoms per team)`,
    simulation.board,
  );
  printScoreboard(`\nreal cases, dev (${real.distinctPrimaries} distinct primary causes over all cases)`, real.dev.board, real.dev.facts);
  printScoreboard('\nreal cases, holdout (never tuned on)', real.holdout.board, real.holdout.facts);
  printScoreboard('\nreal cases, all', real.all.board, real.all.facts);
  console.log('');
  printFloors(simulation.board, real.all.board);
}

function option(name: string): number | undefined {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : undefined;
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) printDiagnosisFigures(await diagnosisFigures({ teams: option('teams'), seed: option('seed') }));
