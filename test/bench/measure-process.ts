import { spawnSync } from 'node:child_process';

/**
 * Median wall time of a fresh process, interleaved with the `node -e ''` baseline
 * so both see the same machine load; the ratio is what we compare against targets.
 */
export function compareWithBareNode(args: string[], { runs = 25, input, status = 0 }: { runs?: number; input?: string; status?: number } = {}) {
  const bare: number[] = [];
  const measured: number[] = [];
  const time = (command: string[]) => {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, command, { input, stdio: ['pipe', 'ignore', 'pipe'] });
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== (command[0] === '-e' ? 0 : status)) throw new Error(`${command.join(' ')} exited ${result.status}: ${result.stderr}`);
    return elapsed;
  };
  time(['-e', '']);
  time(args);
  for (let run = 0; run < runs; run++) {
    bare.push(time(['-e', '']));
    measured.push(time(args));
  }
  const baseline = median(bare);
  const value = median(measured);
  return { baselineMs: baseline, measuredMs: value, ratio: value / baseline };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
