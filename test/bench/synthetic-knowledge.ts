import type { Knowledge } from '../../src/knowledge/schema.js';
import { mulberry32 } from './diagnosis/prng.js';

/** A small deterministic generator (mulberry32), so every benchmark run sees the same pack. */
export const random = mulberry32;

const words =
  'deploy release pipeline staging production rollback merge freeze branch test suite flaky manual script server config drift approval board change ticket queue review security audit compliance team handoff outage incident alert monitor metric latency error database migration schema lock service api contract version artifact build registry container cluster canary flag traffic weekend friday night hotfix patch regression bug customer user support on-call pager runbook checklist wiki knowledge owner platform ops infra terraform console cloud cost budget deadline sprint backlog story estimate scope batch size slow fast broken stuck waiting blocked risky scary painful'.split(
    ' ',
  );

export function syntheticKnowledge({ symptoms, antiPatterns, questions, seed = 7 }: { symptoms: number; antiPatterns: number; questions: number; seed?: number }): Knowledge {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const phrase = (length: number) => Array.from({ length }, () => pick(words)).join(' ');
  const antiPatternIds = Array.from({ length: antiPatterns }, (_, i) => `anti-pattern-${i}`);
  const questionIds = Array.from({ length: questions }, (_, i) => `question-${i}`);
  return {
    antiPatterns: antiPatternIds.map((id) => ({
      id,
      title: phrase(3),
      category: 'pipeline',
      risk: pick(['critical', 'high', 'medium', 'low'] as const),
      summary: phrase(10),
      looksLike: phrase(20),
      telltaleSign: phrase(10),
      whyItHurts: phrase(20),
      fix: ['Week 1', 'Weeks 2-3', 'Ongoing'].map((weeks, step) => ({ id: `step-${step}`, weeks, title: phrase(4), actions: [phrase(8), phrase(8)], needs: [] })),
      objections: [{ objection: phrase(6), answer: phrase(12) }],
      metrics: [{ name: phrase(3), direction: 'increase' as const }],
      prerequisites: [],
      retroQuestions: [`${phrase(6)}?`, `${phrase(6)}?`],
      related: [],
      leadsTo: [],
    })),
    questions: questionIds.map((id) => ({
      id,
      text: `${phrase(8)}?`,
      help: phrase(12),
      evidence: {
        yes: [{ antiPattern: pick(antiPatternIds), points: 'toward' as const, strength: pick(['weak', 'moderate', 'strong'] as const) }],
        no: [
          { antiPattern: pick(antiPatternIds), points: 'away' as const, strength: 'moderate' as const },
          { antiPattern: pick(antiPatternIds), points: 'toward' as const, strength: 'weak' as const },
        ],
      },
      replaces: [],
    })),
    symptoms: Array.from({ length: symptoms }, (_, i) => {
      const causes = Array.from(new Set(Array.from({ length: 4 }, () => pick(antiPatternIds))));
      return {
        id: `symptom-${i}`,
        title: phrase(5),
        summary: phrase(12),
        whatYouSee: phrase(30),
        category: 'deployment' as const,
        personas: ['developer' as const],
        tags: [pick(words), pick(words)],
        searchPhrases: Array.from({ length: 5 }, () => phrase(5)),
        causes: causes.map((antiPattern, index) => ({ antiPattern, why: phrase(10), mostCommon: index === 0 })),
        questions: Array.from(new Set(Array.from({ length: 5 }, () => pick(questionIds)))),
        implies: {},
        related: [],
      };
    }),
  };
}
