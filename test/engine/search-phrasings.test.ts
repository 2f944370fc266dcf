import { stemmer } from 'stemmer';
import { describe, expect, it } from 'vitest';
import { bundledIndex } from '../support/bundled-knowledge.js';
import { loadPhrasings } from '../support/search-phrasings.js';

// The real-phrasing set (test/data/search-phrasings.yaml) measures symptom search; these checks keep it
// honest so it cannot quietly erode into the catalog's own words.

const phrasings = loadPhrasings();

/** Words that say nothing about a symptom, so sharing them with a title does not count. */
const functionWords = new Set(
  'a an and are as at be by do does for from has have in into is it its of on or so that the their them they this to was we were with our us'.split(' '),
);
const stems = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length > 1 && !functionWords.has(word))
      .map((word) => stemmer(word)),
  );

describe('the real-phrasing set for symptom search', () => {
  it('has at least 130 phrasings, about a third held out', () => {
    expect(phrasings.length).toBeGreaterThanOrEqual(130);
    const holdout = phrasings.filter((phrasing) => phrasing.split === 'holdout').length;
    expect(holdout / phrasings.length).toBeGreaterThan(0.28);
    expect(holdout / phrasings.length).toBeLessThan(0.4);
  });

  it('covers every bundled symptom at least three times, and names no unknown one', async () => {
    const index = await bundledIndex();
    const counts = new Map<string, number>();
    for (const phrasing of phrasings) counts.set(phrasing.expected, (counts.get(phrasing.expected) ?? 0) + 1);
    expect([...counts.keys()].filter((id) => !index.symptoms.has(id))).toEqual([]);
    // Symptoms added after the set was written are measured once someone finds public phrasings for them.
    const original = [...index.symptoms.keys()].filter((id) => counts.has(id));
    expect(original.length).toBeGreaterThanOrEqual(32);
    expect(original.filter((id) => counts.get(id)! < 3)).toEqual([]);
  });

  it('keeps no query twice', () => {
    const queries = phrasings.map((phrasing) => phrasing.query.toLowerCase());
    expect(queries.length - new Set(queries).size).toBe(0);
  });

  it('has at least half of its queries avoid every word of their symptom title', async () => {
    const index = await bundledIndex();
    const avoiding = phrasings.filter((phrasing) => {
      const title = stems(index.symptoms.get(phrasing.expected)!.title);
      return [...stems(phrasing.query)].every((stem) => !title.has(stem));
    });
    expect(avoiding.length / phrasings.length).toBeGreaterThanOrEqual(0.5);
  });

  it('never repeats a search phrase of the knowledge itself', async () => {
    const index = await bundledIndex();
    const normalize = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const own = new Set(index.knowledge.symptoms.flatMap((symptom) => [symptom.title, symptom.summary, ...symptom.searchPhrases].map(normalize)));
    expect(phrasings.filter((phrasing) => own.has(normalize(phrasing.query)))).toEqual([]);
  });
});
