import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../../src/engine/diagnose.js';
import type { KnowledgeIndex } from '../../src/engine/knowledge-index.js';
import { sessionSchema, type Session } from '../../src/engine/session-schema.js';
import { confluenceNamespaces } from '../../src/report/confluence-page.js';
import { renderConfluenceReport } from '../../src/report/confluence-report.js';
import { summarize } from '../../src/report/summary.js';
import { bundledIndex } from '../support/bundled-knowledge.js';
import { fixtureSessions } from '../support/sessions.js';

let index: KnowledgeIndex;
let sessions: Record<string, Session>;
beforeAll(async () => {
  index = await bundledIndex();
  sessions = fixtureSessions();
});

const render = (session: Session) => renderConfluenceReport(diagnose(index, session), index);
const parser = new XMLParser({ ignoreAttributes: false, preserveOrder: true, trimValues: false, htmlEntities: true });

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

/** Every element in document order, with its name, attributes and text content. */
function elements(xml: string): { name: string; attributes: Record<string, string>; text: string }[] {
  const out: { name: string; attributes: Record<string, string>; text: string }[] = [];
  const textOf = (nodes: Node[]): string =>
    nodes.map((node) => (typeof node['#text'] === 'string' || typeof node['#text'] === 'number' ? String(node['#text']) : textOf(childrenOf(node)))).join('');
  const childrenOf = (node: Node): Node[] => {
    const name = Object.keys(node).find((key) => key !== ':@' && key !== '#text');
    return name ? (node[name] as Node[]) : [];
  };
  const visit = (nodes: Node[]) => {
    for (const node of nodes) {
      const name = Object.keys(node).find((key) => key !== ':@' && key !== '#text');
      if (!name) continue;
      out.push({ name, attributes: node[':@'] ?? {}, text: textOf(node[name] as Node[]) });
      visit(node[name] as Node[]);
    }
  };
  visit(parser.parse(xml) as Node[]);
  return out;
}

describe('Confluence storage format', () => {
  it('is well-formed XML with one root that declares every namespace prefix it uses', () => {
    for (const session of Object.values(sessions)) {
      const xml = render(session);
      expect(XMLValidator.validate(xml)).toBe(true);
      const all = elements(xml);
      const root = all[0]!;
      expect(root.name).toBe('ac:layout');
      expect(root.attributes['@_xmlns:ac']).toBe(confluenceNamespaces.ac);
      expect(root.attributes['@_xmlns:ri']).toBe(confluenceNamespaces.ri);
      expect(root.attributes['@_xmlns:ac']).toBe('http://atlassian.com/content');
      const prefixes = new Set(
        all.flatMap((element) => [element.name, ...Object.keys(element.attributes).map((name) => name.slice(2))]).flatMap((name) => (/^([a-z]+):/.exec(name)?.[1] ?? []) as string[]),
      );
      prefixes.delete('xmlns');
      for (const prefix of prefixes) expect(root.attributes[`@_xmlns:${prefix}`], `prefix ${prefix}`).toBeDefined();
      expect(xml).not.toMatch(/&nbsp;|<br>|<hr>|<input/);
    }
  });

  it('turns every action into a Confluence task with a unique id, unchecked', () => {
    const diagnosis = diagnose(index, sessions.full!);
    const all = elements(renderConfluenceReport(diagnosis, index));
    const listed = diagnosis.plan.items.flatMap((item) => item.steps).filter((step) => step.duplicateOf === null);
    const actions = [...listed, ...diagnosis.plan.weekOne].flatMap((step) => step.actions);
    const bodies = all.filter((element) => element.name === 'ac:task-body').map((element) => element.text);
    expect(bodies).toEqual(actions);
    const ids = all.filter((element) => element.name === 'ac:task-id').map((element) => element.text);
    expect(new Set(ids).size).toBe(actions.length);
    expect(new Set(all.filter((element) => element.name === 'ac:task-status').map((element) => element.text))).toEqual(new Set(['incomplete']));
  });

  it('shows risk as status macros, in the ranked table and on each plan item, coloured by risk', () => {
    const diagnosis = diagnose(index, sessions.full!);
    const all = elements(renderConfluenceReport(diagnosis, index));
    const statuses = all.filter((element) => element.name === 'ac:structured-macro' && element.attributes['@_ac:name'] === 'status');
    expect(statuses).toHaveLength(diagnosis.ranking.length + diagnosis.plan.items.length);
    const critical = statuses.find((status) => status.text.includes('critical risk'))!;
    expect(critical.text).toBe('Redcritical risk');
    const h3 = all.filter((element) => element.name === 'h3').map((element) => element.text);
    expect(h3).toEqual(diagnosis.plan.items.map((item, position) => `${position + 1}. ${item.title} (${Math.round(item.confidence * 100)}%) ${item.risk === 'medium' ? 'Yellow' : item.risk === 'low' ? 'Green' : 'Red'}${item.risk} risk`));
  });

  it('puts the summary in an info panel right under the title and notes in a note panel', () => {
    const diagnosis = diagnose(index, sessions.full!);
    const all = elements(renderConfluenceReport(diagnosis, index));
    const names = all.map((element) => element.name);
    const info = all[names.indexOf('h1') + 1]!;
    expect(info.attributes['@_ac:name']).toBe('info');
    expect(info.text).toBe(`${summarize(diagnosis)} Start with week 1 of the plan below.`);
    const note = all.find((element) => element.attributes['@_ac:name'] === 'note')!;
    expect(note.text.trim()).toBe(sessions.full!.notes);
    expect(all.filter((element) => /^h[4-6]$/.test(element.name))).toEqual([]);
  });

  it('keeps any team name and notes as text: the XML stays valid and gains no elements', () => {
    // Notes are the last panel; blank lines in them start new paragraphs and line breaks stay, and that is all they may add.
    const shape = (xml: string) => {
      const names = elements(xml).map((element) => element.name);
      const notes = names.lastIndexOf('ac:rich-text-body');
      return { before: names.slice(0, notes + 1), notes: [...new Set(names.slice(notes + 1))] };
    };
    const plain = shape(render(sessions.sample!));
    const unit = fc.constantFrom(...'<>&"\'/=]![CDATA-:; a1\n'.split(''), ']]>', '<![CDATA[', '<ac:task>', '&amp;', '<script>', '&#0;');
    fc.assert(
      fc.property(fc.string({ unit, minLength: 1, maxLength: 40 }), fc.string({ unit, minLength: 1, maxLength: 60 }), (team, notes) => {
        // Blank notes are left out of every report, so they add no panel to compare.
        fc.pre(notes.trim() !== '');
        const parsed = sessionSchema.safeParse({ ...sessions.sample, team: `T${team}`, notes });
        fc.pre(parsed.success);
        const xml = render(parsed.data!);
        expect(XMLValidator.validate(xml)).toBe(true);
        const all = elements(xml);
        const { before, notes: inNotes } = shape(xml);
        expect(before).toEqual(plain.before);
        // A note's own line breaks are kept (br); nothing else may appear.
        for (const name of inNotes) expect(['p', 'br']).toContain(name);
        expect(all.find((element) => element.name === 'h1')!.text).toBe(`Deployment diagnosis for ${`T${team}`.replace(/\s+/g, ' ').trim()} (2024-03-05)`);
      }),
      { numRuns: 80 },
    );
  });
});
