// Preloaded with `node -r` by the portfolio benchmark: reports the process's own CPU time at exit,
// which a loaded machine inflates far less than wall time.
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`\ncpu-ms ${(user + system) / 1000}\n`);
});
