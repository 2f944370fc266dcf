/**
 * Self-reported delivery metrics are written the way people say them ("2 per week", "3 days", "15%");
 * these read them into one unit each, so the schema can refuse a wrong unit and the baseline can compare.
 */

/** Days in each unit; a month is 30 days and a year 365, close enough for bands that span weeks. */
const daysPer = { minute: 1 / 1440, hour: 1 / 24, day: 1, week: 7, month: 30, quarter: 91, year: 365 } as const;
type Unit = keyof typeof daysPer;

const frequencyWords: Record<string, { count: number; per: Unit }> = {
  hourly: { count: 1, per: 'hour' },
  daily: { count: 1, per: 'day' },
  weekly: { count: 1, per: 'week' },
  // once every two weeks
  fortnightly: { count: 0.5, per: 'week' },
  monthly: { count: 1, per: 'month' },
  quarterly: { count: 1, per: 'quarter' },
  yearly: { count: 1, per: 'year' },
};

const number = String.raw`(\d+(?:\.\d+)?)`;
const frequencyPattern = new RegExp(String.raw`^${number} (?:deploys? |deployments? |times? )?(?:per|a|an|every) (hour|day|week|month|quarter|year)s?$`);
const durationPattern = new RegExp(String.raw`^${number} ?(minute|min|hour|h|day|d|week|w|month)s?$`);
const percentPattern = new RegExp(String.raw`^${number} ?%$`);

const shortUnits: Record<string, Unit> = { min: 'minute', h: 'hour', d: 'day', w: 'week' };

export const frequencyHint = 'a deployment frequency like "on demand", "3 per day", "2 per week", "weekly" or "monthly"';
export const durationHint = 'a duration like "45 minutes", "4 hours", "3 days", "2 weeks" or "1 month"';
export const percentHint = 'a percentage like "15%"';

/** Deployments per day, or undefined when the text is not a frequency. "on demand" counts as several a day. */
export function deploysPerDay(text: string): number | undefined {
  const value = text.trim().toLowerCase();
  if (value === 'on demand' || value === 'on-demand' || value === 'multiple per day' || value === 'several per day') return onDemandPerDay;
  const word = frequencyWords[value];
  if (word) return word.count / daysPer[word.per];
  const match = frequencyPattern.exec(value);
  if (!match) return undefined;
  const count = Number(match[1]);
  return count > 0 ? count / daysPer[match[2] as Unit] : undefined;
}

/** What "on demand" stands for when compared: more than once a day. */
export const onDemandPerDay = 2;

/** Hours, or undefined when the text is not a duration. */
export function durationHours(text: string): number | undefined {
  const match = durationPattern.exec(text.trim().toLowerCase());
  if (!match) return undefined;
  const unit = (shortUnits[match[2]!] ?? match[2]) as Unit;
  return Number(match[1]) * daysPer[unit] * 24;
}

/** A percentage between 0 and 100, or undefined. */
export function percentValue(text: string): number | undefined {
  const match = percentPattern.exec(text.trim());
  return match ? Number(match[1]) : undefined;
}

/** "2 per week" stays as written; a single deployment per unit reads as the adverb people use ("weekly"). */
export function describeFrequency(text: string): string {
  const value = text.trim().toLowerCase();
  const match = frequencyPattern.exec(value);
  if (match && Number(match[1]) === 1) {
    const word = Object.entries(frequencyWords).find(([, entry]) => entry.count === 1 && entry.per === match[2])?.[0];
    if (word) return word;
  }
  return value;
}
