import { open } from 'node:fs/promises';

export const MAX_FILE_BYTES = 1024 * 1024;

export type TextFile = { ok: true; text: string } | { ok: false; reason: string; line?: number };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads a file we are about to parse, refusing what no editor would have written on purpose. */
export async function readTextFile(path: string): Promise<TextFile> {
  let bytes: Buffer;
  try {
    const handle = await open(path, 'r');
    try {
      const info = await handle.stat();
      if (info.isDirectory()) return { ok: false, reason: 'is a directory, not a file' };
      if (info.size > MAX_FILE_BYTES) return { ok: false, reason: `is ${info.size} bytes; the limit is ${MAX_FILE_BYTES} (1 MiB)` };
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') return { ok: false, reason: 'is a directory, not a file' };
    return { ok: false, reason: 'cannot be read (missing or no permission)' };
  }
  try {
    const text = utf8.decode(bytes);
    return { ok: true, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
  } catch {
    return { ok: false, reason: 'is not valid UTF-8', line: lineOfFirstInvalidByte(bytes) };
  }
}

/** Line of the first byte that is not valid UTF-8: the shortest prefix that fails to decode. */
function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  const fails = (length: number) => {
    try {
      // stream: true tolerates a sequence cut off at the end, so only real errors throw.
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  let low = 1;
  let high = bytes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (fails(middle)) high = middle;
    else low = middle + 1;
  }
  let line = 1;
  for (let index = 0; index < low - 1; index++) if (bytes[index] === 0x0a) line++;
  return line;
}
