import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildCorpus } from '../../../src/engine/corpus-build';
import { parseCorpus, serializeCorpus } from '../../../src/engine/corpus-schema';
import { readSources } from '../../../src/cli/corpus-sources';
import type { Corpus, CorpusStatement } from '../../../src/engine/types';

// A story the engine has never seen, written for this test: three outlets on
// one port fire, with a number, a weekday and a negation in dispute, and one
// outlet on another event that shares the mayor's name.
const DIR = 'tests/fixtures/corpora/harbour-fire';
let corpus: Corpus;

beforeAll(() => {
  corpus = buildCorpus(readSources(DIR).articles);
});

function statement(fragment: string): CorpusStatement {
  const found = corpus.statements.find((s) => s.text.includes(fragment));
  if (!found) throw new Error(`no statement contains "${fragment}"`);
  return found;
}

function relationBetween(a: string, b: string) {
  const sa = statement(a).id;
  const sb = statement(b).id;
  return corpus.relations.find((r) => (r.a === sa && r.b === sb) || (r.a === sb && r.b === sa));
}

describe('buildCorpus on a story it has never seen', () => {
  test('validates against the schema and is deterministic', () => {
    expect(() => parseCorpus(JSON.parse(serializeCorpus(corpus)))).not.toThrow();
    expect(serializeCorpus(buildCorpus(readSources(DIR).articles))).toBe(serializeCorpus(corpus));
  });

  test('merges transliterated and short name forms into one entity', () => {
    const petrov = corpus.entities.filter((e) => e.kind === 'person' && /Petrov/.test(e.name));
    expect(petrov).toHaveLength(1);
    expect(petrov[0]!.aliases).toEqual(expect.arrayContaining(['Alexander Petrov', 'Petrov']));
    const reyes = corpus.entities.filter((e) => /Reyes/.test(e.name));
    expect(reyes.map((e) => e.name)).toEqual(['Jonathan Reyes']);
    expect(reyes[0]!.aliases).toContain('Jon Reyes');
  });

  test.each([
    ['injuring 12 workers', 'Fourteen workers were injured', 'conflicts', 'number-mismatch'],
    ['on Monday, injuring 12', 'started on Tuesday', 'conflicts', 'weekday-mismatch'],
    [
      'the cause of the fire was not arson',
      'Investigators said the cause of the fire was arson',
      'conflicts',
      'negation',
    ],
    ['"We will find out what happened', 'Mayor Alexander Petrov said', 'corroborates', 'quote-match'],
    ['brought under control after six hours', 'needed six hours', 'corroborates', 'paraphrase'],
    ['the cause of the fire was not arson', 'ruled out arson', 'corroborates', 'paraphrase'],
  ])('"%s" / "%s": %s (%s)', (a, b, relation, reason) => {
    expect(relationBetween(a, b)).toMatchObject({ relation, reason });
  });

  test('an article on another event that shares a name is not linked', () => {
    const library = corpus.statements.filter((s) => s.article === 'valley-gazette').map((s) => s.id);
    expect(library.length).toBeGreaterThan(0);
    expect(corpus.relations.filter((r) => library.includes(r.a) || library.includes(r.b))).toEqual([]);
  });

  test('never relates two statements of the same article', () => {
    const articleOf = new Map(corpus.statements.map((s) => [s.id, s.article]));
    for (const r of corpus.relations) expect(articleOf.get(r.a)).not.toBe(articleOf.get(r.b));
  });

  test('drops furniture and keeps exact source offsets', () => {
    const raw = readFileSync(`${DIR}/coastal-times.txt`, 'utf8');
    const texts = corpus.statements.filter((s) => s.article === 'coastal-times').map((s) => s.text);
    expect(texts.join(' ')).not.toMatch(/ADVERTISEMENT|Photo by|Subscribe/);
    for (const s of corpus.statements.filter((x) => x.article === 'coastal-times')) {
      expect(raw.slice(s.start, s.end).replace(/\s+/g, ' ').trim()).toBe(s.text);
    }
  });

  test('resolves weekdays against the publication date and records quotes with their speaker', () => {
    const fire = statement('injuring 12 workers');
    expect(fire.dates).toEqual(['2024-03-04']);
    const quote = statement('"We will find out');
    expect(quote.quotes).toEqual(['We will find out what happened and who is responsible,']);
    expect(quote.speaker).toBe(corpus.entities.find((e) => /Petrov/.test(e.name))!.id);
  });
});

describe('buildCorpus attributing a quotation to the sentence before it', () => {
  test('"She commented: …" is the person who led the sentence before, not the first of its names by id', () => {
    // The person named first acts; alphabetically, the other one came first.
    const corpus = buildCorpus([
      {
        file: 'a.txt',
        outlet: 'Outlet A',
        title: 'A',
        published: '2025-04-07',
        text:
          'Headline A\n\nSenator Zora Vance criticised Governor Anna Berg for the harbour plan on Monday. ' +
          'She commented: “The harbour plan is a disgrace to this city.”',
      },
    ]);
    const quote = corpus.statements.find((s) => s.text.includes('disgrace'))!;
    expect(quote.speaker).toBe(corpus.entities.find((e) => e.name === 'Zora Vance')!.id);
  });
});

describe('buildCorpus merging the names outlets write differently', () => {
  const article = (file: string, text: string) => ({
    file,
    outlet: file,
    title: file,
    published: '2025-04-07',
    text: `Headline of ${file}\n\n${text}`,
  });
  const merged = buildCorpus([
    article(
      'a.txt',
      'The quake was recorded by the United States Geological Survey (USGS) at noon. ' +
        'King Mohammed VI ordered the army to set up field hospitals.',
    ),
    article('b.txt', 'The USGS said the quake struck at noon. King Muhammad VI ordered field hospitals.'),
    article('c.txt', 'The US Geological Survey said aftershocks were likely.'),
  ]);
  const named = (fragment: RegExp) => merged.entities.filter((e) => fragment.test(e.name));

  test('an acronym in brackets after a name stands for it in every article, under the full name', () => {
    expect(named(/Geological|USGS/).map((e) => [e.name, e.kind, [...e.aliases].sort()])).toEqual([
      ['United States Geological Survey', 'organisation', ['US Geological Survey', 'USGS']],
    ]);
  });

  test('a name written with and without its accents is one person, even opening a sentence', () => {
    const corpus = buildCorpus([
      article('d.txt', 'Turkish President Recep Tayyip Erdoğan called for debt relief for poorer nations.'),
      article('e.txt', 'Erdogan urged creditors to offer debt relief to poorer nations.'),
    ]);
    expect(corpus.entities.filter((e) => /Erdo/.test(e.name)).map((e) => [e.name, e.aliases])).toEqual([
      ['Recep Tayyip Erdoğan', ['Erdogan']],
    ]);
  });

  test('a name of one word that is another part of a full name in the same article is that person', () => {
    const corpus = buildCorpus([
      article(
        'f.txt',
        'Chinese President Xi Jinping arrived in Geneva on Monday. Xi said China would pay $5 billion.',
      ),
    ]);
    expect(corpus.entities.filter((e) => /Xi/.test(e.name)).map((e) => [e.name, e.aliases])).toEqual([
      ['Xi Jinping', ['Xi']],
    ]);
  });

  test('a given name spelt with other vowels, beside the same name, is the same person', () => {
    expect(named(/VI$/).map((e) => [e.name, e.aliases])).toEqual([['Mohammed VI', ['Muhammad VI']]]);
  });
});

describe('buildCorpus on the seed articles', () => {
  test('cuts glued-in name cards but keeps the sentence around them', () => {
    const seeds = buildCorpus(readSources('data/seeds').articles);
    const withCut = seeds.statements.filter((s) => s.cuts?.length);
    expect(withCut.length).toBeGreaterThan(0);
    for (const s of withCut) expect(s.text).not.toMatch(/MORE\b/);
  });
});

describe('the bundled corpus', () => {
  test('is what the builder makes of data/seeds today, so the extension ships the engine it tests', () => {
    const fresh = serializeCorpus(buildCorpus(readSources('data/seeds').articles));
    // Rebuild with `npm run corpus -- --in data/seeds --out data/corpus.json` after an engine change.
    expect(readFileSync('data/corpus.json', 'utf8') === fresh).toBe(true);
  });
});
