import { compareText } from '../source/compare-text.js';
import { leadingCauses } from '../engine/build-plan.js';
import type { Diagnosis } from '../engine/diagnose.js';
import type { PlanStep } from '../engine/diagnosis-schema.js';
import type { KnowledgeIndex } from '../engine/knowledge-index.js';
import type { Metric } from '../knowledge/schema.js';
import { describeEvidence } from './describe-evidence.js';
import { inline, percent, quoted, row } from './markdown-text.js';
import { summarize } from './summary.js';

const doraNames = {
  'deployment-frequency': 'deployment frequency',
  'lead-time-for-changes': 'lead time for changes',
  'change-failure-rate': 'change failure rate',
  'time-to-restore': 'time to restore service',
} as const;

export function weeksLabel(step: Pick<PlanStep, 'from' | 'to'>): string {
  if (step.to === null) return `Week ${step.from} onward`;
  return step.from === step.to ? `Week ${step.from}` : `Weeks ${step.from}-${step.to}`;
}

/**
 * GitHub-flavoured Markdown meant to be pasted into a wiki. Everything comes
 * from the diagnosis, never from the clock, so the same answers give the same bytes.
 */
export function renderMarkdownReport(diagnosis: Diagnosis, index: KnowledgeIndex): string {
  const { session, ranking, plan } = diagnosis;
  const lines: string[] = [];
  const push = (...more: string[]) => lines.push(...more);
  const title = ['Deployment diagnosis', session.team && `for ${inline(session.team)}`, session.date && `(${session.date})`]
    .filter(Boolean)
    .join(' ');

  push(`# ${title}`, '', inline(summarize(diagnosis)), '');

  push('## Symptoms reported', '');
  for (const symptom of diagnosis.symptoms) push(`- **${inline(symptom.title)}**: ${inline(symptom.summary)}`);
  push('');

  push('## Ranked causes', '');
  if (ranking.length === 0) {
    push('No anti-pattern is implicated by these symptoms and answers.', '');
  } else {
    push(row(['Rank', 'Anti-pattern', 'Confidence', 'Risk', 'Symptoms explained']), row(['---:', '---', '---:', '---', '---']));
    ranking.forEach((cause, position) => {
      const explained = cause.explains.map((id) => inline(index.symptoms.get(id)!.title)).join('; ') || 'raised by answers only';
      push(row([String(position + 1), inline(cause.title), percent(cause.confidence), cause.risk, explained]));
    });
    push('');
  }

  const leading = new Set(leadingCauses(ranking).map((cause) => cause.id));
  push('## Fix plan', '');
  push('Work through the causes in this order; a prerequisite comes before the fix that depends on it.', '');
  plan.items.forEach((item, position) => {
    const cause = ranking.find((candidate) => candidate.id === item.antiPattern)!;
    const antiPattern = index.antiPatterns.get(item.antiPattern)!;
    push(`### ${position + 1}. ${inline(item.title)} (${percent(item.confidence)}, ${item.risk} risk)`, '');
    if (item.prerequisiteOf.length > 0) {
      const dependants = item.prerequisiteOf.map((id) => inline(index.antiPatterns.get(id)!.title)).join(', ');
      push(`*Comes first because fixing ${dependants} depends on it.*`, '');
    }
    push(inline(antiPattern.summary), '');
    push(`**Telltale sign:** ${inline(antiPattern.telltaleSign)}`, '');
    push('#### Why we think so', '');
    for (const driver of cause.drivenBy) push(`- ${inline(index.antiPatterns.get(driver)?.title ?? driver)} is probably driving this: fixing it removes much of the reason for this one.`);
    for (const entry of cause.evidence) push(`- ${inline(describeEvidence(entry, index))}`);
    if (!leading.has(item.antiPattern)) push('- Not confirmed on its own, but a leading cause cannot be fixed without it.');
    push('');
    push('#### Steps', '');
    for (const step of item.steps) {
      push(`**${weeksLabel(step)}: ${inline(step.title)}**`, '');
      for (const action of step.actions) push(`- [ ] ${inline(action)}`);
      push('');
    }
    push('#### Metrics to watch', '');
    for (const metric of antiPattern.metrics) push(`- ${metricLine(metric)}`);
    push('');
    push('#### Objections you will hear', '');
    for (const { objection, answer } of antiPattern.objections) push(`- **"${inline(objection)}"** ${inline(answer)}`);
    push('');
  });

  push('## Timeline', '');
  if (plan.timeline.length > 0) {
    push(row(['When', 'Anti-pattern', 'Step']), row(['---', '---', '---']));
    for (const step of plan.timeline) {
      push(row([weeksLabel(step), inline(index.antiPatterns.get(step.antiPattern)!.title), inline(step.title)]));
    }
    push('');
  }

  push('## Week 1', '');
  for (const step of plan.weekOne) for (const action of step.actions) push(`- [ ] ${inline(action)}`);
  push('');

  push('## Metrics', '');
  for (const metric of plan.metrics) push(`- ${metricLine(metric)}`);
  push('');

  push('## Questions for the retrospective', '');
  for (const { question } of plan.retroQuestions) push(`- ${inline(question)}`);
  push('');

  push('## Appendix: answers', '');
  const answered = Object.entries(session.answers).sort(([a], [b]) => compareText(a, b));
  if (answered.length === 0) {
    push('No narrowing questions were answered.', '');
  } else {
    push(row(['Question', 'Answer']), row(['---', '---']));
    for (const [id, answer] of answered) push(row([inline(index.questions.get(id)!.text), answer]));
    push('');
  }
  if (diagnosis.interview.done) push(`Interview: ${inline(diagnosis.interview.explanation)}`, '');
  else push(`Interview: ${diagnosis.interview.remaining} relevant questions remain unanswered (question budget ${diagnosis.interview.budget}).`, '');

  if (session.notes) push('## Notes', '', quoted(session.notes), '');
  return `${lines.join('\n').trimEnd()}\n`;
}

function metricLine(metric: Metric): string {
  const target = metric.target ? `, target: ${inline(metric.target)}` : '';
  const dora = metric.dora ? ` (DORA: ${doraNames[metric.dora]})` : '';
  return `**${inline(metric.name)}**: should ${metric.direction}${target}${dora}`;
}
