import type { Strength } from '../knowledge/schema.js';

/**
 * The numbers behind the qualitative scale, in log-odds. A strong answer
 * moves a cause about as far as being the most common cause of a symptom.
 */
export const strengthLogOdds: Record<Strength, number> = { weak: 0.5, moderate: 1.2, strong: 2.5 };

/** Every anti-pattern starts unlikely (about 5%) until a symptom or an answer says otherwise. */
export const baseLogOdds = -3;

/** What one chosen symptom adds to each of its causes. */
export const symptomSupport = { cause: 1.5, mostCommon: 2.5 } as const;

/**
 * Each further symptom that shares a cause adds this fraction of the previous
 * one's weight, so symptoms alone can suggest a cause but never confirm it.
 */
export const sharedSymptomDecay = 0.35;

/** How sure the model is that a team with a given cause answers the way the evidence expects. */
export const answerReliability = 0.85;

/**
 * The interview is settled once a cause is confirmed and every other cause in the
 * top three is either confirmed too or unlikely.
 */
export const confirmedAt = 0.8;
export const unlikelyBelow = 0.1;
export const settledDepth = 3;

/** Expected information (bits) below which another question is not worth the team's time. */
export const negligibleGain = 0.02;

/** Causes at or above this confidence lead the fix plan. */
export const leadingAt = 0.5;
export const maxLeadingCauses = 5;
/** Causes left out of the plan are listed, with the reason, from this confidence up (below it they are noise). */
export const omissionShownAbove = 0.25;

/** A prerequisite is pulled into the plan unless the answers have ruled it out. */
export const prerequisiteKeptAbove = 0.25;
