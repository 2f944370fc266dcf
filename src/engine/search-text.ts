// How search reads text, the same way for what people type and for what the knowledge says: words in
// lower case, function words dropped, each word reduced to its stem ("deploying" and "deploys" meet at
// "deploi"), and every phrase of the vocabulary recognised as the concept it stands for.
import { stemmer } from 'stemmer';
import type { VocabularyConcept } from '../knowledge/vocabulary-schema.js';

/** Words that carry no meaning when matching what people say about deployments. Negations stay: "no canary". */
const functionWords = new Set(
  (
    'a about am an and are as at be because been being but by can could did do does doing for from get gets got had has have having ' +
    "he her here hers him his how i if in into is it its itself just me my myself of on or our ours ourselves she should so than that " +
    'the their theirs them themselves then there these they this those to too us very was we were what when where which while who whom ' +
    'why will with would you your yours yourself really actually basically even ever lot lots like thing things im ive weve theyre'
  ).split(' '),
);

/** A concept is found in text as a token that no word can produce. */
export const conceptPrefix = '~';

export type Word = { word: string; stem: string; start: number; end: number };

const wordPattern = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

// Stemming is the costly part of reading text, and the same few thousand words recur everywhere.
const stems = new Map<string, string>();

export function stemOf(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = /\p{N}/u.test(word) ? word : stemmer(word);
    if (stems.size < 100_000) stems.set(word, stem);
  }
  return stem;
}

/** The meaningful words of a text, in order, with where each stands in it (for highlighting). */
export function words(text: string): Word[] {
  const found: Word[] = [];
  for (const match of text.matchAll(wordPattern)) {
    const word = match[0].toLowerCase().replace(/['’]/g, '');
    if (word.length < 2 || functionWords.has(word)) continue;
    found.push({ word, stem: stemOf(word), start: match.index, end: match.index + match[0].length });
  }
  return found;
}

type Phrase = { stems: string[]; concept: string };

/** The vocabulary ready for matching: phrases grouped by their first stem. */
export type CompiledVocabulary = ReadonlyMap<string, readonly Phrase[]>;

export function compileVocabulary(concepts: readonly VocabularyConcept[] = []): CompiledVocabulary {
  const byFirst = new Map<string, Phrase[]>();
  for (const concept of concepts) {
    for (const term of concept.terms) {
      const stems = words(term).map((word) => word.stem);
      if (stems.length === 0) continue;
      const list = byFirst.get(stems[0]!) ?? [];
      list.push({ stems, concept: concept.id });
      byFirst.set(stems[0]!, list);
    }
  }
  return byFirst;
}

export type ConceptMention = { concept: string; first: number; last: number };

/** Every place a vocabulary phrase occurs in a run of words (indexes into `found`, inclusive). */
export function conceptMentions(found: readonly Word[], vocabulary: CompiledVocabulary): ConceptMention[] {
  const mentions: ConceptMention[] = [];
  found.forEach((word, first) => {
    for (const phrase of vocabulary.get(word.stem) ?? []) {
      const last = first + phrase.stems.length - 1;
      if (last < found.length && phrase.stems.every((stem, offset) => found[first + offset]!.stem === stem)) {
        mentions.push({ concept: phrase.concept, first, last });
      }
    }
  });
  return mentions;
}

/**
 * The terms a text contributes to the search index or to a query: its stems, then one token per concept
 * it mentions. Lines are read separately so a phrase never spans two search phrases.
 */
export function searchTerms(text: string, vocabulary: CompiledVocabulary): string[] {
  const terms: string[] = [];
  for (const line of text.split('\n')) {
    const found = words(line);
    terms.push(...found.map((word) => word.stem));
    for (const mention of conceptMentions(found, vocabulary)) terms.push(conceptPrefix + mention.concept);
  }
  return terms;
}
