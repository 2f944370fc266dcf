// Simulated teams that look like real ones: several anti-patterns that cluster along the knowledge's own links,
// a few symptoms, and answers with the noise people give ("unsure", wrong, "partly").
//
// Deliberately independent of the engine: nothing here imports src/engine. A team's true answer follows only the
// direction of the knowledge's evidence (which answer points toward which anti-pattern), never the engine's
// weights or scores, so the evaluation does not grade the model against itself.
import type { Answer, Knowledge, Question } from '../../../src/knowledge/schema.js';
import { between, mulberry32, pick, type Random } from './prng.js';

export type SimulatedTeam = {
  id: string;
  /** The anti-patterns the team really has, the primary (most upstream) one first. */
  causes: string[];
  symptoms: string[];
  /** How the team answers every question in the knowledge, noise included. */
  answers: Record<string, Answer>;
};

export type TeamOptions = {
  teams: number;
  seed: number;
  /** Share of questions answered "unsure", and answered wrongly (the opposite of the truth). */
  unsure: number;
  wrong: number;
  /** Share of teams that also report one symptom none of their anti-patterns causes. */
  unrelatedSymptom: number;
};

export const defaultTeamOptions: TeamOptions = { teams: 1200, seed: 20_260_702, unsure: 0.4, wrong: 0.1, unrelatedSymptom: 0.25 };

/** Anti-patterns linked to each one by `related`, `prerequisites` or `leadsTo`, in either direction. */
function neighbours(knowledge: Knowledge): Map<string, string[]> {
  const links = new Map<string, Set<string>>(knowledge.antiPatterns.map((antiPattern) => [antiPattern.id, new Set<string>()]));
  for (const antiPattern of knowledge.antiPatterns) {
    for (const other of [...antiPattern.related, ...antiPattern.prerequisites, ...antiPattern.leadsTo]) {
      if (!links.has(other) || other === antiPattern.id) continue;
      links.get(antiPattern.id)!.add(other);
      links.get(other)!.add(antiPattern.id);
    }
  }
  return new Map([...links].map(([id, set]) => [id, [...set].sort()]));
}

/**
 * Every anti-pattern that leads to this one, directly or through a chain of `leadsTo`: what lies upstream of
 * it. Only `leadsTo` states causation in the knowledge; `prerequisites` are the order fixes go in.
 */
export function upstreamOf(knowledge: Knowledge, id: string): Set<string> {
  const causes = new Map<string, string[]>();
  for (const antiPattern of knowledge.antiPatterns) {
    for (const consequence of antiPattern.leadsTo) causes.set(consequence, [...(causes.get(consequence) ?? []), antiPattern.id]);
  }
  const seen = new Set<string>();
  const stack = [...(causes.get(id) ?? [])];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (seen.has(next) || next === id) continue;
    seen.add(next);
    stack.push(...(causes.get(next) ?? []));
  }
  return seen;
}

/**
 * The most upstream present anti-pattern. An anti-pattern that leads to another present one (directly or
 * through a chain of `leadsTo`) is upstream of it. Among the present ones that nothing present lies upstream
 * of, the fixed tie-break is: the one with the most present anti-patterns downstream of it, then the one the
 * team's cluster grew from (its seed), then the id in alphabetical order.
 */
export function primaryCause(knowledge: Knowledge, present: readonly string[], seed: string): string {
  const upstream = new Map(present.map((id) => [id, upstreamOf(knowledge, id)]));
  const roots = present.filter((id) => !present.some((other) => other !== id && upstream.get(id)!.has(other)));
  const downstreamCount = (id: string) => present.filter((other) => other !== id && upstream.get(other)!.has(id)).length;
  return [...roots].sort((a, b) => downstreamCount(b) - downstreamCount(a) || Number(b === seed) - Number(a === seed) || a.localeCompare(b))[0]!;
}

/** Which answer raises suspicion of this anti-pattern: the one whose evidence points toward it (else away from the other). */
function raisingAnswer(question: Question, antiPattern: string): 'yes' | 'no' | undefined {
  const toward = (answer: 'yes' | 'no') => question.evidence[answer].some((item) => item.antiPattern === antiPattern && item.points === 'toward');
  const away = (answer: 'yes' | 'no') => question.evidence[answer].some((item) => item.antiPattern === antiPattern && item.points === 'away');
  if (toward('yes') && !toward('no')) return 'yes';
  if (toward('no') && !toward('yes')) return 'no';
  if (away('no') && !away('yes')) return 'yes';
  if (away('yes') && !away('no')) return 'no';
  return undefined;
}

/** What a team with none of the tested anti-patterns answers: the side with fewer "toward" items (ties: "yes"). */
export function healthyAnswer(question: Question): 'yes' | 'no' {
  const toward = (answer: 'yes' | 'no') => question.evidence[answer].filter((item) => item.points === 'toward').length;
  return toward('yes') <= toward('no') ? 'yes' : 'no';
}

/**
 * The honest answer of a team that has exactly these anti-patterns: the answer that raises the present ones the
 * question tests; "partly" when present ones pull both ways; the healthy answer when it tests none of them.
 */
export function trueAnswer(question: Question, present: ReadonlySet<string>): 'yes' | 'no' | 'partly' {
  const tested = new Set([...question.evidence.yes, ...question.evidence.no].map((item) => item.antiPattern));
  const directions = new Set<'yes' | 'no'>();
  for (const id of tested) {
    if (!present.has(id)) continue;
    const direction = raisingAnswer(question, id);
    if (direction) directions.add(direction);
  }
  if (directions.size === 2) return 'partly';
  if (directions.size === 1) return [...directions][0]!;
  return healthyAnswer(question);
}

function noisy(random: Random, truth: 'yes' | 'no' | 'partly', options: TeamOptions): Answer {
  const draw = random();
  if (draw < options.unsure) return 'unsure';
  if (draw < options.unsure + options.wrong) {
    if (truth === 'partly') return random() < 0.5 ? 'yes' : 'no';
    return truth === 'yes' ? 'no' : 'yes';
  }
  return truth;
}

function drawTeam(knowledge: Knowledge, links: Map<string, string[]>, random: Random, options: TeamOptions, id: string): SimulatedTeam {
  const seed = pick(random, knowledge.antiPatterns).id;
  const size = between(random, 2, 4);
  const present = [seed];
  while (present.length < size) {
    const frontier = [...new Set(present.flatMap((member) => links.get(member) ?? []))].filter((other) => !present.includes(other)).sort();
    if (frontier.length === 0) break;
    present.push(pick(random, frontier));
  }
  const primary = primaryCause(knowledge, present, seed);
  const causes = [primary, ...present.filter((other) => other !== primary)];

  // The team came because something hurts; its root cause's own pain is among what it reports, so the first
  // symptom is one the primary cause produces and the others come from any present anti-pattern.
  const causedBy = (symptomId: string, ids: readonly string[]) => knowledge.symptoms.find((symptom) => symptom.id === symptomId)!.causes.some((cause) => ids.includes(cause.antiPattern));
  const allIds = knowledge.symptoms.map((symptom) => symptom.id);
  const fromPrimary = allIds.filter((symptomId) => causedBy(symptomId, [primary]));
  const fromAny = allIds.filter((symptomId) => causedBy(symptomId, present));
  const symptoms = fromPrimary.length > 0 ? [pick(random, fromPrimary)] : [];
  const count = between(random, 1, 3);
  while (symptoms.length < count) {
    const left = fromAny.filter((symptomId) => !symptoms.includes(symptomId));
    if (left.length === 0) break;
    symptoms.push(pick(random, left));
  }
  if (random() < options.unrelatedSymptom) {
    const unrelated = allIds.filter((symptomId) => !causedBy(symptomId, present));
    if (unrelated.length > 0) symptoms.push(pick(random, unrelated));
  }

  const presentSet = new Set(present);
  const answers: Record<string, Answer> = {};
  for (const question of knowledge.questions) answers[question.id] = noisy(random, trueAnswer(question, presentSet), options);
  return { id, causes, symptoms, answers };
}

/** The same options always give the same teams. */
export function simulateTeams(knowledge: Knowledge, options: Partial<TeamOptions> = {}): SimulatedTeam[] {
  const settings = { ...defaultTeamOptions, ...options };
  const random = mulberry32(settings.seed);
  const links = neighbours(knowledge);
  return Array.from({ length: settings.teams }, (_, i) => drawTeam(knowledge, links, random, settings, `team-${i + 1}`));
}
