/** "1 symptom", "3 symptoms": counts in messages people read. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
