import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, strict, with its errors turned into one-line usage errors. */
export function parseCommandArgs<const T extends Options>(command: string, args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    // The interactive app's errors already start with the program name (run() adds "deploy-doctor: ").
    const prefix = command === 'deploy-doctor' ? '' : `${command}: `;
    throw new UsageError(`${prefix}${message.replace(/\. To specify a positional argument.*$/, '')}`);
  }
}

export const knowledgeOption = { knowledge: { type: 'string', multiple: true, short: 'k' } } as const;

/** Where a command writes (`-o FILE`, `-o -` for stdout) and whether it may replace a file: see write-output.ts. */
export const outputOptions = { output: { type: 'string', short: 'o' }, force: { type: 'boolean' } } as const;

/** `--format`, Markdown unless told otherwise; each command checks the value against its own formats. */
export const formatOption = { format: { type: 'string', short: 'f', default: 'md' } } as const;
