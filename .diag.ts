import { loadKnowledge } from './src/knowledge/load-knowledge.js';
import { bundledDir, repoRoot } from './test/support/bundled-knowledge.js';
import { prepare } from './test/bench/diagnosis/engine-adapter.js';
import { simulateTeams } from './test/bench/diagnosis/realistic-teams.js';
import { analyse } from './src/engine/rank-causes.js';
const loaded = await loadKnowledge([bundledDir], repoRoot);
if (!loaded.ok) throw 1;
const index = prepare(loaded.knowledge);
const teams = simulateTeams(loaded.knowledge, { teams: 200 });
const miss = new Map<string, number>();
let primaryLow = 0, primaryHighNotFirst = 0, n = 0, presentMarg = 0, pc = 0, absentHigh = 0;
for (const team of teams) {
  const answers = Object.fromEntries(Object.entries(team.answers).filter(([, a]) => a !== 'unsure'));
  const a = analyse(index, team.symptoms, answers);
  const first = a.ranking[0]?.id;
  const p = a.ranking.find((c) => c.id === team.causes[0]);
  for (const c of a.ranking) { if (team.causes.includes(c.id)) { presentMarg += c.confidence; pc++; } else if (c.confidence > 0.5) absentHigh++; }
  if (first !== team.causes[0]) {
    n++;
    if (!p || p.confidence < 0.5) primaryLow++; else primaryHighNotFirst++;
    const key = `${team.causes[0]} <- ${first} ${p ? p.confidence.toFixed(2) : 'absent'} ${team.causes.includes(first!) ? 'present' : 'ABSENT'}`;
    miss.set(key, (miss.get(key) ?? 0) + 1);
  }
}
console.log({ n, primaryLow, primaryHighNotFirst, meanPresent: presentMarg / pc, absentHigh });
console.log([...miss].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${v} ${k}`).join('\n'));
let shown = 0;
for (const team of teams) {
  const answers = Object.fromEntries(Object.entries(team.answers).filter(([, a]) => a !== 'unsure'));
  const a = analyse(index, team.symptoms, answers);
  const p = a.ranking.find((c) => c.id === team.causes[0]);
  if (p && p.confidence >= 0.5) continue;
  if (shown++ > 8) break;
  console.log(team.causes.join(','), '| symptoms', team.symptoms.join(','), '| primary conf', p?.confidence.toFixed(2), 'cand', a.posterior.candidates.includes(team.causes[0]!));
  console.log('   top', a.ranking.slice(0, 5).map((c) => `${c.id}:${c.confidence.toFixed(2)}`).join(' '));
  if (p) console.log('   ev', p.evidence.map((e) => `${e.id}=${'answer' in e ? e.answer : ''}:${e.change.toFixed(1)}`).join(' '));
}
