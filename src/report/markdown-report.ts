import { leadingCauses } from '../engine/build-plan.js';
import type { Diagnosis } from '../engine/diagnose.js';
import type { Plan, PlanStep } from '../engine/diagnosis-schema.js';
import type { KnowledgeIndex } from '../engine/knowledge-index.js';
import { leadingAt, maxLeadingCauses } from '../engine/weights.js';
import type { Metric } from '../knowledge/schema.js';
import { describeEvidence } from './describe-evidence.js';
import { inline, percent, quoted, row } from './markdown-text.js';
import { mermaidGantt } from './mermaid-gantt.js';
import { reportTitle } from './report-title.js';
import { summarize } from './summary.js';
import { formatTally } from '../engine/room-answers.js';
import { metricForDoraKey, type Baseline } from '../engine/dora-baseline.js';
import { baselineIntro, causeTitles, disagreementRetroQuestion, metricLabels, people, placementText, splitRuleText, todayText, voteSentence } from './room-text.js';

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
  push(`# ${inline(reportTitle(session))}`, '', `${inline(summarize(diagnosis))}${plan.items.length > 0 ? ' Start with week 1 of the plan below.' : ''}`, '');

  push('## Symptoms reported', '');
  const reporters = diagnosis.room?.people;
  for (const symptom of diagnosis.symptoms) {
    const reported = session.symptomCounts?.[symptom.id];
    const by = reported === undefined ? '' : ` (reported by ${reported}${reporters ? ` of ${reporters}` : ''})`;
    push(`- **${inline(symptom.title)}**${by}: ${inline(symptom.summary)}`);
  }
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

  pushRoom(diagnosis, index, push);
  if (diagnosis.baseline) pushBaseline(diagnosis.baseline, push);

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
    if (plan.addedByTeam.includes(item.antiPattern)) push('*Added to the plan by the team.*', '');
    push(inline(antiPattern.summary), '');
    push(`**Telltale sign:** ${inline(antiPattern.telltaleSign)}`, '');
    push(label('Why we think so'));
    for (const driver of cause.drivenBy) push(`- ${inline(index.antiPatterns.get(driver)?.title ?? driver)} is probably driving this: fixing it removes much of the reason for this one.`);
    for (const entry of cause.evidence) push(`- ${inline(describeEvidence(entry, index, session.responses?.[entry.id]?.tally))}`);
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
    for (const metric of antiPattern.metrics) push(`- ${metricLine(metric, diagnosis.baseline)}`);
    push('');
    push(label('Objections you will hear'));
    for (const { objection, answer } of antiPattern.objections) push(`- **"${inline(objection)}"** ${inline(answer)}`);
    push('');
  });

  if (plan.omitted.length > 0) {
    push('**Not in this plan.** To plan one of these anyway, add it in the app (key p on the results) or list its id under `addToPlan:` in the answers file.', '');
    for (const omission of plan.omitted) push(`- ${inline(index.antiPatterns.get(omission.antiPattern)!.title)} (${percent(omission.confidence)}): ${omissionText[omission.reason]}`);
    push('');
  }

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
  for (const metric of plan.metrics) push(`- ${metricLine(metric, diagnosis.baseline)}`);
  push('');

  push('## Questions for the retrospective', '');
  for (const entry of diagnosis.room?.disagreements ?? []) push(`- ${inline(disagreementRetroQuestion(entry, index))}`);
  for (const { question } of plan.retroQuestions) push(`- ${inline(question)}`);
  push('');

  push('## Appendix: answers', '');
  // In the order the interview asked them (the order of the answers file), so the appendix reads like the session.
  const answered = Object.entries(session.answers);
  if (answered.length === 0) {
    push('No narrowing questions were answered.', '');
  } else {
    const responses = session.responses ?? {};
    if (Object.keys(responses).length === 0) {
      push(row(['Question', 'Answer']), row(['---', '---']));
      for (const [id, answer] of answered) push(row([inline(index.questions.get(id)!.text), answer]));
    } else {
      push(row(['Question', 'Answer', 'Room']), row(['---', '---', '---']));
      for (const [id, answer] of answered) {
        const tally = responses[id]?.tally;
        push(row([inline(index.questions.get(id)!.text), answer, tally ? formatTally(tally) : 'one answer for the team']));
      }
    }
    push('');
  }
  if (diagnosis.interview.done) push(`Interview: ${inline(diagnosis.interview.explanation)}`, '');
  else push(`Interview: ${diagnosis.interview.remaining} relevant questions remain unanswered (question budget ${diagnosis.interview.budget}).`, '');

  const notes = [session.notes ?? []].flat().filter((note) => note.trim() !== '');
  if (notes.length > 0) push('## Notes', '', notes.map(quoted).join('\n\n'), '');
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

/** Why a cause has no plan, in the words the report and the app both use. */
export const omissionText = {
  'beyond-the-limit': `the plan keeps to the ${maxLeadingCauses} strongest causes, and any tied with them, so the team can finish it.`,
  'not-confident': `not confident enough for a plan (below ${percent(leadingAt)}); more answers may change that.`,
} as const;

/** Progress in words too, for wikis that show task-list brackets as plain text. */
function progressLine(plan: Plan, done: ReadonlySet<string>): string {
  const steps = plan.timeline;
  const finished = steps.filter((step) => done.has(step.id)).length;
  return `**Progress:** ${finished} of ${steps.length} steps done; finished steps are ticked and marked "(done)".`;
}

function metricLine(metric: Metric, baseline?: Baseline): string {
  const dora = metric.dora ? ` (DORA: ${doraNames[metric.dora]})` : '';
  const today = metric.dora ? baseline?.entries.find((entry) => entry.metric === metricForDoraKey[metric.dora!]) : undefined;
  if (today) {
    // Tied to where the team stands: "monthly today, target weekly".
    const target = metric.target ? `, target ${inline(metric.target)}` : '';
    return `**${inline(metric.name)}**: ${inline(todayText(today))}${target}; should ${directionWords[metric.direction]}${dora}`;
  }
  const target = metric.target ? `, target: ${inline(metric.target)}` : '';
  return `**${inline(metric.name)}**: should ${directionWords[metric.direction]}${target}${dora}`;
}

type Push = (...lines: string[]) => void;

/** Several voices: where the room split, and what it voted to fix first. */
function pushRoom(diagnosis: Diagnosis, index: KnowledgeIndex, push: Push): void {
  const room = diagnosis.room;
  if (!room) return;
  if (room.tallies.length > 0) {
    push('## Where the team disagrees', '');
    const asked = room.people ? `${people(room.people)} took part. ` : '';
    push(`${asked}${splitRuleText} A split answer moves the causes less than a shared one, and is worth talking through before acting on it.`, '');
    if (room.disagreements.length === 0) push('The room agreed on every question.', '');
    for (const entry of room.disagreements) {
      const text = index.questions.get(entry.question)?.text ?? entry.question;
      const moves = causeTitles(entry.moves, index).map(inline).join(', ');
      push(`- **${inline(text)}** ${formatTally(entry.tally)}. Settling it would move: ${moves || 'no ranked cause'}.`);
    }
    if (room.disagreements.length > 0) push('');
  }
  if (room.vote) {
    push("## The team's vote", '');
    const sentence = voteSentence(diagnosis, index);
    if (sentence) push(inline(sentence), '');
    if (room.vote.dots.length > 0) {
      push(row(['Anti-pattern', 'Dots']), row(['---', '---:']));
      for (const entry of room.vote.dots) push(row([inline(index.antiPatterns.get(entry.antiPattern)?.title ?? entry.antiPattern), String(entry.dots)]));
      push('');
    }
    push('The plan below keeps prerequisites first and otherwise follows the vote.', '');
  }
}

function pushBaseline(baseline: Baseline, push: Push): void {
  push(`## Delivery baseline (DORA ${baseline.year} clusters)`, '');
  push(inline(baselineIntro(baseline)), '');
  push(row(['Metric', 'Today', `Against the ${baseline.year} clusters`, 'Published']), row(['---', '---', '---', '---']));
  for (const entry of baseline.entries) {
    push(row([metricLabels[entry.metric], inline(entry.today), inline(placementText(entry.placement, baseline.year)), inline(entry.published)]));
  }
  push('');
}
