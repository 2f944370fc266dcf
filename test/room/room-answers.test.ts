import { beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../../src/engine/diagnose.js';
import type { KnowledgeIndex } from '../../src/engine/knowledge-index.js';
import { parseSession } from '../../src/engine/parse-session.js';
import { formatTally, fullTally, isSplit, roomAnswer, tallyOf } from '../../src/engine/room-answers.js';
import type { Session } from '../../src/engine/session-schema.js';
import { bundledIndex } from '../support/bundled-knowledge.js';

let index: KnowledgeIndex;
beforeAll(async () => {
  index = await bundledIndex();
});

function session(yaml: string): Session {
  const { session: parsed, problems } = parseSession('room.yaml', yaml, index);
  if (!parsed) throw new Error(problems.map((problem) => problem.message).join('\n'));
  return parsed;
}

const confidenceOf = (value: Session, cause: string) => diagnose(index, value).ranking.find((entry) => entry.id === cause)?.confidence ?? 0;
const room = (tally: string) => `version: 2\nroom: { people: 8 }\nsymptoms: [fear-of-deploying]\nanswers:\n  deploy-automated: { tally: ${tally} }\n`;

describe('how a room answer counts', () => {
  it('a unanimous room counts exactly like one person giving that answer', () => {
    expect(roomAnswer(fullTally({ no: 6 }), 'no')).toEqual({ answer: 'no', weight: 1 });
    expect(roomAnswer(fullTally({ partly: 4 }), 'no')).toEqual({ answer: 'partly', weight: 1 });
    expect(roomAnswer(fullTally({ unsure: 3 }), 'no')).toEqual({ answer: 'unsure', weight: 0 });
  });

  it('the margin between the problem side and the healthy side, over everyone asked, is the weight', () => {
    // 5 problem answers against 2 healthy ones and 1 unsure: 3 of 8.
    expect(roomAnswer(fullTally({ no: 5, yes: 2, unsure: 1 }), 'no')).toEqual({ answer: 'no', weight: 3 / 8 });
    // The healthy side can win too.
    expect(roomAnswer(fullTally({ yes: 5, no: 1 }), 'no')).toEqual({ answer: 'yes', weight: 4 / 6 });
    // "partly" is half a problem answer; "unsure" counts among the people asked but neither way.
    expect(roomAnswer(fullTally({ partly: 2, yes: 1, unsure: 1 }), 'no')).toEqual({ answer: 'unsure', weight: 0 });
    expect(roomAnswer(fullTally({ partly: 2, no: 1, unsure: 1 }), 'no')).toEqual({ answer: 'no', weight: 2 / 4 });
  });

  it('an even split moves nothing', () => {
    expect(roomAnswer(fullTally({ yes: 4, no: 4 }), 'no')).toEqual({ answer: 'unsure', weight: 0 });
    expect(roomAnswer(fullTally({}), 'yes')).toEqual({ answer: 'unsure', weight: 0 });
  });

  it('the engine: a split room moves a cause less than a unanimous one, and an even split not at all', () => {
    const unanimous = confidenceOf(session(room('{ no: 8 }')), 'manual-deployments');
    const mostly = confidenceOf(session(room('{ no: 6, yes: 2 }')), 'manual-deployments');
    const split = confidenceOf(session(room('{ no: 5, yes: 3 }')), 'manual-deployments');
    const even = confidenceOf(session(room('{ no: 4, yes: 4 }')), 'manual-deployments');
    const unanswered = confidenceOf(session('version: 1\nsymptoms: [fear-of-deploying]\n'), 'manual-deployments');
    expect(unanimous).toBeGreaterThan(mostly);
    expect(mostly).toBeGreaterThan(split);
    expect(split).toBeGreaterThan(even);
    expect(even).toBeCloseTo(unanswered, 10);
  });

  it('a unanimous room of named respondents gives the same diagnosis as one voice', () => {
    const one = diagnose(index, session('version: 1\nsymptoms: [fear-of-deploying]\nanswers:\n  deploy-automated: no\n  pipeline-exists: partly\n'));
    const many = diagnose(
      index,
      session(
        'version: 2\nrespondents: [{ label: Sam }, { label: Priya }, { label: "3" }]\nsymptoms: [fear-of-deploying]\nanswers:\n' +
          '  deploy-automated: { by: { Sam: no, Priya: no, "3": no } }\n  pipeline-exists: { by: { Sam: partly, Priya: partly, "3": partly } }\n',
      ),
    );
    expect(many.ranking.map((cause) => [cause.id, cause.confidence])).toEqual(one.ranking.map((cause) => [cause.id, cause.confidence]));
  });

  it('the evidence trail shows the weighted change, and the room keeps the tally', () => {
    const value = session(room('{ no: 5, yes: 2, unsure: 1 }'));
    expect(value.answers['deploy-automated']).toBe('no');
    expect(value.responses?.['deploy-automated']?.tally).toEqual({ yes: 2, no: 5, partly: 0, unsure: 1 });
    const cause = diagnose(index, value).ranking.find((entry) => entry.id === 'manual-deployments')!;
    const full = diagnose(index, session(room('{ no: 8 }'))).ranking.find((entry) => entry.id === 'manual-deployments')!;
    const change = (entry: typeof cause) => entry.evidence.find((item) => item.source === 'answer')!.change;
    // The split room (a margin of 3 in 8) moves the cause the same way as the unanimous one, but less.
    expect(change(cause)).toBeGreaterThan(0);
    expect(change(cause)).toBeLessThan(change(full));
  });
});

describe('the disagreement rule', () => {
  it('splits when at least 3 answered and no answer has more than 60%', () => {
    expect(isSplit(fullTally({ yes: 4, no: 4 }))).toBe(true);
    expect(isSplit(fullTally({ yes: 3, no: 2 }))).toBe(true); // 60% is not more than 60%
    expect(isSplit(fullTally({ yes: 5, no: 2, unsure: 1 }))).toBe(false); // 62.5%
    expect(isSplit(fullTally({ yes: 1, no: 1 }))).toBe(false); // two people are a conversation, not a room
    expect(isSplit(fullTally({ yes: 1, no: 1, unsure: 1 }))).toBe(true);
    expect(isSplit(fullTally({ unsure: 6 }))).toBe(false);
  });

  it('the report lists split questions under "Where the team disagrees" with the causes they would move, first among the retro questions', async () => {
    const { renderMarkdownReport } = await import('../../src/report/markdown-report.js');
    const value = session(
      'version: 2\nroom: { people: 8 }\nsymptoms: [fear-of-deploying]\nanswers:\n  deploy-automated: { tally: { no: 7, yes: 1 } }\n  rollback-practiced: { tally: { yes: 3, no: 3, unsure: 2 } }\n',
    );
    const markdown = renderMarkdownReport(diagnose(index, value), index);
    const section = markdown.split('## Where the team disagrees')[1]!.split('\n## ')[0]!;
    expect(section).toContain('8 people took part');
    expect(section).toContain('no answer got more than 60%');
    expect(section).toContain('yes 3 · no 3 · unsure 2');
    expect(section).toContain('No rollback strategy');
    expect(section).not.toContain('without anyone running manual steps'); // 7 of 8 agree
    const retro = markdown.split('## Questions for the retrospective')[1]!.split('\n- ')[1]!;
    expect(retro).toMatch(/^The room split on "Has the team rehearsed a rollback/);
    expect(markdown).toContain('| Can you deploy to production without anyone running manual steps? | no | yes 1 · no 7 |');
  });

  it('tallies read in a fixed order, leaving out answers nobody gave', () => {
    expect(formatTally(tallyOf(['unsure', 'no', 'yes', 'yes', 'no', 'yes', 'yes', 'yes']))).toBe('yes 5 · no 2 · unsure 1');
  });
});
