import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { sessionSchema, type Session } from '../../src/engine/session-schema.js';
import { repoRoot } from './bundled-knowledge.js';
import { answeredSession } from './sample-session.js';

/** The answers files people start from: a whole-team session, a small one, and the shared sample. */
export function fixtureSessions(): Record<string, Session> {
  const read = (name: string) => sessionSchema.parse(parse(readFileSync(`${repoRoot}test/fixtures/answers/${name}`, 'utf8')));
  return { full: read('full.yaml'), minimal: read('minimal.json'), sample: sessionSchema.parse(answeredSession) };
}
