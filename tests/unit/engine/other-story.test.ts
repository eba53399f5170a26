import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { analyzePage } from '../../../src/engine/analyze-page';
import { buildCorpus } from '../../../src/engine/corpus-build';
import { indexCorpus, type CorpusIndex } from '../../../src/engine/corpus-index';
import { readSources } from '../../../src/cli/corpus-sources';

// The engine on a corpus of another story than the seeds: a ferry disaster, three outlets, with
// "Mongella" and "Mongela", "sank" and "capsized", 40 and 41 rescued, and a disaster of 1996.
const PAGES = 'tests/fixtures/engine/other-story';

interface Expectations {
  corpus: string;
  pages: Array<{
    file: string;
    published: string;
    key: Array<{ claim: string; relation: 'corroborates' | 'conflicts'; outlets: string[] }>;
  }>;
  unrelated: string[];
}

const expectations: Expectations = JSON.parse(readFileSync(`${PAGES}/expectations.json`, 'utf8'));
let index: CorpusIndex;

beforeAll(() => {
  index = indexCorpus(buildCorpus(readSources(expectations.corpus).articles));
});

function analyze(file: string, published?: string) {
  return analyzePage(index, { text: readFileSync(`${PAGES}/${file}`, 'utf8'), published });
}

describe('analyzePage on a corpus of another story', () => {
  test.each(expectations.pages)('$file: every key statement is linked to the right outlets', (page) => {
    const analysis = analyze(page.file, page.published);
    const missed = page.key.flatMap((key) => {
      const claim = analysis.claims.find((c) => c.text.includes(key.claim));
      return key.outlets
        .filter((outlet) => !claim?.evidence.some((e) => e.outlet === outlet && e.relation === key.relation))
        .map((outlet) => `${key.claim} → ${key.relation} ${outlet}`);
    });
    expect(missed).toEqual([]);
  });

  test.each(expectations.pages)('$file: no statement it agrees with is set against it', (page) => {
    const analysis = analyze(page.file, page.published);
    const claim = (text: string) => analysis.claims.find((c) => c.text.includes(text))!;
    // "said the ferry was not overloaded" and "denied that the ferry was overloaded" agree; "would
    // investigate whether the ferry was overloaded" asks; the 1996 disaster is not this week's count.
    expect(claim('the ferry was not overloaded').evidence.filter((e) => e.relation === 'conflicts')).toEqual(
      [],
    );
    expect(claim('In 1996').evidence.filter((e) => e.relation === 'conflicts')).toEqual([]);
  });

  test('the spellings of one official are one person the corpus knows', () => {
    const { entities } = analyze('broadcaster.txt', '2024-09-22');
    const official = entities.filter((e) => /Mongell?a/.test(e.name));
    expect(official).toHaveLength(1);
    expect(official[0]).toMatchObject({ kind: 'person', known: true });
  });

  test.each(expectations.unrelated)('%s, which only shares names, gets at most one false link', (file) => {
    const links = analyze(file).claims.flatMap((c) => c.evidence.filter((e) => e.relation !== 'related'));
    expect(links.length).toBeLessThanOrEqual(1);
  });
});
