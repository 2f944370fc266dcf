import { exitCodes } from './errors.js';
import { processIo, type Io } from './io.js';
import { run } from './run.js';
import { writeFailureReason } from './write-file-atomic.js';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // `deploy-doctor report x | head` closes stdout early; that is the reader's choice, not an error.
  if (error.code === 'EPIPE') process.exit(exitCodes.ok);
  // `report > /dev/full`, a closed descriptor, a broken device: one line, never a stack trace.
  process.stderr.write(`deploy-doctor: cannot write to standard output: ${writeFailureReason(error)}\n`);
  process.exit(exitCodes.invalidContent);
});

let io: Io | undefined;
try {
  io = processIo();
} catch (error) {
  // process.cwd() fails once the directory we were started in has been deleted.
  const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the current directory no longer exists (ENOENT); change to another directory and run it again' : writeFailureReason(error);
  process.stderr.write(`deploy-doctor: ${reason}\n`);
  process.exitCode = exitCodes.invalidContent;
}
if (io) {
  void run(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
