import { readFile, stat } from 'node:fs/promises';

export const MAX_FILE_BYTES = 1024 * 1024;

export type TextFile = { ok: true; text: string } | { ok: false; reason: string; line?: number };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads a file we are about to parse, refusing what no editor would have written on purpose. */
export async function readTextFile(path: string): Promise<TextFile> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { ok: false, reason: 'is a directory, not a file' };
    size = info.size;
  } catch {
    return { ok: false, reason: 'cannot be read (missing or no permission)' };
  }
  if (size > MAX_FILE_BYTES) return { ok: false, reason: `is ${size} bytes; the limit is ${MAX_FILE_BYTES} (1 MiB)` };
  const bytes = await readFile(path);
  try {
    const text = utf8.decode(bytes);
    return { ok: true, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
  } catch {
    return { ok: false, reason: 'is not valid UTF-8', line: lineOfFirstInvalidByte(bytes) };
  }
}

function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const before = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD')));
  return before.split('\n').length;
}
