import { calibrationPoints } from './calibration-data.js';

/**
 * Turns the model's probability into the confidence people see, so that "80%" means the cause was
 * present about 80% of the time on the realistic simulation. A monotone, piecewise-linear map
 * through points fitted by isotonic regression (see test/bench/diagnosis/fit-calibration.ts);
 * monotone, so it never changes the order of causes.
 */
export function calibrate(probability: number): number {
  // Never 0% or 100%: the simulation is finite, and a report should not claim certainty.
  return Math.min(0.99, Math.max(0.01, interpolate(probability)));
}

function interpolate(probability: number): number {
  const points = calibrationPoints;
  if (points.length === 0) return probability;
  if (probability <= points[0]![0]) return points[0]![1];
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i]!;
    if (probability <= x1) {
      const [x0, y0] = points[i - 1]!;
      return x1 === x0 ? y1 : y0 + ((y1 - y0) * (probability - x0)) / (x1 - x0);
    }
  }
  return points[points.length - 1]![1];
}

/** The word the app shows instead of a percentage while little is known. */
export function confidenceWord(confidence: number): 'likely' | 'possible' | 'unlikely' {
  if (confidence >= 0.6) return 'likely';
  if (confidence >= 0.25) return 'possible';
  return 'unlikely';
}
