import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { readPlainYaml, type PlainMap, type PlainNode } from './plain-yaml.js';
import { fieldPath, type Problem } from './problems.js';

/**
 * A parsed YAML (or JSON, which is YAML) file that can point back at any field,
 * so schema and cross-reference problems land on the right line.
 */
export type YamlSource = {
  file: string;
  data: unknown;
  /** Where a path is written; `key` points at the last key itself rather than its value. */
  locate: (path: readonly PropertyKey[], at?: 'value' | 'key') => { line: number; column: number };
};

/** Aliases are legitimate YAML, but a handful is plenty for a knowledge file; more is a billion-laughs attack. */
const MAX_ALIASES = 50;

export function parseYamlSource(file: string, text: string): { source?: YamlSource; problems: Problem[] } {
  const plain = readPlainYaml(text);
  if (plain) {
    let lineStarts: number[] | undefined;
    const locate = (path: readonly PropertyKey[], at: 'value' | 'key' = 'value') =>
      linePosition((lineStarts ??= lineStartsOf(text)), offsetAlong(plain.root, plainTree, path, at));
    return { source: { file, data: plain.data, locate }, problems: [] };
  }
  return parseWithLibrary(file, text);
}

/** The YAML library alone, without the fast path: the reference the fast path is checked against. */
export function parseWithLibrary(file: string, text: string): { source?: YamlSource; problems: Problem[] } {
  const lineCounter = new LineCounter();
  // logLevel 'error': warnings become reported problems below instead of process warnings on stderr.
  // uniqueKeys is checked by duplicateKeys below: the library compares every key with every other.
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, strict: true, logLevel: 'error' });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const problems: Problem[] = [...document.errors, ...document.warnings].map((error) => ({
    file,
    ...position(error.pos[0]),
    field: '',
    message: `YAML syntax: ${syntaxMessage(error.code, error.message)}`,
  }));
  if (problems.length === 0) {
    for (const { key, offset, first } of duplicateKeys(document)) {
      problems.push({ file, ...position(offset), field: '', message: `YAML syntax: key "${key}" appears twice in one mapping (first on line ${position(first).line})` });
    }
  }
  if (problems.length > 0) return { problems };

  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const reason = error instanceof Error ? firstLine(error.message) : 'could not be read';
    return { problems: [{ file, line: 1, column: 1, field: '', message: `YAML: ${reason}` }] };
  }
  const locate = (path: readonly PropertyKey[], at: 'value' | 'key' = 'value') => position(offsetAlong(document.contents, libraryTree, path, at));
  return { source: { file, data, locate }, problems: [] };
}

/** Offsets where each line starts, as the library's LineCounter records them. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** Line and column (both from 1) of an offset: the same answer as the library's LineCounter.linePos. */
function linePosition(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (lineStarts[middle]! < offset) low = middle + 1;
    else high = middle;
  }
  if (lineStarts[low] === offset) return { line: low + 1, column: 1 };
  if (low === 0) return { line: 0, column: offset };
  return { line: low, column: offset - lineStarts[low - 1]! + 1 };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

/** The library's own words where they would puzzle someone editing a file (it suggests its own API). */
function syntaxMessage(code: string, message: string): string {
  if (code === 'MULTIPLE_DOCS') return 'the file holds more than one YAML document (a second "---"); keep one per file';
  return firstLine(message);
}

/**
 * Every key written twice in one mapping, found while indexing each mapping's pairs by key (the
 * index `locate` uses later): linear in the file's size.
 */
function duplicateKeys(document: Document): { key: string; offset: number; first: number }[] {
  const found: { key: string; offset: number; first: number }[] = [];
  const pending: unknown[] = [document.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isMap(node)) {
      const pairs = new Map<unknown, Pair>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          const first = pairs.get(pair.key.value);
          if (first === undefined) pairs.set(pair.key.value, pair);
          else found.push({ key: String(pair.key.value), offset: rangeStart(pair.key) ?? 0, first: rangeStart(first.key) ?? 0 });
        }
        if (isMap(pair.value) || isSeq(pair.value)) pending.push(pair.value);
      }
      pairIndex.set(node, pairs);
    } else if (isSeq(node)) {
      for (const item of node.items) if (isMap(item) || isSeq(item)) pending.push(item);
    }
  }
  return found;
}

/** How to walk one parser's tree: where a node starts, and one step down by key or position. */
type Tree<N> = {
  start: (node: N) => number | undefined;
  /** `keyStart` is present when the step went through a mapping's key. */
  child: (node: N, key: PropertyKey) => { node: N; keyStart?: number; viaKey: boolean } | undefined;
};

const libraryTree: Tree<unknown> = {
  start: rangeStart,
  child(node, key) {
    if (isMap(node)) {
      const pair = pairsByKey(node).get(key);
      return pair ? { node: pair.value, keyStart: rangeStart(pair.key), viaKey: true } : undefined;
    }
    if (isSeq(node) && typeof key === 'number' && key < node.items.length) return { node: node.items[key], viaKey: false };
    return undefined;
  },
};

/** Each mapping's entry positions by key, built on the first lookup: a file without problems never needs it. */
const plainKeyIndex = new WeakMap<PlainMap, Map<string, number>>();

const plainTree: Tree<PlainNode> = {
  start: (node) => (typeof node === 'number' ? node : node.start),
  child(node, key) {
    if (typeof node === 'number') return undefined;
    if ('keyStarts' in node) {
      let index = plainKeyIndex.get(node);
      // Keys never look like numbers here, so Object.keys lists them in the order they are written.
      if (!index) {
        index = new Map();
        const names = Object.keys(node.data);
        for (let position = 0; position < names.length; position++) index.set(names[position]!, position);
        plainKeyIndex.set(node, index);
      }
      const position = typeof key === 'string' ? index.get(key) : undefined;
      return position === undefined ? undefined : { node: node.values[position]!, keyStart: node.keyStarts[position], viaKey: true };
    }
    if (typeof key === 'number' && key < node.items.length) return { node: node.items[key]!, viaKey: false };
    return undefined;
  },
};

/**
 * The offset of the deepest node that exists along the path: a missing field
 * is reported where its parent is, an unknown key where the key is written.
 */
function offsetAlong<N>(root: N, tree: Tree<N>, path: readonly PropertyKey[], at: 'value' | 'key'): number {
  let node = root;
  let offset = tree.start(node) ?? 0;
  for (let depth = 0; depth < path.length; depth++) {
    const next = tree.child(node, path[depth]!);
    if (!next) break;
    if (next.viaKey) {
      offset = next.keyStart ?? offset;
      if (at === 'key' && depth === path.length - 1) break;
    }
    node = next.node;
    offset = tree.start(node) ?? offset;
  }
  return offset;
}

/** Each mapping's pairs by key, built once: locating thousands of problems stays linear. */
const pairIndex = new WeakMap<YAMLMap, Map<unknown, Pair>>();
function pairsByKey(node: YAMLMap): Map<unknown, Pair> {
  let pairs = pairIndex.get(node);
  if (!pairs) {
    pairs = new Map();
    for (const item of node.items) if (isPair(item) && isScalar(item.key) && !pairs.has(item.key.value)) pairs.set(item.key.value, item);
    pairIndex.set(node, pairs);
  }
  return pairs;
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}

export function problemAt(source: YamlSource, path: readonly PropertyKey[], message: string, at: 'value' | 'key' = 'value'): Problem {
  const { line, column } = source.locate(path, at);
  return { file: source.file, line, column, field: fieldPath(path), message };
}
