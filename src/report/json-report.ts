import { compareText } from '../source/compare-text.js';
import type { Diagnosis } from '../engine/diagnose.js';
import type { KnowledgeIndex } from '../engine/knowledge-index.js';
import { describeEvidence } from './describe-evidence.js';
import type { JsonReport } from './report-schema.js';
import { summarize } from './summary.js';
import { metricForDoraKey, type Baseline } from '../engine/dora-baseline.js';
import { formatTally, splitRule } from '../engine/room-answers.js';
import type { QuestionTally } from '../engine/room-findings.js';
import type { Metrics } from '../engine/session-schema.js';
import { disagreementRetroQuestion, placementText, splitRuleText, voteSentence } from './room-text.js';

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
    symptoms: diagnosis.symptoms.map(({ id, title, summary }) => ({
      id,
      title,
      summary,
      ...(session.symptomCounts?.[id] !== undefined ? { reportedBy: session.symptomCounts[id] } : {}),
    })),
    answers: Object.entries(session.answers)
      .sort(([a], [b]) => compareText(a, b))
      .map(([question, answer]) => ({
        question,
        text: index.questions.get(question)!.text,
        answer,
        ...(session.responses?.[question] ? { tally: session.responses[question].tally } : {}),
      })),
    causes: diagnosis.ranking.map(({ logOdds: _logOdds, evidence, confidence, ...cause }, position) => ({
      rank: position + 1,
      ...cause,
      confidence: round(confidence),
      evidence: evidence.map((entry) => ({ ...entry, change: round(entry.change), summary: describeEvidence(entry, index, session.responses?.[entry.id]?.tally) })),
    })),
    plan: {
      ...diagnosis.plan,
      items: diagnosis.plan.items.map((item) => ({ ...item, confidence: round(item.confidence) })),
      metrics: diagnosis.plan.metrics.map((metric) => {
        const today = metric.dora ? diagnosis.baseline?.entries.find((entry) => entry.metric === metricForDoraKey[metric.dora!])?.today : undefined;
        return today === undefined ? metric : { ...metric, today };
      }),
    },
    done: session.done ?? [],
    ...(diagnosis.room ? { room: roomReport(diagnosis, index) } : {}),
    ...(diagnosis.baseline ? { baseline: baselineReport(diagnosis.baseline, session.metrics!) } : {}),
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

function roomReport(diagnosis: Diagnosis, index: KnowledgeIndex): NonNullable<JsonReport['room']> {
  const room = diagnosis.room!;
  const question = (entry: QuestionTally) => ({
    question: entry.question,
    text: index.questions.get(entry.question)?.text ?? entry.question,
    tally: entry.tally,
    summary: formatTally(entry.tally),
    answer: entry.answer,
    weight: round(entry.weight),
    split: entry.split,
    moves: entry.moves,
  });
  return {
    people: room.people,
    splitRule: { ...splitRule, text: splitRuleText },
    tallies: room.tallies.map(question),
    disagreements: room.disagreements.map((entry) => ({ ...question(entry), retroQuestion: disagreementRetroQuestion(entry, index) })),
    vote: room.vote ? { ...room.vote, summary: voteSentence(diagnosis, index)! } : null,
  };
}

function baselineReport(baseline: Baseline, metrics: Metrics): NonNullable<JsonReport['baseline']> {
  return {
    year: baseline.year,
    report: baseline.report,
    source: baseline.source,
    note: baseline.note,
    metrics,
    entries: baseline.entries.map((entry) => ({
      ...entry,
      placement: {
        kind: entry.placement.kind,
        clusters: entry.placement.kind === 'within' || entry.placement.kind === 'nearest' ? entry.placement.clusters : entry.placement.kind === 'between' ? [entry.placement.better, entry.placement.worse] : [],
      },
      summary: placementText(entry.placement, baseline.year),
    })),
  };
}

export function renderJsonReport(diagnosis: Diagnosis, index: KnowledgeIndex): string {
  return `${JSON.stringify(toJsonReport(diagnosis, index), null, 2)}\n`;
}
