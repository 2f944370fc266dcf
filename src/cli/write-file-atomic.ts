import { closeSync, constants, fchmodSync, fsyncSync, linkSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { link, lstat, open, readlink, realpath, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/**
 * Random bytes as hex. node:crypto loads on first use: every command imports this file (for its
 * error messages), and loading crypto at start-up costs more than a report takes to write.
 */
export function randomHex(bytes: number): string {
  return process.getBuiltinModule('node:crypto').randomBytes(bytes).toString('hex');
}

export class FileExistsError extends Error {}

/** The output is something no file should replace or be written into: a directory, a block device, a socket. */
export class OutputRefusedError extends Error {}

/**
 * Short and unique, in the target's own directory (so the rename cannot cross file systems):
 * a legal 255-byte file name still leaves room for it, and two writers never share one.
 */
export function temporaryPathFor(target: string): string {
  return join(dirname(target), `.deploy-doctor-${randomHex(6)}.tmp`);
}

type Target =
  /** Replace (or create) this regular file atomically; `mode` keeps an existing file's permissions. */
  | { kind: 'file'; path: string; mode?: number }
  /** Write straight into it: a terminal, /dev/null, a FIFO, an inherited descriptor. */
  | { kind: 'stream'; path: string };

/** Descriptors the process already has open: writing to them must never create or replace a file. */
const openDescriptor = /^\/(dev\/(stdout|stderr|fd\/\d+)|proc\/(self|\d+)\/fd\/\d+)$/;

/**
 * What writing to `path` should do. Symbolic links are followed to their target, so the link
 * survives and the file it points at gets the new content; anything that is not a regular file
 * is either written into (character devices, FIFOs) or refused, never replaced.
 */
async function resolveTarget(path: string): Promise<Target> {
  if (openDescriptor.test(path)) return { kind: 'stream', path };
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return { kind: 'file', path: await danglingTarget(path) };
  }
  if (info.isFile()) return { kind: 'file', path: await realpath(path), mode: info.mode & 0o7777 };
  if (info.isCharacterDevice() || info.isFIFO()) return { kind: 'stream', path };
  if (info.isDirectory()) throw new OutputRefusedError('it is a directory');
  const what = info.isBlockDevice() ? 'a block device' : info.isSocket() ? 'a socket' : 'not a regular file';
  throw new OutputRefusedError(`it is ${what}; deploy-doctor writes only to regular files, terminals, devices such as /dev/null, and FIFOs`);
}

/** A path that does not exist, or a symlink to one: the file to create is at the end of the links. */
async function danglingTarget(path: string): Promise<string> {
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    try {
      if (!(await lstat(current)).isSymbolicLink()) return current;
    } catch {
      return current;
    }
    current = resolve(dirname(current), await readlink(current));
  }
  throw Object.assign(new Error(`${path}: too many levels of symbolic links`), { code: 'ELOOP' });
}

/**
 * Writes the whole content, or nothing: regular files go through a temporary file in the same
 * directory, so a reader sees the old file or the whole new one, never half of it. Without
 * `overwrite`, an existing file is left untouched (the hard link fails instead of replacing it).
 * Character devices and FIFOs are written directly and need no `overwrite`: there is nothing to clobber.
 */
export async function writeFileAtomic(path: string, content: string, { overwrite }: { overwrite: boolean }): Promise<void> {
  const target = await resolveTarget(path);
  if (target.kind === 'stream') {
    // No O_CREAT and no O_TRUNC: the device or pipe is written into, never made or emptied.
    const handle = await open(target.path, constants.O_WRONLY | constants.O_APPEND | constants.O_NOCTTY);
    try {
      await handle.writeFile(content, 'utf8');
    } finally {
      await handle.close();
    }
    return;
  }
  if (target.mode !== undefined && !overwrite) throw new FileExistsError(`${path} already exists; use --force to overwrite it`);
  const temporary = await writeTemporary(target.path, content, target.mode);
  try {
    if (overwrite) {
      await rename(temporary, target.path);
      return;
    }
    try {
      await link(temporary, target.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(`${path} already exists; use --force to overwrite it`);
      throw error;
    }
  } finally {
    // After a rename this finds nothing; after a link or any failure it removes the temporary name.
    await unlink(temporary).catch(() => undefined);
  }
}

/** The temporary file, fully written and flushed; on any failure (disk full, file-size limit) it is removed. */
async function writeTemporary(target: string, content: string, mode: number | undefined): Promise<string> {
  const temporary = temporaryPathFor(target);
  const handle = await open(temporary, 'wx', 0o666);
  try {
    await handle.writeFile(content, 'utf8');
    if (mode !== undefined) await handle.chmod(mode);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return temporary;
}

/**
 * The synchronous form, for saving a session from a key handler. `exclusive` creates the file
 * only if nobody else has (EEXIST otherwise); without it an existing file is replaced atomically,
 * through a symbolic link to its target, keeping its permissions. New files are private (0600):
 * sessions hold a team's answers.
 */
export function writeFileAtomicSync(path: string, content: string, { exclusive = false }: { exclusive?: boolean } = {}): void {
  let target = path;
  let mode: number | undefined;
  try {
    const info = statSync(path);
    if (info.isFile()) {
      target = realpathSync(path);
      mode = info.mode & 0o7777;
    }
  } catch {
    // missing: created below
  }
  const temporary = temporaryPathFor(target);
  try {
    const descriptor = openSync(temporary, 'wx', 0o600);
    try {
      // A hand-written answers file keeps the permissions its owner gave it.
      if (mode !== undefined) fchmodSync(descriptor, mode);
      writeFileSync(descriptor, content);
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    if (exclusive) linkSync(temporary, target);
    else renameSync(temporary, target);
  } finally {
    try {
      unlinkSync(temporary);
    } catch {
      // renamed into place, or never created
    }
  }
}

/** Plain words for why a write failed, with the code people can search for. */
export function writeFailureReason(error: unknown): string {
  if (error instanceof OutputRefusedError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    ENOENT: 'its directory does not exist',
    ENOTDIR: 'part of its path is not a directory',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    EISDIR: 'it is a directory',
    ELOOP: 'too many levels of symbolic links',
    ENOSPC: 'no space left on device',
    EDQUOT: 'disk quota exceeded',
    EFBIG: 'file too large for the file-size limit',
    EIO: 'input/output error',
    ENAMETOOLONG: 'the name is too long',
    EPIPE: 'the reader went away',
  };
  if (code && words[code]) return `${words[code]} (${code})`;
  return code ?? (error instanceof Error ? error.message : String(error));
}

/** Path problems are the caller's to fix (exit 2); a full disk or a broken device is not (exit 1). */
export function isPathProblem(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return error instanceof OutputRefusedError || error instanceof FileExistsError || ['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM', 'EROFS', 'EISDIR', 'ELOOP', 'ENAMETOOLONG'].includes(code ?? '');
}
