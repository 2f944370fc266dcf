import { beforeAll, describe, expect, it } from 'vitest';
import { leadingCauses } from '../../src/engine/build-plan.js';
import { compareDiagnoses, meaningfulChange, resolvedBelow } from '../../src/engine/compare-diagnoses.js';
import { diagnose, type Diagnosis } from '../../src/engine/diagnose.js';
import type { KnowledgeIndex } from '../../src/engine/knowledge-index.js';
import { sessionSchema } from '../../src/engine/session-schema.js';
import { bundledIndex } from '../support/bundled-knowledge.js';

let index: KnowledgeIndex;
beforeAll(async () => {
  index = await bundledIndex();
});

const september = {
  version: 1,
  team: 'Payments',
  date: '2026-09-01',
  symptoms: ['fear-of-deploying', 'infrequent-releases', 'change-management-overhead', 'no-rollback-capability'],
  answers: { 'deploy-automated': 'no', 'pipeline-exists': 'no', 'change-board-approval': 'yes', 'rollback-practiced': 'no' },
};
const later = (answers: Record<string, string>): Diagnosis =>
  diagnose(index, sessionSchema.parse({ ...september, date: '2026-12-01', answers: { ...september.answers, ...answers } }));

describe('compareDiagnoses', () => {
  it('labels every cause by the documented rule: resolved below 25%, improved or worse by 10 points, new when it leads only now', () => {
    const before = diagnose(index, sessionSchema.parse(september));
    const variants: Record<string, string>[] = [{ 'pipeline-exists': 'yes' }, { 'change-board-approval': 'partly' }, { 'rollback-practiced': 'partly' }, { 'deploy-automated': 'partly' }];
    for (const answers of variants) {
      const after = later(answers);
      for (const [from, to] of [
        [before, after],
        [after, before],
      ] as const) {
        const ledBefore = new Set(leadingCauses(from.ranking).map((cause) => cause.id));
        const ledAfter = new Set(leadingCauses(to.ranking).map((cause) => cause.id));
        for (const cause of compareDiagnoses(from, to).causes) {
          const was = cause.before ?? 0;
          const is = cause.after ?? 0;
          const expected = !ledBefore.has(cause.id)
            ? 'new'
            : !ledAfter.has(cause.id) && is < resolvedBelow
              ? 'resolved'
              : is <= was - meaningfulChange + 0.001
                ? 'improved'
                : is >= was + meaningfulChange - 0.001
                  ? 'worse'
                  : 'unchanged';
          expect(cause.change, `${cause.id} ${was} -> ${is}`).toBe(expected);
        }
      }
    }
  });

  it('a pipeline that now exists resolves its cause, and the way back makes it new', () => {
    const before = diagnose(index, sessionSchema.parse(september));
    const after = later({ 'pipeline-exists': 'yes' });
    expect(compareDiagnoses(before, after).causes.find((cause) => cause.id === 'missing-deployment-pipeline')?.change).toBe('resolved');
    expect(compareDiagnoses(after, before).causes.find((cause) => cause.id === 'missing-deployment-pipeline')?.change).toBe('new');
  });

  it('a softer answer improves a cause, and the other way round it gets worse', () => {
    const before = diagnose(index, sessionSchema.parse(september));
    const after = later({ 'deploy-automated': 'partly' });
    expect(compareDiagnoses(before, after).causes.find((cause) => cause.id === 'manual-deployments')?.change).toBe('improved');
    expect(compareDiagnoses(after, before).causes.find((cause) => cause.id === 'manual-deployments')?.change).toBe('worse');
  });

  it('lists good news first: resolved, improved, worse, new, then unchanged', () => {
    const before = diagnose(index, sessionSchema.parse(september));
    const order = ['resolved', 'improved', 'worse', 'new', 'unchanged'];
    const changes = compareDiagnoses(before, later({ 'pipeline-exists': 'yes', 'change-board-approval': 'partly' })).causes.map((cause) => cause.change);
    expect(changes).toEqual([...changes].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    expect(changes[0]).toBe('resolved');
  });
});
