import { beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../../src/engine/diagnose.js';
import type { KnowledgeIndex } from '../../src/engine/knowledge-index.js';
import { sessionSchema, type Session } from '../../src/engine/session-schema.js';
import { renderJsonReport, toJsonReport } from '../../src/report/json-report.js';
import { reportSchema } from '../../src/report/report-schema.js';
import { bundledIndex } from '../support/bundled-knowledge.js';
import { answeredSession } from '../support/sample-session.js';

let index: KnowledgeIndex;
beforeAll(async () => {
  index = await bundledIndex();
});

const sessions: [string, Record<string, unknown>][] = [
  ['answered, with team, date and notes', answeredSession],
  ['symptoms only', { version: 1, symptoms: ['waiting-on-qa-team'] }],
  [
    'interview settled',
    {
      version: 1,
      symptoms: ['fear-of-deploying'],
      answers: { 'deploy-automated': 'no', 'pipeline-exists': 'yes', 'detect-within-minutes': 'yes', 'automated-test-suite': 'yes', 'work-items-take-weeks': 'no' },
    },
  ],
];

const parse = (raw: Record<string, unknown>): Session => sessionSchema.parse(raw);

describe('JSON report', () => {
  it.each(sessions)('%s: parses with the published report schema', (_, raw) => {
    const report = toJsonReport(diagnose(index, parse(raw)), index);
    const parsed = reportSchema.safeParse(report);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    // What is written to disk parses too.
    expect(reportSchema.safeParse(JSON.parse(renderJsonReport(diagnose(index, parse(raw)), index))).success).toBe(true);
  });

  it.each(sessions)('%s: causes are ordered by rank, each with id, title, explains, evidence and a confidence in 0..1', (_, raw) => {
    const diagnosis = diagnose(index, parse(raw));
    const report = toJsonReport(diagnosis, index);
    expect(report.causes.length).toBeGreaterThan(0);
    expect(report.causes.map((cause) => cause.rank)).toEqual(report.causes.map((_, position) => position + 1));
    expect(report.causes.map((cause) => cause.id)).toEqual(diagnosis.ranking.map((cause) => cause.id));
    report.causes.forEach((cause, position) => {
      expect(cause.confidence).toBeGreaterThanOrEqual(0);
      expect(cause.confidence).toBeLessThanOrEqual(1);
      expect(cause.title).toBe(index.antiPatterns.get(cause.id)!.title);
      expect(Array.isArray(cause.explains)).toBe(true);
      // An upstream cause can be listed on its consequences' evidence alone.
      if (cause.explains.length > 0) expect(cause.evidence.length).toBeGreaterThan(0);
      for (const entry of cause.evidence) {
        expect(entry.summary.length).toBeGreaterThan(0);
        expect(['symptom', 'answer', 'implied']).toContain(entry.source);
      }
      expect('logOdds' in cause).toBe(false);
    });
  });

  it('the leading cause and its evidence carry through', () => {
    const report = toJsonReport(diagnose(index, parse(sessions[2]![1])), index);
    const top = report.causes[0]!;
    expect(top.id).toBe('manual-deployments');
    expect(top.explains).toEqual(['fear-of-deploying']);
    expect(top.evidence.map((entry) => [entry.source, entry.id])).toEqual([
      ['symptom', 'fear-of-deploying'],
      ['answer', 'deploy-automated'],
    ]);
    expect(top.evidence[1]).toMatchObject({ answer: 'no' });
    expect(top.evidence[1]!.change).toBeGreaterThan(0);
    expect(top.confidence).toBeGreaterThan(0.6);
    // Ruled-out causes are listed with the answers that lowered them.
    const pipeline = report.causes.find((cause) => cause.id === 'missing-deployment-pipeline')!;
    expect(pipeline.evidence.find((entry) => entry.source === 'answer')!.change).toBeLessThan(0);
    expect(report.interview.done).toBe(report.interview.nextQuestion === null);
  });

  it.each(sessions)('%s: has a plan with items, timeline and week one', (_, raw) => {
    const report = toJsonReport(diagnose(index, parse(raw)), index);
    expect(report.plan.items.length).toBeGreaterThan(0);
    expect(report.plan.timeline.length).toBeGreaterThan(0);
    expect(report.plan.weekOne.length).toBeGreaterThan(0);
    for (const item of report.plan.items) {
      expect(item.confidence).toBeGreaterThanOrEqual(0);
      expect(item.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('keeps session details and uses null for what the session left out', () => {
    const full = toJsonReport(diagnose(index, parse(sessions[0]![1])), index);
    expect(full).toMatchObject({ format: 'deploy-doctor-report', version: 1, team: 'Payments Platform', date: '2024-03-05', notes: 'Raised in the March retrospective.' });
    expect(full.answers.map((answer) => answer.question)).toEqual(['change-board-approval', 'deploy-automated', 'pipeline-exists', 'rollback-practiced']);
    expect(full.symptoms.map((symptom) => symptom.id)).toEqual(['fear-of-deploying', 'slow-recovery', 'change-management-overhead']);

    const bare = toJsonReport(diagnose(index, parse(sessions[1]![1])), index);
    expect(bare).toMatchObject({ team: null, date: null, notes: null, answers: [] });
    expect(bare.interview.done).toBe(false);
    expect(typeof bare.interview.nextQuestion).toBe('string');
  });

  it.each(sessions)('%s: rendering ends with one newline and is byte-identical every time', (_, raw) => {
    const first = renderJsonReport(diagnose(index, parse(raw)), index);
    const second = renderJsonReport(diagnose(index, parse(raw)), index);
    expect(second).toBe(first);
    expect(first.endsWith('}\n')).toBe(true);
    expect(first.endsWith('\n\n')).toBe(false);
    expect(JSON.parse(first)).toEqual(toJsonReport(diagnose(index, parse(raw)), index));
  });
});
