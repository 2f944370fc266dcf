import type { Strength } from '../knowledge/schema.js';

/*
 * The numbers behind the knowledge's qualitative words. The model is a noisy-OR causal network
 * (as in the QMR-DT medical diagnosis network): anti-patterns are hidden causes, chosen symptoms
 * and answers are findings. Each link from a present cause to a finding fires on its own with the
 * link's probability; a finding with no present cause that fires still shows up with a small
 * "leak" probability (a team can report a symptom or give a problem answer for reasons the
 * knowledge does not name). Knowledge authors write words; only this file holds numbers.
 */

/** How likely a team with no known reason for it is to have an anti-pattern. */
export const priorProbability = 0.08;

/** An anti-pattern that `leadsTo` another raises its probability: the chance it brings it about. */
export const causalLinkProbability = 0.3;

/** The chance a present cause makes a team report the symptom: its most common cause, or another listed cause. */
export const symptomLink = { mostCommon: 0.6, cause: 0.3 } as const;

/** The chance a team reports a symptom none of its anti-patterns explains (misremembered, or an unknown cause). */
export const symptomLeak = 0.03;

/** The chance a present cause makes a team give the answer the evidence expects of it. */
export const answerLink: Record<Strength, number> = { weak: 0.5, moderate: 0.7, strong: 0.85 };

/** The chance a team gives a problem answer that no present cause explains (misread, or a guess). */
export const answerLeak = 0.15;

/** "partly" is read as the problem answer this often, and the healthy answer otherwise. */
export const partlyWeight = 0.7;

/** Exact posteriors are computed over every combination of this many leading candidates... */
export const candidateLimit = 14;
/** ...with at most this many present at once (real teams rarely have more; their prior is tiny). */
export const maxPresentAtOnce = 5;

/** Both a cause and its consequence are "supported" at this probability; the upstream one then ranks first. */
export const supportedAt = 0.5;

/** The interview's question budget unless the caller sets another. */
export const defaultQuestionBudget = 12;

/**
 * An answer "could change the top three" when it has at least this probability and, given it,
 * the top three or their order differ. A less likely answer is not worth the team's time: on the
 * realistic simulation this keeps interviews near eight questions at the same accuracy.
 */
export const answerWorthConsidering = 0.3;

/** What a change at each of the top three positions is worth when choosing a question. */
export const positionWeights = [1, 0.6, 0.4] as const;

/** The top three positions the interview tries to settle. */
export const settledDepth = 3;

/** Causes at or above this (calibrated) confidence lead the fix plan. */
export const leadingAt = 0.5;
export const maxLeadingCauses = 5;
/** Causes left out of the plan are listed, with the reason, from this confidence up (below it they are noise). */
export const omissionShownAbove = 0.25;

/** A prerequisite is pulled into the plan above this confidence, or when the answers point toward it. */
export const prerequisiteKeptAbove = 0.25;

/** Below this many answers, the app shows words ("likely", "possible") instead of percentages. */
export const wordsUntilAnswers = 4;

/**
 * A team names its sharpest pain first. The causes of the symptom chosen first, once at least this
 * likely, get a head start (in log-odds) in the order: a close call goes to what hurts most, a clear
 * difference in evidence does not.
 */
export const painLeadsAt = 0.35;
export const painHeadStart = 3;

/** How many of the leading causes the tie-breaker watches: the expected gain in certainty about them. */
export const watchedCauses = 5;
