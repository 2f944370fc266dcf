import type { Symptom } from '../knowledge/schema.js';
import { buildPlan } from './build-plan.js';
import type { Plan, RankedCause } from './diagnosis-schema.js';
import type { KnowledgeIndex } from './knowledge-index.js';
import { nextQuestion, type InterviewMode, type NextStep } from './next-question.js';
import { analyse } from './rank-causes.js';
import type { Session } from './session-schema.js';

export type Diagnosis = {
  session: Session;
  symptoms: Symptom[];
  ranking: RankedCause[];
  plan: Plan;
  /** Where the interview stands: the next question worth asking, or why it can stop. */
  interview: NextStep;
};

/** Everything a report needs, from one validated session. Pure: same session, same diagnosis. */
export function diagnose(index: KnowledgeIndex, session: Session, mode: InterviewMode = 'adaptive'): Diagnosis {
  const analysis = analyse(index, session.symptoms, session.answers);
  return {
    session,
    symptoms: session.symptoms.map((id) => index.symptoms.get(id)!),
    ranking: analysis.ranking,
    plan: buildPlan(index, analysis.ranking),
    interview: nextQuestion(index, session, mode, analysis),
  };
}
