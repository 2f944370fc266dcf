import type { CauseChange, Comparison } from '../engine/comparison-schema.js';
import type { KnowledgeIndex } from '../engine/knowledge-index.js';
import { describeFrequency } from '../engine/metric-values.js';
import type { MetricKey } from '../engine/session-schema.js';
import { count } from '../source/count.js';
import { inline, percent, row } from './markdown-text.js';

const changeWords: Record<CauseChange, string> = {
  resolved: 'resolved',
  improved: 'improved',
  worse: 'worse',
  new: 'new',
  unchanged: 'no real change',
};
const metricTitles: Record<MetricKey, string> = {
  deploymentFrequency: 'Deployment frequency',
  leadTime: 'Lead time for changes',
  changeFailureRate: 'Change failure rate',
  recoveryTime: 'Failed deployment recovery time',
  reworkRate: 'Rework rate',
};

export function comparisonTitle(comparison: Comparison): string {
  const span = [comparison.before.date, comparison.after.date].map((date) => date ?? 'undated').join(' to ');
  return `Progress${comparison.team ? ` for ${comparison.team.replace(/\s+/g, ' ').trim()}` : ''}: ${span}`;
}

function summary(comparison: Comparison): string {
  const tally = (change: CauseChange) => comparison.causes.filter((cause) => cause.change === change).length;
  const causes = `${tally('resolved')} resolved, ${tally('improved')} improved, ${tally('worse')} worse and ${tally('new')} new`;
  const { total, done } = comparison.steps;
  return `Of the causes that led either assessment: ${causes}. ${done.length} of ${count(total, 'step')} in the earlier plan ${done.length === 1 ? 'is' : 'are'} done; ${total - done.length} ${total - done.length === 1 ? 'is' : 'are'} still open and carried forward below.`;
}

const confidenceText = (value: number | null) => (value === null ? '-' : percent(value));

/** Two assessments of one team, side by side, as wiki-safe Markdown. */
export function renderComparisonMarkdown(comparison: Comparison, index: KnowledgeIndex): string {
  const lines: string[] = [];
  const push = (...more: string[]) => lines.push(...more);
  const titleOf = (id: string) => inline(index.antiPatterns.get(id)?.title ?? id);
  push(`# ${inline(comparisonTitle(comparison))}`, '', inline(summary(comparison)), '');
  if (comparison.before.team !== comparison.after.team) {
    push(`**Note:** the two files name different teams (${inline(comparison.before.team ?? 'none')} and ${inline(comparison.after.team ?? 'none')}); compared because --force was given.`, '');
  }

  push('## Causes', '');
  push(
    `Confidence at each assessment. Resolved: led before and is now below ${percent(0.25)}. Improved or worse: moved by at least ${percent(0.1)}. New: leads only now.`,
    '',
  );
  push(row(['Anti-pattern', 'Before', 'After', 'Change']), row(['---', '---:', '---:', '---']));
  for (const cause of comparison.causes) push(row([inline(cause.title), confidenceText(cause.before), confidenceText(cause.after), changeWords[cause.change]]));
  push('');

  if (comparison.metrics.length > 0) {
    push('## Delivery metrics', '');
    push("As the team reported them at each assessment; DORA's definitions as of its 2024 report.", '');
    push(row(['Metric', 'Before', 'After', 'Change']), row(['---', '---', '---', '---']));
    for (const metric of comparison.metrics) {
      const show = (text: string | null) => (text === null ? '-' : inline(metric.key === 'deploymentFrequency' ? describeFrequency(text) : text));
      push(row([metricTitles[metric.key], show(metric.before), show(metric.after), metric.change]));
    }
    push('');
  }

  push('## Steps still open', '');
  if (comparison.steps.open.length === 0) {
    push('Every step of the earlier plan is done.', '');
  } else {
    push(`Carried forward from the plan of ${comparison.before.date ?? 'the earlier assessment'}. When a step is finished, tick it in the app (t on the results) or add its id to the answers file's done list.`, '');
    for (const step of comparison.steps.open) {
      const dropped = step.stillPlanned ? '' : '; its cause no longer leads, so the team may drop it';
      push(`- [ ] ${titleOf(step.antiPattern)}: ${inline(step.title)} (open, step \`${step.id}\`${dropped})`);
    }
    push('');
  }

  push('## Steps done', '');
  if (comparison.steps.done.length === 0) {
    push('No step of the earlier plan is recorded as done yet.', '');
  } else {
    const byId = new Map(comparison.steps.done.map((id) => [id, id.split('/')[0]!]));
    for (const [id, antiPattern] of byId) {
      const step = index.antiPatterns.get(antiPattern)?.fix.find((candidate) => `${antiPattern}/${candidate.id}` === id);
      push(`- [x] ${titleOf(antiPattern)}: ${inline(step?.title ?? id)} (done, step \`${id}\`)`);
    }
    push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
