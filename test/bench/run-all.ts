// `npm run bench`: every speed target, measured on this machine, against `node -e ''` where start-up matters.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { indexKnowledge } from '../../src/engine/knowledge-index.js';
import { nextQuestion } from '../../src/engine/next-question.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { bundledDir, repoRoot } from '../support/bundled-knowledge.js';
import { diagnosisFigures, printDiagnosisFigures } from './diagnosis.js';
import { compareWithBareNode, median } from './measure-process.js';
import { interactiveFigures } from './interactive.js';
import { portfolioFigures, printPortfolioFigures } from './portfolio.js';
import { syntheticKnowledge } from './synthetic-knowledge.js';
import { searchAccuracyFigures, searchIndexBuildFigures, searchSpeedFigures } from './search.js';

const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');

function timeMany(runs: number, work: () => void): number[] {
  return Array.from({ length: runs }, () => {
    const start = performance.now();
    work();
    return performance.now() - start;
  });
}

async function knowledgeLoading() {
  const times: number[] = [];
  for (let run = 0; run < 15; run++) {
    const start = performance.now();
    const result = await loadKnowledge([bundledDir], repoRoot);
    times.push(performance.now() - start);
    if (!result.ok) throw new Error('bundled knowledge is invalid');
  }
  const first = times[0]!;
  const typical = median(times.slice(1));
  console.log(`knowledge: load and validate the bundled YAML in-process: first ${first.toFixed(1)} ms, then median ${typical.toFixed(1)} ms (target <= 50 ms) ${verdict(typical <= 50)}`);
}

async function reportStartup() {
  const dir = await mkdtemp(join(tmpdir(), 'deploy-doctor-bench-'));
  const loaded = await loadKnowledge([bundledDir], repoRoot);
  if (!loaded.ok) throw new Error('bundled knowledge is invalid');
  const { symptoms, questions } = loaded.knowledge;
  const answers = questions.map((question, index) => `  ${question.id}: ${['yes', 'no', 'partly', 'unsure'][index % 4]}`);
  const file = join(dir, 'full.yaml');
  await writeFile(
    file,
    ['version: 1', 'team: Payments', 'date: 2026-11-21', `symptoms: [${symptoms.slice(0, 8).map((s) => s.id).join(', ')}]`, 'answers:', ...answers, 'notes: a full answers file'].join('\n'),
  );
  const result = compareWithBareNode([join(repoRoot, 'dist/cli.js'), 'report', file]);
  await rm(dir, { recursive: true, force: true });
  console.log(
    `report: fresh process on a full answers file: ${result.measuredMs.toFixed(1)} ms vs node -e '' ${result.baselineMs.toFixed(1)} ms = ${result.ratio.toFixed(2)}x (target <= 1.5x) ${verdict(result.ratio <= 1.5)}`,
  );
}

/** Issue 9: validation must stay linear; a 1 MiB answers file of unknown ids is judged well under a second. */
async function unknownIdsRejection() {
  const dir = await mkdtemp(join(tmpdir(), 'deploy-doctor-bench-'));
  const lines = ['version: 1', 'symptoms: [merge-freeze]', 'answers:'];
  let bytes = lines.join('\n').length;
  for (let id = 0; ; id++) {
    const line = `  unknown-question-${id}: no`;
    if (bytes + line.length + 1 > 1024 * 1024) break;
    lines.push(line);
    bytes += line.length + 1;
  }
  const file = join(dir, 'unknown-ids.yaml');
  await writeFile(file, lines.join('\n'));
  const result = compareWithBareNode([join(repoRoot, 'dist/cli.js'), 'report', file], { runs: 5, status: 1 });
  await rm(dir, { recursive: true, force: true });
  console.log(
    `validation: 1 MiB answers file of ${(lines.length - 3).toLocaleString('en-US')} unknown question ids, rejected by a fresh process: ${result.measuredMs.toFixed(0)} ms vs node -e '' ${result.baselineMs.toFixed(0)} ms = ${result.ratio.toFixed(1)}x (target < 1,000 ms) ${verdict(result.measuredMs < 1000)}`,
  );
}

function nextOnSyntheticPack() {
  const knowledge = syntheticKnowledge({ symptoms: 2000, antiPatterns: 500, questions: 1000 });
  const index = indexKnowledge(knowledge);
  const symptoms = knowledge.symptoms.slice(0, 12).map((symptom) => symptom.id);
  const answers: Record<string, 'yes' | 'no'> = {};
  const times = timeMany(30, () => {
    const step = nextQuestion(index, { symptoms, answers });
    if (!step.done && Object.keys(answers).length < 8) answers[step.question.id] = Object.keys(answers).length % 2 ? 'yes' : 'no';
  });
  const typical = median(times);
  console.log(`next: 2,000 symptoms / 500 anti-patterns / 1,000 questions, 12 symptoms chosen: median ${typical.toFixed(2)} ms, worst ${Math.max(...times).toFixed(2)} ms (target <= 50 ms) ${verdict(typical <= 50)}`);
}

await knowledgeLoading();
await reportStartup();
await unknownIdsRejection();
nextOnSyntheticPack();
await searchIndexBuildFigures();
searchSpeedFigures();
await searchAccuracyFigures();
await interactiveFigures();
printPortfolioFigures(await portfolioFigures());
printDiagnosisFigures(await diagnosisFigures());
