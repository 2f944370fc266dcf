import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
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
  const lineCounter = new LineCounter();
  // logLevel 'error': warnings become reported problems below instead of process warnings on stderr.
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true, logLevel: 'error' });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const problems: Problem[] = [...document.errors, ...document.warnings].map((error) => ({
    file,
    ...position(error.pos[0]),
    field: '',
    message: `YAML syntax: ${firstLine(error.message)}`,
  }));
  if (problems.length > 0) return { problems };

  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const reason = error instanceof Error ? firstLine(error.message) : 'could not be read';
    return { problems: [{ file, line: 1, column: 1, field: '', message: `YAML: ${reason}` }] };
  }
  const locate = (path: readonly PropertyKey[], at: 'value' | 'key' = 'value') => position(offsetOf(document, path, at));
  return { source: { file, data, locate }, problems: [] };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

/**
 * The offset of the deepest node that exists along the path: a missing field
 * is reported where its parent is, an unknown key where the key is written.
 */
function offsetOf(document: Document, path: readonly PropertyKey[], at: 'value' | 'key'): number {
  let node: unknown = document.contents;
  let offset = rangeStart(node) ?? 0;
  for (const [depth, key] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
      if (!pair) break;
      offset = rangeStart(pair.key) ?? offset;
      if (at === 'key' && depth === path.length - 1) break;
      node = pair.value;
      offset = rangeStart(node) ?? offset;
    } else if (isSeq(node) && typeof key === 'number' && key < node.items.length) {
      node = node.items[key];
      offset = rangeStart(node) ?? offset;
    } else {
      break;
    }
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}

export function problemAt(source: YamlSource, path: readonly PropertyKey[], message: string, at: 'value' | 'key' = 'value'): Problem {
  return { file: source.file, ...source.locate(path, at), field: fieldPath(path), message };
}
