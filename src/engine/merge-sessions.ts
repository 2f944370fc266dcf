import { compareText } from '../source/compare-text.js';
import type { Answer } from '../knowledge/schema-primitives.js';
import type { AnswerEntry, AnswersFile, MetricKey, Metrics, Respondent, Session } from './session-schema.js';
import { metricKeys } from './session-schema.js';

/** One answers file someone filled in on their own; `name` is what messages call it (usually its path). */
export type MergeInput = { name: string; session: Session; label: string };

export type MergeResult = { ok: true; file: AnswersFile } | { ok: false; problems: string[] };

type Person = { label: string; from: string; answers: Record<string, Answer>; symptoms: string[]; notes?: string; dots?: string[] };

/**
 * Combines answers files that people filled in on their own into one team file (version 2).
 * Each person keeps their own answers, symptoms, notes and dots; symptoms are unioned with a
 * count of who reported each. Anything that cannot be combined without guessing (different
 * knowledge, different team names, the same label twice, someone with no answers, a room tally,
 * metrics that disagree) is refused with one line per problem, so nothing is silently lost.
 */
export function mergeSessions(inputs: readonly MergeInput[], { anonymous }: { anonymous: boolean }): MergeResult {
  const problems: string[] = [];
  const people: Person[] = [];
  for (const input of inputs) {
    const found = peopleIn(input);
    if ('problem' in found) problems.push(found.problem);
    else people.push(...found.people);
  }

  const knowledge = agreed(inputs, (session) => session.knowledge);
  if (knowledge.values.length > 1) problems.push(`the files were answered against different knowledge (${knowledge.describe()}); merge files from the same deploy-doctor version`);
  const team = agreed(inputs, (session) => session.team, (name) => name.trim().toLowerCase());
  if (team.values.length > 1) problems.push(`the files name different teams (${team.describe()}); merge one team's files at a time, or correct the team name`);

  if (!anonymous) {
    const seen = new Map<string, string>();
    for (const person of people) {
      const earlier = seen.get(person.label);
      if (earlier !== undefined) problems.push(`respondent "${person.label}" appears in ${earlier} and ${person.from}; rename one, or merge with --anonymous`);
      else seen.set(person.label, person.from);
    }
  }
  for (const person of people) {
    if (Object.keys(person.answers).length === 0) problems.push(`${person.from}: respondent "${person.label}" answered no questions; remove them or add their answers`);
  }

  const metrics: Metrics = {};
  for (const key of metricKeys) {
    const values = agreed(inputs, (session) => session.metrics?.[key], (value) => value.trim().toLowerCase());
    if (values.values.length > 1) problems.push(`the files report different ${metricNames[key]} (${values.describe()}); agree on one value and keep it in one file`);
    else if (values.values[0] !== undefined) metrics[key] = values.first!;
  }
  if (problems.length > 0) return { ok: false, problems };

  const labelOf = new Map(people.map((person, position) => [person, anonymous ? String(position + 1) : person.label]));
  const symptoms: string[] = [];
  const symptomCounts: Record<string, number> = {};
  for (const person of people) {
    for (const id of person.symptoms) {
      if (!(id in symptomCounts)) symptoms.push(id);
      symptomCounts[id] = (symptomCounts[id] ?? 0) + 1;
    }
  }
  const questions = [...new Set(people.flatMap((person) => Object.keys(person.answers)))].sort(compareText);
  const answers: Record<string, AnswerEntry> = {};
  for (const id of questions) {
    const by: Record<string, Answer> = {};
    for (const person of people) if (id in person.answers) by[labelOf.get(person)!] = person.answers[id]!;
    answers[id] = { by };
  }
  const voters = people.filter((person) => person.dots !== undefined);
  // Causes anyone added to the plan stay in it; where each person's app stopped does not carry over.
  const addToPlan = [...new Set(inputs.flatMap(({ session }) => session.addToPlan ?? []))];
  const dates = inputs.map(({ session }) => session.date).filter((date): date is string => date !== undefined).sort();

  return {
    ok: true,
    file: {
      version: 2,
      ...(team.first !== undefined ? { team: team.first } : {}),
      ...(dates.length > 0 ? { date: dates.at(-1)! } : {}),
      ...(knowledge.first !== undefined ? { knowledge: knowledge.first } : {}),
      respondents: people.map((person): Respondent => ({
        label: labelOf.get(person)!,
        symptoms: person.symptoms,
        ...(person.notes !== undefined ? { notes: person.notes } : {}),
      })),
      symptoms,
      symptomCounts,
      answers,
      ...(Object.keys(metrics).length > 0 ? { metrics } : {}),
      ...(addToPlan.length > 0 ? { addToPlan } : {}),
      ...(voters.length > 0 ? { votes: { by: Object.fromEntries(voters.map((person) => [labelOf.get(person)!, person.dots!])) } } : {}),
    },
  };
}

const metricNames: Record<MetricKey, string> = {
  deploymentFrequency: 'deployment frequencies',
  leadTime: 'lead times',
  changeFailureRate: 'change failure rates',
  recoveryTime: 'recovery times',
  reworkRate: 'rework rates',
};

/** The people in one file: one voice for a version 1 file, each respondent for a version 2 file. */
function peopleIn({ name, session, label }: MergeInput): { people: Person[] } | { problem: string } {
  if (session.room) return { problem: `${name} is a room's show of hands (counts without names), which cannot be split into people; report on it on its own` };
  if (session.votes && 'tally' in session.votes) return { problem: `${name} holds a facilitator's vote tally, which cannot be split into people; remove "votes" or report on it on its own` };
  const responses = session.responses ?? {};
  if (Object.values(responses).some((response) => !response.by)) {
    return { problem: `${name} holds show-of-hands tallies, which cannot be split into people; report on it on its own` };
  }
  const votes = session.votes && 'by' in session.votes ? session.votes.by : {};
  const respondents =
    session.respondents ?? [...new Set(Object.values(responses).flatMap((response) => Object.keys(response.by ?? {})))].map((only) => ({ label: only }) as Respondent);
  const whole = Object.entries(session.answers).filter(([id]) => !(id in responses));
  if (respondents.length <= 1 && Object.keys(responses).length === 0) {
    // One voice: the answers as written, the file's symptoms and notes are that person's.
    const only = respondents[0];
    const personLabel = only?.label ?? label;
    const notes = only?.notes ?? (session.notes === undefined ? undefined : [session.notes].flat().join('\n\n'));
    return {
      people: [
        {
          label: personLabel,
          from: name,
          answers: Object.fromEntries(whole),
          symptoms: only?.symptoms ?? session.symptoms,
          ...(notes !== undefined ? { notes } : {}),
          ...(votes[personLabel] ? { dots: votes[personLabel] } : {}),
        },
      ],
    };
  }
  if (whole.length > 0) {
    return { problem: `${name} answers ${whole.map(([id]) => id).join(', ')} for the whole team rather than per respondent, which cannot be split into people` };
  }
  if (session.notes !== undefined) return { problem: `${name} has team notes, which belong to no one respondent; move them into a respondent's notes` };
  return {
    people: respondents.map((respondent) => ({
      label: respondent.label,
      from: name,
      answers: Object.fromEntries(
        Object.entries(responses).flatMap(([id, response]) => (response.by?.[respondent.label] ? [[id, response.by[respondent.label]!]] : [])),
      ),
      symptoms: respondent.symptoms ?? session.symptoms,
      ...(respondent.notes !== undefined ? { notes: respondent.notes } : {}),
      ...(votes[respondent.label] ? { dots: votes[respondent.label] } : {}),
    })),
  };
}

/** The distinct values the files give for one field (ignoring files that leave it out), compared after `key`. */
function agreed(inputs: readonly MergeInput[], pick: (session: Session) => string | undefined, key: (value: string) => string = (value) => value) {
  const byKey = new Map<string, { value: string; files: string[] }>();
  for (const { name, session } of inputs) {
    const value = pick(session);
    if (value === undefined) continue;
    const entry = byKey.get(key(value)) ?? { value, files: [] };
    entry.files.push(name);
    byKey.set(key(value), entry);
  }
  const values = [...byKey.values()];
  return {
    values,
    first: values[0]?.value,
    describe: () => values.map(({ value, files }) => `"${value}" in ${files.join(', ')}`).join('; '),
  };
}
