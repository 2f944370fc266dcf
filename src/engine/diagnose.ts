import type { DoraClusters } from '../knowledge/dora-clusters-schema.js';
import type { Symptom } from '../knowledge/schema.js';
import { buildPlan } from './build-plan.js';
import type { Plan, RankedCause } from './diagnosis-schema.js';
import { placeMetrics, type Baseline } from './dora-baseline.js';
import type { KnowledgeIndex } from './knowledge-index.js';
import { nextQuestion, type InterviewMode, type NextStep } from './next-question.js';
import { analyse } from './rank-causes.js';
import { roomFindings, type RoomFindings } from './room-findings.js';
import { answerWeights } from './room-session.js';
import { dotTally } from './room-vote.js';
import type { Session } from './session-schema.js';

export type Diagnosis = {
  session: Session;
  symptoms: Symptom[];
  ranking: RankedCause[];
  plan: Plan;
  /** Where the interview stands: the next question worth asking, or why it can stop. */
  interview: NextStep;
  /** Several voices: tallies, disagreements and the vote; absent for one voice. */
  room?: RoomFindings;
  /** The team's delivery metrics against the published clusters; absent without metrics. */
  baseline?: Baseline;
};

/** Everything a report needs, from one validated session. Pure: same session, same diagnosis. */
export function diagnose(index: KnowledgeIndex, session: Session, mode: InterviewMode = 'adaptive', { clusters }: { clusters?: DoraClusters } = {}): Diagnosis {
  const weights = answerWeights(index, session);
  const analysis = analyse(index, session.symptoms, session.answers, weights);
  const ranking = analysis.ranking;
  const room = roomFindings(index, session, ranking);
  return {
    session,
    symptoms: session.symptoms.map((id) => index.symptoms.get(id)!),
    ranking,
    plan: buildPlan(index, ranking, session.addToPlan, session.votes ? dotTally(session.votes) : {}),
    interview: nextQuestion(index, { ...session, weights }, mode, analysis),
    ...(room ? { room } : {}),
    ...(session.metrics && clusters ? { baseline: placeMetrics(session.metrics, clusters) } : {}),
  };
}
