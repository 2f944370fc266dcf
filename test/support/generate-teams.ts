import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { KnowledgeIndex } from '../../src/engine/knowledge-index.js';

/** A small seeded generator, so the same count always gives the same teams. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Writes `count` plausible answers files (team-001.yaml ...): a few symptoms each and an answer
 * to most of their questions, as a consultant's assessments would look.
 */
export async function generateTeams(dir: string, count: number, index: KnowledgeIndex, seed = 7): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const next = random(seed);
  const symptoms = [...index.symptoms.values()];
  const answers = ['yes', 'no', 'partly', 'unsure'] as const;
  const files: string[] = [];
  for (let n = 1; n <= count; n++) {
    const chosen = new Set<string>();
    const wanted = 2 + Math.floor(next() * 4);
    while (chosen.size < wanted) chosen.add(symptoms[Math.floor(next() * symptoms.length)]!.id);
    const questions = [...new Set([...chosen].flatMap((id) => index.symptoms.get(id)!.questions))].filter(() => next() < 0.8);
    const name = `team-${String(n).padStart(3, '0')}`;
    const day = String(1 + (n % 28)).padStart(2, '0');
    const lines = ['version: 1', `team: Team ${String(n).padStart(3, '0')}`, `date: 2026-10-${day}`, `symptoms: [${[...chosen].join(', ')}]`, 'answers:'];
    for (const question of questions) lines.push(`  ${question}: ${answers[Math.floor(next() * answers.length)]}`);
    const file = join(dir, `${name}.yaml`);
    await writeFile(file, `${lines.join('\n')}\n`);
    files.push(file);
  }
  return files;
}
