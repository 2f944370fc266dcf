/** Exit codes are part of the interface scripts rely on. */
export const exitCodes = { ok: 0, invalidContent: 1, usage: 2, interrupted: 130 } as const;

/** The user asked for something that cannot work as written: exit 2 with one clear line. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The answers or knowledge are wrong: exit 1 with every problem, one per line. */
export class InvalidContentError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

/** The output could not be written (disk full, device error, standard output gone): exit 1 with one line. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
}
