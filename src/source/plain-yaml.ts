/**
 * A fast reader for the plain YAML most answers files are written in: a mapping of `key: value`
 * lines, one level of nested mapping, and values that are words, small whole numbers, dates,
 * simple quoted text or one-line lists of ids. The YAML library needs most of a second for a
 * 1 MiB file of such lines; this reads it in a few milliseconds.
 *
 * It only ever says yes when the answer is certain: anything it does not fully recognise (tabs,
 * comments after a value, block lists, escapes, a repeated key, non-ASCII text, ...) returns
 * undefined, and the library reads the file instead. So what a file means, and every message about
 * a file that is wrong, stays the library's.
 */

/** Where a value is written: a scalar's offset, or a list or mapping with the offsets of what it holds. */
export type PlainNode = number | PlainList | PlainMap;
export type PlainList = { start: number; items: number[] };
/** Entries in the order they are written, which is also the order of their keys in `data`. */
export type PlainMap = { start: number; data: Record<string, unknown>; keyStarts: number[]; values: PlainNode[] };

export type PlainYaml = { data: Record<string, unknown>; root: PlainMap };

/** Tabs, carriage returns, control characters and non-ASCII text are left to the library. */
const outsideSubset = /[^\n\x20-\x7e]/;
const keyAtStart = /[A-Za-z][A-Za-z0-9_-]*/y;
const plainWords = /^[A-Za-z][A-Za-z0-9 ._/-]*$/;
const flowItem = /[A-Za-z][A-Za-z0-9_-]*|"[^"\\]*"/y;
const wholeNumber = /^(?:0|[1-9][0-9]{0,14})$/;
const date = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
/** Words YAML reads as null or true/false rather than text. */
const notText = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
/** The library refuses an implicit key longer than 1,024 characters; such files go to it. */
const longestKey = 1000;
const notPlain = Symbol('not plain');

const emptyMap = (start: number): PlainMap => ({ start, data: {}, keyStarts: [], values: [] });

export function readPlainYaml(text: string): PlainYaml | undefined {
  if (outsideSubset.test(text)) return undefined;
  const root = emptyMap(-1);
  // The mapping being filled under a `key:` line, and its indentation once its first line is read.
  let nested: PlainMap | undefined;
  let nestedIndent = 0;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const lineStart = start;
    start = end + 1;
    let indent = 0;
    while (text.charCodeAt(lineStart + indent) === 0x20) indent++;
    const at = lineStart + indent;
    if (at === end || text.charCodeAt(at) === 0x23 /* # */) continue;

    if (indent === 0) {
      if (nested && nestedIndent === 0) return undefined; // `key:` followed by nothing: null, the library's case
      nested = undefined;
    } else if (!nested || (nestedIndent !== 0 && nestedIndent !== indent)) {
      return undefined;
    } else {
      nestedIndent = indent;
    }
    keyAtStart.lastIndex = at;
    if (!keyAtStart.test(text)) return undefined;
    const keyEnd = keyAtStart.lastIndex;
    if (keyEnd - at > longestKey || text.charCodeAt(keyEnd) !== 0x3a /* : */) return undefined;
    const key = text.slice(at, keyEnd);
    const target = nested ?? root;
    // A repeated key is the library's to report.
    if (notText.has(key) || Object.hasOwn(target.data, key)) return undefined;
    if (target.start === -1) target.start = at;

    let valueAt = keyEnd + 1;
    if (valueAt >= end) {
      if (nested) return undefined;
      nested = emptyMap(-1);
      nestedIndent = 0;
      root.data[key] = nested.data;
      root.keyStarts.push(at);
      root.values.push(nested);
      continue;
    }
    if (text.charCodeAt(valueAt) !== 0x20) return undefined;
    while (text.charCodeAt(valueAt) === 0x20) valueAt++;
    const value = readValue(text, valueAt, end);
    if (value === notPlain) return undefined;
    target.data[key] = value.data;
    target.keyStarts.push(at);
    target.values.push(value.node);
  }
  if (root.start === -1 || (nested && nestedIndent === 0)) return undefined;
  return { data: root.data, root };
}

/** The value written from `start` to the line's end. */
function readValue(text: string, start: number, end: number): { data: unknown; node: PlainNode } | typeof notPlain {
  const written = text.slice(start, end);
  const first = written.charCodeAt(0);
  if (first === 0x22 /* " */ || first === 0x27 /* ' */) {
    const closing = written.indexOf(written[0]!, 1);
    if (closing !== written.length - 1 || (first === 0x22 && written.includes('\\'))) return notPlain;
    return { data: written.slice(1, -1), node: start };
  }
  if (first === 0x5b /* [ */) return readFlowList(text, start, end);
  if (written === '{}') {
    const node = emptyMap(start);
    return { data: node.data, node };
  }
  if (wholeNumber.test(written)) return { data: Number(written), node: start };
  if (date.test(written)) return { data: written, node: start };
  if (plainWords.test(written) && written.charCodeAt(written.length - 1) !== 0x20 && !notText.has(written)) return { data: written, node: start };
  return notPlain;
}

/** `[a, b, "c"]` on one line: ids, or double-quoted text without escapes. */
function readFlowList(text: string, start: number, end: number): { data: unknown[]; node: PlainList } | typeof notPlain {
  const data: unknown[] = [];
  const items: number[] = [];
  let at = start + 1;
  const skipSpaces = () => {
    while (text.charCodeAt(at) === 0x20) at++;
  };
  skipSpaces();
  if (text.charCodeAt(at) === 0x5d /* ] */) {
    at++;
  } else {
    for (;;) {
      flowItem.lastIndex = at;
      if (!flowItem.test(text) || flowItem.lastIndex > end) return notPlain;
      const item = text.slice(at, flowItem.lastIndex);
      if (notText.has(item)) return notPlain;
      data.push(item.charCodeAt(0) === 0x22 ? item.slice(1, -1) : item);
      items.push(at);
      at = flowItem.lastIndex;
      skipSpaces();
      if (text.charCodeAt(at) === 0x5d) {
        at++;
        break;
      }
      if (text.charCodeAt(at) !== 0x2c /* , */) return notPlain;
      at++;
      skipSpaces();
    }
  }
  return at === end ? { data, node: { start, items } } : notPlain;
}
