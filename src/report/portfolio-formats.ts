import type { KnowledgeIndex } from '../engine/knowledge-index.js';
import type { Portfolio } from '../engine/portfolio-schema.js';
import { confluencePage } from './confluence-page.js';
import { csvDocument } from './csv.js';
import { htmlPage } from './html-page.js';
import { percent } from './markdown-text.js';
import { portfolioTitle, renderPortfolioMarkdown } from './portfolio-markdown.js';

/** One row per team and anti-pattern in any plan: the long format spreadsheets pivot on. */
export function renderPortfolioCsv(portfolio: Portfolio): string {
  const header = ['Team', 'Date', 'Anti-pattern', 'Confidence', 'In team plan', 'Leads team plan', 'Teams with it in plan', 'Fix once by'];
  const rows = portfolio.teams.flatMap((team) =>
    portfolio.antiPatterns.map((antiPattern) => {
      const confidence = team.confidence[antiPattern.id];
      return [
        team.team,
        team.date ?? '',
        antiPattern.title,
        confidence === undefined ? '' : percent(confidence),
        team.plan.includes(antiPattern.id) ? 'yes' : 'no',
        team.leads === antiPattern.id ? 'yes' : 'no',
        String(antiPattern.teams.length),
        antiPattern.owner,
      ];
    }),
  );
  return csvDocument(header, rows);
}

export const portfolioFormats = {
  md: (portfolio: Portfolio, index: KnowledgeIndex) => renderPortfolioMarkdown(portfolio, index),
  html: (portfolio: Portfolio, index: KnowledgeIndex) => htmlPage(portfolioTitle(portfolio), renderPortfolioMarkdown(portfolio, index)),
  confluence: (portfolio: Portfolio, index: KnowledgeIndex) => confluencePage(renderPortfolioMarkdown(portfolio, index)),
  csv: (portfolio: Portfolio) => renderPortfolioCsv(portfolio),
  json: (portfolio: Portfolio) => `${JSON.stringify(portfolio, null, 2)}\n`,
} as const;
export type PortfolioFormat = keyof typeof portfolioFormats;
export const isPortfolioFormat = (name: string): name is PortfolioFormat => Object.hasOwn(portfolioFormats, name);
