import { createSymptomSearch, type SymptomSearch } from '../engine/search-symptoms.js';
import type { KnowledgeIndex } from '../engine/knowledge-index.js';
import { nextQuestion, relevantQuestions, type NextStep } from '../engine/next-question.js';
import { rankCauses } from '../engine/rank-causes.js';
import type { RankedCause } from '../engine/diagnosis-schema.js';
import type { Question, Symptom, SymptomCategory } from '../knowledge/schema.js';
import { symptomCategorySchema } from '../knowledge/schema-primitives.js';
import type { State } from './state.js';

/** What the reducer and the components both need: the knowledge and its search. */
export type UiEnv = { index: KnowledgeIndex; search: SymptomSearch };

export function createUiEnv(index: KnowledgeIndex): UiEnv {
  return { index, search: createSymptomSearch(index.knowledge.symptoms) };
}

export type PickerRow = { symptom: Symptom; category?: SymptomCategory; score?: number };

const categoryOrder = symptomCategorySchema.options;

/** Browsing: every symptom grouped by category, each group's first row carrying the heading. */
function browseRows(env: UiEnv): PickerRow[] {
  const rows: PickerRow[] = [];
  for (const category of categoryOrder) {
    const symptoms = env.index.knowledge.symptoms.filter((symptom) => symptom.category === category);
    symptoms.forEach((symptom, position) => rows.push({ symptom, ...(position === 0 ? { category } : {}) }));
  }
  return rows;
}

export function pickerRows(state: State, env: UiEnv): PickerRow[] {
  if (state.picker.browse || state.picker.query.trim() === '') return browseRows(env);
  return env.search(state.picker.query, 30).map((match) => ({ symptom: env.index.symptoms.get(match.id)!, score: match.score }));
}

export function categoryStarts(rows: readonly PickerRow[]): number[] {
  return rows.flatMap((row, position) => (row.category ? [position] : []));
}

export function ranking(state: State, env: UiEnv): RankedCause[] {
  return rankCauses(env.index, state.symptoms, state.answers);
}

export type CurrentQuestion = { question: Question; revisit: boolean; step: NextStep } | { question?: undefined; step: NextStep & { done: true } };

/** The question to show: one taken back with "back" first, otherwise the engine's choice. */
export function currentQuestion(state: State, env: UiEnv): CurrentQuestion {
  const step = nextQuestion(env.index, { symptoms: state.symptoms, answers: state.answers }, state.interview.mode);
  const revisitId = state.interview.revisit;
  const revisit = revisitId && relevantQuestions(env.index, state.symptoms, state.answers).find((question) => question.id === revisitId);
  if (revisit && !(revisit.id in state.answers)) return { question: revisit, revisit: true, step };
  if (step.done) return { step };
  return { question: step.question, revisit: false, step };
}

export function answeredQuestions(state: State, env: UiEnv): Question[] {
  return state.interview.order.map((id) => env.index.questions.get(id)!).filter(Boolean);
}
