import { resolve } from 'node:path';
import { createSymptomSearch, type SymptomMatch } from '../../engine/search-symptoms.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { loadCliKnowledge } from '../load-cli-knowledge.js';
import { knowledgeOption, parseCommandArgs } from '../parse-command-args.js';
import { table } from '../table.js';

/** Why a row is there, in a few words: the anti-pattern the query named, or the words that matched. */
function why(match: SymptomMatch): string {
  const words = match.matched.join(', ');
  return match.causedBy ? `caused by ${match.causedBy.id}${words ? `; ${words}` : ''}` : words;
}

export async function searchCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('search', args, { ...knowledgeOption, json: { type: 'boolean' }, limit: { type: 'string', short: 'n', default: '5' } });
  const text = positionals.join(' ').trim();
  if (text === '') throw new UsageError('search needs some text, for example: deploy-doctor search "nobody deploys on fridays"');
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`search: --limit must be a whole number of at least 1, not "${values.limit}"`);
  const index = await loadCliKnowledge((values.knowledge ?? []).map((dir) => resolve(io.cwd, dir)), io);
  const matches = createSymptomSearch(index.knowledge)(text, limit);
  if (values.json) {
    io.out(`${JSON.stringify(matches, null, 2)}\n`);
    return 0;
  }
  if (matches.length === 0) {
    io.out('No symptom matches that; try other words, or browse them all with `deploy-doctor list symptoms`.\n');
    return 0;
  }
  if (matches.every((match) => match.weak)) io.out('Nothing matches closely; these are the nearest symptoms (weak matches):\n');
  const rows = matches.map((match) => [match.score.toFixed(1), match.weak ? 'weak' : 'good', match.id, match.title, why(match)]);
  io.out(`${table([['SCORE', 'MATCH', 'ID', 'TITLE', 'WHY'], ...rows])}\n`);
  return 0;
}
