import { readdir, stat } from 'node:fs/promises';
import { join, relative, isAbsolute } from 'node:path';
import { mapLimit } from '../source/map-limit.js';
import type { Problem } from '../source/problems.js';
import { readTextFile } from '../source/read-text-file.js';
import { closestIds } from '../source/suggest.js';
import { knowledgeKinds, type KnowledgeKind } from './schema.js';

export type KnowledgeFile = { kind: KnowledgeKind; id: string; file: string; text: string };

export type DirectoryRead =
  /** `unreadable` lists entities whose files exist but could not be read, so references to them stay quiet. */
  | { ok: true; files: KnowledgeFile[]; unreadable: { kind: KnowledgeKind; id: string }[]; problems: Problem[]; warnings: Problem[] }
  | { ok: false; usageError: string };

const kinds = Object.keys(knowledgeKinds) as KnowledgeKind[];
const yamlFile = /\.ya?ml$/i;
/** Enough reads in flight to keep the disk busy, far below any open-files limit. */
const MAX_OPEN_FILES = 32;

/** Paths are shown relative to where the user stands, so they can be clicked or pasted. */
export function displayPath(path: string, cwd: string): string {
  const shown = relative(cwd, path);
  return shown === '' ? '.' : shown.startsWith('..') || isAbsolute(shown) ? path : shown;
}

/** Reads one knowledge directory: symptoms/, anti-patterns/, questions/ and vocabulary/, one YAML file per entity. */
export async function readKnowledgeDir(dir: string, cwd: string): Promise<DirectoryRead> {
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) return { ok: false, usageError: `${dir} is a file; expected a knowledge directory` };
  } catch {
    return { ok: false, usageError: `knowledge directory ${dir} does not exist` };
  }

  const files: KnowledgeFile[] = [];
  const unreadable: { kind: KnowledgeKind; id: string }[] = [];
  const problems: Problem[] = [];
  /** Files and folders that are skipped: worth a line on stderr, not a failed validation. */
  const warnings: Problem[] = [];
  const at = (path: string, message: string): Problem => ({ file: displayPath(path, cwd), line: 1, column: 1, field: '', message });

  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isFile() && yamlFile.test(entry.name)) {
      problems.push(at(join(dir, entry.name), `is outside symptoms/, anti-patterns/, questions/ and vocabulary/, so it would be ignored`));
    } else if (entry.isDirectory() && !(kinds as string[]).includes(entry.name)) {
      const meant = closestIds(entry.name, kinds, 1)[0];
      if (meant) warnings.push(at(join(dir, entry.name), `is not a knowledge folder, so its files are ignored; did you mean "${meant}/"?`));
    }
  }
  for (const kind of kinds) {
    const kindDir = join(dir, kind);
    let entries;
    try {
      // Symbolic links are read through to their target like any file; a broken one is reported.
      entries = (await readdir(kindDir, { withFileTypes: true })).filter((entry) => entry.isFile() || entry.isSymbolicLink());
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') problems.push(at(kindDir, `cannot be listed (${code ?? String(error)})`));
      continue;
    }
    for (const entry of entries) {
      if (/\.json$/i.test(entry.name)) warnings.push(at(join(kindDir, entry.name), 'is ignored: knowledge files are .yaml or .yml (JSON is valid YAML, so renaming it is enough)'));
    }
    const yamlEntries = entries.filter((entry) => yamlFile.test(entry.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // Read in parallel, a bounded number at a time: most of a sequential load is waiting on the file system.
    const reads = await mapLimit(yamlEntries, MAX_OPEN_FILES, (entry) => readTextFile(join(kindDir, entry.name)));
    reads.forEach((read, position) => {
      const entry = yamlEntries[position]!;
      const path = join(kindDir, entry.name);
      const id = entry.name.replace(yamlFile, '');
      if (read.ok) {
        files.push({ kind, id, file: displayPath(path, cwd), text: read.text });
      } else {
        unreadable.push({ kind, id });
        const reason = entry.isSymbolicLink() && read.reason === 'does not exist' ? 'is a symbolic link to something that does not exist' : read.reason;
        problems.push({ ...at(path, `file ${reason}`), line: read.line ?? 1 });
      }
    });
  }
  if (files.length === 0 && problems.length === 0) {
    problems.push(at(dir, 'holds no knowledge: expected YAML files in symptoms/, anti-patterns/, questions/ or vocabulary/'));
  }
  return { ok: true, files, unreadable, problems, warnings };
}
