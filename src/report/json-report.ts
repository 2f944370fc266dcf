import { compareText } from '../source/compare-text.js';
import type { Diagnosis } from '../engine/diagnose.js';
import type { KnowledgeIndex } from '../engine/knowledge-index.js';
import { describeEvidence } from './describe-evidence.js';
import type { JsonReport } from './report-schema.js';
import { summarize } from './summary.js';

const round = (value: number) => Math.round(value * 1000) / 1000;

export function toJsonReport(diagnosis: Diagnosis, index: KnowledgeIndex): JsonReport {
  const { session, interview } = diagnosis;
  return {
    format: 'deploy-doctor-report',
    version: 1,
    team: session.team ?? null,
    date: session.date ?? null,
    // Version 1 of the report has one notes string; several notes are paragraphs of it.
    notes: session.notes === undefined ? null : [session.notes].flat().join('\n\n'),
    summary: summarize(diagnosis),
    symptoms: diagnosis.symptoms.map(({ id, title, summary }) => ({ id, title, summary })),
    answers: Object.entries(session.answers)
      .sort(([a], [b]) => compareText(a, b))
      .map(([question, answer]) => ({ question, text: index.questions.get(question)!.text, answer })),
    causes: diagnosis.ranking.map(({ logOdds: _logOdds, evidence, confidence, ...cause }, position) => ({
      rank: position + 1,
      ...cause,
      confidence: round(confidence),
      evidence: evidence.map((entry) => ({ ...entry, change: round(entry.change), summary: describeEvidence(entry, index) })),
    })),
    plan: {
      ...diagnosis.plan,
      items: diagnosis.plan.items.map((item) => ({ ...item, confidence: round(item.confidence) })),
    },
    interview: {
      asked: interview.asked,
      remaining: interview.remaining,
      done: interview.done,
      reason: interview.done ? interview.reason : null,
      explanation: interview.done ? interview.explanation : null,
      nextQuestion: interview.done ? null : interview.question.id,
    },
  };
}

export function renderJsonReport(diagnosis: Diagnosis, index: KnowledgeIndex): string {
  return `${JSON.stringify(toJsonReport(diagnosis, index), null, 2)}\n`;
}
