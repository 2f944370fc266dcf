import type { Diagnosis } from '../engine/diagnose.js';
import type { KnowledgeIndex } from '../engine/knowledge-index.js';

export type ReportOptions = { mermaid?: boolean };
type Renderer = (diagnosis: Diagnosis, index: KnowledgeIndex, options: ReportOptions) => string;

/**
 * Every format `report --format` writes, by name; Markdown is the default. Each loads on
 * first use, so a Markdown report never pays for the HTML or Confluence renderers.
 */
export const reportFormats: Record<'md' | 'json' | 'html' | 'confluence' | 'csv', () => Promise<Renderer>> = {
  md: async () => (await import('./markdown-report.js')).renderMarkdownReport,
  json: async () => (await import('./json-report.js')).renderJsonReport,
  html: async () => (await import('./html-report.js')).renderHtmlReport,
  confluence: async () => (await import('./confluence-report.js')).renderConfluenceReport,
  csv: async () => (await import('./csv-report.js')).renderCsvReport,
};
export type ReportFormat = keyof typeof reportFormats;

export const isReportFormat = (name: string): name is ReportFormat => Object.hasOwn(reportFormats, name);
