import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeIndex } from '../../src/engine/knowledge-index.js';
import { createSymptomSearch, type SymptomSearch } from '../../src/engine/search-symptoms.js';
import { words } from '../../src/engine/search-text.js';
import type { Symptom } from '../../src/knowledge/schema.js';
import { bundledIndex } from '../support/bundled-knowledge.js';

let index: KnowledgeIndex;
let search: SymptomSearch;
beforeAll(async () => {
  index = await bundledIndex();
  search = createSymptomSearch(index.knowledge);
});

/** What people actually type, and the symptom they mean. */
const phrases: [string, string][] = [
  ['we never deploy on fridays', 'fear-of-deploying'],
  ['nobody deploys on Fridays', 'fear-of-deploying'],
  ['scared to deploy', 'fear-of-deploying'],
  ['it worked in staging', 'staging-passes-production-fails'],
  ['staging is nothing like production', 'staging-passes-production-fails'],
  ['it works on my machine', 'staging-passes-production-fails'],
  ['only one person can deploy', 'release-manager-bottleneck'],
  ['bus factor', 'release-manager-bottleneck'],
  ['waiting for QA', 'waiting-on-qa-team'],
  ['merge freeze', 'merge-freeze'],
  ['databse migration', 'database-migrations-block-deploys'],
  ['the database migration failed', 'database-migrations-block-deploys'],
  ['takes hours to recover', 'slow-recovery'],
  ['recovery takes hours', 'slow-recovery'],
  ['every deploy is different', 'deployment-procedure-varies'],
  ['the new guy broke prod again', 'new-hires-repeat-mistakes'],
  ['same outage as last time', 'same-failure-repeats'],
  ['who to blame', 'blame-after-incidents'],
  ['CAB approval', 'change-management-overhead'],
  ['hotfix every week', 'frequent-hotfixes-and-rollbacks'],
  ['we only release once a quarter', 'infrequent-releases'],
  ['no monitoring', 'services-without-health-checks'],
  ['security review', 'security-review-bottleneck'],
  ['feature flags', 'deploy-release-coupled'],
  ["we don't have a staging environment", 'no-staging-environment'],
  ['deploy takes all night', 'deployments-overrun-window'],
  ['stabilisation sprint', 'hardening-sprints'],
  ['hardning sprints', 'hardening-sprints'],
  ['deploys log everyone out', 'stateful-service-deployment-outages'],
  ['raise a ticket with devops to change the pipeline', 'pipeline-changes-require-another-team'],
  ['sign-off from compliance', 'cross-team-sign-off'],
  ['renamed a field and other services broke', 'api-changes-break-consumers'],
  ['support found out from customers', 'users-surprised-by-changes'],
  ['change advisory board', 'change-management-overhead'],
  ['QA signoff', 'waiting-on-qa-team'],
  // One of no-rollback-capability's own search phrases, word for word.
  ["we can't roll back", 'no-rollback-capability'],
];

describe('searching symptoms the way people talk', () => {
  it.each(phrases)('%j finds %s first', (query, expected) => {
    const results = search(query);
    expect(results[0]?.id, JSON.stringify(results.slice(0, 3))).toBe(expected);
  });

  it("every symptom's own search phrases and title find it first", () => {
    const misses: string[] = [];
    for (const symptom of index.knowledge.symptoms) {
      for (const phrase of [symptom.title, ...symptom.searchPhrases]) {
        const results = search(phrase, 3);
        if (results[0]?.id !== symptom.id) misses.push(`${JSON.stringify(phrase)} -> ${results.map((m) => `${m.id}:${m.score}`).join(', ')} (expected ${symptom.id})`);
      }
    }
    expect(misses).toEqual([]);
  });

  /** Phrases that once found the wrong symptom, until the knowledge gained a phrase for them. */
  const formerGaps: [string, string][] = [
    ['one team deploys daily and another weekly', 'uneven-deployment-across-teams'],
    ['we are on the release train', 'coordinated-deployments'],
    ['the release manager locks main before every release', 'merge-freeze'],
    ['we are not allowed to edit the pipeline ourselves', 'pipeline-changes-require-another-team'],
    ['the status page stays green during outages', 'services-without-health-checks'],
  ];
  it.each(formerGaps)('%j finds %s first', (query, expected) => {
    expect(search(query)[0]?.id).toBe(expected);
  });

  it.each(['', '   ', 'the and of', 'who are we', '?!', 'a i', '-- |'])('%j (nothing meaningful) returns no results', (query) => {
    expect(search(query)).toEqual([]);
  });

  it('results are sorted by score, at most `limit`, with positive scores', () => {
    const results = search('deploy', 5);
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < results.length; i++) expect(results[i - 1]!.score).toBeGreaterThanOrEqual(results[i]!.score);
    for (const result of results) {
      expect(result.score).toBeGreaterThan(0);
      expect(result.title).toBe(index.symptoms.get(result.id)!.title);
    }
  });

  it('is case- and punctuation-insensitive', () => {
    expect(search('NOBODY DEPLOYS ON FRIDAYS!!!')).toEqual(search('nobody deploys on fridays'));
  });

  it('drops function words and one-letter words, and stems the rest', () => {
    expect(words("We can't deploy on Fridays").map((word) => word.stem)).toEqual(['cant', 'deploi', 'fridai']);
  });
});

/** Made-up words from syllables, so synthetic symptoms share a vocabulary but not the real one. */
function syntheticSymptoms(count: number): Symptom[] {
  const syllables = ['ka', 'lo', 'mi', 'ru', 'ze', 'po', 'ti', 'va', 'ne', 'qu', 'sho', 'bri'];
  const word = (n: number) => syllables[n % 12]! + syllables[Math.floor(n / 12) % 12]! + syllables[Math.floor(n / 144) % 12]!;
  const symptoms: Symptom[] = [];
  for (let i = 0; i < count; i++) {
    const words = (offset: number, length: number) => Array.from({ length }, (_, k) => word((i * 7 + offset * 31 + k * 13) % 1200)).join(' ');
    symptoms.push({
      id: `synthetic-${i}`,
      title: words(1, 4),
      summary: words(2, 10),
      whatYouSee: words(3, 10),
      category: 'deployment',
      personas: ['developer'],
      tags: [word(i % 1200)],
      searchPhrases: [words(4, 6), words(5, 6), words(6, 6), words(7, 6)],
      causes: [{ antiPattern: 'manual-deployments', why: 'synthetic', mostCommon: true }],
      questions: ['deploy-automated'],
      implies: {},
      related: [],
    });
  }
  return symptoms;
}

describe('a large knowledge base', () => {
  it('searching 10,000 synthetic symptoms still returns results, and finds a planted phrase first', () => {
    const synthetic = syntheticSymptoms(10_000);
    const planted = synthetic[7777]!;
    planted.searchPhrases = ['the zebra migration stalls at midnight', ...planted.searchPhrases.slice(1)];
    const big = createSymptomSearch({ ...index.knowledge, symptoms: [...synthetic, ...index.knowledge.symptoms] });

    const synthetics = big(synthetic[42]!.searchPhrases[0]!);
    expect(synthetics.length).toBeGreaterThan(0);
    expect(synthetics.length).toBeLessThanOrEqual(10);

    expect(big('zebra migration stalls at midnight')[0]?.id).toBe('synthetic-7777');
    expect(big('nobody deploys on Fridays')[0]?.id).toBe('fear-of-deploying');
    expect(big('')).toEqual([]);
  });
});

describe('the vocabulary, applied to queries and symptoms alike', () => {
  it('finds a symptom by a word it never uses, through the concept both share', () => {
    // No bundled symptom text says "dark launch"; the vocabulary says it means progressive delivery, like "canary".
    const own = index.knowledge.symptoms.flatMap((symptom) => [symptom.title, symptom.summary, symptom.whatYouSee, ...symptom.searchPhrases]).join(' ').toLowerCase();
    expect(own).not.toContain('dark launch');
    const results = search('we would love a dark launch');
    expect(results[0]?.id).toBe('deploy-release-coupled');
    expect(results[0]?.matched).toContain('dark launch');
  });

  it('without the vocabulary the same query finds something else or nothing first', () => {
    const plain = createSymptomSearch({ ...index.knowledge, vocabulary: [] });
    expect(plain('we would love a dark launch')[0]?.id).not.toBe('deploy-release-coupled');
  });

  it('no phrase of the vocabulary shrinks to one everyday word once function words are dropped', () => {
    // "who deployed" read as "deployed" made every deploy in the catalogue mean deploy history; "d-day" made
    // every "day" a big-bang release. A one-word term is fine when it is a deliberate word, not a leftover.
    const symptomWords = index.knowledge.symptoms.map(
      (symptom) => new Set(words([symptom.title, symptom.summary, symptom.whatYouSee, ...symptom.searchPhrases].join('\n')).map((word) => word.stem)),
    );
    const shrunk = (index.knowledge.vocabulary ?? []).flatMap((concept) =>
      concept.terms.flatMap((term) => {
        const kept = words(term);
        const written = term.split(/[^\p{L}\p{N}'’]+/u).filter(Boolean).length;
        if (written < 2 || kept.length !== 1) return [];
        const using = symptomWords.filter((stems) => stems.has(kept[0]!.stem)).length;
        return using > symptomWords.length / 3 ? [`${concept.id}: "${term}" reads as "${kept[0]!.word}", which ${using} symptoms use`] : [];
      }),
    );
    expect(shrunk).toEqual([]);
  });

  it('a phrase of the vocabulary counts once, as what it means, not again word by word', () => {
    // "roll back" means going back to the previous version; a symptom that only happens to use "roll" and
    // "back" separately is not about that, and must not outrank one that says "revert".
    const symptom = (id: string, title: string, phrase: string): Symptom => ({
      ...index.knowledge.symptoms[0]!,
      id,
      title,
      summary: title,
      whatYouSee: title,
      tags: [],
      searchPhrases: [phrase],
    });
    const small = createSymptomSearch({
      ...index.knowledge,
      symptoms: [symptom('reverting-is-slow', 'Reverting takes a day', 'we revert by hand'), symptom('office-move', 'The back office roll out', 'a roll of tape at the back')],
    });
    expect(small('we need to roll back')[0]?.id).toBe('reverting-is-slow');
    expect(small('we need to roll back')[0]?.matched).toContain('roll back');
  });

  it('reads product names as what they are: Kafka and Elasticsearch are stateful systems', () => {
    expect(search('upgrading kafka and elasticsearch', 3).map((match) => match.id)).toContain('stateful-service-deployment-outages');
  });
});

describe('never a dead end', () => {
  it('a query of typos still lists the closest symptoms, marked as weak matches', () => {
    const results = search('mergr freezz');
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]?.id).toBe('merge-freeze');
  });

  it('a query that shares only a stray word with the knowledge is shown as weak', () => {
    const results = search('our espresso machine broke and the office plants need water, also staging');
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((match) => match.weak)).toBe(true);
  });

  it('a confident match is not marked weak', () => {
    expect(search('nobody deploys on fridays')[0]?.weak).toBe(false);
  });

  it('a query naming an anti-pattern lists every symptom that anti-pattern causes, saying so', () => {
    const caused = index.knowledge.symptoms.filter((symptom) => symptom.causes.some((cause) => cause.antiPattern === 'no-progressive-delivery')).map((symptom) => symptom.id);
    expect(caused.length).toBeGreaterThan(2);
    const results = search('we have no canary', 10);
    const named = results.filter((match) => match.causedBy?.id === 'no-progressive-delivery').map((match) => match.id);
    expect(named.sort()).toEqual([...caused].sort());
    expect(results.slice(0, caused.length).map((match) => match.id).sort()).toEqual([...caused].sort());
  });

  it('a vague query names no anti-pattern', () => {
    expect(search('deploy').some((match) => match.causedBy)).toBe(false);
  });
});

describe('why it matched', () => {
  it('gives the query words that matched, where, and the words of the symptom to highlight', () => {
    const [first] = search('Nobody deploys on Fridays');
    expect(first?.id).toBe('fear-of-deploying');
    expect(first?.matched).toEqual(expect.arrayContaining(['deploys', 'fridays']));
    expect(first?.fields).toEqual(expect.arrayContaining(['searchPhrases']));
    expect(first?.highlight).toEqual(expect.arrayContaining(['deploy']));
  });

  it('the word being typed matches as a prefix', () => {
    expect(search('rollb', 3).map((match) => match.id)).toContain('no-rollback-capability');
  });

  it('is deterministic: the same query gives the same results', () => {
    expect(search('we are scared of the release weekend', 10)).toEqual(search('we are scared of the release weekend', 10));
  });
});
