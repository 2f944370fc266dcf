import { describe, expect, it } from 'vitest';
import { latestAssessments } from '../../src/engine/latest-assessments.js';
import type { AssessedTeam } from '../../src/engine/portfolio.js';

const assessment = (file: string, team: string | undefined, date?: string): AssessedTeam => ({
  file,
  session: { version: 1, symptoms: ['fear-of-deploying'], answers: {}, ...(team ? { team } : {}), ...(date ? { date } : {}) },
});

describe('one assessment per team in a portfolio', () => {
  it('keeps each team\'s latest and names the earlier ones with what replaced them, whatever the input order', () => {
    const files = [
      assessment('pay-2026-03.yaml', 'Payments', '2026-03-01'),
      assessment('pay-2026-09.yaml', 'payments', '2026-09-14'),
      assessment('pay-2026-06.yaml', 'Payments', '2026-06-10'),
      assessment('search.yaml', 'Search', '2026-06-10'),
    ];
    const forward = latestAssessments(files);
    expect(forward.latest.map((entry) => entry.file).sort()).toEqual(['pay-2026-09.yaml', 'search.yaml']);
    expect(forward.superseded).toEqual([
      { team: 'Payments', file: 'pay-2026-03.yaml', date: '2026-03-01', by: ['pay-2026-09.yaml'], byDate: '2026-09-14' },
      { team: 'Payments', file: 'pay-2026-06.yaml', date: '2026-06-10', by: ['pay-2026-09.yaml'], byDate: '2026-09-14' },
    ]);
    expect(forward.unusable).toEqual([]);
    const backward = latestAssessments([...files].reverse());
    expect(backward.superseded).toEqual(forward.superseded);
    expect(backward.latest.map((entry) => entry.file).sort()).toEqual(['pay-2026-09.yaml', 'search.yaml']);
  });

  it('two files on one team\'s earlier date are bad input, but its latest still counts', () => {
    const result = latestAssessments([
      assessment('a.yaml', 'Ops', '2026-01-01'),
      assessment('b.yaml', 'Ops', '2026-01-01'),
      assessment('c.yaml', 'Ops', '2026-05-01'),
    ]);
    expect(result.latest.map((entry) => entry.file)).toEqual(['c.yaml']);
    expect(result.unusable).toEqual([{ team: 'Ops', files: ['a.yaml', 'b.yaml'], date: '2026-01-01', reason: 'same-date' }]);
    expect(result.superseded).toEqual([]);
  });

  it('a team named by its file name, twice without a date, is bad input as before', () => {
    const result = latestAssessments([assessment('teams/ops.yaml', undefined), assessment('old/ops.yml', undefined), assessment('web.yaml', 'Web')]);
    expect(result.latest.map((entry) => entry.file)).toEqual(['web.yaml']);
    expect(result.unusable).toEqual([{ team: 'ops', files: ['teams/ops.yaml', 'old/ops.yml'], date: null, reason: 'same-date' }]);
  });
});
