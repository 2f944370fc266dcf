import { join } from 'node:path';
import { formatProblem, type Problem } from '../source/problems.js';
import { readTextFile } from '../source/read-text-file.js';
import { parseYamlSource, problemAt } from '../source/yaml-source.js';
import { zodProblems } from '../source/zod-problems.js';
import { displayPath } from './read-knowledge-dir.js';
import { doraClustersSchema, type DoraClusters } from './dora-clusters-schema.js';

export const doraClustersFile = join('benchmarks', 'dora-clusters.yaml');

/** Parses and validates the DORA clusters file; the bands of each metric must run best to worst without overlap. */
export function parseDoraClusters(file: string, text: string): { clusters?: DoraClusters; problems: Problem[] } {
  const { source, problems } = parseYamlSource(file, text);
  if (!source) return { problems };
  const parsed = doraClustersSchema.safeParse(source.data, { reportInput: true });
  if (!parsed.success) return { problems: zodProblems(source, doraClustersSchema, parsed.error.issues) };
  const clusters = parsed.data;
  const order = ['elite', 'high', 'medium', 'low'] as const;
  const bandProblems: Problem[] = [];
  for (const metric of ['deploymentInterval', 'leadTime', 'recoveryTime'] as const) {
    order.forEach((name) => {
      const band = clusters[metric][name];
      if (band.upTo !== undefined && band.below !== undefined) bandProblems.push(problemAt(source, [metric, name], 'give "upTo" or "below", not both'));
      if (band.from !== undefined && (band.upTo ?? band.below ?? Infinity) < band.from) bandProblems.push(problemAt(source, [metric, name], 'the range ends before it starts'));
    });
    order.slice(1).forEach((name, position) => {
      const better = clusters[metric][order[position]!];
      if ((clusters[metric][name].from ?? 0) < (better.from ?? 0)) bandProblems.push(problemAt(source, [metric, name], `must not start before the ${order[position]} cluster's range`));
    });
  }
  return bandProblems.length > 0 ? { problems: bandProblems } : { clusters, problems: [] };
}

/** Reads the clusters from a knowledge directory; any problem is a broken installation, said in one message. */
export async function loadDoraClusters(knowledgeDir: string, cwd: string): Promise<DoraClusters> {
  const path = join(knowledgeDir, doraClustersFile);
  const read = await readTextFile(path);
  if (!read.ok) throw new Error(`${displayPath(path, cwd)} ${read.reason}`);
  const { clusters, problems } = parseDoraClusters(displayPath(path, cwd), read.text);
  if (!clusters) throw new Error(`the DORA clusters file is invalid:\n${problems.map(formatProblem).join('\n')}`);
  return clusters;
}

/** Problems in a knowledge directory's clusters file; none when the directory has no such file. */
export async function checkDoraClusters(knowledgeDir: string, cwd: string): Promise<Problem[]> {
  const path = join(knowledgeDir, doraClustersFile);
  const read = await readTextFile(path);
  if (!read.ok) return read.reason.startsWith('does not exist') ? [] : [{ file: displayPath(path, cwd), line: read.line ?? 1, column: 1, field: '', message: `file ${read.reason}` }];
  return parseDoraClusters(displayPath(path, cwd), read.text).problems;
}
