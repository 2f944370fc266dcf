import type { Diagnosis } from '../engine/diagnose.js';
import type { KnowledgeIndex } from '../engine/knowledge-index.js';
import { confluencePage } from './confluence-page.js';
import { renderMarkdownReport } from './markdown-report.js';

/** The Markdown report in Confluence storage format: same words, Confluence's own tasks, status and panels. */
export function renderConfluenceReport(diagnosis: Diagnosis, index: KnowledgeIndex): string {
  return confluencePage(renderMarkdownReport(diagnosis, index));
}
