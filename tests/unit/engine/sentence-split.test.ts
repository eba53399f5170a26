import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { splitSentences } from '../../../src/engine/sentence-split';

const sentences = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  test.each([
    [
      'ranks and titles',
      'Spokesman Maj. Gen. Igor Petrov said it. Mr. Lee agreed.',
      ['Spokesman Maj. Gen. Igor Petrov said it.', 'Mr. Lee agreed.'],
    ],
    [
      'initialisms mid-sentence',
      'Two senior U.S. officials told a newspaper. It was late.',
      ['Two senior U.S. officials told a newspaper.', 'It was late.'],
    ],
    [
      'abbreviated months with a date',
      'They met in Oslo on Feb. 15, 2017. Talks failed.',
      ['They met in Oslo on Feb. 15, 2017.', 'Talks failed.'],
    ],
    [
      'a quotation spanning two sentences',
      '"We are not ready. But we will talk," the minister said. Then he left.',
      ['"We are not ready. But we will talk," the minister said.', 'Then he left.'],
    ],
    [
      'curly quotes spanning sentences',
      '“It was hard. It is over,” she said. Nobody replied.',
      ['“It was hard. It is over,” she said.', 'Nobody replied.'],
    ],
    [
      'paragraph breaks always end a sentence',
      'No full stop here\nNext paragraph.',
      ['No full stop here', 'Next paragraph.'],
    ],
    [
      'an initialism that ends a sentence',
      'He moved to the U.S. Then he wrote a book.',
      ['He moved to the U.S.', 'Then he wrote a book.'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });

  test('offsets point into the original text, so slices are the sentences', () => {
    const text = '  First one.   Second one.\n\n Third.';
    for (const span of splitSentences(text)) {
      expect(text.slice(span.start, span.end)).toBe(text.slice(span.start, span.end).trim());
    }
    expect(sentences(text)).toEqual(['First one.', 'Second one.', 'Third.']);
  });

  test('never loses or duplicates a non-space character (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const spans = splitSentences(text);
        let previousEnd = 0;
        let kept = '';
        for (const span of spans) {
          expect(span.start).toBeGreaterThanOrEqual(previousEnd);
          expect(span.end).toBeGreaterThan(span.start);
          previousEnd = span.end;
          kept += text.slice(span.start, span.end);
        }
        expect(kept.replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  test('a long text splits as its paragraphs do, each on its own', () => {
    // Paragraphs go to the segmenter in runs of several thousand characters: a run's edges
    // must neither join two paragraphs nor shift offsets.
    const paragraphs = Array.from({ length: 400 }, (_, i) =>
      i % 3 === 0
        ? `“Unclosed quote in paragraph ${i}. It runs on`
        : `Gen. Lee spoke on Feb. ${(i % 27) + 1}. Paragraph ${i} ends in the U.S. Then it stops.`,
    );
    const text = paragraphs.join('\n');
    expect(text.length).toBeGreaterThan(20_000);
    expect(sentences(text)).toEqual(paragraphs.flatMap((p) => sentences(p)));
    // An unclosed quotation holds its paragraph together and stops there; the others have three sentences.
    expect(sentences(text)).toHaveLength(134 + 266 * 3);
  });

  test('splits only inside the range it is given', () => {
    const text = 'Before. Inside one.\nInside two. After.';
    const from = text.indexOf('Inside one');
    const to = text.indexOf(' After');
    expect(splitSentences(text, from, to).map((s) => text.slice(s.start, s.end))).toEqual([
      'Inside one.',
      'Inside two.',
    ]);
  });
});
