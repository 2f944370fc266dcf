import type { Comparison } from '../engine/comparison-schema.js';
import type { KnowledgeIndex } from '../engine/knowledge-index.js';
import { confluencePage } from './confluence-page.js';
import { comparisonTitle, renderComparisonMarkdown } from './comparison-markdown.js';
import { htmlPage } from './html-page.js';

export const comparisonFormats = {
  md: (comparison: Comparison, index: KnowledgeIndex) => renderComparisonMarkdown(comparison, index),
  html: (comparison: Comparison, index: KnowledgeIndex) => htmlPage(comparisonTitle(comparison), renderComparisonMarkdown(comparison, index)),
  confluence: (comparison: Comparison, index: KnowledgeIndex) => confluencePage(renderComparisonMarkdown(comparison, index)),
  json: (comparison: Comparison) => `${JSON.stringify(comparison, null, 2)}\n`,
} as const;
export type ComparisonFormat = keyof typeof comparisonFormats;
export const isComparisonFormat = (name: string): name is ComparisonFormat => Object.hasOwn(comparisonFormats, name);
