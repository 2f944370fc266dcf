import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadApp } from '../load-app.js';
import { exitCodes, InvalidContentError, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { loadCliKnowledge } from '../load-cli-knowledge.js';
import { knowledgeOption, parseCommandArgs } from '../parse-command-args.js';
import { claimSessionFile, lastSessionFile, newSessionFile, readSession, saveSession } from '../session-store.js';
import { FileExistsError, writeFileAtomic } from '../write-file-atomic.js';
import { initialState, resumeFrom } from '../../ui/state.js';
import type { Services } from '../../ui/services.js';

function localDate(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `deploy-doctor` with no command: the guided diagnosis in the terminal. */
export async function interactiveCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('deploy-doctor', args, {
    ...knowledgeOption,
    session: { type: 'string' },
    resume: { type: 'boolean' },
    'no-color': { type: 'boolean' },
  });
  if (positionals.length > 0) throw new UsageError(`unknown command "${positionals[0]}"; the interactive app takes only options (see --help)`);
  if (!io.stdinIsTTY) {
    io.err('deploy-doctor: the interactive app needs a terminal; for scripts use "deploy-doctor report ANSWERS", "next ANSWERS --json" or "search TEXT" (see --help).\n');
    return exitCodes.usage;
  }
  const color = !values['no-color'] && !io.env.NO_COLOR;
  // chalk decides its colour level when it loads, so this must happen before the app is imported.
  if (!color) process.env.FORCE_COLOR = '0';

  const index = await loadCliKnowledge((values.knowledge ?? []).map((dir) => resolve(io.cwd, dir)), io);
  const now = new Date();
  const last = lastSessionFile(io.env);
  const chosenFile = values.session ? resolve(io.cwd, values.session) : undefined;
  if (values.resume && !chosenFile && !last) throw new UsageError('there is no saved session to resume; start a new one with "deploy-doctor"');
  const resumeFile = chosenFile ?? last;
  const saved = resumeFile ? readSession(resumeFile, index) : undefined;
  // Never write over a file we cannot read back: it may be someone's answers in another shape.
  if (resumeFile && !saved && existsSync(resumeFile) && (chosenFile || values.resume)) {
    throw new InvalidContentError([`${resumeFile} is not a readable answers file; check it with "deploy-doctor report ${resumeFile}"`]);
  }
  // Two instances on one session file would overwrite each other's answers: the second works on a copy.
  const claimed = chosenFile ?? (saved ? resumeFile : undefined);
  const claim = claimed ? claimSessionFile(claimed) : undefined;
  if (claim?.notice) io.err(claim.notice);
  const freshFile = claim && chosenFile ? claim.file : newSessionFile(io.env, now);

  let initial = initialState({ date: localDate(now), resumable: chosenFile ? undefined : saved });
  // An explicit --session or --resume continues at once; otherwise the welcome screen offers it.
  if (saved && (chosenFile || values.resume)) initial = resumeFrom(initial, saved);

  let savedTo: string | undefined;
  const services: Services = {
    saveSession: (session, resumed) => {
      savedTo = resumed && resumeFile ? (claim?.file ?? resumeFile) : freshFile;
      saveSession(savedTo, session, io.env);
    },
    writeExport: async (path, content, overwrite) => {
      const target = resolve(io.cwd, path);
      try {
        await writeFileAtomic(target, content, { overwrite });
        return { outcome: 'written', message: target };
      } catch (error) {
        if (error instanceof FileExistsError) return { outcome: 'exists', message: `${path} already exists.` };
        return { outcome: 'failed', message: (error as NodeJS.ErrnoException).code ?? String(error) };
      }
    },
  };

  const screen = io.stdoutIsTTY ? process.stdout : process.stderr;
  const { runApp } = await loadApp();
  const code = await runApp({ index, initial, color, services, stdin: process.stdin, stdout: screen });
  if (savedTo) screen.write(`Session saved to ${savedTo}\nContinue with "deploy-doctor --resume", or report with "deploy-doctor report ${savedTo}".\n`);
  return code;
}
