import type { AnswersFile, AnswerEntry, Session } from './session-schema.js';

/** The answers file a session is saved as: the room's answers as they were given, never the derived ones. */
export function toAnswersFile(session: Session): AnswersFile {
  const answers: Record<string, AnswerEntry> = {};
  for (const [id, answer] of Object.entries(session.answers)) {
    const response = session.responses?.[id];
    if (!response) answers[id] = answer;
    else if (response.by) answers[id] = { by: response.by };
    else answers[id] = { tally: withoutZeros(response.tally) };
  }
  const { responses: _responses, answers: _answers, ...rest } = session;
  return { ...rest, answers };
}

function withoutZeros<T extends Record<string, number>>(tally: T): Partial<T> {
  return Object.fromEntries(Object.entries(tally).filter(([, count]) => count > 0)) as Partial<T>;
}

/** JSON is YAML: a flow value on one line, quoted wherever YAML could misread it (a label "1" stays text). */
const flow = (value: unknown) => JSON.stringify(value);

/**
 * Writes an answers file as YAML by hand (keeping YAML's serializer out of the bundle): one field
 * per line, nested values as JSON flow collections, so it reads back to the same file.
 */
export function serializeAnswersFile(file: AnswersFile, header?: string): string {
  const lines: string[] = header ? [`# ${header}`] : [];
  lines.push(`version: ${file.version}`);
  if (file.team !== undefined) lines.push(`team: ${flow(file.team)}`);
  if (file.date !== undefined) lines.push(`date: ${file.date}`);
  if (file.knowledge !== undefined) lines.push(`knowledge: ${flow(file.knowledge)}`);
  if (file.room !== undefined) lines.push(`room: ${flow(file.room)}`);
  if (file.respondents !== undefined) {
    lines.push(file.respondents.length === 0 ? 'respondents: []' : 'respondents:');
    for (const respondent of file.respondents) lines.push(`  - ${flow(respondent)}`);
  }
  lines.push(`symptoms: ${flow(file.symptoms)}`);
  if (file.symptomCounts !== undefined) lines.push(`symptomCounts: ${flow(file.symptomCounts)}`);
  const answers = Object.entries(file.answers);
  lines.push(answers.length === 0 ? 'answers: {}' : 'answers:');
  for (const [id, entry] of answers) lines.push(`  ${id}: ${typeof entry === 'string' ? entry : flow(entry)}`);
  if (file.metrics !== undefined) lines.push(`metrics: ${flow(file.metrics)}`);
  if (file.votes !== undefined) lines.push(`votes: ${flow(file.votes)}`);
  if (file.notes !== undefined) lines.push(`notes: ${flow(file.notes)}`);
  if (file.addToPlan !== undefined) lines.push(`addToPlan: ${flow(file.addToPlan)}`);
  if (file.resume !== undefined) lines.push(`resume: ${flow(file.resume)}`);
  if (file.done !== undefined) lines.push(`done: ${flow(file.done)}`);
  return `${lines.join('\n')}\n`;
}
