import type { Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { repoRoot } from './bundled-knowledge.js';

export type CliResult = { code: number; stdout: string; stderr: string };

/** Runs the CLI in-process with captured output; `cwd` defaults to the repository root. */
export async function runCli(argv: string[], { cwd = repoRoot, stdin = '' }: { cwd?: string; stdin?: string | Uint8Array } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    out: (text) => void (stdout += text),
    err: (text) => void (stderr += text),
    cwd,
    env: {},
    readStdin: async () => stdin,
    stdinIsTTY: false,
    stdoutIsTTY: false,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}
