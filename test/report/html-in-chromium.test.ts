import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { buildPortfolio } from '../../src/engine/portfolio.js';
import { portfolioFormats } from '../../src/report/portfolio-formats.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { marked, type Tokens } from 'marked';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../../src/engine/diagnose.js';
import type { KnowledgeIndex } from '../../src/engine/knowledge-index.js';
import { sessionSchema } from '../../src/engine/session-schema.js';
import { renderHtmlReport } from '../../src/report/html-report.js';
import { renderMarkdownReport } from '../../src/report/markdown-report.js';
import { bundledIndex, repoRoot } from '../support/bundled-knowledge.js';
import { findChromium, launchChromium, runningInCi } from '../support/chromium.js';
import { allTokens, plainText } from '../support/markdown-tokens.js';
import { fixtureSessions } from '../support/sessions.js';

const executable = findChromium();
if (!executable && runningInCi()) {
  throw new Error('Chromium is required in CI for the HTML report test (.ci/run installs Debian\'s chromium); none was found at /usr/bin/chromium or on PATH');
}
if (!executable) {
  console.warn('SKIPPED html-in-chromium: no Chromium found (install Debian\'s "chromium" or set DEPLOY_DOCTOR_CHROMIUM); CI is not set, so this is allowed here');
}

describe.skipIf(!executable)('the HTML report in a real headless Chromium', () => {
  let index: KnowledgeIndex;
  let browser: BrowserContext;
  let closeBrowser: (() => Promise<void>) | undefined;
  let dir: string;
  beforeAll(async () => {
    index = await bundledIndex();
    ({ browser, close: closeBrowser } = await launchChromium(executable!));
    dir = await mkdtemp(join(tmpdir(), 'deploy-doctor-html-'));
  }, 60_000);
  afterAll(async () => {
    await closeBrowser?.();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Opens the report as a person would: a file on disk, in a fresh tab, watching the console and the network. */
  async function open(html: string) {
    const file = join(dir, `report-${Math.random().toString(36).slice(2)}.html`);
    await writeFile(file, html);
    const page = await browser.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return { page, problems, requests, url: pathToFileURL(file).href };
  }

  it('loads with no console errors or requests, and shows every heading and the plan table', async () => {
    const session = fixtureSessions().full!;
    const diagnosis = diagnose(index, session);
    const { page, problems, requests, url } = await open(renderHtmlReport(diagnosis, index));
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    expect(await page.title()).toBe('Deployment diagnosis for Payments (2026-11-21)');

    const expected = allTokens(marked.lexer(renderMarkdownReport(diagnosis, index)))
      .filter((token): token is Tokens.Heading => token.type === 'heading')
      .map((token) => `h${token.depth} ${plainText(token.tokens)}`);
    const shown = await page.$$eval('h1, h2, h3', (elements) => elements.map((element) => `${element.tagName.toLowerCase()} ${element.textContent}`));
    expect(shown).toEqual(expected);
    expect(shown).toContain('h2 Timeline');

    const timeline = page.locator('h2:text-is("Timeline") ~ table').first();
    expect(await timeline.locator('thead th').allTextContents()).toEqual(['When', 'Anti-pattern', 'Step']);
    expect(await timeline.locator('tbody tr td:nth-child(3)').allTextContents()).toEqual(diagnosis.plan.timeline.map((step) => step.title));
    // The checklist shows as unticked boxes.
    expect(await page.locator('input[type=checkbox]').count()).toBeGreaterThan(0);
    expect(await page.locator('input[type=checkbox]:checked').count()).toBe(0);
    await page.close();
  });

  /**
   * Lays the page out at the width of a printed A4 page (210 mm less the 14 mm margins, at 96 px
   * per inch) and reports every table-cell word drawn on more than one line, and every table
   * wider than the page. A word is what lies between spaces; a hyphen ends one too.
   */
  async function printedTables(html: string) {
    const { page, problems } = await open(html);
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 688, height: 1000 });
    const layout = (await page.evaluate(`(() => {
      const split = [];
      const tooWide = [];
      const width = document.querySelector('main').clientWidth;
      for (const table of document.querySelectorAll('table')) {
        if (table.getBoundingClientRect().width > width + 0.5) tooWide.push(Math.round(table.getBoundingClientRect().width));
      }
      for (const cell of document.querySelectorAll('th, td')) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const match of node.textContent.matchAll(/[^\\s-]+-?/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            if (range.getClientRects().length > 1) split.push(match[0]);
          }
        }
      }
      return { split, tooWide, width };
    })()`)) as { split: string[]; tooWide: number[]; width: number };
    expect(problems).toEqual([]);
    return { page, ...layout };
  }

  async function fiveTeams() {
    return Promise.all(
      ['checkout', 'identity', 'mobile', 'payments', 'search'].map(async (name) => {
        const file = join(repoRoot, `test/fixtures/portfolio/${name}.yaml`);
        return { file, session: sessionSchema.parse(parseYaml(await readFile(file, 'utf8'))) };
      }),
    );
  }

  it('printed, table cells wrap between words and every table fits the page', async () => {
    const report = await printedTables(renderHtmlReport(diagnose(index, fixtureSessions().full!), index));
    expect(report.width).toBeGreaterThan(600);
    expect(report.split).toEqual([]);
    expect(report.tooWide).toEqual([]);
    await report.page.close();

    // The matrix of five teams: a column per team, a row per anti-pattern in any of their plans.
    const portfolio = await printedTables(portfolioFormats.html(buildPortfolio(index, await fiveTeams()), index));
    expect(portfolio.split).toEqual([]);
    expect(portfolio.tooWide).toEqual([]);
    await portfolio.page.close();
  });

  it('printed, a URL for a team name wraps at its separators instead of pushing its table off the page', async () => {
    const name = 'https://wiki.example.com/engineering/platform-infrastructure/reliability_and_delivery_team_pages?view=printable';
    const teams = (await fiveTeams()).map((team, position) => (position === 0 ? { ...team, session: { ...team.session, team: name } } : team));
    const { page, split, tooWide } = await printedTables(portfolioFormats.html(buildPortfolio(index, teams), index));
    expect(tooWide).toEqual([]);
    expect(split).toEqual([]);
    // Break opportunities add no characters: the name reads (and copies) as written.
    expect(await page.locator('td', { hasText: 'https://wiki.example.com' }).first().textContent()).toBe(name);
    await page.close();
  });

  it('prints to a multi-page PDF', async () => {
    const { page } = await open(renderHtmlReport(diagnose(index, fixtureSessions().full!), index));
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThan(1);
    await page.close();
  });

  it('shows the portfolio of five teams with its matrix, and prints it', async () => {
    const teams = await Promise.all(
      ['checkout', 'identity', 'mobile', 'payments', 'search'].map(async (name) => {
        const file = join(repoRoot, `test/fixtures/portfolio/${name}.yaml`);
        return { file, session: sessionSchema.parse(parseYaml(await readFile(file, 'utf8'))) };
      }),
    );
    const portfolio = buildPortfolio(index, teams);
    const { page, problems, requests, url } = await open(portfolioFormats.html(portfolio, index));
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    const matrix = page.locator('h2:text-is("Anti-patterns by team") ~ table').first();
    expect((await matrix.locator('thead th').allTextContents()).slice(1)).toEqual(['Checkout', 'Identity', 'Mobile', 'Payments', 'Search']);
    expect(await matrix.locator('tbody tr').count()).toBe(portfolio.antiPatterns.length);
    expect(await matrix.locator('strong', { hasText: 'leads' }).count()).toBe(5);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.close();
  });

  it('shows a hostile team name and notes as text: no script runs, no element is added', async () => {
    const hostile = sessionSchema.parse({
      ...fixtureSessions().sample,
      team: '<img src=x onerror="console.error(1)"><script>console.error(2)</script>',
      notes: '<style>body{display:none}</style>\n<a href="https://evil.example">click</a>\n<iframe src="https://evil.example"></iframe>',
    });
    const { page, problems, requests, url } = await open(renderHtmlReport(diagnose(index, hostile), index));
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    expect(await page.$$eval('script, img, iframe, a, main style', (elements) => elements.length)).toBe(0);
    expect(await page.textContent('h1')).toContain('<script>console.error(2)</script>');
    expect(await page.textContent('blockquote')).toContain('<iframe src="https://evil.example"></iframe>');
    expect(await page.isVisible('h1')).toBe(true);
    await page.close();
  });
});
