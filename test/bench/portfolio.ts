// Portfolio over 50, 100 and 200 generated teams, as a fresh `deploy-doctor portfolio` process each
// time (what a consultant runs), beside `node -e ''` measured in the same runs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledIndex, repoRoot } from '../support/bundled-knowledge.js';
import { generateTeams } from '../support/generate-teams.js';
import { compareWithBareNode } from './measure-process.js';

export const portfolioTargetMs = 2000;

export async function portfolioFigures(sizes: readonly number[] = [50, 100, 200]) {
  const dir = await mkdtemp(join(tmpdir(), 'deploy-doctor-bench-portfolio-'));
  try {
    const index = await bundledIndex();
    const all = await generateTeams(dir, Math.max(...sizes), index);
    return sizes.map((size) => {
      const result = compareWithBareNode([join(repoRoot, 'dist/cli.js'), 'portfolio', ...all.slice(0, size), '--format', 'html'], { runs: 9 });
      return { size, ...result };
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function printPortfolioFigures(figures: Awaited<ReturnType<typeof portfolioFigures>>) {
  const smallest = figures[0]!;
  for (const figure of figures) {
    // Linear growth: time beyond start-up, per team, stays about the same as the portfolio grows.
    const perTeam = (figure.measuredMs - figure.baselineMs) / figure.size;
    const growth = (figure.measuredMs - figure.baselineMs) / (smallest.measuredMs - smallest.baselineMs) / (figure.size / smallest.size);
    const target = figure.size === 200 ? ` (target <= ${portfolioTargetMs} ms) ${figure.measuredMs <= portfolioTargetMs ? 'ok' : 'MISSED'}` : '';
    console.log(
      `portfolio: ${figure.size} teams, HTML, fresh process: ${figure.measuredMs.toFixed(0)} ms vs node -e '' ${figure.baselineMs.toFixed(0)} ms = ${figure.ratio.toFixed(2)}x; ${perTeam.toFixed(2)} ms per team beyond start-up, ${growth.toFixed(2)}x the per-team cost at ${smallest.size}${target}`,
    );
  }
}

if (process.argv[1]?.endsWith('portfolio.ts')) printPortfolioFigures(await portfolioFigures());
