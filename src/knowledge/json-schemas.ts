import * as z from 'zod/mini';
import { answersFileSchema } from '../engine/session-schema.js';
import { reportSchema } from '../report/report-schema.js';
import { doraClustersSchema } from './dora-clusters-schema.js';
import { antiPatternSchema, questionSchema, symptomSchema } from './schema.js';
import { vocabularyConceptSchema } from './vocabulary-schema.js';

/** JSON Schemas generated from the zod schemas, keyed by the file name they are committed under. */
export function jsonSchemas(): Record<string, string> {
  const render = (schema: z.ZodMiniType, title: string, io: 'input' | 'output') =>
    `${JSON.stringify({ title, ...z.toJSONSchema(schema, { io, unrepresentable: 'any' }) }, null, 2)}\n`;
  return {
    'symptom.schema.json': render(symptomSchema, 'deploy-doctor symptom', 'input'),
    'anti-pattern.schema.json': render(antiPatternSchema, 'deploy-doctor anti-pattern', 'input'),
    'question.schema.json': render(questionSchema, 'deploy-doctor canonical question', 'input'),
    'vocabulary.schema.json': render(vocabularyConceptSchema, 'deploy-doctor search vocabulary concept', 'input'),
    'answers.schema.json': render(answersFileSchema, 'deploy-doctor answers file', 'input'),
    'dora-clusters.schema.json': render(doraClustersSchema, 'deploy-doctor DORA performance clusters', 'input'),
    'report.schema.json': render(reportSchema, 'deploy-doctor JSON report', 'output'),
  };
}
