import fc from 'fast-check';
import { expect, test } from 'vitest';
import { collapseSpaces, foldText, plainSpaces } from '../../../src/engine/text-fold';

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

test('collapses and plains white space exactly as the plain replaces do, copying only when they change it', () => {
  const spaces = fc.constantFrom(...'ab. ', '  ', '\n', '\t', '\u00a0', '\u2009', '\u3000', '\r\n');
  fc.assert(
    fc.property(fc.array(spaces, { maxLength: 30 }), (parts) => {
      const text = parts.join('');
      expect(collapseSpaces(text)).toBe(text.replace(/\s+/g, ' '));
      expect(plainSpaces(text)).toBe(text.replace(/\s/g, ' '));
    }),
    { numRuns: 2000 },
  );
  expect(collapseSpaces('a\u00a0 b')).toBe('a b');
  expect(plainSpaces('a\u00a0 b')).toBe('a  b');
});
