import { sortProblems, type Problem } from '../source/problems.js';
import { MAX_SUGGESTED, unknownIdMessage as suggestedMessage } from '../source/suggest.js';
import { parseYamlSource, problemAt } from '../source/yaml-source.js';
import { zodProblems } from '../source/zod-problems.js';
import { healthyAnswer } from './answer-effects.js';
import type { KnowledgeIndex } from './knowledge-index.js';
import { fullTally, roomAnswer, tallyOf, tallyTotal } from './room-answers.js';
import { answersFileSchema, dotsPerPerson, type AnswersFile, type Responses, type Session } from './session-schema.js';
import { answerValues, idPattern, type Answer } from '../knowledge/schema-primitives.js';

/** Parses an answers file (YAML or JSON, version 1 or 2) and checks every id and label it names. */
export function parseSession(file: string, text: string, index: KnowledgeIndex): { session?: Session; problems: Problem[] } {
  const { source, problems } = parseYamlSource(file, text);
  if (!source) return { problems };
  if (source.data === null || source.data === undefined) {
    return { problems: [problemAt(source, [], 'answers file is empty; it needs at least "version: 1" and "symptoms: [...]"')] };
  }
  const parsed = parseAnswersFile(source.data);
  if (!parsed.success) return { problems: sortProblems(zodProblems(source, answersFileSchema, parsed.error.issues)) };
  // The ids as written: the schema's record drops a "__proto__" key, which must still be reported.
  const writtenIds = Object.keys((source.data as { answers?: object }).answers ?? {});
  const data = { ...parsed.data, answers: currentQuestionIds(parsed.data.answers, index) };
  const current = writtenIds.map((id) => (index.questions.has(id) ? id : (index.replacedQuestions.get(id) ?? id)));
  const checked = checkAnswersFile(data, index, (path, message) => problemAt(source, path, message), current);
  return checked.length > 0 ? { problems: sortProblems(checked) } : { session: sessionFromFile(data, index), problems: [] };
}

/**
 * The schema checks each answer on its own and returns a plain answer to a well-formed id as it is.
 * When every answer is one of those (nearly every file; also a pasted list of thousands of ids), the
 * schema checks the rest of the file and the answers are kept as written: the same outcome and the
 * same problems, without the schema rebuilding every entry.
 */
function parseAnswersFile(data: unknown) {
  const answers = data !== null && typeof data === 'object' ? (data as { answers?: unknown }).answers : undefined;
  if (!isPlainObject(answers) || !Object.keys(answers).every((id) => isPlainAnswer(id, answers[id]))) {
    return answersFileSchema.safeParse(data, { reportInput: true });
  }
  const rest = answersFileSchema.safeParse({ ...(data as object), answers: {} }, { reportInput: true });
  return rest.success ? { success: true as const, data: { ...rest.data, answers: answers as Record<string, Answer> } } : rest;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
}

/** The record drops a "__proto__" key, so that one is not kept as written. */
function isPlainAnswer(id: string, answer: unknown): boolean {
  return id !== '__proto__' && typeof answer === 'string' && (answerValues as readonly string[]).includes(answer) && idPattern.test(id);
}

type At = (path: readonly PropertyKey[], message: string) => Problem;

const roomFields = ['knowledge', 'respondents', 'room', 'symptomCounts', 'metrics', 'votes'] as const;

/** Everything the schema alone cannot say: ids against the knowledge, labels against the respondents, counts against the room. */
export function checkAnswersFile(data: AnswersFile, index: KnowledgeIndex, at: At, writtenIds: readonly string[] = Object.keys(data.answers)): Problem[] {
  const problems: Problem[] = [];
  // Suggestions cost a comparison with every known id: the first few problems get them, the rest are counted.
  const unknownIdMessage = (kind: string, id: string, known: Iterable<string>) => suggestedMessage(kind, id, problems.length < MAX_SUGGESTED ? known : []);
  if (data.version === 1) {
    for (const field of roomFields) if (data[field] !== undefined) problems.push(at([field], `needs "version: 2" (version 1 files have one voice)`));
    // Keys, not entries: a file may hold tens of thousands of answers, and each entry would be an array.
    for (const id of Object.keys(data.answers)) {
      if (typeof data.answers[id] !== 'string') problems.push(at(['answers', id], 'answers per respondent or by show of hands need "version: 2"'));
    }
  }

  const listed = new Set<string>();
  data.symptoms.forEach((id, position) => {
    if (!index.symptoms.has(id)) problems.push(at(['symptoms', position], unknownIdMessage('symptom', id, index.symptoms.keys())));
    else if (listed.has(id)) problems.push(at(['symptoms', position], `symptom "${id}" is listed twice`));
    listed.add(id);
  });
  for (const id of writtenIds) {
    if (!Object.hasOwn(data.answers, id)) problems.push(at(['answers', id], unknownIdMessage('question', id, index.questions.keys())));
  }

  const labels = new Set<string>();
  data.respondents?.forEach((respondent, position) => {
    if (labels.has(respondent.label)) problems.push(at(['respondents', position, 'label'], `respondent "${respondent.label}" is listed twice; labels must tell people apart`));
    labels.add(respondent.label);
    respondent.symptoms?.forEach((id, symptomPosition) => {
      if (!data.symptoms.includes(id)) problems.push(at(['respondents', position, 'symptoms', symptomPosition], `symptom "${id}" is not in the session's symptoms`));
    });
  });
  const named = data.respondents !== undefined;
  const knownLabel = (label: string) => !named || labels.has(label);
  const people = data.room?.people ?? (named ? labels.size : undefined);
  if (data.room && named) problems.push(at(['room'], 'a room records a show of hands without names; use either "room" or "respondents", not both'));

  for (const [id, count] of Object.entries(data.symptomCounts ?? {})) {
    if (!data.symptoms.includes(id)) problems.push(at(['symptomCounts', id], `symptom "${id}" is not in the session's symptoms`));
    else if (people !== undefined && count > people) problems.push(at(['symptomCounts', id], `${count} people reported it, but only ${people} took part`));
  }

  for (const id of Object.keys(data.answers)) {
    const entry = data.answers[id]!;
    if (!index.questions.has(id)) {
      problems.push(at(['answers', id], unknownIdMessage('question', id, index.questions.keys())));
      continue;
    }
    if (typeof entry === 'string') continue;
    if ('by' in entry) {
      if (data.room) problems.push(at(['answers', id, 'by'], 'a room records a show of hands without names; use "tally"'));
      if (Object.keys(entry.by).length === 0) problems.push(at(['answers', id, 'by'], 'names nobody; leave the question out until someone answers it'));
      for (const label of Object.keys(entry.by)) {
        if (!knownLabel(label)) problems.push(at(['answers', id, 'by', label], `"${label}" is not one of the respondents`));
      }
    } else {
      const total = tallyTotal(fullTally(entry.tally));
      if (total === 0) problems.push(at(['answers', id, 'tally'], 'counts nobody; leave the question out until someone answers it'));
      else if (people !== undefined && total > people) problems.push(at(['answers', id, 'tally'], `counts ${total} answers, but only ${people} people took part`));
    }
  }

  (data.addToPlan ?? []).forEach((id, position) => {
    if (!index.antiPatterns.has(id)) problems.push(at(['addToPlan', position], unknownIdMessage('anti-pattern', id, index.antiPatterns.keys())));
  });

  // Finished fix steps, as "anti-pattern/step" ids.
  let knownSteps: string[] | undefined;
  const doneSeen = new Set<string>();
  data.done?.forEach((id, position) => {
    const [antiPattern, step] = id.split('/');
    if (!index.antiPatterns.get(antiPattern!)?.fix.some((candidate) => candidate.id === step)) {
      knownSteps ??= [...index.antiPatterns.values()].flatMap((entry) => entry.fix.map((candidate) => `${entry.id}/${candidate.id}`));
      problems.push(at(['done', position], unknownIdMessage('fix step', id, knownSteps)));
    } else if (doneSeen.has(id)) problems.push(at(['done', position], `step "${id}" is listed twice`));
    doneSeen.add(id);
  });

  const votes = data.votes;
  if (votes && 'by' in votes) {
    if (data.room) problems.push(at(['votes', 'by'], 'a room records the vote as a tally without names; use "tally"'));
    for (const [label, dots] of Object.entries(votes.by)) {
      if (!knownLabel(label)) problems.push(at(['votes', 'by', label], `"${label}" is not one of the respondents`));
      dots.forEach((cause, position) => {
        if (!index.antiPatterns.has(cause)) problems.push(at(['votes', 'by', label, position], unknownIdMessage('anti-pattern', cause, index.antiPatterns.keys())));
      });
    }
  } else if (votes) {
    let total = 0;
    for (const [cause, dots] of Object.entries(votes.tally)) {
      total += dots;
      if (!index.antiPatterns.has(cause)) problems.push(at(['votes', 'tally', cause], unknownIdMessage('anti-pattern', cause, index.antiPatterns.keys())));
    }
    if (people !== undefined && total > people * dotsPerPerson) {
      problems.push(at(['votes', 'tally'], `${total} dots, but ${people} people have only ${people * dotsPerPerson}`));
    }
  }
  return problems;
}

/** The session the engine uses: one effective answer per question, the room's answers kept beside it. */
export function sessionFromFile(data: AnswersFile, index: KnowledgeIndex): Session {
  const answers: Record<string, Answer> = {};
  const responses: Record<string, Responses> = {};
  for (const [id, entry] of Object.entries(data.answers)) {
    if (typeof entry === 'string') {
      answers[id] = entry;
      continue;
    }
    const response: Responses = 'by' in entry ? { tally: tallyOf(Object.values(entry.by)), by: entry.by } : { tally: fullTally(entry.tally) };
    responses[id] = response;
    answers[id] = roomAnswer(response.tally, problemAnswer(index, id)).answer;
  }
  const { answers: _written, ...rest } = data;
  return { ...rest, answers, ...(Object.keys(responses).length > 0 ? { responses } : {}) };
}

/** The answer that signals a problem for a question: the opposite of what a healthy team says. */
export function problemAnswer(index: KnowledgeIndex, questionId: string): 'yes' | 'no' {
  const question = index.questions.get(questionId);
  return question && healthyAnswer(question) === 'yes' ? 'no' : 'yes';
}

/**
 * Answers given to a question that has since been renamed or split count for the question that
 * replaces it, unless the file answers that one too. Order is kept: the last answer stays last.
 */
function currentQuestionIds<T>(answers: Readonly<Record<string, T>>, index: KnowledgeIndex): Readonly<Record<string, T>> {
  // Nothing renamed (nearly always): the answers as they are, without copying thousands of keys.
  if (index.replacedQuestions.size === 0 || !Object.keys(answers).some((id) => index.replacedQuestions.has(id) && !index.questions.has(id))) return answers;
  const result: Record<string, T> = {};
  for (const [id, answer] of Object.entries(answers)) {
    const current = index.questions.has(id) ? id : (index.replacedQuestions.get(id) ?? id);
    if (current === id || !(current in answers)) result[current] = answer;
  }
  return result;
}
