// Symptom search the way a facilitator types a team's words: BM25 ranking (MiniSearch) over what a symptom
// says and, at a lower weight, over what its causes look like; stems, the domain vocabulary, prefixes for
// the word being typed and typo tolerance. It never leaves a query with nothing when any word is known.
import Fuse from 'fuse.js';
import MiniSearch, { type SearchOptions, type SearchResult } from 'minisearch';
import type { AntiPattern, Knowledge, Symptom } from '../knowledge/schema.js';
import { compareText } from '../source/compare-text.js';
import { namedAntiPattern } from './named-anti-pattern.js';
import { compileVocabulary, conceptMentions, conceptPrefix, searchTerms, stemOf, words, type CompiledVocabulary, type Word } from './search-text.js';

export const searchFields = ['title', 'summary', 'whatYouSee', 'searchPhrases', 'tags', 'causes'] as const;
export type SearchField = (typeof searchFields)[number];

export type SymptomMatch = {
  id: string;
  title: string;
  /** Relevance: only comparable between results of the same query. */
  score: number;
  /** Shown because nothing matched well: the closest symptoms, not confident ones. */
  weak: boolean;
  /** The words and phrases of the query that matched, in lower case as they were typed. */
  matched: string[];
  /** Where in the symptom they matched; `causes` means in what its causes look like. */
  fields: SearchField[];
  /** Words of the symptom's title, summary and what-you-see that matched, in lower case, for highlighting. */
  highlight: string[];
  /** Set when the query named an anti-pattern ("we have no canary") and this symptom is one it causes. */
  causedBy?: { id: string; title: string };
};

export type SymptomSearch = (text: string, limit?: number) => SymptomMatch[];

/** The knobs of the ranking, chosen on the development part of the real-phrasing set (never the held-out part). */
export type SearchTuning = {
  /** What a symptom says in so many words (title, search phrases) counts more than how it is described. */
  fieldBoost: { said: number; described: number };
  /** How much what a symptom's causes look like adds, against what the symptom itself says. */
  causes: number;
  /** A shared concept ("dark launch" and "canary" both mean progressive delivery) counts more than a shared word. */
  conceptBoost: number;
  bm25: { k: number; b: number; d: number };
  /**
   * BM25 adds up words wherever they occur; people expect a symptom that says most of what they typed in one
   * place to come first. The score grows by this factor times the squared share of the query's words found
   * together in one field.
   */
  togetherness: number;
  /** A symptom that says exactly what was typed (a whole title or search phrase) is what was meant. */
  verbatim: number;
  /** A symptom with one line holding all the typed words in that order comes next. */
  contained: number;
  /** When the query names an anti-pattern, the symptoms it causes count this much more. */
  namedCause: number;
};

export const defaultTuning: SearchTuning = {
  fieldBoost: { said: 3, described: 1 },
  causes: 0.15,
  conceptBoost: 2.5,
  bm25: { k: 1.2, b: 0.5, d: 0 },
  togetherness: 2,
  verbatim: 4,
  contained: 2,
  namedCause: 2,
};

/** Below this share of the query's words matched, a result is only a guess. */
const weakCoverage = 0.34;
/** Results scoring below this share of the best one are guesses too. */
const weakRelativeScore = 0.3;
/** Only the best candidates are looked at closely (togetherness, wording); the long tail keeps its BM25 order. */
const closeLook = 50;

/** What the search reads: symptoms, the anti-patterns their causes name, and the vocabulary. */
export type SearchKnowledge = Pick<Knowledge, 'symptoms' | 'antiPatterns' | 'vocabulary'>;

/** The texts of a symptom, field by field; `causes` holds what its causes look like. */
function fieldTexts(symptom: Symptom, antiPatterns: ReadonlyMap<string, AntiPattern>): Record<SearchField, string> {
  return {
    title: symptom.title,
    summary: symptom.summary,
    whatYouSee: symptom.whatYouSee,
    searchPhrases: symptom.searchPhrases.join('\n'),
    tags: symptom.tags.map((tag) => tag.replace(/-/g, ' ')).join('\n'),
    causes: symptom.causes.map((cause) => antiPatterns.get(cause.antiPattern)).flatMap((found) => (found ? [antiPatternText(found)] : [])).join('\n'),
  };
}

const antiPatternText = (antiPattern: AntiPattern) => [antiPattern.title, antiPattern.summary, antiPattern.looksLike, antiPattern.telltaleSign].join('\n');

/**
 * A query read once: its terms for the index and how to name each back in the user's own words. `phrased`
 * holds the stems of words that are part of a vocabulary phrase: the phrase's concept already scores them.
 */
type Query = { terms: string[]; surface: Map<string, string>; units: Map<string, string[]>; phrased: ReadonlySet<string>; typing?: string };

function readQuery(text: string, vocabulary: CompiledVocabulary): Query {
  const found = words(text);
  const surface = new Map<string, string>();
  // Each term stands for some of the query's words; coverage counts words, so a phrase is not worth more than its words.
  const units = new Map<string, string[]>();
  for (const word of found) {
    if (!surface.has(word.stem)) surface.set(word.stem, text.slice(word.start, word.end).toLowerCase());
    units.set(word.stem, [word.stem]);
  }
  const phrased = new Set<string>();
  for (const mention of conceptMentions(found, vocabulary)) {
    for (const word of found.slice(mention.first, mention.last + 1)) phrased.add(word.stem);
    const term = conceptPrefix + mention.concept;
    const phrase = text.slice(found[mention.first]!.start, found[mention.last]!.end).toLowerCase();
    if (!surface.has(term) || phrase.length > surface.get(term)!.length) surface.set(term, phrase);
    units.set(term, [...new Set([...(units.get(term) ?? []), ...found.slice(mention.first, mention.last + 1).map((word) => word.stem)])]);
  }
  const typing = found.length > 0 && !/\s$/.test(text) ? found.at(-1)!.stem : undefined;
  return { terms: [...units.keys()], surface, units, phrased, ...(typing ? { typing } : {}) };
}

/** A symptom in the running, with the index results that put it there (read only for the few looked at closely). */
type Candidate = { position: number; score: number; sources: SearchResult[]; terms?: { documentTerms: Set<string>; queryTerms: Set<string> } };

function termsFound(candidate: Candidate) {
  if (!candidate.terms) {
    candidate.terms = { documentTerms: new Set(candidate.sources.flatMap((result) => result.terms)), queryTerms: new Set(candidate.sources.flatMap((result) => result.queryTerms)) };
  }
  return candidate.terms;
}

export function createSymptomSearch(knowledge: SearchKnowledge, tuning: SearchTuning = defaultTuning): SymptomSearch {
  const vocabulary = compileVocabulary(knowledge.vocabulary);
  const termCache = new Map<string, string[]>();
  const termsOf = (text: string) => {
    let terms = termCache.get(text);
    if (!terms) termCache.set(text, (terms = searchTerms(text, vocabulary)));
    return terms;
  };
  const symptoms = knowledge.symptoms;
  const antiPatternList = knowledge.antiPatterns;
  const antiPatterns = new Map(antiPatternList.map((antiPattern) => [antiPattern.id, antiPattern]));
  const antiPatternPosition = new Map(antiPatternList.map((antiPattern, position) => [antiPattern.id, position]));

  // Two fields rather than six: MiniSearch's time grows with fields, and these two weigh differently.
  const symptomIndex = new MiniSearch<{ index: number; said: string; described: string }>({
    idField: 'index',
    fields: ['said', 'described'],
    tokenize: termsOf,
    processTerm: (term) => term,
  });
  symptomIndex.addAll(
    symptoms.map((symptom, index) => ({
      index,
      said: [symptom.title, ...symptom.searchPhrases].join('\n'),
      described: [symptom.summary, symptom.whatYouSee, ...symptom.tags.map((tag) => tag.replace(/-/g, ' '))].join('\n'),
    })),
  );
  // Causes are indexed once per anti-pattern and passed on to the symptoms they cause, not copied into each.
  const antiPatternIndex = new MiniSearch<{ index: number; title: string; summary: string; looksLike: string; telltaleSign: string }>({
    idField: 'index',
    fields: ['title', 'summary', 'looksLike', 'telltaleSign'],
    tokenize: termsOf,
    processTerm: (term) => term,
  });
  antiPatternIndex.addAll(antiPatternList.map(({ title, summary, looksLike, telltaleSign }, index) => ({ index, title, summary, looksLike, telltaleSign })));
  const causing = antiPatternList.map(() => [] as number[]);
  symptoms.forEach((symptom, position) =>
    symptom.causes.forEach((cause) => {
      const found = antiPatternPosition.get(cause.antiPattern);
      if (found !== undefined) causing[found]!.push(position);
    }),
  );

  // Each title, summary and search phrase as its run of stems, to recognise a query that says one of them.
  const stemLine = (text: string) => ` ${words(text).map((word) => word.stem).join(' ')} `;
  const wholeLines = new Map<string, Set<number>>();
  symptoms.forEach((symptom, position) =>
    [symptom.title, symptom.summary, ...symptom.searchPhrases].forEach((line) => {
      const key = stemLine(line);
      wholeLines.set(key, (wholeLines.get(key) ?? new Set()).add(position));
    }),
  );

  // Per-symptom detail for the few results looked at closely, kept for a while and then dropped.
  const details = new Map<number, { fields: Record<SearchField, Set<string>>; lines: string[]; shown: Word[] }>();
  const detailOf = (position: number) => {
    let detail = details.get(position);
    if (!detail) {
      if (details.size > 2_000) details.clear();
      const symptom = symptoms[position]!;
      const texts = fieldTexts(symptom, antiPatterns);
      detail = {
        fields: Object.fromEntries(searchFields.map((field) => [field, new Set(termsOf(texts[field]))])) as Record<SearchField, Set<string>>,
        lines: [symptom.title, symptom.summary, ...symptom.searchPhrases].map(stemLine),
        shown: words([symptom.title, symptom.summary, symptom.whatYouSee].join('\n')),
      };
      details.set(position, detail);
    }
    return detail;
  };

  // Every surface word the knowledge uses, for a last, typo-tolerant try when no query word is known at all.
  let knownWords: Fuse<string> | undefined;
  const closestKnownWord = (word: string): string | undefined => {
    knownWords ??= new Fuse([...new Set([...termCache.keys()].flatMap((text) => words(text).map((found) => found.word)))], {
      includeScore: true,
      threshold: 0.4,
      ignoreLocation: true,
    });
    const best = knownWords.search(word, { limit: 1 })[0];
    return best ? stemOf(best.item) : undefined;
  };

  const options = (query: Query, lenient: boolean): SearchOptions => ({
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term,
    boostTerm: (term) => (term.startsWith(conceptPrefix) ? tuning.conceptBoost : 1),
    bm25: tuning.bm25,
    combineWith: 'OR',
    // The word being typed may be unfinished; one or two letters would match half the index.
    prefix: (term) => !term.startsWith(conceptPrefix) && term.length >= 3 && (lenient || term === query.typing),
    fuzzy: (term) => (term.startsWith(conceptPrefix) || /\p{N}/u.test(term) || term.length < 5 ? false : lenient ? 0.34 : 0.2),
    maxFuzzy: 3,
  });

  /**
   * Scores every symptom the query touches, in flat arrays (there may be thousands), and returns the best
   * `keep` as candidates, plus any symptom that says the query word for word.
   */
  // Each query term is searched on its own and remembered: while someone types, only the word being typed
  // is new, so a keystroke costs one term's search and an addition, not the whole query again.
  const termResults = new Map<string, { results: SearchResult[]; byPosition?: Map<number, SearchResult> }>();
  const searchTerm = (term: string, query: Query, lenient: boolean) => {
    const key = `${lenient ? 'l' : 's'}${term === query.typing ? 'p' : ''} ${term}`;
    let found = termResults.get(key);
    if (!found) {
      if (termResults.size > 500) termResults.clear();
      found = { results: symptomIndex.search(term, { ...options(query, lenient), boost: tuning.fieldBoost }) };
      termResults.set(key, found);
    }
    return found;
  };
  const resultFor = (found: { results: SearchResult[]; byPosition?: Map<number, SearchResult> }, position: number) => {
    found.byPosition ??= new Map(found.results.map((result) => [result.id as number, result]));
    return found.byPosition.get(position);
  };
  const scores = new Float64Array(symptoms.length);
  const causeScore = new Float64Array(symptoms.length);
  const bestCause = new Int32Array(symptoms.length);
  const termsMatched = new Int32Array(symptoms.length);

  /**
   * Scores every symptom the query touches, in flat arrays (there may be thousands), and returns the best
   * `keep` as candidates, plus any symptom that says the query word for word.
   */
  const candidates = (query: Query, lenient: boolean, keep: number, mustKeep: ReadonlySet<number> = new Set()) => {
    const count = symptoms.length;
    scores.fill(0);
    causeScore.fill(0);
    bestCause.fill(-1);
    termsMatched.fill(0);
    const perTerm = query.terms.map((term) => searchTerm(term, query, lenient));
    perTerm.forEach(({ results }, term) => {
      // "Status page" is one thing said, not three: its words count as matched, but only its concept scores.
      const scoring = query.phrased.has(query.terms[term]!) ? 0 : 1;
      for (const result of results) {
        scores[result.id as number]! += result.score * scoring;
        termsMatched[result.id as number]! += 1;
      }
    });
    // As MiniSearch does for a whole query: a symptom matching more of the query's terms counts that many times more.
    for (let position = 0; position < count; position++) scores[position]! *= termsMatched[position]!;
    // A symptom gains from the cause that looks most like the query, not from all of them added up.
    const causeResults = antiPatternIndex.search(query.terms.join(' '), { ...options(query, lenient), boost: { title: 2, summary: 1.5, looksLike: 1, telltaleSign: 1 } });
    causeResults.forEach((result, rank) => {
      for (const position of causing[result.id as number]!) {
        if (causeScore[position]! < result.score) {
          causeScore[position] = result.score;
          bestCause[position] = rank;
        }
      }
    });
    const touched: number[] = [];
    for (let position = 0; position < count; position++) {
      scores[position]! += causeScore[position]! * tuning.causes;
      if (scores[position]! > 0) touched.push(position);
    }
    // The score the `keep`-th best reaches, found with a native numeric sort rather than sorting every symptom.
    const ranked = Float64Array.from(touched, (position) => scores[position]!).sort();
    const threshold = ranked.length > keep ? ranked[ranked.length - keep]! : 0;
    const chosen = new Set(touched.filter((position) => scores[position]! >= threshold).slice(0, keep * 2));
    for (const position of mustKeep) if (scores[position]! > 0) chosen.add(position);
    const top: Candidate[] = [...chosen].map((position) => ({
      position,
      score: scores[position]!,
      sources: [...perTerm.map((found) => resultFor(found, position)), bestCause[position]! >= 0 ? causeResults[bestCause[position]!] : undefined].filter(
        (result): result is SearchResult => result !== undefined,
      ),
    }));
    return { top, scoreOf: (position: number) => scores[position]! };
  };

  /** Rescores the best candidates for saying the query together, or word for word. */
  const lookClosely = (ranked: Candidate[], query: Query, text: string, saidExactly: ReadonlySet<number> | undefined) => {
    const queryWords = new Set([...query.units.values()].flat()).size;
    const typed = stemLine(text);
    for (const candidate of ranked) {
      const detail = detailOf(candidate.position);
      if (saidExactly?.has(candidate.position)) candidate.score *= tuning.verbatim;
      else if (queryWords > 1 && detail.lines.some((line) => line.includes(typed))) candidate.score *= tuning.contained;
      let together = 0;
      const { documentTerms } = termsFound(candidate);
      for (const field of searchFields) {
        if (field === 'causes') continue;
        const covered = new Set<string>();
        for (const term of documentTerms) {
          if (!detail.fields[field].has(term)) continue;
          for (const unit of query.units.get(term) ?? [term]) covered.add(unit);
        }
        together = Math.max(together, covered.size / Math.max(1, queryWords));
      }
      candidate.score *= 1 + tuning.togetherness * together * together;
    }
  };

  const describe = (candidate: Candidate, query: Query, best: number, guessing: boolean): SymptomMatch => {
    const symptom = symptoms[candidate.position]!;
    const detail = detailOf(candidate.position);
    const { documentTerms, queryTerms } = termsFound(candidate);
    // Coverage counts words found as typed (or as the start of the word being typed); a typo-tolerant
    // match still ranks, but three loosely similar words are not a confident match.
    const exact = [...queryTerms].filter((term) => documentTerms.has(term) || (term === query.typing && [...documentTerms].some((found) => found.startsWith(term))));
    const covered = new Set(exact.flatMap((term) => query.units.get(term) ?? [term]));
    const coverage = covered.size / Math.max(1, new Set([...query.units.values()].flat()).size);
    const fields = searchFields.filter((field) => [...documentTerms].some((term) => detail.fields[field].has(term)));
    const highlight = new Set(detail.shown.filter((word) => documentTerms.has(word.stem)).map((word) => word.word));
    for (const mention of conceptMentions(detail.shown, vocabulary)) {
      if (documentTerms.has(conceptPrefix + mention.concept)) for (const word of detail.shown.slice(mention.first, mention.last + 1)) highlight.add(word.word);
    }
    return {
      id: symptom.id,
      title: symptom.title,
      score: Math.round(candidate.score * 1000) / 1000,
      weak: guessing || coverage < weakCoverage || candidate.score < best * weakRelativeScore,
      matched: [...new Set([...queryTerms].map((term) => query.surface.get(term) ?? term))].sort(compareText),
      fields,
      highlight: [...highlight].sort(compareText),
    };
  };

  const byScore = (a: Candidate, b: Candidate) => b.score - a.score || compareText(symptoms[a.position]!.id, symptoms[b.position]!.id);

  return (text, limit = 10) => {
    const query = readQuery(text, vocabulary);
    if (query.terms.length === 0) return [];
    let asked = query;
    const saidExactly = wholeLines.get(stemLine(text));
    const keep = Math.max(closeLook, limit);
    let { top: ranked, scoreOf } = candidates(query, false, keep, saidExactly);
    if (ranked.length === 0) {
      // Nothing known: read every word as a likely typo of a word the knowledge uses, and say it is a guess.
      const surface = new Map<string, string>();
      for (const term of query.terms.filter((candidate) => !candidate.startsWith(conceptPrefix))) {
        const typed = query.surface.get(term) ?? term;
        surface.set(closestKnownWord(typed) ?? term, typed);
      }
      asked = { terms: [...surface.keys()], surface, units: new Map([...surface.keys()].map((term) => [term, [term]])), phrased: new Set() };
      ({ top: ranked, scoreOf } = candidates(asked, true, keep));
    }
    const guessing = asked !== query;
    ranked.sort(byScore);
    lookClosely(ranked, asked, text, saidExactly);

    const named = guessing ? undefined : namedAntiPattern(antiPatternIndex, asked, options(asked, false));
    const caused = new Set(named === undefined ? [] : causing[named]);
    if (named !== undefined) {
      const floor = Math.max(0, ...ranked.map((candidate) => candidate.score)) / tuning.namedCause;
      for (const candidate of ranked) if (caused.has(candidate.position)) candidate.score = Math.max(candidate.score * tuning.namedCause, floor);
      const present = new Set(ranked.map((candidate) => candidate.position));
      for (const position of caused) if (!present.has(position)) ranked.push({ position, score: Math.max(floor, scoreOf(position) * tuning.namedCause), sources: [] });
    }
    ranked.sort(byScore);
    const best = ranked[0]?.score ?? 0;
    return ranked.slice(0, limit).map((candidate) => {
      const match = describe(candidate, asked, best, guessing);
      const antiPattern = named === undefined ? undefined : antiPatternList[named]!;
      return antiPattern && caused.has(candidate.position) ? { ...match, weak: false, causedBy: { id: antiPattern.id, title: antiPattern.title } } : match;
    });
  };
}
