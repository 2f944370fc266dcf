import { processIo } from './io.js';
import { run } from './run.js';

// `deploy-doctor report x | head` closes stdout early; that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

void run(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
