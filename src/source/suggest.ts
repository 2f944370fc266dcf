import { compareText } from './compare-text.js';
/** Levenshtein distance, small and allocation-light: ids are short. */
function editDistance(a: string, b: string): number {
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const letter = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (letter === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/** Only the first few problems of a file get "did you mean" suggestions; after that they only cost time. */
export const MAX_SUGGESTED = 10;

/** The closest known ids, best first; a typo or a half-remembered id should still lead somewhere. */
export function closestIds(unknown: string, known: Iterable<string>, limit = 3): string[] {
  const scored: { id: string; score: number }[] = [];
  const words = unknown.split('-').filter((word) => word.length > 2);
  for (const id of known) {
    const distance = editDistance(unknown, id);
    const sharesWord = words.some((word) => id.includes(word));
    const score = distance - (sharesWord ? 3 : 0);
    if (distance <= Math.max(3, Math.floor(id.length / 2)) || sharesWord) scored.push({ id, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || compareText(a.id, b.id))
    .slice(0, limit)
    .map((entry) => entry.id);
}

export function unknownIdMessage(kind: string, unknown: string, known: Iterable<string>): string {
  // Nothing to compare with (past the first few problems of a file): skip the scoring altogether.
  const suggestions = Array.isArray(known) && known.length === 0 ? [] : closestIds(unknown, known);
  const hint = suggestions.length > 0 ? `; did you mean ${suggestions.map((id) => `"${id}"`).join(', ')}?` : '';
  return `unknown ${kind} "${unknown}"${hint}`;
}
