// Symptom search: accuracy on the real-phrasing set beside the old search, time per keystroke over 10,000
// synthetic symptoms, and the time to build the index for the bundled knowledge.
import { createSymptomSearch } from '../../src/engine/search-symptoms.js';
import type { Knowledge } from '../../src/knowledge/schema.js';
import { bundledIndex } from '../support/bundled-knowledge.js';
import { median } from './measure-process.js';
import { createSymptomSearch as createLegacySearch } from './legacy-symptom-search.js';
import { formatAccuracy, measureAccuracy } from './search-accuracy.js';
import { syntheticKnowledge } from './synthetic-knowledge.js';

const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');

export async function searchAccuracyFigures() {
  const { knowledge } = await bundledIndex();
  const legacy = createLegacySearch(knowledge.symptoms);
  const search = createSymptomSearch(knowledge);
  const old = measureAccuracy((query) => legacy(query, 10).map((match) => match.id));
  const now = measureAccuracy((query) => search(query, 10).map((match) => match.id));
  console.log('search accuracy on the real-phrasing set (test/data/search-phrasings.yaml), old search beside the new:');
  console.log([...formatAccuracy('old', old), ...formatAccuracy('new', now)].join('\n'));
  console.log(
    `search accuracy: new, all phrasings: top-3 ${(now.all.top3 * 100).toFixed(0)}% (target >= 92%) ${verdict(now.all.top3 >= 0.92)}, top-1 ${(now.all.top1 * 100).toFixed(0)}% (target >= 80%) ${verdict(now.all.top1 >= 0.8)}, no result ${(now.all.empty * 100).toFixed(0)}% (target 0%) ${verdict(now.all.empty === 0)}`,
  );
}

/** Every prefix of each query, as a facilitator types it, one character at a time. */
function keystrokes(queries: readonly string[]): string[] {
  return queries.flatMap((query) => Array.from({ length: query.length }, (_, end) => query.slice(0, end + 1)));
}

export function searchSpeedFigures(knowledge: Knowledge = syntheticKnowledge({ symptoms: 10_000, antiPatterns: 50, questions: 50 })) {
  const buildStart = performance.now();
  const search = createSymptomSearch(knowledge);
  const buildMs = performance.now() - buildStart;
  const typed = keystrokes(['we never deploy on fridays', 'it worked in staging', 'rollback takes hours', 'waiting for qa approval', 'databse migraton lock', 'flaky pipeline blocks merges']);
  for (const text of typed) search(text, 30); // warm-up: the JIT, and MiniSearch's caches
  const times = typed.map((text) => {
    const start = performance.now();
    search(text, 30);
    return performance.now() - start;
  });
  const typical = median(times);
  const worst = Math.max(...times);
  // The old search on the same keystrokes, in the same run: this machine's load moves both alike.
  const legacy = createLegacySearch(knowledge.symptoms);
  for (const text of typed) legacy(text, 30);
  const legacyTimes = typed.map((text) => {
    const start = performance.now();
    legacy(text, 30);
    return performance.now() - start;
  });
  console.log(
    `search: 10,000 synthetic symptoms, ${times.length} keystrokes: median ${typical.toFixed(2)} ms (target <= 16 ms) ${verdict(typical <= 16)}, worst ${worst.toFixed(2)} ms (target <= 40 ms) ${verdict(worst <= 40)}; index built in ${buildMs.toFixed(0)} ms`,
  );
  console.log(`search: the old search on the same keystrokes: median ${median(legacyTimes).toFixed(2)} ms, worst ${Math.max(...legacyTimes).toFixed(2)} ms`);
}

export async function searchIndexBuildFigures() {
  const { knowledge } = await bundledIndex();
  const times = Array.from({ length: 10 }, () => {
    const start = performance.now();
    createSymptomSearch(knowledge);
    return performance.now() - start;
  });
  console.log(
    `search: index for the bundled knowledge: first build ${times[0]!.toFixed(1)} ms (target <= 300 ms) ${verdict(times[0]! <= 300)}, then median ${median(times.slice(1)).toFixed(1)} ms`,
  );
}
