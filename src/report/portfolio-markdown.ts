import type { KnowledgeIndex } from '../engine/knowledge-index.js';
import type { Owner, Portfolio, PortfolioAntiPattern } from '../engine/portfolio-schema.js';
import { describeFrequency } from '../engine/metric-values.js';
import type { MetricKey } from '../engine/session-schema.js';
import { count } from '../source/count.js';
import { inline, percent, row } from './markdown-text.js';

const ownerText: Record<Owner, string> = {
  platform: 'a platform team, once for everyone',
  leadership: 'leadership, once for everyone',
  teams: 'each team, with a shared practice group',
};

/** Long team lists stay readable in a table cell. */
function teamList(teams: readonly string[], limit = 8): string {
  const shown = teams.slice(0, limit).map(inline).join(', ');
  return teams.length > limit ? `${shown} and ${teams.length - limit} more` : shown;
}

export function portfolioTitle(portfolio: Portfolio): string {
  const dates = portfolio.teams.flatMap((team) => (team.date ? [team.date] : [])).sort();
  const span = dates.length === 0 ? '' : dates[0] === dates.at(-1) ? ` (${dates[0]})` : ` (${dates[0]} to ${dates.at(-1)})`;
  return `Delivery portfolio: ${count(portfolio.teams.length, 'team')}${span}`;
}

function summary(portfolio: Portfolio): string {
  const shared = portfolio.antiPatterns.filter((antiPattern) => antiPattern.shared);
  const widest = shared[0];
  if (!widest) return `No anti-pattern appears in more than one team's plan; each team can follow its own report.`;
  return `${count(shared.length, 'anti-pattern')} appear in more than one team's plan. The most widespread is ${widest.title}, in ${widest.teams.length} of ${portfolio.teams.length} teams' plans; fixing it once would help all of them. The organisation plan below starts with the shared fixes.`;
}

/**
 * Up to this many teams, the teams are the columns and the anti-patterns the rows: a handful of teams fits
 * across a printed page however many anti-patterns their plans hold. Beyond it, teams are the rows, so 200
 * teams make a long table rather than an impossibly wide one.
 */
export const teamsAsColumnsUpTo = 8;

function matrixCell(antiPattern: PortfolioAntiPattern, team: Portfolio['teams'][number]): string {
  const confidence = team.confidence[antiPattern.id];
  if (confidence === undefined) return '-';
  if (team.leads === antiPattern.id) return `**${percent(confidence)} leads**`;
  return team.plan.includes(antiPattern.id) ? percent(confidence) : `(${percent(confidence)})`;
}

const metricColumns = [
  ['deploymentFrequency', 'Deployment frequency'],
  ['leadTime', 'Lead time for changes'],
  ['changeFailureRate', 'Change failure rate'],
  ['recoveryTime', 'Failed deployment recovery time'],
  ['reworkRate', 'Rework rate'],
] as const satisfies readonly (readonly [MetricKey, string])[];

/** The baselines side by side, for the teams that reported any; the section is left out when none did. */
function pushMetrics(portfolio: Portfolio, push: (...lines: string[]) => void): void {
  const reporting = portfolio.teams.filter((team) => team.metrics);
  if (reporting.length === 0) return;
  push('## Delivery metrics', '');
  push(
    `Figures as each team reported them at its assessment, not measured by this tool${reporting.length === portfolio.teams.length ? '' : ` (${reporting.length} of ${portfolio.teams.length} teams gave any)`}. Columns follow DORA's delivery metrics as its 2024 State of DevOps report defines them: recovery time is failed deployment recovery time (the 2023 report's name for time to restore) and rework rate is the metric added in 2024. No performance tiers are given here.`,
    '',
  );
  push(row(['Team', 'Date', ...metricColumns.map(([, title]) => title)]), row(['---', '---', ...metricColumns.map(() => '---')]));
  for (const team of reporting) {
    const value = (key: MetricKey) => {
      const text = team.metrics?.[key];
      if (!text) return '-';
      return inline(key === 'deploymentFrequency' ? describeFrequency(text) : text);
    };
    push(row([inline(team.team), team.date ?? '-', ...metricColumns.map(([key]) => value(key))]));
  }
  push('');
}

/** Earlier assessments of a team are left out for its latest one; the reader learns which, so none seems lost. */
function pushSuperseded(portfolio: Portfolio, push: (...lines: string[]) => void): void {
  if (portfolio.superseded.length === 0) return;
  push(`Each team appears as its latest assessment has it. ${portfolio.superseded.length === 1 ? 'One earlier assessment was' : `${portfolio.superseded.length} earlier assessments were`} left out:`, '');
  for (const { team, file, date, by, byDate } of portfolio.superseded) {
    push(`- ${inline(team)}: ${inline(file)} (${date}), superseded by ${by.map(inline).join(' and ')} (${byDate})`);
  }
  push('');
}

/** The portfolio as wiki-safe Markdown: headings to h3, no HTML, no pipes in cells. */
export function renderPortfolioMarkdown(portfolio: Portfolio, index: KnowledgeIndex): string {
  const lines: string[] = [];
  const push = (...more: string[]) => lines.push(...more);
  push(`# ${inline(portfolioTitle(portfolio))}`, '', inline(summary(portfolio)), '');

  push('## Teams', '');
  // Progress shows once any team records finished steps (a follow-up assessment).
  const tracked = portfolio.teams.some((team) => team.progress.done > 0);
  push(
    row(['Team', 'Date', 'Symptoms', 'Answers', 'Plan starts with', ...(tracked ? ['Steps done', 'Steps open'] : [])]),
    row(['---', '---', '---:', '---:', '---', ...(tracked ? ['---:', '---:'] : [])]),
  );
  for (const team of portfolio.teams) {
    const leads = team.leads ? `${inline(index.antiPatterns.get(team.leads)!.title)} (${percent(team.confidence[team.leads] ?? 0)})` : 'nothing stands out';
    const progress = tracked ? [String(team.progress.done), String(team.progress.open)] : [];
    push(row([inline(team.team), team.date ?? '-', String(team.symptoms), String(team.answers), leads, ...progress]));
  }
  push('');
  pushSuperseded(portfolio, push);

  pushMetrics(portfolio, push);

  push('## Anti-patterns by team', '');
  push(
    "Confidence per team for every anti-pattern in at least one team's plan. **Bold** with \"leads\": the team's plan starts with it. In brackets: implicated, but not in that team's plan. A dash: not implicated.",
    '',
  );
  if (portfolio.teams.length <= teamsAsColumnsUpTo) {
    push(row(['Anti-pattern', ...portfolio.teams.map((team) => inline(team.team))]), row(['---', ...portfolio.teams.map(() => '---:')]));
    for (const antiPattern of portfolio.antiPatterns) push(row([inline(antiPattern.title), ...portfolio.teams.map((team) => matrixCell(antiPattern, team))]));
  } else {
    push(row(['Team', ...portfolio.antiPatterns.map((antiPattern) => inline(antiPattern.title))]), row(['---', ...portfolio.antiPatterns.map(() => '---:')]));
    for (const team of portfolio.teams) push(row([inline(team.team), ...portfolio.antiPatterns.map((antiPattern) => matrixCell(antiPattern, team))]));
  }
  push('');

  push('## Shared anti-patterns', '');
  const shared = portfolio.antiPatterns.filter((antiPattern) => antiPattern.shared);
  if (shared.length === 0) {
    push("No anti-pattern is in more than one team's plan.", '');
  } else {
    push('Fixed once, these help several teams at the same time.', '');
    push(row(['Anti-pattern', 'Risk', 'Teams', 'Average confidence', 'Fix once by', 'Which teams']), row(['---', '---', '---:', '---:', '---', '---']));
    for (const antiPattern of shared) {
      push(
        row([
          inline(antiPattern.title),
          antiPattern.risk,
          String(antiPattern.teams.length),
          percent(antiPattern.averageConfidence),
          ownerText[antiPattern.owner],
          teamList(antiPattern.teams),
        ]),
      );
    }
    push('');
  }

  push('## Organisation plan', '');
  push('Shared fixes come first, the most widespread and riskiest before the rest; a prerequisite comes before the fix that needs it.', '');
  const byId = new Map(portfolio.antiPatterns.map((antiPattern) => [antiPattern.id, antiPattern]));
  portfolio.plan.forEach((id, position) => {
    const antiPattern = byId.get(id)!;
    const knowledge = index.antiPatterns.get(id)!;
    const reach = antiPattern.shared ? `${antiPattern.teams.length} teams` : `1 team`;
    push(`### ${position + 1}. ${inline(antiPattern.title)} (${reach}, ${antiPattern.risk} risk)`, '');
    push(`**Who:** ${antiPattern.shared ? ownerText[antiPattern.owner] : inline(antiPattern.teams[0]!)}`, '');
    if (antiPattern.shared) push(`**Teams:** ${teamList(antiPattern.teams, 20)}`, '');
    const needs = knowledge.prerequisites.filter((prerequisite) => byId.has(prerequisite));
    if (needs.length > 0) push(`**After:** ${needs.map((prerequisite) => inline(byId.get(prerequisite)!.title)).join(', ')}`, '');
    for (const step of knowledge.fix) push(`- ${inline(step.weeks)}: ${inline(step.title)}`);
    push('');
  });
  return `${lines.join('\n').trimEnd()}\n`;
}
