import { resolve } from 'node:path';
import type { KnowledgeIndex } from '../../engine/knowledge-index.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { loadCliKnowledge } from '../load-cli-knowledge.js';
import { knowledgeOption, parseCommandArgs } from '../parse-command-args.js';
import { table } from '../table.js';

const kinds = ['symptoms', 'anti-patterns', 'questions'] as const;
type Kind = (typeof kinds)[number];

export async function listCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('list', args, { ...knowledgeOption, json: { type: 'boolean' } });
  const kind = positionals[0] as Kind | undefined;
  if (!kind || !kinds.includes(kind) || positionals.length > 1) {
    throw new UsageError(`list needs one of: ${kinds.join(', ')}`);
  }
  const index = await loadCliKnowledge((values.knowledge ?? []).map((dir) => resolve(io.cwd, dir)), io);
  const entities = entitiesOf(index, kind);
  if (values.json) {
    io.out(`${JSON.stringify(entities, null, 2)}\n`);
    return 0;
  }
  io.out(`${table(rowsOf(index, kind))}\n`);
  return 0;
}

function entitiesOf(index: KnowledgeIndex, kind: Kind) {
  const { knowledge } = index;
  return kind === 'symptoms' ? knowledge.symptoms : kind === 'anti-patterns' ? knowledge.antiPatterns : knowledge.questions;
}

function rowsOf(index: KnowledgeIndex, kind: Kind): string[][] {
  const { knowledge } = index;
  if (kind === 'symptoms') return [['ID', 'CATEGORY', 'TITLE'], ...knowledge.symptoms.map((s) => [s.id, s.category, s.title])];
  if (kind === 'anti-patterns') {
    return [['ID', 'CATEGORY', 'RISK', 'TITLE'], ...knowledge.antiPatterns.map((a) => [a.id, a.category, a.risk, a.title])];
  }
  return [['ID', 'QUESTION'], ...knowledge.questions.map((q) => [q.id, q.text])];
}
