import type { Diagnosis } from '../engine/diagnose.js';
import type { KnowledgeIndex } from '../engine/knowledge-index.js';
import { htmlPage } from './html-page.js';
import { renderMarkdownReport } from './markdown-report.js';
import { reportTitle } from './report-title.js';

/** The Markdown report as one printable page; the Markdown already keeps user text as text. */
export function renderHtmlReport(diagnosis: Diagnosis, index: KnowledgeIndex): string {
  return htmlPage(reportTitle(diagnosis.session), renderMarkdownReport(diagnosis, index));
}
