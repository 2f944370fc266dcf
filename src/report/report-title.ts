import type { Session } from '../engine/session-schema.js';

/** The report's title as plain text: the Markdown heading, the HTML page title and the Confluence page title. */
export function reportTitle(session: Pick<Session, 'team' | 'date'>): string {
  const oneLine = session.team?.replace(/\s+/g, ' ').trim();
  return ['Deployment diagnosis', oneLine && `for ${oneLine}`, session.date && `(${session.date})`].filter(Boolean).join(' ');
}
