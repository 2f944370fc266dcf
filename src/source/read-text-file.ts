import { closeSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';

export const MAX_FILE_BYTES = 1024 * 1024;

/**
 * `access`: the file could not be opened or read at all (missing, permissions, a directory);
 * `content`: it was read, and what it holds is refused (too large, not UTF-8).
 */
export type TextFile = { ok: true; text: string } | { ok: false; reason: string; line?: number; cause: 'access' | 'content' };

/** One message for every input over the limit, whatever it is: a file, a device, a pipe or standard input. */
export const tooLargeReason = `is larger than the 1 MiB limit (${MAX_FILE_BYTES} bytes)`;

const utf8 = new TextDecoder('utf-8', { fatal: true });
/** Knowledge files are a few KiB: one read each, and a bounded number of reads for anything larger. */
const chunkBytes = 64 * 1024;

/**
 * Reads a file we are about to parse, refusing what no editor would have written on purpose.
 * The limit counts bytes actually read, never what stat() claims: /dev/zero, a FIFO or a file
 * that grows while we read it all stop at 1 MiB and one byte.
 */
export async function readTextFile(path: string): Promise<TextFile> {
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    const handle = await open(path, 'r');
    try {
      while (length <= MAX_FILE_BYTES) {
        const chunk = Buffer.allocUnsafe(chunkBytes);
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
        if (bytesRead === 0) break;
        chunks.push(chunk.subarray(0, bytesRead));
        length += bytesRead;
      }
    } finally {
      await handle.close();
    }
  } catch (error) {
    return accessFailure(error);
  }
  return decodeText(Buffer.concat(chunks, length));
}

/** The same as readTextFile, for the few callers that must stay synchronous (saving from a key handler). */
export function readTextFileSync(path: string, limit = MAX_FILE_BYTES): TextFile {
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    const descriptor = openSync(path, 'r');
    try {
      while (length <= limit) {
        const chunk = Buffer.allocUnsafe(Math.min(chunkBytes, limit + 1));
        const bytesRead = readSync(descriptor, chunk, 0, chunk.length, null);
        if (bytesRead === 0) break;
        chunks.push(chunk.subarray(0, bytesRead));
        length += bytesRead;
      }
    } finally {
      closeSync(descriptor);
    }
  } catch (error) {
    return accessFailure(error);
  }
  if (length > limit) return { ok: false, reason: limit === MAX_FILE_BYTES ? tooLargeReason : `is larger than ${limit} bytes`, cause: 'content' };
  return decodeText(Buffer.concat(chunks, length));
}

/** Reads a stream (standard input) up to the limit and one byte more, then stops reading it. */
export async function readStreamBytes(stream: AsyncIterable<Uint8Array | string>, limit = MAX_FILE_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    chunks.push(bytes);
    length += bytes.length;
    // Leaving the loop destroys the stream: nothing more is read from an endless source.
    if (length > limit) break;
  }
  return Buffer.concat(chunks, length).subarray(0, limit + 1);
}

/** Bytes to text the same way for files and standard input: strict UTF-8, an optional byte-order mark, the size limit. */
export function decodeText(bytes: Uint8Array): TextFile {
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, reason: tooLargeReason, cause: 'content' };
  try {
    const text = utf8.decode(bytes);
    return { ok: true, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
  } catch {
    return { ok: false, reason: 'is not valid UTF-8', line: lineOfFirstInvalidByte(bytes), cause: 'content' };
  }
}

/** Says what actually went wrong: a full descriptor table or a symlink loop is not a missing file. */
function accessFailure(error: unknown): TextFile {
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    ENOENT: 'does not exist',
    ENOTDIR: 'does not exist (part of its path is not a directory)',
    EACCES: 'cannot be read (permission denied)',
    EPERM: 'cannot be read (operation not permitted)',
    EISDIR: 'is a directory, not a file',
    ELOOP: 'is a symbolic link that loops back on itself (ELOOP)',
    EMFILE: 'cannot be opened: too many open files (EMFILE); raise the limit with "ulimit -n"',
    ENFILE: 'cannot be opened: the system has too many open files (ENFILE)',
    ENAMETOOLONG: 'cannot be opened: the name is too long (ENAMETOOLONG)',
  };
  return { ok: false, reason: (code && reasons[code]) ?? `cannot be read (${code ?? String(error)})`, cause: 'access' };
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
