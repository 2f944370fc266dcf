import type { PlanStep } from '../engine/diagnosis-schema.js';
import type { KnowledgeIndex } from '../engine/knowledge-index.js';

/**
 * Plan weeks are relative, but a gantt needs dates. 3 January 2000 is a Monday and the first day of
 * week 01 in strftime's %W, so week N of the plan starts on a date whose axis label reads "Week N".
 */
const firstMonday = Date.UTC(2000, 0, 3);
const dayMs = 86_400_000;
/** Ongoing work has no end; the chart shows its first month. */
const ongoingWeeks = 4;

/** Mermaid ends a task name at ":" and treats "#", ";" and "%%" as syntax; none of that may come from the text. */
const mermaidText = (text: string) => text.replace(/[:;#%\r\n]+/g, ' ').replace(/\s+/g, ' ').trim();

const weekStart = (week: number) => new Date(firstMonday + (week - 1) * 7 * dayMs).toISOString().slice(0, 10);

/** A fenced Mermaid gantt of the plan's timeline, one section per anti-pattern in plan order. */
export function mermaidGantt(timeline: readonly PlanStep[], index: KnowledgeIndex): string {
  const lines = ['```mermaid', 'gantt', '  title Fix plan by week', '  dateFormat YYYY-MM-DD', '  axisFormat Week %W', '  tickInterval 1week'];
  const sections = [...new Set(timeline.map((step) => step.antiPattern))];
  for (const antiPattern of sections) {
    lines.push(`  section ${mermaidText(index.antiPatterns.get(antiPattern)?.title ?? '') || antiPattern}`);
    for (const step of timeline.filter((candidate) => candidate.antiPattern === antiPattern)) {
      const weeks = step.to === null ? ongoingWeeks : step.to - step.from + 1;
      // A title made only of Mermaid syntax would leave the task nameless; the step id always reads.
      const name = (mermaidText(step.title) || step.id.replace('/', ' ')) + (step.to === null ? ' (ongoing)' : '');
      lines.push(`  ${name} :${weekStart(step.from)}, ${weeks * 7}d`);
    }
  }
  lines.push('```');
  return lines.join('\n');
}
