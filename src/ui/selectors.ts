import { createSymptomSearch, type SymptomMatch, type SymptomSearch } from '../engine/search-symptoms.js';
import type { KnowledgeIndex } from '../engine/knowledge-index.js';
import { nextQuestion, relevantQuestions, type NextStep } from '../engine/next-question.js';
import { analyse, rankCauses } from '../engine/rank-causes.js';
import { buildPlan, fixStepId } from '../engine/build-plan.js';
import { weeksLabel } from '../report/markdown-report.js';
import type { Plan, RankedCause } from '../engine/diagnosis-schema.js';
import type { Question, Symptom, SymptomCategory } from '../knowledge/schema.js';
import { symptomCategorySchema } from '../knowledge/schema-primitives.js';
import type { State } from './state.js';
import type { DoraClusters } from '../knowledge/dora-clusters-schema.js';
import { roomWeights } from './room/room-selectors.js';
import { withVisibleControls } from './visible-knowledge.js';

/** What the reducer and the components both need: the knowledge and its search. */
export type UiEnv = { index: KnowledgeIndex; search: SymptomSearch; warmSearch: () => void; clusters?: DoraClusters };

/**
 * The search index is built on first use, or by `warmSearch` once the first frame is on screen, so
 * building it never delays the app's first frame and is done before the first keystroke is handled.
 */
export function createUiEnv(knowledgeIndex: KnowledgeIndex, clusters?: DoraClusters): UiEnv {
  const index = withVisibleControls(knowledgeIndex);
  let built: SymptomSearch | undefined;
  const warmSearch = () => {
    built ??= createSymptomSearch(index.knowledge);
  };
  // The reducer and the picker both ask for the rows of the same filter text on every key: search once.
  let last: { text: string; limit: number | undefined; matches: ReturnType<SymptomSearch> } | undefined;
  return {
    index,
    ...(clusters ? { clusters } : {}),
    warmSearch,
    search: (text, limit) => {
      warmSearch();
      if (last?.text !== text || last.limit !== limit) last = { text, limit, matches: built!(text, limit) };
      return last.matches;
    },
  };
}

export type PickerRow = { symptom: Symptom; category?: SymptomCategory; score?: number } & Partial<Pick<SymptomMatch, 'weak' | 'highlight' | 'causedBy'>>;

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
  return env.search(state.picker.query, 30).map(({ id, score, weak, highlight, causedBy }) => ({ symptom: env.index.symptoms.get(id)!, score, weak, highlight, ...(causedBy ? { causedBy } : {}) }));
}

export function categoryStarts(rows: readonly PickerRow[]): number[] {
  return rows.flatMap((row, position) => (row.category ? [position] : []));
}

export function ranking(state: State, env: UiEnv): RankedCause[] {
  return rankCauses(env.index, state.symptoms, state.answers, roomWeights(state.room, env));
}

export type CurrentQuestion = { question: Question; revisit: boolean; step: NextStep } | { question?: undefined; step: NextStep & { done: true } };

/** The question to show: one taken back with "back" first, otherwise the engine's choice. */
export function currentQuestion(state: State, env: UiEnv): CurrentQuestion {
  const weights = roomWeights(state.room, env);
  const analysis = analyse(env.index, state.symptoms, state.answers, weights);
  const step = nextQuestion(env.index, { symptoms: state.symptoms, answers: state.answers, weights }, state.interview.mode, analysis);
  const revisitId = state.interview.revisit?.id;
  const revisit = revisitId && relevantQuestions(env.index, state.symptoms, state.answers, analysis).find((question) => question.id === revisitId);
  if (revisit && !(revisit.id in state.answers)) return { question: revisit, revisit: true, step };
  if (step.done) return { step };
  return { question: step.question, revisit: false, step };
}

export function answeredQuestions(state: State, env: UiEnv): Question[] {
  return state.interview.order.map((id) => env.index.questions.get(id)!).filter(Boolean);
}

/** The fix plan as the report builds it: the room's dots put causes in the plan too (engine/diagnose.ts). */
function currentPlan(state: State, env: UiEnv, causes: readonly RankedCause[]): Plan {
  return buildPlan(env.index, causes, state.addToPlan, state.room?.votes ?? {});
}

/** Whether each ranked cause is in the fix plan: on the evidence, because the team added it, or not at all. */
export function planCoverage(state: State, env: UiEnv): Map<string, 'planned' | 'added' | 'left-out'> {
  const causes = ranking(state, env);
  const plan = currentPlan(state, env, causes);
  const planned = new Set(plan.items.map((item) => item.antiPattern));
  return new Map(causes.map((cause) => [cause.id, plan.addedByTeam.includes(cause.id) ? 'added' : planned.has(cause.id) ? 'planned' : 'left-out']));
}

export type FixStepRow = {
  /** What a tick records in the answers file's `done:` list; for work listed earlier in the plan, that listing's id. */
  id: string;
  label: string;
  title: string;
  actions: readonly string[];
  /** The cause whose step is the same work, when the plan lists it there first. */
  sameWorkAs?: string;
  done: boolean;
};

/**
 * The selected cause's fix steps: on the plan's calendar when the cause is in the plan, otherwise
 * with the knowledge's own weeks. A step the plan lists once for two causes is ticked once.
 */
export function selectedFixSteps(state: State, env: UiEnv): FixStepRow[] {
  const causes = ranking(state, env);
  const selected = causes[state.results.selected];
  if (!selected) return [];
  const done = new Set(state.done);
  const item = currentPlan(state, env, causes).items.find((candidate) => candidate.antiPattern === selected.id);
  if (item) {
    return item.steps.map((step) => {
      const id = step.duplicateOf ?? step.id;
      const owner = step.duplicateOf ? env.index.antiPatterns.get(step.duplicateOf.split('/')[0]!)?.title : undefined;
      return { id, label: weeksLabel(step), title: step.title, actions: step.actions, ...(owner ? { sameWorkAs: owner } : {}), done: done.has(id) };
    });
  }
  return env.index.antiPatterns.get(selected.id)!.fix.map((step) => {
    const id = fixStepId(selected.id, step.id);
    return { id, label: step.weeks, title: step.title, actions: step.actions, done: done.has(id) };
  });
}
