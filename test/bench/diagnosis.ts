// How well the engine finds a known root cause, compared with counting how many chosen symptoms list each cause.
import { indexKnowledge } from '../../src/engine/knowledge-index.js';
import { simulateInterview } from '../../src/engine/simulate-team.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { bundledDir, repoRoot } from '../support/bundled-knowledge.js';

export async function diagnosisFigures() {
  const loaded = await loadKnowledge([bundledDir], repoRoot);
  if (!loaded.ok) throw new Error('bundled knowledge is invalid; run deploy-doctor validate');
  const index = indexKnowledge(loaded.knowledge);
  let cases = 0;
  let rankedFirst = 0;
  let questions = 0;
  let referenceTopOne = 0;
  let referenceTopThree = 0;
  const misses: string[] = [];
  for (const antiPattern of loaded.knowledge.antiPatterns) {
    const symptoms = loaded.knowledge.symptoms.filter((symptom) => symptom.causes.some((cause) => cause.antiPattern === antiPattern.id));
    for (const symptom of symptoms) {
      cases++;
      const interview = simulateInterview(index, [symptom.id], new Set([antiPattern.id]));
      questions += interview.asked;
      if (interview.ranking[0]?.id === antiPattern.id) rankedFirst++;
      else misses.push(`${antiPattern.id} via ${symptom.id}: ranked ${interview.ranking.findIndex((cause) => cause.id === antiPattern.id) + 1}`);
      // The reference: the symptom's fixed "most common cause", then its other causes in listed order.
      const reference = [...symptom.causes].sort((a, b) => Number(b.mostCommon) - Number(a.mostCommon)).map((cause) => cause.antiPattern);
      if (reference[0] === antiPattern.id) referenceTopOne++;
      if (reference.slice(0, 3).includes(antiPattern.id)) referenceTopThree++;
    }
  }
  return {
    antiPatterns: loaded.knowledge.antiPatterns.length,
    cases,
    rankedFirst: rankedFirst / cases,
    meanQuestions: questions / cases,
    referenceTopOne: referenceTopOne / cases,
    referenceTopThree: referenceTopThree / cases,
    misses,
  };
}

export function printDiagnosisFigures(figures: Awaited<ReturnType<typeof diagnosisFigures>>) {
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  console.log(`diagnosis: ${figures.cases} simulated teams (each of ${figures.antiPatterns} anti-patterns through every symptom that lists it)`);
  console.log(`  true cause ranked first: ${percent(figures.rankedFirst)} (target 100%)`);
  console.log(`  mean questions asked (adaptive): ${figures.meanQuestions.toFixed(2)} (target <= 6)`);
  console.log(`  reference "most common cause": top 1 ${percent(figures.referenceTopOne)}, top 3 ${percent(figures.referenceTopThree)}`);
  for (const miss of figures.misses) console.log(`  miss: ${miss}`);
}

if (import.meta.url === `file://${process.argv[1]}`) printDiagnosisFigures(await diagnosisFigures());
