import { isCollection, isMap, parseDocument, type Document } from 'yaml';
import { serializeAnswersFile, toAnswersFile } from '../engine/answers-file.js';
import type { AnswersFile, Session } from '../engine/session-schema.js';

const header = 'deploy-doctor session: continue with "deploy-doctor --resume" or report with "deploy-doctor report <this file>"';

/**
 * Sessions are written as answers files (YAML is a superset of JSON), so
 * `deploy-doctor report <file>` works on them directly. A room's answers are written as given.
 */
export function serializeSession(session: Session): string {
  return serializeAnswersFile(withoutEmptyNotes(toAnswersFile(session)), header);
}

/** Empty notes are left out: they read back as no notes, which reports treat the same. */
const withoutEmptyNotes = (file: AnswersFile): AnswersFile => ({ ...file, notes: file.notes || undefined });

/** Every top-level field of an answers file, in the order the serializer writes them. */
const sessionFields = ['version', 'team', 'date', 'knowledge', 'room', 'respondents', 'symptoms', 'symptomCounts', 'answers', 'metrics', 'votes', 'notes', 'addToPlan', 'resume', 'done'] as const;

/**
 * The session written into an existing answers file, keeping what a person wrote around it:
 * comments, key order, quoting and fields we do not touch. Only values that changed are
 * replaced, answer by answer. Undefined when the text is not a YAML mapping we can edit safely.
 */
export function updateSessionText(previous: string, saved: Session): string | undefined {
  const session = withoutEmptyNotes(toAnswersFile(saved));
  const document = parseDocument(previous, { uniqueKeys: false });
  if (document.errors.length > 0 || !isMap(document.contents)) return undefined;
  for (const field of sessionFields) {
    if (field === 'answers') updateAnswers(document, session.answers);
    else setIfChanged(document, field, session[field]);
  }
  const text = document.toString();
  // Whatever we write must read back as exactly this session; anything else gets a clean file.
  return sameSession(parseDocument(text).toJS(), session) ? text : undefined;
}

function setIfChanged(document: Document, key: string, value: unknown): void {
  if (value === undefined) {
    document.delete(key);
    return;
  }
  const current: unknown = (document.toJS() as Record<string, unknown>)[key];
  if (JSON.stringify(current) === JSON.stringify(value)) return;
  const previous = document.get(key, true);
  const node = document.createNode(value);
  // `symptoms: [a, b]` stays on one line when it was written that way.
  if (isCollection(previous) && isCollection(node)) node.flow = previous.flow ?? false;
  document.set(key, node);
}

function updateAnswers(document: Document, answers: AnswersFile['answers']): void {
  const node = document.get('answers', true);
  if (!isMap(node)) {
    document.set('answers', answers);
    return;
  }
  for (const pair of [...node.items]) {
    const key = (pair.key as { value?: unknown } | null)?.value;
    if (typeof key !== 'string' || !(key in answers)) node.delete(pair.key);
  }
  const written = ((document.toJS() as { answers?: Record<string, unknown> }).answers ?? {});
  for (const [id, answer] of Object.entries(answers)) {
    const current = Object.hasOwn(written, id) ? written[id] : undefined;
    if (JSON.stringify(current) !== JSON.stringify(answer)) node.set(id, answer);
  }
}

function sameSession(data: unknown, session: AnswersFile): boolean {
  if (typeof data !== 'object' || data === null) return false;
  const normalized = (value: Record<string, unknown>) =>
    JSON.stringify(sessionFields.map((field) => (field === 'answers' ? Object.entries((value[field] ?? {}) as object).sort() : value[field])));
  return normalized(data as Record<string, unknown>) === normalized(session as unknown as Record<string, unknown>);
}
