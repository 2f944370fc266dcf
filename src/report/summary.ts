import type { Diagnosis } from '../engine/diagnose.js';
import { leadingCauses } from '../engine/build-plan.js';
import { percent } from './markdown-text.js';
import { count } from '../source/count.js';

/**
 * The answer a team lead reads first; shared by Markdown, JSON and the terminal. Where the plan is
 * (below, or behind a key) is for each of them to say.
 */
export function summarize(diagnosis: Diagnosis): string {
  const people = diagnosis.room?.people;
  const answered = Object.keys(diagnosis.session.answers).length;
  const basis =
    people && people > 1
      ? `Based on ${count(diagnosis.symptoms.length, 'symptom')} and ${count(answered, 'question')} answered by ${people} people`
      : `Based on ${count(diagnosis.symptoms.length, 'symptom')} and ${count(answered, 'answer')}`;
  const leading = leadingCauses(diagnosis.ranking);
  const top = leading[0];
  if (!top) return `${basis}, no anti-pattern stands out yet.`;
  const others = leading.slice(1).map((cause) => `${cause.title} (${percent(cause.confidence)})`);
  const rest = others.length > 0 ? ` Also likely: ${others.join(', ')}.` : '';
  // The first cause can be less certain than a consequence it drives; then it is where to start, not the likeliest.
  const likelier = leading.some((cause) => cause.confidence > top.confidence && cause.drivenBy.length > 0);
  const confidence =
    top.confidence < 0.5 ? 'the strongest lead so far, though not yet confirmed,' : likelier ? 'the root cause to start with' : 'the most likely cause';
  return `${basis}, ${confidence} is ${top.title} (${percent(top.confidence)}).${rest}${drivers(diagnosis)}`;
}

/** "X is probably driving Y" for each supported cause that a higher-ranked one brings about. */
export function drivingSentences(diagnosis: Diagnosis): string[] {
  const title = new Map(diagnosis.ranking.map((cause) => [cause.id, cause.title]));
  return diagnosis.ranking.flatMap((cause) =>
    cause.drivenBy.filter((id) => title.has(id)).map((id) => `${title.get(id)} is probably driving ${cause.title}.`),
  );
}

function drivers(diagnosis: Diagnosis): string {
  const sentences = drivingSentences(diagnosis);
  return sentences.length > 0 ? ` ${sentences.join(' ')}` : '';
}
