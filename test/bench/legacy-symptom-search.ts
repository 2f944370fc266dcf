// The symptom search as it was before issue 8, kept only so the benchmark can print old and new side by side.
import { compareText } from '../../src/source/compare-text.js';
import Fuse from 'fuse.js';
import type { Symptom } from '../../src/knowledge/schema.js';

export type SymptomMatch = { id: string; title: string; score: number };
export type SymptomSearch = (text: string, limit?: number) => SymptomMatch[];

/** Words that carry no meaning when matching what people say about deployments. */
const stopWords = new Set(
  'a an and are as at be been but by can do does for from get got had has have how i if in into is it its just me my of on or our so that the their them then there these they this those to too was we were what when where which who why will with you your us very really'.split(
    ' ',
  ),
);

/** How much a word found in each field says about the symptom. */
const fieldWeights = { searchPhrases: 1, title: 1, summary: 0.6, tags: 0.7 } as const;

type Posting = { symptom: number; text: number; weight: number };

/** Lower case, letters and digits only, single spaces: for spotting a query written out in full. */
const normalize = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

export function meaningfulWords(text: string): string[] {
  const words = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter((word) => word.length > 1 && !stopWords.has(word));
  return [...new Set(words)];
}

/**
 * Search the way people talk: each meaningful word is matched fuzzily (typos,
 * plurals, "deploy" in "deployments") against the vocabulary of the knowledge,
 * rare words count more than common ones, and a symptom whose single phrase
 * holds most of the words ranks above one that scatters them.
 */
export function createSymptomSearch(symptoms: readonly Symptom[]): SymptomSearch {
  const postings = new Map<string, Posting[]>();
  const fullTexts: string[][] = symptoms.map(() => []);
  let textCount = 0;
  symptoms.forEach((symptom, symptomIndex) => {
    const fields: [keyof typeof fieldWeights, readonly string[]][] = [
      ['searchPhrases', symptom.searchPhrases],
      ['title', [symptom.title]],
      ['summary', [symptom.summary]],
      ['tags', symptom.tags.map((tag) => tag.replace(/-/g, ' '))],
    ];
    for (const [field, texts] of fields) {
      for (const text of texts) {
        const textIndex = textCount++;
        fullTexts[symptomIndex]!.push(normalize(text));
        for (const word of meaningfulWords(text)) {
          const list = postings.get(word) ?? [];
          list.push({ symptom: symptomIndex, text: textIndex, weight: fieldWeights[field] });
          postings.set(word, list);
        }
      }
    }
  });
  const vocabulary = new Fuse([...postings.keys()], { includeScore: true, threshold: 0.3, ignoreLocation: true });

  return (query, limit = 10) => {
    const words = meaningfulWords(query);
    if (words.length === 0) return [];
    const perWord = words.map((word) => wordHits(word, vocabulary, postings));
    const weights = perWord.map((hits) => Math.log(1 + symptoms.length / Math.max(1, hits.bySymptom.size)));
    const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);

    const wordScore = new Map<number, number>();
    const phraseScore = new Map<number, Map<number, number>>();
    perWord.forEach((hits, wordIndex) => {
      const weight = weights[wordIndex]! / totalWeight;
      for (const [symptom, quality] of hits.bySymptom) wordScore.set(symptom, (wordScore.get(symptom) ?? 0) + weight * quality);
      for (const [text, { symptom, quality }] of hits.byText) {
        const texts = phraseScore.get(symptom) ?? new Map<number, number>();
        texts.set(text, (texts.get(text) ?? 0) + weight * quality);
        phraseScore.set(symptom, texts);
      }
    });

    const whole = normalize(query);
    const matches: (SymptomMatch & { verbatim: boolean; mentions: number })[] = [];
    for (const [symptom, score] of wordScore) {
      const texts = phraseScore.get(symptom)!;
      const combined = 0.5 * score + 0.5 * Math.max(...texts.values());
      if (combined < 0.2) continue;
      const verbatim = fullTexts[symptom]!.some((text) => text.includes(whole));
      matches.push({ id: symptoms[symptom]!.id, title: symptoms[symptom]!.title, score: Math.round(combined * 1000) / 1000, verbatim, mentions: texts.size });
    }
    // On equal scores, a symptom that says exactly this wins, then the one that talks about these words most.
    return matches
      .sort((a, b) => b.score - a.score || Number(b.verbatim) - Number(a.verbatim) || b.mentions - a.mentions || compareText(a.id, b.id))
      .slice(0, limit)
      .map(({ verbatim: _verbatim, mentions: _mentions, ...match }) => match);
  };
}

type WordHits = {
  bySymptom: Map<number, number>;
  byText: Map<number, { symptom: number; quality: number }>;
};

function wordHits(word: string, vocabulary: Fuse<string>, postings: Map<string, Posting[]>): WordHits {
  const bySymptom = new Map<number, number>();
  const byText = new Map<number, { symptom: number; quality: number }>();
  for (const result of vocabulary.search(word)) {
    const term = result.item;
    const closeness = Math.sqrt(Math.min(word.length, term.length) / Math.max(word.length, term.length));
    const termQuality = (1 - (result.score ?? 1)) * closeness;
    for (const posting of postings.get(term)!) {
      const quality = termQuality * posting.weight;
      if (quality > (bySymptom.get(posting.symptom) ?? 0)) bySymptom.set(posting.symptom, quality);
      if (quality > (byText.get(posting.text)?.quality ?? 0)) byText.set(posting.text, { symptom: posting.symptom, quality });
    }
  }
  return { bySymptom, byText };
}
