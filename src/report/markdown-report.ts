import { compareText } from '../source/compare-text.js';
import { leadingCauses } from '../engine/build-plan.js';
import type { Diagnosis } from '../engine/diagnose.js';
import type { Plan, PlanStep } from '../engine/diagnosis-schema.js';
import type { KnowledgeIndex } from '../engine/knowledge-index.js';
import type { Metric } from '../knowledge/schema.js';
import { describeEvidence } from './describe-evidence.js';
import { inline, percent, quoted, row } from './markdown-text.js';
import { mermaidGantt } from './mermaid-gantt.js';
import { reportTitle } from './report-title.js';
import { summarize } from './summary.js';

const doraNames = {
  'deployment-frequency': 'deployment frequency',
  'lead-time-for-changes': 'lead time for changes',
  'change-failure-rate': 'change failure rate',
  'failed-deployment-recovery-time': 'failed deployment recovery time',
} as const;

const directionWords = { increase: 'increase', decrease: 'decrease', hold: 'hold steady' } as const;

export function weeksLabel(step: Pick<PlanStep, 'from' | 'to'>): string {
  if (step.to === null) return `Week ${step.from} onward`;
  return step.from === step.to ? `Week ${step.from}` : `Weeks ${step.from}-${step.to}`;
}

export type MarkdownOptions = {
  /** Adds a Mermaid gantt of the timeline beside (never instead of) the plain table, for GitHub and GitLab. */
  mermaid?: boolean;
};

/** A bold line instead of a fourth-level heading: Notion keeps only three heading levels. */
const label = (text: string) => `**${text}**\n`;

/**
 * GitHub-flavoured Markdown meant to be pasted into a wiki. Everything comes
 * from the diagnosis, never from the clock, so the same answers give the same bytes.
 * Wikis differ, so it keeps to what all of them import: headings down to h3, no HTML,
 * table cells without pipes or line breaks.
 */
export function renderMarkdownReport(diagnosis: Diagnosis, index: KnowledgeIndex, options: MarkdownOptions = {}): string {
  const { session, ranking, plan } = diagnosis;
  const lines: string[] = [];
  const push = (...more: string[]) => lines.push(...more);
  push(`# ${inline(reportTitle(session))}`, '', inline(summarize(diagnosis)), '');

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
  const done = new Set(session.done ?? []);
  const tick = (step: PlanStep) => (done.has(step.id) ? '[x]' : '[ ]');
  if (session.done) push(progressLine(plan, done), '');
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
    push(label('Why we think so'));
    for (const entry of cause.evidence) push(`- ${inline(describeEvidence(entry, index))}`);
    if (!leading.has(item.antiPattern)) push('- Not confirmed on its own, but a leading cause cannot be fixed without it.');
    push('');
    push(label('Steps'));
    for (const step of item.steps) {
      if (step.duplicateOf !== null) {
        push(`**${inline(step.title)}**: the same work as ${planPlace(plan, step.duplicateOf)} above; do it once.`, '');
        continue;
      }
      // The id is what an answers file's `done:` list names when the step is finished.
      push(`**${weeksLabel(step)}: ${inline(step.title)}${done.has(step.id) ? ' (done)' : ''}** (step \`${step.id}\`)`, '');
      if (step.needs.length > 0) push(`*Starts once ${step.needs.map((need) => planPlace(plan, need)).join(' and ')} is done.*`, '');
      for (const action of step.actions) push(`- ${tick(step)} ${inline(action)}`);
      push('');
    }
    push(label('Metrics to watch'));
    for (const metric of antiPattern.metrics) push(`- ${metricLine(metric)}`);
    push('');
    push(label('Objections you will hear'));
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
    if (options.mermaid) push(mermaidGantt(plan.timeline, index), '');
  }

  push('## Week 1', '');
  for (const step of plan.weekOne) for (const action of step.actions) push(`- ${tick(step)} ${inline(action)}`);
  push('');

  push('## Metrics', '');
  // A pasted page outlives its context: say which DORA definitions the names refer to.
  if (plan.metrics.some((metric) => metric.dora)) push("Names marked DORA follow the definitions in DORA's 2024 State of DevOps report.", '');
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
  else push(`Interview: ${diagnosis.interview.remaining} relevant questions remain unanswered.`, '');

  if (session.notes) push('## Notes', '', quoted(session.notes), '');
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Where a step ("anti-pattern/step") or a whole fix ("anti-pattern") sits in the plan, as the reader sees it. */
function planPlace(plan: Plan, id: string): string {
  const listedAt = plan.items.flatMap((item) => item.steps).find((step) => step.id === id)?.duplicateOf ?? id;
  const [antiPattern, stepId] = listedAt.split('/');
  const position = plan.items.findIndex((item) => item.antiPattern === antiPattern);
  const item = plan.items[position]!;
  const place = `${position + 1}. ${inline(item.title)}`;
  if (!stepId) return place;
  const step = item.steps.find((candidate) => candidate.id === listedAt)!;
  return `step "${inline(step.title)}" (${weeksLabel(step)}) under ${place}`;
}

/** Progress in words too, for wikis that show task-list brackets as plain text. */
function progressLine(plan: Plan, done: ReadonlySet<string>): string {
  const steps = plan.timeline;
  const finished = steps.filter((step) => done.has(step.id)).length;
  return `**Progress:** ${finished} of ${steps.length} steps done; finished steps are ticked and marked "(done)".`;
}

function metricLine(metric: Metric): string {
  const target = metric.target ? `, target: ${inline(metric.target)}` : '';
  const dora = metric.dora ? ` (DORA: ${doraNames[metric.dora]})` : '';
  return `**${inline(metric.name)}**: should ${directionWords[metric.direction]}${target}${dora}`;
}
