import { readStreamBytes } from '../source/read-text-file.js';

/** Everything the commands touch outside themselves, so tests can run them in-process. */
export type Io = {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** At most the 1 MiB limit and one byte more (tests may hand over text); decoded like a file. */
  readStdin: () => Promise<Uint8Array | string>;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
};

export function processIo(): Io {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    readStdin: () => readStreamBytes(process.stdin),
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
  };
}
