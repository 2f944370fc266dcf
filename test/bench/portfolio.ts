// Portfolio over 50, 100 and 200 generated teams, as a fresh `deploy-doctor portfolio` process each
// time (what a consultant runs), beside `node -e ''` measured in the same runs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledIndex, repoRoot } from '../support/bundled-knowledge.js';
import { generateTeams } from '../support/generate-teams.js';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from './measure-process.js';

export const portfolioTargetMs = 2000;

export async function portfolioFigures(sizes: readonly number[] = [50, 100, 200]) {
  const dir = await mkdtemp(join(tmpdir(), 'deploy-doctor-bench-portfolio-'));
  try {
    const index = await bundledIndex();
    const all = await generateTeams(dir, Math.max(...sizes), index);
    return sizes.map((size) => ({ size, ...measure([join(repoRoot, 'dist/cli.js'), 'portfolio', ...all.slice(0, size), '--format', 'html'], 9) }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const preload = fileURLToPath(new URL('./cpu-at-exit.cjs', import.meta.url));

/** Median wall and CPU time of a fresh process, interleaved with `node -e ''` so both see the same load. */
function measure(args: string[], runs: number) {
  const once = (command: string[]) => {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['-r', preload, ...command], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) throw new Error(`${command.join(' ').slice(0, 200)} exited ${result.status}: ${result.stderr}`);
    return { wallMs, cpuMs: Number(/cpu-ms (\S+)\s*$/.exec(result.stderr)![1]) };
  };
  once(['-e', '']);
  once(args);
  const bare: { wallMs: number; cpuMs: number }[] = [];
  const measured: { wallMs: number; cpuMs: number }[] = [];
  for (let run = 0; run < runs; run++) {
    bare.push(once(['-e', '']));
    measured.push(once(args));
  }
  const baselineMs = median(bare.map((entry) => entry.wallMs));
  const measuredMs = median(measured.map((entry) => entry.wallMs));
  return { baselineMs, measuredMs, ratio: measuredMs / baselineMs, cpuMs: median(measured.map((entry) => entry.cpuMs)), baselineCpuMs: median(bare.map((entry) => entry.cpuMs)) };
}

export function printPortfolioFigures(figures: Awaited<ReturnType<typeof portfolioFigures>>) {
  const smallest = figures[0]!;
  for (const figure of figures) {
    // Linear growth: time beyond start-up, per team, stays about the same as the portfolio grows.
    const perTeam = (figure.measuredMs - figure.baselineMs) / figure.size;
    const growth = (figure.measuredMs - figure.baselineMs) / (smallest.measuredMs - smallest.baselineMs) / (figure.size / smallest.size);
    const target = figure.size === 200 ? ` (target <= ${portfolioTargetMs} ms) ${figure.measuredMs <= portfolioTargetMs ? 'ok' : 'MISSED'}` : '';
    const cpuPerTeam = (figure.cpuMs - figure.baselineCpuMs) / figure.size;
    console.log(
      `portfolio: ${figure.size} teams, HTML, fresh process: ${figure.measuredMs.toFixed(0)} ms vs node -e '' ${figure.baselineMs.toFixed(0)} ms = ${figure.ratio.toFixed(2)}x; ${perTeam.toFixed(2)} ms per team beyond start-up, ${growth.toFixed(2)}x the per-team cost at ${smallest.size}; CPU ${figure.cpuMs.toFixed(0)} ms vs ${figure.baselineCpuMs.toFixed(0)} ms (${cpuPerTeam.toFixed(2)} ms per team)${target}`,
    );
  }
}

if (process.argv[1]?.endsWith('portfolio.ts')) printPortfolioFigures(await portfolioFigures());
