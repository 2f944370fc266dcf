import { readdir, stat } from 'node:fs/promises';
import { join, relative, isAbsolute } from 'node:path';
import type { Problem } from '../source/problems.js';
import { readTextFile } from '../source/read-text-file.js';
import { knowledgeKinds, type KnowledgeKind } from './schema.js';

export type KnowledgeFile = { kind: KnowledgeKind; id: string; file: string; text: string };

export type DirectoryRead =
  /** `unreadable` lists entities whose files exist but could not be read, so references to them stay quiet. */
  | { ok: true; files: KnowledgeFile[]; unreadable: { kind: KnowledgeKind; id: string }[]; problems: Problem[] }
  | { ok: false; usageError: string };

const kinds = Object.keys(knowledgeKinds) as KnowledgeKind[];
const yamlFile = /\.ya?ml$/i;

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
  const at = (path: string, message: string): Problem => ({ file: displayPath(path, cwd), line: 1, column: 1, field: '', message });

  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isFile() && yamlFile.test(entry.name)) {
      problems.push(at(join(dir, entry.name), `is outside symptoms/, anti-patterns/, questions/ and vocabulary/, so it would be ignored`));
    }
  }
  for (const kind of kinds) {
    const kindDir = join(dir, kind);
    let names: string[];
    try {
      names = (await readdir(kindDir, { withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);
    } catch {
      continue;
    }
    // Read in parallel: most of a sequential load is waiting on the file system.
    const yamlNames = names.filter((candidate) => yamlFile.test(candidate)).sort();
    const reads = await Promise.all(yamlNames.map((name) => readTextFile(join(kindDir, name))));
    reads.forEach((read, position) => {
      const path = join(kindDir, yamlNames[position]!);
      const id = yamlNames[position]!.replace(yamlFile, '');
      if (read.ok) {
        files.push({ kind, id, file: displayPath(path, cwd), text: read.text });
      } else {
        unreadable.push({ kind, id });
        problems.push({ ...at(path, `file ${read.reason}`), line: read.line ?? 1 });
      }
    });
  }
  if (files.length === 0 && problems.length === 0) {
    problems.push(at(dir, 'holds no knowledge: expected YAML files in symptoms/, anti-patterns/, questions/ or vocabulary/'));
  }
  return { ok: true, files, unreadable, problems };
}
