import { existsSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { loadApp } from '../load-app.js';
import { exitCodes, InvalidContentError, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { loadCliKnowledge } from '../load-cli-knowledge.js';
import { knowledgeOption, parseCommandArgs } from '../parse-command-args.js';
import { describeWriteError } from '../describe-write-error.js';
import { listSessions } from '../list-sessions.js';
import { claimSessionFile, lastSessionFile, newSessionFile, readSession, saveSession, serializeSession, stateDir } from '../session-store.js';
import { writeFileAtomicSync } from '../write-file-atomic.js';
import { FileExistsError, writeFileAtomic } from '../write-file-atomic.js';
import type { Session } from '../../engine/session-schema.js';
import { initialState, resumeFrom } from '../../ui/state.js';
import { newRoom } from '../../ui/room/room-state.js';
import { readDoraClusters } from '../read-dora-clusters.js';
import type { Services } from '../../ui/services.js';
import { showControls } from '../../source/show-controls.js';

function localDate(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The command that starts this app again, the way it was started this time. */
export function launchCommand(env: Io['env'], script: string | undefined, cwd: string): string {
  if (env.npm_lifecycle_event === 'start') return 'npm start --';
  if (!script || basename(script) === 'deploy-doctor') return 'deploy-doctor';
  const nearby = relative(cwd, script);
  // A path that climbs out of the current folder reads better absolute.
  const path = nearby.startsWith('..') ? script : nearby;
  return `node ${/\s/.test(path) ? JSON.stringify(path) : path}`;
}

/** `deploy-doctor` with no command: the guided diagnosis in the terminal. */
export async function interactiveCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('deploy-doctor', args, {
    ...knowledgeOption,
    session: { type: 'string' },
    resume: { type: 'boolean' },
    sessions: { type: 'boolean' },
    room: { type: 'boolean' },
    'no-color': { type: 'boolean' },
  });
  if (positionals.length > 0) throw new UsageError(`unknown command "${positionals[0]}"; the interactive app takes only options (see --help)`);
  const command = launchCommand(io.env, process.argv[1], io.cwd);
  const index = await loadCliKnowledge((values.knowledge ?? []).map((dir) => resolve(io.cwd, dir)), io);
  if (values.sessions) {
    const lines = listSessions(io.env, index);
    io.out(
      lines.length === 0
        ? `No saved sessions in ${stateDir(io.env)}.\n`
        : `Saved sessions, newest first (* is the one --resume continues):\n${lines.join('\n')}\nContinue one with "${command} --session FILE".\n`,
    );
    return exitCodes.ok;
  }
  if (!io.stdinIsTTY) {
    io.err('deploy-doctor: the interactive app needs a terminal; for scripts use "deploy-doctor report ANSWERS", "next ANSWERS --json" or "search TEXT" (see --help).\n');
    return exitCodes.usage;
  }
  if (io.env.TERM === 'dumb') {
    io.err('deploy-doctor: the interactive app needs a terminal that can move the cursor (TERM is "dumb"); use "deploy-doctor report ANSWERS", "next ANSWERS" and "search TEXT" here instead (see --help).\n');
    return exitCodes.usage;
  }
  const color = !values['no-color'] && !io.env.NO_COLOR;
  // chalk decides its colour level when it loads, so this must happen before the app is imported.
  if (!color) process.env.FORCE_COLOR = '0';

  const now = new Date();
  const last = lastSessionFile(io.env);
  const chosenFile = values.session ? resolve(io.cwd, values.session) : undefined;
  if (values.resume && !chosenFile && !last) throw new UsageError(`there is no saved session to resume; start a new one with "${command}"`);
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
  // --room starts in facilitator mode: the welcome screen asks for the number of people next.
  if (values.room && !initial.room && !initial.resumed) initial = { ...initial, room: newRoom() };
  if (values.room && initial.resumed && !initial.room) initial = { ...initial, notice: 'This session was answered with one voice, so it continues that way (no show of hands).' };

  /** Where autosave writes: the resumed file, a new one, or the file chosen with "save session as". */
  let savedAs: string | undefined;
  let latest: { session: Session; savedTo?: string; problem?: string } | undefined;
  const services: Services = {
    saveSession: (session, resumed) => {
      const file = savedAs ?? (resumed && resumeFile ? (claim?.file ?? resumeFile) : freshFile);
      try {
        // A file chosen with "save session as" is written on its own: the state folder (and its
        // last-session pointer) may be exactly what cannot be written.
        if (savedAs) writeFileAtomicSync(savedAs, serializeSession(session));
        else saveSession(file, session, io.env);
        latest = { session, savedTo: file };
        return { ok: true };
      } catch (error) {
        // The session stays in memory; the app shows why and offers to save it elsewhere.
        const problem = describeWriteError(error, file).replace(/\.$/, '');
        latest = { session, problem };
        return { ok: false, reason: problem };
      }
    },
    saveSessionAs: async (path, session, overwrite) => {
      const target = resolve(io.cwd, path);
      try {
        await writeFileAtomic(target, serializeSession(session), { overwrite });
        savedAs = target;
        latest = { session, savedTo: target };
        return { outcome: 'written', message: `${target}; saving continues there.` };
      } catch (error) {
        if (error instanceof FileExistsError) return { outcome: 'exists', message: `${path} already exists.` };
        return { outcome: 'failed', message: describeWriteError(error, target) };
      }
    },
    writeExport: async (path, content, overwrite) => {
      const target = resolve(io.cwd, path);
      try {
        // The same edge as the headless commands' writer: a report carries no escape sequences.
        await writeFileAtomic(target, showControls(content), { overwrite });
        return { outcome: 'written', message: target };
      } catch (error) {
        if (error instanceof FileExistsError) return { outcome: 'exists', message: `${path} already exists.` };
        return { outcome: 'failed', message: describeWriteError(error, target) };
      }
    },
  };

  const screen = io.stdoutIsTTY ? process.stdout : process.stderr;
  const { runApp } = await loadApp();
  const clusters = await readDoraClusters(io);
  const code = await runApp({ index, initial, color, services, stdin: process.stdin, stdout: screen, clusters });
  screen.write(`\n${farewell(latest, command, lastSessionFile(io.env))}`);
  return code;
}

/** What the user needs to find their work again; never silent about answers that were not saved. */
function farewell(latest: { session: Session; savedTo?: string; problem?: string } | undefined, command: string, pointer: string | undefined): string {
  if (!latest) return 'Nothing was saved: no symptom was chosen yet.\n';
  if (latest.savedTo) {
    const resume = pointer === latest.savedTo ? `${command} --resume` : `${command} --session ${latest.savedTo}`;
    return `Session saved to ${latest.savedTo}\nContinue it:  ${resume}\nReport on it: ${command} report ${latest.savedTo}\n`;
  }
  return [
    `Your answers were NOT saved: ${latest.problem}.`,
    `Here they are as an answers file; copy them into a file and continue with "${command} --session FILE":`,
    '',
    serializeSession(latest.session),
  ].join('\n');
}
