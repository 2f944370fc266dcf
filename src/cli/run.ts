import { showControls } from '../source/show-controls.js';
import { closestIds } from '../source/suggest.js';
import { exitCodes, InvalidContentError, OutputError, UsageError } from './errors.js';
import { helpText, version } from './help.js';
import type { Io } from './io.js';

type Command = (args: readonly string[], io: Io) => Promise<number>;

/** Each command loads only what it uses, so `report` never pays for search or validation code. */
const commands: Record<string, () => Promise<Command>> = {
  report: async () => (await import('./commands/report.js')).reportCommand,
  next: async () => (await import('./commands/next.js')).nextCommand,
  search: async () => (await import('./commands/search.js')).searchCommand,
  list: async () => (await import('./commands/list.js')).listCommand,
  validate: async () => (await import('./commands/validate.js')).validateCommand,
  merge: async () => (await import('./commands/merge.js')).mergeCommand,
  portfolio: async () => (await import('./commands/portfolio.js')).portfolioCommand,
  compare: async () => (await import('./commands/compare.js')).compareCommand,
};

/** Dispatches a command line and turns every expected failure into a message and an exit code. */
export async function run(argv: readonly string[], terminalIo: Io): Promise<number> {
  // The output edge: titles, team names and ids reach the terminal with their control characters visible.
  const io: Io = { ...terminalIo, out: (text) => terminalIo.out(showControls(text)), err: (text) => terminalIo.err(showControls(text)) };
  try {
    const [first, ...rest] = argv;
    if (first === '--help' || first === '-h' || first === 'help') {
      io.out(helpText);
      return exitCodes.ok;
    }
    if (first === '--version' || first === '-V') {
      io.out(`${version}\n`);
      return exitCodes.ok;
    }
    if (first === undefined || first.startsWith('-')) {
      const { interactiveCommand } = await import('./commands/interactive.js');
      return await interactiveCommand(argv, io);
    }
    const loadCommand = commands[first];
    if (!loadCommand) {
      const guess = closestIds(first, Object.keys(commands), 1)[0];
      throw new UsageError(`unknown command "${first}"${guess ? `; did you mean "${guess}"?` : ''}`);
    }
    // After "--" everything is an operand: `report -- --help` reads a file named --help.
    const options = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
    if (options.includes('--help') || options.includes('-h')) {
      io.out(helpText);
      return exitCodes.ok;
    }
    return await (await loadCommand())(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`deploy-doctor: ${error.message}\nRun "deploy-doctor --help" for usage.\n`);
      return exitCodes.usage;
    }
    if (error instanceof OutputError) {
      io.err(`deploy-doctor: ${error.message}\n`);
      return exitCodes.invalidContent;
    }
    if (error instanceof InvalidContentError) {
      io.err(`${error.lines.join('\n')}\n`);
      return exitCodes.invalidContent;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`deploy-doctor: unexpected error: ${message}\nPlease report it with the command you ran.\n`);
    if (io.env.DEPLOY_DOCTOR_DEBUG && error instanceof Error) io.err(`${error.stack}\n`);
    return exitCodes.invalidContent;
  }
}
