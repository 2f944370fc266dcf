import { compareText } from '../source/compare-text.js';
import { teamName, type AssessedTeam } from './portfolio.js';
import type { Superseded } from './portfolio-schema.js';

/** Files for one team that cannot be told apart in time: the same date, or not every one dated. */
export type Unusable = { team: string; files: string[]; date: string | null; reason: 'same-date' | 'undated' };

export type LatestAssessments = {
  /** One assessment per team: its latest. */
  latest: AssessedTeam[];
  /** Earlier assessments of a team, each with the later one(s) that replace it. */
  superseded: Superseded[];
  /** Files left out because which one is the team's assessment cannot be told. */
  unusable: Unusable[];
};

/**
 * A portfolio shows each team once, as its latest assessment has it. Earlier files of the same
 * team are superseded (and named, so nobody wonders where they went). Two files for one team and
 * date are bad input and left out; when they are the team's latest, the team is left out rather
 * than shown as an older assessment had it. A team with several files, some undated, is left out
 * too: which one is latest cannot be told. Pure; the input order does not matter.
 */
export function latestAssessments(assessed: readonly AssessedTeam[]): LatestAssessments {
  const byTeam = new Map<string, AssessedTeam[]>();
  for (const entry of assessed) {
    const key = teamName(entry).toLowerCase();
    byTeam.set(key, [...(byTeam.get(key) ?? []), entry]);
  }
  const result: LatestAssessments = { latest: [], superseded: [], unusable: [] };
  for (const files of byTeam.values()) {
    const team = teamName(files[0]!);
    if (files.length === 1) {
      result.latest.push(files[0]!);
      continue;
    }
    if (files.some((entry) => !entry.session.date)) {
      const undated = files.every((entry) => !entry.session.date);
      result.unusable.push({ team, files: files.map((entry) => entry.file), date: null, reason: undated ? 'same-date' : 'undated' });
      continue;
    }
    const byDate = new Map<string, AssessedTeam[]>();
    for (const entry of files) byDate.set(entry.session.date!, [...(byDate.get(entry.session.date!) ?? []), entry]);
    const dates = [...byDate.keys()].sort(compareText);
    const newest = dates.at(-1)!;
    const latest = byDate.get(newest)!;
    for (const date of dates) {
      const sameDay = byDate.get(date)!;
      if (sameDay.length > 1) result.unusable.push({ team, files: sameDay.map((entry) => entry.file), date, reason: 'same-date' });
      else if (date !== newest) result.superseded.push({ team: teamName(sameDay[0]!), file: sameDay[0]!.file, date, by: latest.map((entry) => entry.file).sort(compareText), byDate: newest });
    }
    if (latest.length === 1) result.latest.push(latest[0]!);
  }
  result.superseded.sort((a, b) => compareText(a.team.toLowerCase(), b.team.toLowerCase()) || compareText(a.date, b.date) || compareText(a.file, b.file));
  return result;
}
