// Symptom search the way a facilitator types a team's words: BM25 ranking (MiniSearch) over everything a
// symptom says and, at a lower weight, what its causes look like; stems, the domain vocabulary, prefixes
// for the word being typed and typo tolerance. It never leaves a query with nothing when any word is known.
import Fuse from 'fuse.js';
import MiniSearch, { type SearchResult } from 'minisearch';
import type { Knowledge, Symptom } from '../knowledge/schema.js';
import { compareText } from '../source/compare-text.js';
import { compileVocabulary, conceptMentions, conceptPrefix, searchTerms, stemOf, words, type CompiledVocabulary } from './search-text.js';

export const searchFields = ['title', 'summary', 'whatYouSee', 'searchPhrases', 'tags', 'causes'] as const;
export type SearchField = (typeof searchFields)[number];

export type SymptomMatch = {
  id: string;
  title: string;
  /** BM25 relevance: only comparable between results of the same query. */
  score: number;
  /** Shown because nothing matched well: the closest symptoms, not confident ones. */
  weak: boolean;
  /** The words and phrases of the query that matched, as they were typed. */
  matched: string[];
  /** Where in the symptom they matched. */
  fields: SearchField[];
  /** Words of the symptom's title, summary and what-you-see that matched, in lower case, for highlighting. */
  highlight: string[];
};

export type SymptomSearch = (text: string, limit?: number) => SymptomMatch[];

/** The knobs of the ranking, chosen on the development part of the real-phrasing set (never the held-out part). */
export type SearchTuning = {
  /** How much a match in each field says about the symptom; the causes describe it only indirectly. */
  fieldBoost: Record<SearchField, number>;
  /** A shared concept ("dark launch" and "canary" both mean progressive delivery) counts more than a shared word. */
  conceptBoost: number;
  bm25: { k: number; b: number; d: number };
  /**
   * BM25 adds up words wherever they occur; people expect a symptom that says most of what they typed in one
   * place to come first. The score grows by this factor times the share of the query's words found together
   * in one field.
   */
  togetherness: number;
  /** A symptom that says exactly what was typed (a whole title or search phrase) is what was meant. */
  verbatim: number;
  /** A symptom with one line holding all the typed words in that order comes next. */
  contained: number;
};

export const defaultTuning: SearchTuning = {
  fieldBoost: { title: 3, searchPhrases: 2.5, summary: 2, tags: 1.5, whatYouSee: 1, causes: 0.4 },
  conceptBoost: 1.5,
  bm25: { k: 1.2, b: 0.7, d: 0 },
  togetherness: 1,
  verbatim: 4,
  contained: 2,
};

/** Results rescored for being said together or word for word: BM25 decides the rest. */
const rescoredCandidates = 50;

/** Below this share of the query's words matched, a result is only a guess. */
const weakCoverage = 0.34;

/** Results scoring below this share of the best one are guesses too. */
const weakRelativeScore = 0.3;

type Document = Record<SearchField, string> & { index: number };

/** What the search reads: symptoms, the anti-patterns their causes name, and the vocabulary. */
export type SearchKnowledge = Pick<Knowledge, 'symptoms' | 'antiPatterns' | 'vocabulary'>;

function toDocument(symptom: Symptom, index: number, antiPatterns: ReadonlyMap<string, Knowledge['antiPatterns'][number]>): Document {
  const causes = symptom.causes.flatMap((cause) => {
    const antiPattern = antiPatterns.get(cause.antiPattern);
    return antiPattern ? [antiPattern.title, antiPattern.looksLike, antiPattern.telltaleSign, cause.why] : [cause.why];
  });
  return {
    index,
    title: symptom.title,
    summary: symptom.summary,
    whatYouSee: symptom.whatYouSee,
    searchPhrases: symptom.searchPhrases.join('\n'),
    tags: symptom.tags.map((tag) => tag.replace(/-/g, ' ')).join('\n'),
    causes: causes.join('\n'),
  };
}

/** A query read once: its terms for the index and how to name each back in the user's own words. */
type Query = { terms: string[]; surface: Map<string, string>; units: Map<string, string[]>; lastWord?: string };

function readQuery(text: string, vocabulary: CompiledVocabulary): Query {
  const found = words(text);
  const surface = new Map<string, string>();
  // Each term stands for some of the query's words; coverage counts words, so a phrase is not worth more than its words.
  const units = new Map<string, string[]>();
  for (const word of found) {
    if (!surface.has(word.stem)) surface.set(word.stem, text.slice(word.start, word.end));
    units.set(word.stem, [word.stem]);
  }
  for (const mention of conceptMentions(found, vocabulary)) {
    const term = conceptPrefix + mention.concept;
    const phrase = text.slice(found[mention.first]!.start, found[mention.last]!.end);
    if (!surface.has(term) || phrase.length > surface.get(term)!.length) surface.set(term, phrase);
    units.set(term, [...new Set([...(units.get(term) ?? []), ...found.slice(mention.first, mention.last + 1).map((word) => word.stem)])]);
  }
  const typing = found.length > 0 && !/\s$/.test(text) ? found.at(-1)!.stem : undefined;
  return { terms: [...units.keys()], surface, units, ...(typing ? { lastWord: typing } : {}) };
}

export function createSymptomSearch(knowledge: SearchKnowledge, tuning: SearchTuning = defaultTuning): SymptomSearch {
  const vocabulary = compileVocabulary(knowledge.vocabulary);
  const antiPatterns = new Map(knowledge.antiPatterns.map((antiPattern) => [antiPattern.id, antiPattern]));
  const symptoms = knowledge.symptoms;
  const index = new MiniSearch<Document>({
    idField: 'index',
    fields: [...searchFields],
    tokenize: (text) => searchTerms(text, vocabulary),
    processTerm: (term) => term,
  });
  index.addAll(symptoms.map((symptom, position) => toDocument(symptom, position, antiPatterns)));

  // Each title, summary and search phrase as its run of stems, to recognise a query that says one of them.
  const stemLine = (text: string) => ` ${words(text).map((word) => word.stem).join(' ')} `;
  const lines = symptoms.map((symptom) => [symptom.title, symptom.summary, ...symptom.searchPhrases].map(stemLine));
  const wholeLines = new Map<string, Set<number>>();
  lines.forEach((own, position) => own.forEach((line) => wholeLines.set(line, (wholeLines.get(line) ?? new Set()).add(position))));

  // Every surface word the knowledge uses, for a last, typo-tolerant try when no query word is known at all.
  let knownWords: Fuse<string> | undefined;
  const closestKnownWord = (word: string): string | undefined => {
    knownWords ??= new Fuse(
      [...new Set(symptoms.flatMap((symptom) => Object.values(toDocument(symptom, 0, antiPatterns)).filter((value) => typeof value === 'string').flatMap((value) => words(value as string).map((found) => found.word))))],
      { includeScore: true, threshold: 0.4, ignoreLocation: true },
    );
    const best = knownWords.search(word, { limit: 1 })[0];
    return best ? stemOf(best.item) : undefined;
  };

  const run = (query: Query, lenient: boolean): SearchResult[] =>
    index.search(query.terms.join(' '), {
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
      boost: tuning.fieldBoost,
      boostTerm: (term) => (term.startsWith(conceptPrefix) ? tuning.conceptBoost : 1),
      bm25: tuning.bm25,
      combineWith: 'OR',
      prefix: (term) => !term.startsWith(conceptPrefix) && (lenient || term === query.lastWord),
      fuzzy: (term) => (term.startsWith(conceptPrefix) || /\p{N}/u.test(term) || term.length < 5 ? false : lenient ? 0.34 : 0.2),
      maxFuzzy: 3,
    });

  const highlightCache = new Map<number, ReturnType<typeof words>>();
  const shownWords = (position: number) => {
    let cached = highlightCache.get(position);
    if (!cached) {
      const symptom = symptoms[position]!;
      cached = words([symptom.title, symptom.summary, symptom.whatYouSee].join('\n'));
      highlightCache.set(position, cached);
    }
    return cached;
  };

  const describe = (result: SearchResult, query: Query, best: number, guessing: boolean): SymptomMatch => {
    const position = result.id as number;
    const symptom = symptoms[position]!;
    const matchedTerms = new Set(result.queryTerms);
    const covered = new Set([...matchedTerms].flatMap((term) => query.units.get(term) ?? []));
    const coverage = covered.size / Math.max(1, new Set([...query.units.values()].flat()).size);
    const fields = new Set<SearchField>();
    for (const found of Object.values(result.match)) for (const field of found) fields.add(field as SearchField);
    const documentTerms = new Set(result.terms);
    const shown = shownWords(position);
    const highlight = new Set(shown.filter((word) => documentTerms.has(word.stem)).map((word) => word.word));
    for (const mention of conceptMentions(shown, vocabulary)) {
      if (documentTerms.has(conceptPrefix + mention.concept)) for (const word of shown.slice(mention.first, mention.last + 1)) highlight.add(word.word);
    }
    return {
      id: symptom.id,
      title: symptom.title,
      score: Math.round(result.score * 1000) / 1000,
      weak: guessing || coverage < weakCoverage || result.score < best * weakRelativeScore,
      matched: [...new Set(result.queryTerms.map((term) => (query.surface.get(term) ?? term).toLowerCase()))].sort(compareText),
      fields: searchFields.filter((field) => fields.has(field)),
      highlight: [...highlight].sort(compareText),
    };
  };

  return (text, limit = 10) => {
    const query = readQuery(text, vocabulary);
    if (query.terms.length === 0) return [];
    let asked = query;
    let results = run(query, false);
    if (results.length === 0) {
      // Nothing known: read every word as a likely typo of a word the knowledge uses, and say it is a guess.
      const surface = new Map<string, string>();
      for (const term of query.terms.filter((candidate) => !candidate.startsWith(conceptPrefix))) {
        const typed = query.surface.get(term) ?? term;
        surface.set(closestKnownWord(typed) ?? term, typed);
      }
      asked = { terms: [...surface.keys()], surface, units: new Map([...surface.keys()].map((term) => [term, [term]])) };
      results = run(asked, true);
    }
    const guessing = asked !== query;
    const queryWords = new Set([...asked.units.values()].flat()).size;
    const typed = stemLine(text);
    const saidExactly = wholeLines.get(typed);
    results.sort((a, b) => b.score - a.score);
    for (const [rank, result] of results.entries()) {
      const position = result.id as number;
      if (saidExactly?.has(position)) result.score *= tuning.verbatim;
      else if (rank < rescoredCandidates && queryWords > 1 && lines[position]!.some((line) => line.includes(typed))) result.score *= tuning.contained;
      const byField = new Map<string, Set<string>>();
      for (const [documentTerm, fields] of Object.entries(result.match)) {
        const queryTerm = asked.units.has(documentTerm) ? documentTerm : result.queryTerms.find((candidate) => documentTerm.startsWith(candidate)) ?? documentTerm;
        for (const field of fields) {
          const found = byField.get(field) ?? new Set<string>();
          for (const unit of asked.units.get(queryTerm) ?? [queryTerm]) found.add(unit);
          byField.set(field, found);
        }
      }
      const together = Math.max(0, ...[...byField.values()].map((found) => found.size)) / Math.max(1, queryWords);
      result.score *= 1 + tuning.togetherness * together * together;
    }
    const best = Math.max(0, ...results.map((result) => result.score));
    return results
      .sort((a, b) => b.score - a.score || compareText(symptoms[a.id as number]!.id, symptoms[b.id as number]!.id))
      .slice(0, limit)
      .map((result) => describe(result, asked, best, guessing));
  };
}
