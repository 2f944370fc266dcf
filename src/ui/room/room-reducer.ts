import { problemAnswer } from '../../engine/parse-session.js';
import { roomAnswer, tallyOf } from '../../engine/room-answers.js';
import { dotsPerPerson, metricKeys, metricsSchema, type Metrics } from '../../engine/session-schema.js';
import type { Answer } from '../../knowledge/schema-primitives.js';
import { metricLabels } from '../../report/room-text.js';
import type { KeyInfo } from '../reducer.js';
import { currentQuestion, ranking, type UiEnv } from '../selectors.js';
import type { State } from '../state.js';
import { editText, textField } from '../text-field.js';
import { dotsPlaced } from './room-selectors.js';
import { metricsEditor, newRoom, type MetricsEditor, type RoomState } from './room-state.js';

const handKeys: Record<string, Answer> = { y: 'yes', n: 'no', p: 'partly', u: 'unsure' };

/** The most people a show of hands counts; a bigger group is a conference, not a retro. */
export const roomLimit = 200;

/** Where keys go on the room's and the metrics' fields, so a key that closed one is not applied to what replaced it. */
export function roomFocus(state: State): string | undefined {
  if (state.screen === 'welcome' && state.metricsEditor) return 'welcome:metrics';
  if (state.screen === 'welcome' && state.room?.setup) return 'room:people';
  if (state.screen === 'results' && state.room?.voting) return 'room:vote';
  return undefined;
}

/**
 * Facilitator-mode keys (and the welcome screen's delivery metrics), composed into the main
 * reducer: Tab on the welcome screen switches the room on and off, Down opens the metrics, the
 * room is sized once, questions are answered by a show of hands and the results screen takes the
 * dot vote. Undefined means "not a room key": the normal reducer handles it.
 */
export function roomKey(state: State, input: string, key: KeyInfo, env: UiEnv): State | undefined {
  if (state.screen === 'welcome' && state.metricsEditor) return metricsKey(state, state.metricsEditor, input, key);
  if (state.screen === 'welcome' && state.welcome.step === 'team' && !state.room?.setup) {
    if (key.tab) {
      return state.room
        ? { ...state, room: undefined, notice: 'One voice: answer each question for the team.' }
        : { ...state, room: newRoom(), notice: 'Room mode: count a show of hands for each question.' };
    }
    if (key.downArrow && !state.room) return { ...state, metricsEditor: metricsEditor(state.metrics) };
    if (key.return && state.room) {
      const people = state.room.people >= 2 ? String(state.room.people) : '';
      return { ...state, team: textField(state.team.value.trim()), room: { ...state.room, setup: { people: textField(people) } } };
    }
    return undefined;
  }
  const room = state.room;
  if (!room) return undefined;
  if (state.screen === 'welcome' && room.setup) return peopleKey(state, room, input, key);
  if (state.screen === 'interview' && !state.interview.editing) return handsKey(state, room, input, key, env);
  if (state.screen === 'results' && !state.results.notes && !state.results.steps && !state.results.preview) return voteKey(state, room, input, key, env);
  return undefined;
}

const withRoom = (state: State, room: RoomState, notice?: string): State => ({ ...state, room, ...(notice ? { notice } : {}) });

function peopleKey(state: State, room: RoomState, input: string, key: KeyInfo): State {
  const setup = room.setup!;
  if (key.escape) return withRoom(state, { ...room, setup: undefined });
  if (key.return) {
    const people = Number(setup.people.value.trim());
    if (!/^\d+$/.test(setup.people.value.trim()) || people < 2) return { ...state, notice: 'A room needs at least 2 people; for one person, press Esc and Tab for a normal session.' };
    if (people > roomLimit) return { ...state, notice: `Room mode counts up to ${roomLimit} people.` };
    // The delivery metrics come next, as for one voice.
    return { ...state, room: { ...room, people, setup: undefined }, metricsEditor: metricsEditor(state.metrics) };
  }
  const typed = /^\d*$/.test(input) || !input ? editText(setup.people, input, key, 3, 'Three digits are plenty.') : { field: setup.people, refused: 'Type the number of people in the room.' };
  return typed ? withRoom(state, { ...room, setup: { people: typed.field } }, typed.refused) : state;
}

/** The delivery metrics, all optional: Enter checks them and goes on to the symptoms. */
function metricsKey(state: State, editor: MetricsEditor, input: string, key: KeyInfo): State {
  const selectedKey = metricKeys[editor.selected]!;
  if (key.escape) {
    // Back to where the metrics were opened from: the room's size, or the team name.
    return state.room ? { ...state, metricsEditor: undefined, room: { ...state.room, setup: { people: textField(String(state.room.people)) } } } : { ...state, metricsEditor: undefined };
  }
  if (key.upArrow || key.downArrow || key.tab) {
    const selected = (editor.selected + (key.upArrow ? metricKeys.length - 1 : 1)) % metricKeys.length;
    return { ...state, metricsEditor: { ...editor, selected } };
  }
  if (key.return) {
    const written = Object.fromEntries(metricKeys.flatMap((metric) => (editor.fields[metric].value.trim() ? [[metric, editor.fields[metric].value.trim()]] : [])));
    const checked = metricsSchema.safeParse(written);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      const metric = issue.path[0] as (typeof metricKeys)[number];
      return { ...state, metricsEditor: { ...editor, selected: metricKeys.indexOf(metric) }, notice: `${metricLabels[metric]}: ${issue.message}` };
    }
    const metrics = checked.data as Metrics;
    return { ...state, team: textField(state.team.value.trim()), screen: 'picker', metricsEditor: undefined, metrics: Object.keys(metrics).length > 0 ? metrics : undefined };
  }
  const typed = editText(editor.fields[selectedKey], input, key, 40, 'That is long enough for a metric.');
  if (!typed) return state;
  return { ...state, metricsEditor: { ...editor, fields: { ...editor.fields, [selectedKey]: typed.field } }, ...(typed.refused ? { notice: typed.refused } : {}) };
}

/** Commits the hands counted on a question: the tally, and the effective answer the engine uses. */
function commit(state: State, room: RoomState, question: string, env: UiEnv): State {
  const tally = tallyOf(room.pending);
  const { answer } = roomAnswer(tally, problemAnswer(env.index, question));
  return {
    ...state,
    answers: { ...state.answers, [question]: answer },
    interview: { ...state.interview, order: [...state.interview.order.filter((id) => id !== question), question], showHelp: false, revisit: undefined },
    room: { ...room, tallies: { ...room.tallies, [question]: tally }, pending: [], order: [...room.order.filter((id) => id !== question), question] },
  };
}

function handsKey(state: State, room: RoomState, input: string, key: KeyInfo, env: UiEnv): State | undefined {
  const current = currentQuestion(state, env).question;
  const hand = handKeys[input];
  if (hand && current) {
    if (room.pending.length >= room.people) {
      return { ...state, notice: `All ${room.people} people are counted: Backspace takes one back, Enter moves on.` };
    }
    return withRoom(state, { ...room, pending: [...room.pending, hand] });
  }
  if (key.backspace || key.delete) {
    if (room.pending.length > 0) return withRoom(state, { ...room, pending: room.pending.slice(0, -1) });
    const last = room.order.at(-1);
    if (!last) return { ...state, notice: 'No hands counted yet.' };
    // Reopen the last question with its hands, minus the last one: Backspace always takes one hand back.
    const tally = room.tallies[last]!;
    const hands = (['yes', 'no', 'partly', 'unsure'] as const).flatMap((answer) => Array<Answer>(tally[answer]).fill(answer));
    const { [last]: _tally, ...tallies } = room.tallies;
    const { [last]: _answer, ...answers } = state.answers;
    return {
      ...state,
      answers,
      interview: { ...state.interview, order: state.interview.order.filter((id) => id !== last), revisit: { id: last, previous: state.answers[last]! } },
      room: { ...room, tallies, order: room.order.slice(0, -1), pending: hands.slice(0, -1) },
    };
  }
  if (key.return) {
    if (!current) return { ...state, screen: 'results' };
    if (room.pending.length === 0) return { ...state, notice: 'No hands counted yet: y n p u add one each.' };
    return commit(state, room, current.id, env);
  }
  if (input === 'd') return room.pending.length > 0 && current ? { ...commit(state, room, current.id, env), screen: 'results' } : { ...state, screen: 'results' };
  // Taking back and editing work through Backspace in a room; the one-voice keys for them would lose counts.
  if (input === 'b' || input === 'e') return { ...state, notice: 'In a room, Backspace takes the last hand back (and reopens the last question).' };
  if (key.escape && room.pending.length > 0) return { ...state, notice: 'Hands are counted on this question: Backspace takes them back first.' };
  return undefined;
}

function voteKey(state: State, room: RoomState, input: string, key: KeyInfo, env: UiEnv): State | undefined {
  if (!room.voting) {
    if (input === 'v') return withRoom(state, { ...room, voting: true }, `Each person has ${dotsPerPerson} dots: + adds one to the selected cause, - takes one off.`);
    return undefined;
  }
  const causes = ranking(state, env);
  const selected = causes[state.results.selected];
  const clamp = (value: number) => Math.max(0, Math.min(value, causes.length - 1));
  if (key.upArrow || key.downArrow) return { ...state, results: { ...state.results, selected: clamp(state.results.selected + (key.upArrow ? -1 : 1)) } };
  if (key.return || key.escape || input === 'v') return withRoom(state, { ...room, voting: false });
  if (!selected) return state;
  if (input === '+' || input === ' ' || input === '=') {
    const limit = room.people * dotsPerPerson;
    if (dotsPlaced(room) >= limit) return { ...state, notice: `All ${limit} dots are placed (${dotsPerPerson} each for ${room.people} people): - takes one back.` };
    return withRoom(state, { ...room, votes: { ...room.votes, [selected.id]: (room.votes[selected.id] ?? 0) + 1 } });
  }
  if (input === '-' || key.backspace || key.delete) {
    const dots = room.votes[selected.id] ?? 0;
    if (dots === 0) return state;
    const { [selected.id]: _gone, ...rest } = room.votes;
    return withRoom(state, { ...room, votes: dots > 1 ? { ...rest, [selected.id]: dots - 1 } : rest });
  }
  if (input === 'q') return undefined;
  return state;
}
