import type { KeyInfo } from './reducer.js';

export type KeyPress = { input: string; key: KeyInfo };

/** Ink reports these as one key, already parsed from an escape sequence or a single byte. */
const namedKeys = ['upArrow', 'downArrow', 'leftArrow', 'rightArrow', 'pageUp', 'pageDown', 'home', 'end', 'escape', 'tab', 'return', 'backspace', 'delete'] as const;

/** One byte as a key: Enter, Tab, Backspace, Ctrl-letter, or a character to type. */
function keyOf(character: string): KeyPress {
  const code = character.codePointAt(0)!;
  if (character === '\r' || character === '\n') return { input: '', key: { return: true } };
  if (character === '\t') return { input: '', key: { tab: true } };
  if (code === 0x7f || code === 0x08) return { input: '', key: { backspace: true } };
  if (code === 0x1b) return { input: '', key: { escape: true } };
  if (code >= 1 && code <= 26) return { input: String.fromCharCode(code + 96), key: { ctrl: true } };
  if (code < 0x20 || (code >= 0x80 && code < 0xa0)) return { input: '', key: {} }; // other controls: ignored
  return { input: character, key: {} };
}

/**
 * Ink hands over everything that arrived in one read as a single input (holding Backspace, fast
 * typing, a paste); escape sequences already come one at a time. This splits the rest into keys.
 */
export function splitKeys(input: string, key: KeyInfo): KeyPress[] {
  if (namedKeys.some((name) => key[name]) || key.ctrl || (key.meta && input.length <= 1)) return [{ input, key }];
  if (input.length <= 1 && !/[\u0000-\u001f\u007f-\u009f]/.test(input)) return [{ input, key }];
  return Array.from(input, keyOf);
}
