import { beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../../src/engine/diagnose.js';
import type { KnowledgeIndex } from '../../src/engine/knowledge-index.js';
import { sessionSchema } from '../../src/engine/session-schema.js';
import { renderHtmlReport } from '../../src/report/html-report.js';
import { bundledIndex } from '../support/bundled-knowledge.js';
import { fixtureSessions } from '../support/sessions.js';

let index: KnowledgeIndex;
beforeAll(async () => {
  index = await bundledIndex();
});

describe('HTML report (the page itself; html-in-chromium.test.ts opens it in a browser)', () => {
  it('is one self-contained page: inline CSS, print rules, no script and nothing to fetch', () => {
    const html = renderHtmlReport(diagnose(index, fixtureSessions().full!), index);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(html).toMatch(/<style>[\s\S]*@media print[\s\S]*break-inside: avoid[\s\S]*<\/style>/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|\shref=|url\(|@import/i);
  });

  it('escapes the team name in the page title and the heading', () => {
    const session = sessionSchema.parse({ ...fixtureSessions().sample, team: '</title><script>x()</script> & "Co"' });
    const html = renderHtmlReport(diagnose(index, session), index);
    expect(html).toContain('<title>Deployment diagnosis for &lt;/title&gt;&lt;script&gt;x()&lt;/script&gt; &amp; &quot;Co&quot; (2024-03-05)</title>');
    expect(html).not.toContain('<script>');
  });

  it('is byte-identical for the same answers', () => {
    const session = fixtureSessions().full!;
    expect(renderHtmlReport(diagnose(index, session), index)).toBe(renderHtmlReport(diagnose(index, session), index));
  });
});
