import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { marked, type Tokens } from 'marked';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeIndex } from '../../src/engine/knowledge-index.js';
import { buildPortfolio } from '../../src/engine/portfolio.js';
import { sessionSchema } from '../../src/engine/session-schema.js';
import { teamsAsColumnsUpTo } from '../../src/report/portfolio-markdown.js';
import { portfolioFormats } from '../../src/report/portfolio-formats.js';
import { bundledIndex, repoRoot } from '../support/bundled-knowledge.js';
import { plainText } from '../support/markdown-tokens.js';

let index: KnowledgeIndex;
beforeAll(async () => {
  index = await bundledIndex();
});

/** `count` teams, cycling through the five fixture teams under new names. */
async function teams(count: number) {
  const names = ['checkout', 'identity', 'mobile', 'payments', 'search'];
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const file = join(repoRoot, `test/fixtures/portfolio/${names[i % names.length]}.yaml`);
      const session = sessionSchema.parse(parseYaml(await readFile(file, 'utf8')));
      return { file: `team-${i}.yaml`, session: { ...session, team: `Team ${String(i + 1).padStart(2, '0')}` } };
    }),
  );
}

function matrixOf(markdown: string): Tokens.Table {
  const tokens = marked.lexer(markdown);
  const heading = tokens.findIndex((token) => token.type === 'heading' && token.text === 'Anti-patterns by team');
  return tokens.slice(heading).find((token): token is Tokens.Table => token.type === 'table')!;
}

describe('the matrix of teams by anti-pattern', () => {
  it('puts a few teams across the page, one row per anti-pattern', async () => {
    const portfolio = buildPortfolio(index, await teams(teamsAsColumnsUpTo));
    const matrix = matrixOf(portfolioFormats.md(portfolio, index));
    expect(matrix.header.map((cell) => plainText(cell.tokens))).toEqual(['Anti-pattern', ...portfolio.teams.map((team) => team.team)]);
    expect(matrix.rows.map((row) => plainText(row[0]!.tokens))).toEqual(portfolio.antiPatterns.map((antiPattern) => antiPattern.title));
  });

  it('lists many teams down the page, one column per anti-pattern', async () => {
    const portfolio = buildPortfolio(index, await teams(teamsAsColumnsUpTo + 1));
    const matrix = matrixOf(portfolioFormats.md(portfolio, index));
    expect(matrix.header.map((cell) => plainText(cell.tokens))).toEqual(['Team', ...portfolio.antiPatterns.map((antiPattern) => antiPattern.title)]);
    expect(matrix.rows.map((row) => plainText(row[0]!.tokens))).toEqual(portfolio.teams.map((team) => team.team));
  });
});
