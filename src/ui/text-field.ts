import type { KeyInfo } from './reducer.js';

/** A one-line text field's content and cursor, kept in the app state so it survives a resume. */
export type TextField = { value: string; cursor: number };

export const textField = (value = ''): TextField => ({ value, cursor: value.length });

/** What a key did to a field: the new field, or the reason it refused (a limit). Undefined: not a text key. */
export type Edit = { field: TextField; refused?: string };

const wordStart = (value: string, cursor: number) => {
  let at = cursor;
  while (at > 0 && value[at - 1] === ' ') at--;
  while (at > 0 && value[at - 1] !== ' ') at--;
  return at;
};

/** Drops control characters (and the DEL byte) so they can never reach a saved session. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}

/**
 * Readline-style editing: Left/Right, Home/End, Ctrl-A/E (start/end), Ctrl-U (delete to start),
 * Ctrl-W (delete a word), Ctrl-K (delete to end), Backspace. `limit` is the most characters the
 * field may hold, so nothing typed can make the saved file unreadable.
 */
export function editText(field: TextField, input: string, key: KeyInfo, limit: number, limitMessage: string): Edit | undefined {
  const { value, cursor } = field;
  const at = (next: number): Edit => ({ field: { value, cursor: Math.max(0, Math.min(value.length, next)) } });
  const cut = (from: number, to: number): Edit => ({ field: { value: value.slice(0, from) + value.slice(to), cursor: from } });
  if (key.leftArrow) return at(cursor - 1);
  if (key.rightArrow) return at(cursor + 1);
  if (key.home || (key.ctrl && input === 'a')) return at(0);
  if (key.end || (key.ctrl && input === 'e')) return at(value.length);
  if (key.ctrl && input === 'u') return cut(0, cursor);
  if (key.ctrl && input === 'k') return cut(cursor, value.length);
  if (key.ctrl && input === 'w') return cut(wordStart(value, cursor), cursor);
  if (key.backspace || key.delete) return cursor > 0 ? cut(cursor - 1, cursor) : at(cursor);
  if (key.ctrl || key.meta || key.escape || key.return || key.tab || key.upArrow || key.downArrow || key.pageUp || key.pageDown) return undefined;
  const text = printable(input);
  if (!text) return undefined;
  const room = limit - value.length;
  if (room <= 0) return { field, refused: limitMessage };
  // Whole characters only: a cut through an emoji's surrogate pair would store half a character.
  let added = '';
  for (const character of text) {
    if (added.length + character.length > room) break;
    added += character;
  }
  return {
    field: { value: value.slice(0, cursor) + added + value.slice(cursor), cursor: cursor + added.length },
    ...(added.length < text.length ? { refused: limitMessage } : {}),
  };
}
