import { link, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export class FileExistsError extends Error {}

/**
 * Writes through a temporary file in the same directory, so a reader sees the
 * old file or the whole new one, never half of it. Without `overwrite`, an
 * existing file is left untouched (the hard link fails instead of replacing it).
 */
export async function writeFileAtomic(path: string, content: string, { overwrite }: { overwrite: boolean }): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await open(temporary, 'wx', 0o644);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    if (overwrite) {
      await rename(temporary, path);
      return;
    }
    try {
      await link(temporary, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(`${path} already exists; use --force to overwrite it`);
      throw error;
    }
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}
