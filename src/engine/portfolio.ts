import type { Knowledge } from '../knowledge/schema.js';
import { compareText } from '../source/compare-text.js';
import { buildPlan } from './build-plan.js';
import type { KnowledgeIndex } from './knowledge-index.js';
import type { Owner, Portfolio, PortfolioAntiPattern, PortfolioTeam, Superseded } from './portfolio-schema.js';
import { rankCauses } from './rank-causes.js';
import { answerWeights } from './room-session.js';
import { dotTally } from './room-vote.js';
import type { Session } from './session-schema.js';

export type AssessedTeam = { file: string; session: Session };

type Category = Knowledge['antiPatterns'][number]['category'];

/** Tooling and runtime problems a platform team fixes once; rules and structure leadership changes once. */
const ownerOf: Record<Category, Owner> = {
  pipeline: 'platform',
  environments: 'platform',
  operations: 'platform',
  release: 'platform',
  governance: 'leadership',
  organisation: 'leadership',
  culture: 'leadership',
  testing: 'teams',
  integration: 'teams',
  architecture: 'teams',
  'work-decomposition': 'teams',
};

const riskOrder = { critical: 0, high: 1, medium: 2, low: 3 } as const;

/** The name a team goes by in the portfolio: its `team`, or the file's name without folder and extension. */
export function teamName({ file, session }: AssessedTeam): string {
  return session.team ?? file.replace(/^.*[\\/]/, '').replace(/\.(ya?ml|json)$/i, '');
}

const byTeam = (a: PortfolioTeam, b: PortfolioTeam) =>
  compareText(a.team.toLowerCase(), b.team.toLowerCase()) || compareText(a.team, b.team) || compareText(a.date ?? '', b.date ?? '');

/**
 * Several teams' diagnoses side by side: which anti-pattern each team has, which ones several
 * teams share (and so are cheaper fixed once), and one order of work for the organisation.
 * `assessed` holds one assessment per team (latest-assessments.ts picks it); `superseded` names
 * the earlier ones it replaced. Pure and deterministic: the order of the input files does not matter.
 */
export function buildPortfolio(index: KnowledgeIndex, assessed: readonly AssessedTeam[], superseded: readonly Superseded[] = []): Portfolio {
  const teams: PortfolioTeam[] = assessed
    .map((entry) => {
      const { session } = entry;
      // The same ranking and plan as the team's own report (diagnose.ts): a room's split answers
      // count less, and causes the team added or voted for are in its plan.
      const ranking = rankCauses(index, session.symptoms, session.answers, answerWeights(index, session));
      const built = buildPlan(index, ranking, session.addToPlan, session.votes ? dotTally(session.votes) : {});
      const plan = built.items.map((item) => item.antiPattern);
      const done = new Set(session.done ?? []);
      return {
        team: teamName(entry),
        date: session.date ?? null,
        file: entry.file,
        symptoms: session.symptoms.length,
        answers: Object.keys(session.answers).length,
        leads: plan[0] ?? null,
        plan,
        confidence: Object.fromEntries(ranking.map((cause) => [cause.id, Math.round(cause.confidence * 1000) / 1000])),
        progress: { done: done.size, open: built.timeline.filter((step) => !done.has(step.id)).length },
        metrics: session.metrics && Object.keys(session.metrics).length > 0 ? session.metrics : null,
      };
    })
    .sort(byTeam);

  const inPlans = new Map<string, PortfolioTeam[]>();
  for (const team of teams) for (const id of team.plan) inPlans.set(id, [...(inPlans.get(id) ?? []), team]);

  const antiPatterns: PortfolioAntiPattern[] = [...inPlans]
    .map(([id, having]) => {
      const antiPattern = index.antiPatterns.get(id)!;
      const total = having.reduce((sum, team) => sum + (team.confidence[id] ?? 0), 0);
      return {
        id,
        title: antiPattern.title,
        category: antiPattern.category,
        risk: antiPattern.risk,
        owner: ownerOf[antiPattern.category],
        teams: having.map((team) => team.team),
        leadsFor: having.filter((team) => team.leads === id).map((team) => team.team),
        averageConfidence: Math.round((total / having.length) * 1000) / 1000,
        shared: having.length >= 2,
      };
    })
    .sort(
      (a, b) =>
        b.teams.length - a.teams.length ||
        riskOrder[a.risk] - riskOrder[b.risk] ||
        b.averageConfidence - a.averageConfidence ||
        compareText(a.id, b.id),
    );

  return { format: 'deploy-doctor-portfolio', version: 1, teams, antiPatterns, plan: prerequisitesFirst(antiPatterns, index), superseded: [...superseded] };
}

/** The matrix order (shared and widespread first), moved only where a prerequisite must come earlier. */
function prerequisitesFirst(antiPatterns: readonly PortfolioAntiPattern[], index: KnowledgeIndex): string[] {
  const priority = new Map(antiPatterns.map((antiPattern, position) => [antiPattern.id, position]));
  const remaining = new Set(priority.keys());
  const placed: string[] = [];
  const byPriority = (a: string, b: string) => priority.get(a)! - priority.get(b)!;
  while (remaining.size > 0) {
    const ready = [...remaining].filter((id) => index.antiPatterns.get(id)!.prerequisites.every((prerequisite) => !remaining.has(prerequisite)));
    // Knowledge validation rejects prerequisite cycles; the fallback only keeps this total.
    const next = (ready.length > 0 ? ready : [...remaining]).sort(byPriority)[0]!;
    placed.push(next);
    remaining.delete(next);
  }
  return placed;
}
