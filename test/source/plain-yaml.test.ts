import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPlainYaml } from '../../src/source/plain-yaml.js';
import { parseWithLibrary, parseYamlSource, type YamlSource } from '../../src/source/yaml-source.js';

/**
 * The fast reader must never disagree with the YAML library: same data, same positions for every
 * field (and for fields that are missing), and it must step aside for anything the library reads
 * differently or refuses.
 */

const key = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('version', 'team', 'date', 'symptoms', 'answers', 'notes', 'deploy-automated', 'a', 'Key_2', 'yes', 'x1-') },
  { weight: 1, arbitrary: fc.constantFrom('null', 'True', 'FALSE') },
);
/** YAML reads these as null, true or false, not as text. */
const notText = ['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE'];
const word = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('yes', 'no', 'partly', 'unsure', 'Payments', 'merge-freeze', 'a full answers file', 'a  b', 'v1.2', 'one/two', 'e5', 'nan', 'a-') },
  { weight: 1, arbitrary: fc.constantFrom(...notText) },
);
const scalar = fc.oneof(
  word,
  fc.constantFrom('1', '0', '2', '12', '01', '1.0', '0x1F', '-1', '2026-11-21', '2026-1-1', '123456789012345'),
  fc.constantFrom('"Build"', '"a # b"', '""', "'Pay ments'", "''", "'it''s'", '"a\\"b"', '{}', '{ }', '~', '[]', '[ ]'),
  fc.array(fc.constantFrom('merge-freeze', 'fear-of-deploying', '"quoted"', 'a b', '1', ...notText), { maxLength: 4 }).chain((items) =>
    fc.constantFrom(', ', ',', ' , ').map((separator) => `[${items.join(separator)}]`),
  ),
);
const line = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(key, fc.constantFrom(': ', ':  ', ':', ' : '), scalar).map(([k, colon, value]) => `${k}${colon}${value}`) },
  { weight: 2, arbitrary: key.map((k) => `${k}:`) },
  { weight: 1, arbitrary: fc.constantFrom('', '# a comment', '  # indented comment', '   ', '---', '- item', '  - item') },
);
const indent = fc.constantFrom('', '', '', '  ', '  ', '    ', ' ');
/** Anything line by line: mostly refused, which is the point. */
const anyLines = fc
  .array(fc.tuple(indent, line), { maxLength: 12 })
  .chain((lines) => fc.constantFrom('', '\n', '\n\n').map((ending) => lines.map(([spaces, text]) => spaces + text).join('\n') + ending));
/** Well-formed mappings with one nested level, blank and comment lines between: mostly accepted. */
const aside = fc.constantFrom('', '# note', '  # note', '    ');
const entries = (keys: fc.Arbitrary<string[]>, value: fc.Arbitrary<string>) =>
  fc.tuple(keys, fc.array(value, { minLength: 12, maxLength: 12 }), fc.array(aside, { minLength: 12, maxLength: 12 }), fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }));
const uniqueKeys = fc.uniqueArray(key, { minLength: 1, maxLength: 6 });
const nestedBlock = fc
  .tuple(fc.constantFrom(' ', '  ', '    '), entries(uniqueKeys, fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: scalar })))
  .map(([spaces, [keys, values, asides, withAside]]) => keys.map((k, i) => `${withAside[i] ? `${asides[i]}\n` : ''}${spaces}${k}: ${values[i]}`).join('\n'));
const plainDocument = fc
  .tuple(entries(uniqueKeys, fc.oneof({ weight: 3, arbitrary: word }, { weight: 2, arbitrary: scalar }, { weight: 2, arbitrary: nestedBlock.map((block) => `\n${block}`) })), fc.constantFrom('', '\n', '\n\n'))
  .map(([[keys, values, asides, withAside], ending]) =>
    keys.map((k, i) => `${withAside[i] ? `${asides[i]}\n` : ''}${k}:${values[i]!.startsWith('\n') ? '' : ' '}${values[i]}`).join('\n') + ending,
  );

/** Every path into the data, and beside each a key that is not there. */
function pathsOf(data: unknown, prefix: PropertyKey[] = []): PropertyKey[][] {
  const paths: PropertyKey[][] = [prefix, [...prefix, 'missing'], [...prefix, 0]];
  if (Array.isArray(data)) data.forEach((item, position) => paths.push(...pathsOf(item, [...prefix, position])));
  else if (data && typeof data === 'object') for (const [name, value] of Object.entries(data)) paths.push(...pathsOf(value, [...prefix, name]));
  return paths;
}

function positions(source: YamlSource) {
  return pathsOf(source.data).flatMap((path) => [source.locate(path, 'value'), source.locate(path, 'key')]);
}

function expectSameAsLibrary(text: string): boolean {
  const plain = readPlainYaml(text);
  if (!plain) return false;
  const reference = parseWithLibrary('f.yaml', text);
  expect(reference.problems).toEqual([]);
  const fast = parseYamlSource('f.yaml', text).source!;
  expect(fast.data).toStrictEqual(reference.source!.data);
  expect(Object.keys(fast.data as object)).toEqual(Object.keys(reference.source!.data as object));
  expect(positions(fast)).toEqual(positions(reference.source!));
  return true;
}

describe('the fast reader for plain answers files', () => {
  it('reads answers files as written by hand and by the app exactly as the YAML library does', () => {
    const files = [
      'version: 1\nteam: Payments\ndate: 2026-11-21\nsymptoms: [fear-of-deploying, merge-freeze]\nanswers:\n  deploy-automated: no\n  pipeline-exists: partly\nnotes: a full answers file',
      '# saved by deploy-doctor\nversion: 1\nteam: "Build"\nsymptoms: ["merge-freeze"]\nanswers: {}\n',
      'version: 1\nsymptoms: [ merge-freeze ,fear-of-deploying ]\n\nanswers:\n# the first answers\n    a: yes\n\n    b: no\n  # indented comment\nnotes: done\n',
    ];
    for (const text of files) expect(expectSameAsLibrary(text)).toBe(true);
  });

  it('steps aside for what the library reads differently or refuses', () => {
    const others = [
      'version: 1\nversion: 2\n', // a repeated key: the library's message
      'answers:\n  a: yes\n  a: no\n',
      'symptoms:\nanswers:\n', // null values
      'team: true\n',
      'version: 1.0\n',
      'notes: a # comment\n',
      'team: a\n  b\n', // a folded continuation line
      'answers:\n    a: yes\n  b: no\n',
      'version: 1\r\nsymptoms: [a]\r\n',
      'team: Zoë\n',
      '---\nversion: 1\n',
      'symptoms:\n  - a\n',
      'symptoms: [a,]\n',
      '"quoted": key\n',
      `${'k'.repeat(1100)}: yes\n`,
      '',
      '# only a comment\n',
    ];
    for (const text of others) expect(readPlainYaml(text), JSON.stringify(text)).toBeUndefined();
  });

  it('agrees with the library on every document it accepts, and accepts the plain ones', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 3, arbitrary: plainDocument }, { weight: 1, arbitrary: anyLines }), (text) => {
        if (expectSameAsLibrary(text)) accepted++;
      }),
      { numRuns: 3000 },
    );
    // The generator mixes plain files with everything else; a reader that refused them all would be no use.
    expect(accepted).toBeGreaterThan(250);
  });
});
