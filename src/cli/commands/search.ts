import { resolve } from 'node:path';
import { createSymptomSearch } from '../../engine/search-symptoms.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { loadCliKnowledge } from '../load-cli-knowledge.js';
import { knowledgeOption, parseCommandArgs } from '../parse-command-args.js';
import { table } from '../table.js';

export async function searchCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('search', args, { ...knowledgeOption, json: { type: 'boolean' }, limit: { type: 'string', short: 'n', default: '5' } });
  const text = positionals.join(' ').trim();
  if (text === '') throw new UsageError('search needs some text, for example: deploy-doctor search "nobody deploys on fridays"');
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`search: --limit must be a whole number of at least 1, not "${values.limit}"`);
  const index = await loadCliKnowledge((values.knowledge ?? []).map((dir) => resolve(io.cwd, dir)), io);
  const matches = createSymptomSearch(index.knowledge.symptoms)(text, limit);
  if (values.json) {
    io.out(`${JSON.stringify(matches, null, 2)}\n`);
    return 0;
  }
  if (matches.length === 0) {
    io.out('No symptom matches that; try other words, or `deploy-doctor list symptoms`.\n');
    return 0;
  }
  io.out(`${table([['SCORE', 'ID', 'TITLE'], ...matches.map((match) => [match.score.toFixed(2), match.id, match.title])])}\n`);
  return 0;
}
