import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../src/engine/analyze-page';
import { indexCorpus } from '../../../src/engine/corpus-index';
import { parseCorpus, serializeCorpus } from '../../../src/engine/corpus-schema';
import { SameTextIndex } from '../../../src/engine/same-text-index';
import { plainStatement } from '../../../src/engine/stored-corpus';
import { foldedTextHash, foldText } from '../../../src/engine/text-fold';

const seedJson = readFileSync('data/corpus.json', 'utf8');

describe('SameTextIndex', () => {
  test('finds every statement that folds to the text, in order, and nothing else', () => {
    const texts = [
      'Talks began on Monday.',
      'The port was closed.',
      'talks  began on monday',
      'Talks began.',
    ];
    const index = new SameTextIndex(texts);
    expect(index.find('TALKS began, on Monday!')).toEqual([0, 2]);
    expect(index.find(' The\u00a0port — was closed')).toEqual([1]);
    expect(index.find('The port was open')).toEqual([]);
  });

  test('hashes a text as it hashes its folded form, without folding plain text first', () => {
    const chars = fc.constantFrom(...'aZ09 .,-’“\u00a0\u2014\n\u00e9\u00c9ß\u0130'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(foldedTextHash(text)).toBe(foldedTextHash(foldText(text)));
      }),
      { numRuns: 2000 },
    );
    expect(foldedTextHash('Talks began')).not.toBe(foldedTextHash('Talks  begun'));
  });

  test('tells apart two texts whose hashes collide', () => {
    // These two fold to texts with the same 32-bit FNV-1a hash: only the text comparison separates them.
    const index = new SameTextIndex(['dock fire 3715', 'harbour port 248490']);
    expect(index.find('dock fire 3715')).toEqual([0]);
    expect(index.find('harbour port 248490')).toEqual([1]);
  });
});

describe('indexCorpus', () => {
  const corpus = parseCorpus(JSON.parse(seedJson));
  const index = indexCorpus(corpus);

  test("gives each statement exactly its relations, in the corpus's order", () => {
    let seen = 0;
    corpus.statements.forEach((s, i) => {
      const expected = corpus.relations.filter((r) => r.a === s.id || r.b === s.id);
      const links = index.relationsOf(i);
      expect(links.map((link) => link.relation)).toEqual(expected);
      expect(links.map((link) => corpus.statements[link.other]!.id)).toEqual(
        expected.map((r) => (r.a === s.id ? r.b : r.a)),
      );
      seen += expected.length;
    });
    // Every relation is found from both of its statements.
    expect(seen).toBe(corpus.relations.length * 2);
    expect(corpus.relations.length).toBeGreaterThan(0);
  });

  test('keeps every statement as the file has it, names and mentions included', () => {
    expect(index.corpus.statements).toHaveLength(corpus.statements.length);
    expect(corpus.statements.some((s) => s.mentions.length > 1)).toBe(true);
    corpus.statements.forEach((s, i) => {
      const stored = index.corpus.statements[i]!;
      expect(stored.mentions).toEqual(s.mentions);
      expect(stored.entities).toEqual(s.entities);
      // What crosses the message channel (a structured clone in Firefox) is the whole statement.
      expect(structuredClone(plainStatement(stored))).toEqual(s);
      expect(JSON.parse(JSON.stringify(stored))).toEqual(s);
    });
    expect(index.corpus.relationCount).toBe(corpus.relations.length);
  });

  test('finds the statements that name an entity', () => {
    for (const entity of corpus.entities) {
      const expected = corpus.statements.flatMap((s, i) => (s.entities.includes(entity.id) ? [i] : []));
      expect(index.corpus.statementsNaming(entity.id)).toEqual(expected);
    }
    expect(corpus.entities.some((e) => index.corpus.statementsNaming(e.id).length > 1)).toBe(true);
    expect(index.corpus.statementsNaming('no-such-entity')).toEqual([]);
  });

  test('keeps the facts of a bounded number of statements, and analyses alike when it had to forget some', () => {
    const forgetful = indexCorpus(corpus, { factsKept: 2 });
    const first = forgetful.factsOf(0);
    expect(forgetful.factsOf(0)).toBe(first);
    forgetful.factsOf(1);
    forgetful.factsOf(2);
    // Past two statements the cache started afresh: the facts are derived again, the same.
    const again = forgetful.factsOf(0);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    const page = { text: readFileSync('tests/fixtures/engine/pages/northern-ledger.txt', 'utf8') };
    const analysis = analyzePage(forgetful, page);
    expect(analysis.claims.some((c) => c.verdict !== 'unverified')).toBe(true);
    expect(analysis).toEqual(analyzePage(index, page));
  });

  test('recognises a corpus statement by its text, whatever its case and punctuation', () => {
    const s = corpus.statements.find((x) => x.checkworthy)!;
    const found = index.sameText.find(foldText(s.text.toUpperCase()));
    expect(found.map((i) => corpus.statements[i]!.id)).toContain(s.id);
  });
});

test('parseCorpus keeps every value of the file while sharing repeated strings', () => {
  expect(serializeCorpus(parseCorpus(JSON.parse(seedJson)))).toBe(seedJson);
});
