import type { Answer } from '../../knowledge/schema-primitives.js';
import { metricKeys, type MetricKey, type Metrics, type Session, type Tally } from '../../engine/session-schema.js';
import { textField, type TextField } from '../text-field.js';

/** Setting up the room on the welcome screen: how many people (the delivery metrics follow, as for one voice). */
export type RoomSetup = { people: TextField };

/** The optional delivery metrics being typed on the welcome screen, one field per metric. */
export type MetricsEditor = { fields: Record<MetricKey, TextField>; selected: number };

/**
 * Facilitator mode: a show of hands per question, recorded as counts without names, and the
 * room's dot vote on the results screen. Kept apart from the one-voice state so the two stay simple.
 */
export type RoomState = {
  setup?: RoomSetup;
  /** How many people are in the room: asked once, it caps every show of hands and the dots. */
  people: number;
  /** The hands counted for each question once Enter moved on. */
  tallies: Record<string, Tally>;
  /** Hands raised so far on the question on screen, in order, so Backspace takes the last one back. */
  pending: Answer[];
  /** Questions in the order they were counted, so Backspace on an empty count reopens the last one. */
  order: string[];
  /** The facilitator's tally of the dot vote, per cause. */
  votes: Record<string, number>;
  voting: boolean;
};

export const metricsEditor = (metrics: Metrics = {}): MetricsEditor => ({
  fields: Object.fromEntries(metricKeys.map((key) => [key, textField(metrics[key] ?? '')])) as Record<MetricKey, TextField>,
  selected: 0,
});

export function newRoom(): RoomState {
  return { people: 0, tallies: {}, pending: [], order: [], votes: {}, voting: false };
}

/** The room's part of the saved session: version 2, counts only. */
export function roomSessionFields(room: RoomState): Partial<Session> {
  const responses = Object.fromEntries(Object.entries(room.tallies).map(([id, tally]) => [id, { tally }]));
  const votes = Object.fromEntries(Object.entries(room.votes).filter(([, dots]) => dots > 0));
  return {
    version: 2,
    ...(room.people >= 2 ? { room: { people: room.people } } : {}),
    ...(Object.keys(responses).length > 0 ? { responses } : {}),
    ...(Object.keys(votes).length > 0 ? { votes: { tally: votes } } : {}),
  };
}

/** A saved room session continues in facilitator mode. */
export function roomFromSession(session: Session): RoomState | undefined {
  if (!session.room) return undefined;
  const tallies = Object.fromEntries(Object.entries(session.responses ?? {}).map(([id, response]) => [id, response.tally]));
  const votes = session.votes && 'tally' in session.votes ? session.votes.tally : {};
  return { ...newRoom(), people: session.room.people, tallies, order: Object.keys(tallies), votes };
}
