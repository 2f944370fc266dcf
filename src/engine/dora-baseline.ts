import type { ClusterBand, ClusterName, DoraClusters } from '../knowledge/dora-clusters-schema.js';
import type { DoraKey } from '../knowledge/schema-primitives.js';
import { deploysPerDay, describeFrequency, durationHours, percentValue } from './metric-values.js';
import type { MetricKey, Metrics } from './session-schema.js';

export const clusterOrder = ['elite', 'high', 'medium', 'low'] as const satisfies readonly ClusterName[];

/**
 * Where one self-reported metric sits against the published clusters: inside one or more clusters'
 * ranges (recovery time's "less than one day" is both high and medium), between two clusters' ranges
 * (a gap the report leaves), beyond the low cluster's range, nearest a typical value (change failure
 * rate, published as one value per cluster), or not compared (rework rate has no published tier).
 */
export type Placement =
  | { kind: 'within'; clusters: ClusterName[] }
  | { kind: 'between'; better: ClusterName; worse: ClusterName }
  | { kind: 'beyond-low' }
  | { kind: 'nearest'; clusters: ClusterName[] }
  | { kind: 'no-tier' };

export type BaselineEntry = { metric: MetricKey; value: string; today: string; placement: Placement; published: string };

export type Baseline = { year: number; report: string; source: string; note: string; entries: BaselineEntry[] };

/** The fix plan's DORA metric keys and the answers-file metric each one is measured by. */
export const metricForDoraKey: Record<DoraKey, MetricKey> = {
  'deployment-frequency': 'deploymentFrequency',
  'lead-time-for-changes': 'leadTime',
  'change-failure-rate': 'changeFailureRate',
  'failed-deployment-recovery-time': 'recoveryTime',
};

function inBand(value: number, band: ClusterBand): boolean {
  if (band.from !== undefined && value < band.from) return false;
  if (band.upTo !== undefined && value > band.upTo) return false;
  if (band.below !== undefined && value >= band.below) return false;
  return true;
}

const bandEnd = (band: ClusterBand) => band.upTo ?? band.below ?? Number.POSITIVE_INFINITY;

/** Lower is better for every banded metric (days between deployments, hours). */
function placeInBands(value: number, bands: DoraClusters['leadTime']): Placement {
  // The best cluster whose range holds the value (a value on a shared boundary goes to the better
  // one), together with any cluster published with the very same range (recovery's "less than one day").
  const best = clusterOrder.find((name) => inBand(value, bands[name]));
  if (best) return { kind: 'within', clusters: clusterOrder.filter((name) => name === best || (bands[name].published === bands[best].published && inBand(value, bands[name]))) };
  const better = [...clusterOrder].reverse().find((name) => bandEnd(bands[name]) <= value);
  const worse = clusterOrder.find((name) => (bands[name].from ?? 0) > value);
  if (better && worse) return { kind: 'between', better, worse };
  return { kind: 'beyond-low' };
}

function nearest(value: number, typical: DoraClusters['changeFailureRate']): Placement {
  const distance = (name: ClusterName) => Math.abs(typical[name] - value);
  const best = Math.min(...clusterOrder.map(distance));
  return { kind: 'nearest', clusters: clusterOrder.filter((name) => distance(name) === best) };
}

const describeBands = (bands: DoraClusters['leadTime']) => clusterOrder.map((name) => `${name}: ${bands[name].published}`).join('; ');

/**
 * Places each metric the team reported against one report year's clusters. Nothing is invented:
 * a value outside every published range says so instead of being rounded into a cluster, and
 * there is no overall tier, because the report places teams by all four keys together.
 */
export function placeMetrics(metrics: Metrics, clusters: DoraClusters): Baseline {
  const entries: BaselineEntry[] = [];
  const add = (metric: MetricKey, today: string, placement: Placement, published: string) =>
    entries.push({ metric, value: metrics[metric]!, today, placement, published });

  if (metrics.deploymentFrequency !== undefined) {
    const perDay = deploysPerDay(metrics.deploymentFrequency)!;
    add('deploymentFrequency', describeFrequency(metrics.deploymentFrequency), placeInBands(1 / perDay, clusters.deploymentInterval), describeBands(clusters.deploymentInterval));
  }
  if (metrics.leadTime !== undefined) {
    add('leadTime', metrics.leadTime.trim(), placeInBands(durationHours(metrics.leadTime)!, clusters.leadTime), describeBands(clusters.leadTime));
  }
  if (metrics.changeFailureRate !== undefined) {
    const typical = clusters.changeFailureRate;
    add('changeFailureRate', metrics.changeFailureRate.trim(), nearest(percentValue(metrics.changeFailureRate)!, typical), clusterOrder.map((name) => `${name}: ${typical[name]}%`).join('; '));
  }
  if (metrics.recoveryTime !== undefined) {
    add('recoveryTime', metrics.recoveryTime.trim(), placeInBands(durationHours(metrics.recoveryTime)!, clusters.recoveryTime), describeBands(clusters.recoveryTime));
  }
  if (metrics.reworkRate !== undefined) add('reworkRate', metrics.reworkRate.trim(), { kind: 'no-tier' }, 'no published tiers');
  return { year: clusters.year, report: clusters.report, source: clusters.source, note: clusters.note, entries };
}
