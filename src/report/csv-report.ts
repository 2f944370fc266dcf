import type { Diagnosis } from '../engine/diagnose.js';
import type { KnowledgeIndex } from '../engine/knowledge-index.js';
import { csvDocument } from './csv.js';
import { weeksLabel } from './markdown-report.js';

export const planCsvHeader = ['Cause', 'Weeks', 'Step', 'Actions', 'Done', 'Step id'] as const;

/**
 * The plan as one row per fix step, in calendar order, for Jira, Notion or a spreadsheet:
 * the step becomes the summary and its actions (one per line) the description.
 */
export function renderCsvReport(diagnosis: Diagnosis, index: KnowledgeIndex): string {
  const done = new Set(diagnosis.session.done ?? []);
  const rows = diagnosis.plan.timeline.map((step) => [
    index.antiPatterns.get(step.antiPattern)?.title ?? step.antiPattern,
    weeksLabel(step),
    step.title,
    step.actions.join('\n'),
    done.has(step.id) ? 'yes' : 'no',
    step.id,
  ]);
  return csvDocument(planCsvHeader, rows);
}
