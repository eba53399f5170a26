import fc from 'fast-check';
import { expect, test } from 'vitest';
import { foldText } from '../../../src/engine/text-fold';

/** The definition the one-pass fold must match: lower case, runs of non-letters and non-digits as one space, trimmed. */
const reference = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

test('folds case, punctuation and spacing away', () => {
  expect(foldText('  U.S. officials — “said” it…  ')).toBe('u s officials said it');
  expect(foldText('Feb.\u00a015, 2017')).toBe('feb 15 2017');
  expect(foldText('Шойгу, Sergei Shoigu’s')).toBe('шойгу sergei shoigu s');
  expect(foldText('—')).toBe('');
});

test('gives the same key as the Unicode definition for any text', () => {
  const alphabet = fc.constantFrom(
    ...'aZ09 .,;:!?\'"-_/()[]\n\t',
    '\u00a0',
    '—',
    '–',
    '“',
    '”',
    '’',
    '…',
    '\u2009',
    'é',
    'İ',
    'ß',
    'ø',
    'Ω',
    'ш',
    '٣',
    '²',
    '😀',
    '\u0301',
  );
  fc.assert(
    fc.property(fc.array(alphabet, { maxLength: 40 }), (chars) => {
      const text = chars.join('');
      expect(foldText(text)).toBe(reference(text));
    }),
    { numRuns: 2000 },
  );
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (text) => {
      expect(foldText(text)).toBe(reference(text));
    }),
  );
});
