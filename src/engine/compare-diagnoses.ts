import { leadingCauses } from './build-plan.js';
import type { CauseChange, Comparison } from './comparison-schema.js';
import type { Diagnosis } from './diagnose.js';
import { deploysPerDay, durationHours, percentValue } from './metric-values.js';
import { metricKeys, type MetricKey } from './session-schema.js';

/** A move in confidence smaller than this is noise between two assessments, not a change. */
export const meaningfulChange = 0.1;
/** Below this a cause that used to lead counts as resolved rather than merely improved. */
export const resolvedBelow = 0.25;

/** How to read each metric, and which way is better. */
const metricReading: Record<MetricKey, { read: (text: string) => number | undefined; better: 'higher' | 'lower' }> = {
  deploymentFrequency: { read: deploysPerDay, better: 'higher' },
  leadTime: { read: durationHours, better: 'lower' },
  changeFailureRate: { read: percentValue, better: 'lower' },
  recoveryTime: { read: durationHours, better: 'lower' },
  reworkRate: { read: percentValue, better: 'lower' },
};

const changeOrder: readonly CauseChange[] = ['resolved', 'improved', 'worse', 'new', 'unchanged'];

const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * What changed between two assessments of one team: causes resolved, improved, worse or new,
 * the delivery metrics, and which of the earlier plan's steps are done and which are still open.
 */
export function compareDiagnoses(before: Diagnosis, after: Diagnosis): Comparison {
  const confidence = (diagnosis: Diagnosis) => new Map(diagnosis.ranking.map((cause) => [cause.id, cause.confidence]));
  const beforeConfidence = confidence(before);
  const afterConfidence = confidence(after);
  const ledBefore = new Set(leadingCauses(before.ranking).map((cause) => cause.id));
  const ledAfter = new Set(leadingCauses(after.ranking).map((cause) => cause.id));
  const titles = new Map([...before.ranking, ...after.ranking].map((cause) => [cause.id, cause.title]));

  const order = [...ledBefore, ...[...ledAfter].filter((id) => !ledBefore.has(id))];
  const causes = order
    .map((id) => {
      const was = beforeConfidence.get(id) ?? null;
      const is = afterConfidence.get(id) ?? null;
      return { id, title: titles.get(id)!, before: was === null ? null : round(was), after: is === null ? null : round(is), change: causeChange(ledBefore.has(id), ledAfter.has(id), was ?? 0, is ?? 0) };
    })
    // Good news first, then what needs attention; ties keep the earlier ranking's order.
    .sort((a, b) => changeOrder.indexOf(a.change) - changeOrder.indexOf(b.change));

  const metrics = metricKeys.flatMap((key) => {
    const was = before.session.metrics?.[key] ?? null;
    const is = after.session.metrics?.[key] ?? null;
    if (was === null && is === null) return [];
    return [{ key, before: was, after: is, change: metricChange(key, was, is) }];
  });

  const done = new Set([...(before.session.done ?? []), ...(after.session.done ?? [])]);
  const stillPlanned = new Set(after.plan.timeline.map((step) => step.id));
  const agreed = before.plan.timeline;
  return {
    format: 'deploy-doctor-comparison',
    version: 1,
    team: after.session.team ?? before.session.team ?? null,
    before: { team: before.session.team ?? null, date: before.session.date ?? null },
    after: { team: after.session.team ?? null, date: after.session.date ?? null },
    causes,
    metrics,
    steps: {
      total: agreed.length,
      done: agreed.filter((step) => done.has(step.id)).map((step) => step.id),
      open: agreed
        .filter((step) => !done.has(step.id))
        .map((step) => ({ id: step.id, antiPattern: step.antiPattern, title: step.title, stillPlanned: stillPlanned.has(step.id) }))
        // What the new plan still needs comes first; steps whose cause stopped leading come last.
        .sort((a, b) => Number(b.stillPlanned) - Number(a.stillPlanned)),
    },
  };
}

function causeChange(ledBefore: boolean, ledAfter: boolean, was: number, is: number): CauseChange {
  if (!ledBefore) return 'new';
  if (!ledAfter && is < resolvedBelow) return 'resolved';
  if (is <= was - meaningfulChange) return 'improved';
  if (is >= was + meaningfulChange) return 'worse';
  return 'unchanged';
}

function metricChange(key: MetricKey, was: string | null, is: string | null): Comparison['metrics'][number]['change'] {
  const { read, better } = metricReading[key];
  const a = was === null ? undefined : read(was);
  const b = is === null ? undefined : read(is);
  if (a === undefined || b === undefined) return 'not comparable';
  if (Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * 0.05) return 'same';
  return (b > a) === (better === 'higher') ? 'better' : 'worse';
}
