// Prints the diagnosis scoreboards as compact tables, with the floors of issue 7 beside the figures.
import type { Figures, Scoreboard } from './score.js';

const percent = (value: number | undefined) => (value === undefined ? '   -  ' : `${(value * 100).toFixed(1).padStart(5)}%`);
const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');

function row(label: string, figures: Figures, asked: boolean): string {
  const confident = figures.confident.present === undefined ? '     -        ' : `${percent(figures.confident.present)} of ${String(figures.confident.shown).padStart(5)}`;
  const brier = figures.brier === undefined ? '  -  ' : figures.brier.toFixed(3);
  return `  ${label.padEnd(28)} ${percent(figures.top1)} ${percent(figures.top3)} ${percent(figures.all5)}  ${(asked ? figures.meanAsked.toFixed(2) : '  -').padStart(5)}  ${confident}  ${brier}`;
}

export function printScoreboard(title: string, board: Scoreboard, knownFacts?: number): void {
  console.log(`${title}: ${board.engineAdaptive.cases} cases`);
  console.log(`  ${''.padEnd(28)}   top1    top3  all in 5  asked  shown >=70%: present   Brier`);
  console.log(row(`engine static${knownFacts === undefined ? '' : ` (${knownFacts.toFixed(1)} facts)`}`, board.engineStatic, false));
  console.log(row('engine adaptive', board.engineAdaptive, true));
  console.log(row('baseline symptom count', board.symptomCount, false));
  console.log(row('baseline most common', board.mostCommon, false));
}

/** Whether the engine beats both baselines on top1, top3 and all-in-5, in one mode. */
function beatsBaselines(board: Scoreboard, mode: 'engineStatic' | 'engineAdaptive'): boolean {
  const engine = board[mode];
  return [board.symptomCount, board.mostCommon].every((baseline) => engine.top1 > baseline.top1 && engine.top3 > baseline.top3 && engine.all5 > baseline.all5);
}

export function printFloors(simulation: Scoreboard, real: Scoreboard): void {
  const sim = simulation.engineAdaptive;
  const floors: [string, boolean][] = [
    [`simulation adaptive: top3 ${percent(sim.top3)} (floor 90%)`, sim.top3 >= 0.9],
    [`simulation adaptive: first ${percent(sim.top1)} (floor 70%)`, sim.top1 >= 0.7],
    [`simulation adaptive: questions ${sim.meanAsked.toFixed(2)} (floor <= 8)`, sim.meanAsked <= 8],
    [`simulation adaptive: shown >=70% truly present ${percent(sim.confident.present)} (floor 70%)`, (sim.confident.present ?? 0) >= 0.7],
    [`real cases static: top3 ${percent(real.engineStatic.top3)} (floor 90%)`, real.engineStatic.top3 >= 0.9],
    [`real cases static: first ${percent(real.engineStatic.top1)} (floor 60%)`, real.engineStatic.top1 >= 0.6],
    [`real cases adaptive: top3 ${percent(real.engineAdaptive.top3)} (floor 85%)`, real.engineAdaptive.top3 >= 0.85],
    ['engine beats both baselines on top1, top3 and all-in-5 (simulation and real, static and adaptive)',
      beatsBaselines(simulation, 'engineStatic') && beatsBaselines(simulation, 'engineAdaptive') && beatsBaselines(real, 'engineStatic') && beatsBaselines(real, 'engineAdaptive')],
  ];
  console.log('floors of issue 7 (benchmarks, not tests):');
  for (const [text, ok] of floors) console.log(`  ${text} ${verdict(ok)}`);
}
