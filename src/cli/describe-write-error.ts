/** A failed write in words, with the path, instead of an error code like ENOENT. */
export function describeWriteError(error: unknown, path: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return `Could not write ${path}: its folder does not exist.`;
    case 'ENOTDIR':
      return `Could not write ${path}: part of that path is a file, not a folder.`;
    case 'EISDIR':
      return `Could not write ${path}: that is a folder.`;
    case 'EACCES':
    case 'EPERM':
      return `Could not write ${path}: no permission to write there.`;
    case 'EROFS':
      return `Could not write ${path}: the disk is read-only.`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `Could not write ${path}: the disk is full.`;
    case 'ENAMETOOLONG':
      return `Could not write ${path}: the name is too long.`;
    default:
      return `Could not write ${path}: ${error instanceof Error ? error.message : String(error)}.`;
  }
}
