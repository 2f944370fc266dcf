// How often the symptom search puts the expected symptom first and in the top three on the real-phrasing
// set (test/data/search-phrasings.yaml), and how often it returns nothing; dev and holdout apart and together.
import type { Knowledge } from '../../src/knowledge/schema.js';
import { loadPhrasings, type Phrasing } from '../support/search-phrasings.js';

export type RankedIds = (query: string) => readonly string[];
export type AccuracyFigures = { count: number; top1: number; top3: number; empty: number };
export type AccuracyReport = Record<'dev' | 'holdout' | 'all', AccuracyFigures> & { misses: { phrasing: Phrasing; got: readonly string[] }[] };

export function measureAccuracy(search: RankedIds, phrasings: readonly Phrasing[] = loadPhrasings()): AccuracyReport {
  const results = phrasings.map((phrasing) => ({ phrasing, got: search(phrasing.query) }));
  const figures = (split?: Phrasing['split']): AccuracyFigures => {
    const part = results.filter((result) => !split || result.phrasing.split === split);
    const share = (test: (got: readonly string[], expected: string) => boolean) =>
      part.filter((result) => test(result.got, result.phrasing.expected)).length / Math.max(1, part.length);
    return {
      count: part.length,
      top1: share((got, expected) => got[0] === expected),
      top3: share((got, expected) => got.slice(0, 3).includes(expected)),
      empty: share((got) => got.length === 0),
    };
  };
  return {
    dev: figures('dev'),
    holdout: figures('holdout'),
    all: figures(),
    misses: results.filter((result) => !result.got.slice(0, 3).includes(result.phrasing.expected)),
  };
}

const percent = (share: number) => `${(share * 100).toFixed(0)}%`.padStart(4);

export function formatAccuracy(label: string, report: AccuracyReport): string[] {
  return (['dev', 'holdout', 'all'] as const).map((split) => {
    const { count, top1, top3, empty } = report[split];
    return `  ${label.padEnd(10)} ${split.padEnd(8)} n=${String(count).padStart(3)}  top-1 ${percent(top1)}  top-3 ${percent(top3)}  no result ${percent(empty)}`;
  });
}

export type SearchFactory = (knowledge: Knowledge) => RankedIds;
