import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../../src/engine/diagnose.js';
import { indexKnowledge, type KnowledgeIndex } from '../../src/engine/knowledge-index.js';
import { csvDocument, csvField } from '../../src/report/csv.js';
import { planCsvHeader, renderCsvReport } from '../../src/report/csv-report.js';
import { weeksLabel } from '../../src/report/markdown-report.js';
import { bundledIndex } from '../support/bundled-knowledge.js';
import { fixtureSessions } from '../support/sessions.js';

let index: KnowledgeIndex;
beforeAll(async () => {
  index = await bundledIndex();
});

const strictParse = (text: string) => parse(text, { relax_quotes: false, relax_column_count: false, skip_empty_lines: false }) as string[][];

describe('CSV plan', () => {
  it('round-trips through a CSV parser: a header, then one row per step in calendar order', () => {
    for (const session of Object.values(fixtureSessions())) {
      const diagnosis = diagnose(index, session);
      const csv = renderCsvReport(diagnosis, index);
      const [header, ...rows] = strictParse(csv);
      expect(header).toEqual([...planCsvHeader]);
      expect(rows).toEqual(
        diagnosis.plan.timeline.map((step) => [index.antiPatterns.get(step.antiPattern)!.title, weeksLabel(step), step.title, step.actions.join('\n'), 'no', step.id]),
      );
    }
  });

  it('ends every record with CRLF, as RFC 4180 asks', () => {
    const csv = renderCsvReport(diagnose(index, fixtureSessions().full!), index);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/"[^"]*"/g, '').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('keeps commas, quotes and line breaks from a knowledge pack inside their fields', () => {
    const { knowledge } = index;
    const awkward = indexKnowledge({
      ...knowledge,
      antiPatterns: knowledge.antiPatterns.map((antiPattern) => ({ ...antiPattern, title: `"${antiPattern.title}", really` })),
    });
    const diagnosis = diagnose(awkward, fixtureSessions().full!);
    const rows = strictParse(renderCsvReport(diagnosis, awkward)).slice(1);
    expect(rows.map((row) => row[0])).toEqual(diagnosis.plan.timeline.map((step) => awkward.antiPatterns.get(step.antiPattern)!.title));
    expect(rows.every((row) => row.length === planCsvHeader.length)).toBe(true);
  });

  it('any text survives the round trip, and text a spreadsheet would run as a formula is defused', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', '=', '-', 'é', ';') }), { minLength: 3, maxLength: 3 }), { maxLength: 5 }), (rows) => {
        const parsed = strictParse(csvDocument(['a', 'b', 'c'], rows));
        expect(parsed.slice(1)).toEqual(rows.map((row) => row.map((value) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value))));
      }),
    );
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
  });
});
