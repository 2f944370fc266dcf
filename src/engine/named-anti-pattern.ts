// "We have no canary" names an anti-pattern rather than a symptom: recognise that, so the search can show
// the symptoms it causes.
import type MiniSearch from 'minisearch';
import type { SearchOptions } from 'minisearch';

/** Share of the query's words an anti-pattern's title and summary must account for to count as named. */
const namedCoverage = 0.6;
/** How far ahead of the next anti-pattern the named one must be, so a vague query names none. */
const namedLead = 1.5;

/**
 * The position of the anti-pattern the query names, if it names one: the clear best match, whose title and
 * summary (what the anti-pattern is, not how it shows) hold most of the query's words.
 */
export function namedAntiPattern(
  index: MiniSearch,
  query: { terms: readonly string[]; units: ReadonlyMap<string, readonly string[]> },
  options: SearchOptions,
): number | undefined {
  const [first, second] = index.search(query.terms.join(' '), { ...options, boost: { title: 3, summary: 1.5, looksLike: 1, telltaleSign: 1 } });
  if (!first || (second && first.score < second.score * namedLead)) return undefined;
  const allWords = new Set([...query.units.values()].flat());
  const naming = Object.entries(first.match).filter(([, fields]) => fields.some((field) => field === 'title' || field === 'summary'));
  // Only words found as typed count: a typo-tolerant match is a hint, not a name.
  const covered = new Set(naming.flatMap(([term]) => query.units.get(term) ?? []));
  // One word ("deploy") is too little to name anything.
  return covered.size >= 2 && covered.size / Math.max(1, allWords.size) >= namedCoverage ? (first.id as number) : undefined;
}
