import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../src/engine/analyze-page';
import { buildCorpus } from '../../../src/engine/corpus-build';
import { indexCorpus, type CorpusIndex } from '../../../src/engine/corpus-index';
import { readSources } from '../../../src/cli/corpus-sources';
import { missedKeyLinks, type KeyLinkPage } from './key-links';

// The engine on corpora of other stories than the seeds: a ferry disaster ("Mongella" and
// "Mongela", "sank" and "capsized", 40 and 41 rescued, a disaster of 1996) and a corruption
// sentence ("de la Cruz", "De La Cruz" and "dela Cruz", seven years and eight).
const PAGES = 'tests/fixtures/engine/other-story';

interface Story {
  corpus: string;
  pages: KeyLinkPage[];
  unrelated: string[];
}

const { stories } = JSON.parse(readFileSync(`${PAGES}/expectations.json`, 'utf8')) as { stories: Story[] };
const indexes = new Map<string, CorpusIndex>();

function analyze(corpus: string, file: string, published?: string) {
  let index = indexes.get(corpus);
  if (!index) indexes.set(corpus, (index = indexCorpus(buildCorpus(readSources(corpus).articles))));
  return analyzePage(index, { text: readFileSync(`${PAGES}/${file}`, 'utf8'), published });
}

describe.each(stories)('analyzePage on the corpus in $corpus', (story) => {
  test.each(story.pages)('$file: every key statement is linked to the right outlets', (page) => {
    expect(missedKeyLinks(analyze(story.corpus, page.file, page.published), page).missed).toEqual([]);
  });

  test.each(story.unrelated)('%s, which only shares names, gets at most one false link', (file) => {
    const links = analyze(story.corpus, file).claims.flatMap((c) =>
      c.evidence.filter((e) => e.relation !== 'related'),
    );
    expect(links.length).toBeLessThanOrEqual(1);
  });
});

describe('what reading the other stories fixed', () => {
  const ferry = (published = '2024-09-22') =>
    analyze('tests/fixtures/corpora/lake-ferry', 'ferry-broadcaster.txt', published);
  const court = () => analyze('tests/fixtures/corpora/court-case', 'court-news-site.txt', '2023-03-14');

  test('statements that agree are not set against each other', () => {
    const analysis = ferry();
    const claim = (text: string) => analysis.claims.find((c) => c.text.includes(text))!;
    // "said the ferry was not overloaded" and "denied that the ferry was overloaded" agree; "would
    // investigate whether the ferry was overloaded" asks; the 1996 disaster is not this week's count.
    expect(claim('the ferry was not overloaded').evidence.filter((e) => e.relation === 'conflicts')).toEqual(
      [],
    );
    expect(claim('In 1996').evidence.filter((e) => e.relation === 'conflicts')).toEqual([]);
  });

  test('a day something was made known is not the day it happened', () => {
    // "sentenced … on Monday" against "court documents showed on Tuesday".
    const [first] = court().claims;
    expect(first!.evidence.filter((e) => e.reasonCode === 'weekday-mismatch')).toEqual([]);
  });

  test.each([
    ['the ferry story', () => ferry().entities, /Mongell?a/, 'John Mongella'],
    ['the court story', () => court().entities, /Cruz/, 'Ramon dela Cruz'],
  ])('in %s, the spellings of one person are one known person', (_story, entities, pattern, name) => {
    const people = entities().filter((e) => pattern.test(e.name));
    expect(people).toEqual([expect.objectContaining({ name, kind: 'person', known: true })]);
  });

  test('a dateline city written in capitals shows as it is written elsewhere', () => {
    expect(court().entities.map((e) => e.name)).toContain('Manila');
  });
});
