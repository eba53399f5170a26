import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { asciiForm, matchesOf, WordPattern } from '../../../src/engine/pattern-matches';
import { isPlainText } from '../../../src/engine/text-fold';

/** What matchAll gives, in the fields callers read. */
const viaMatchAll = (pattern: RegExp, text: string) =>
  [...text.matchAll(pattern)].map((m) => ({ index: m.index, groups: [...m] }));
const viaMatchesOf = (pattern: RegExp, text: string) =>
  matchesOf(pattern, text).map((m) => ({ index: m.index, groups: [...m] }));

const PATTERNS = [
  /(?:\p{L}\.){2,}|\p{L}[\p{L}\p{M}]*(?:['’-][\p{L}\p{M}]+)*|\d+(?:,\d{3})*(?:\.\d+)?%?/gu,
  /\b(\d{1,2}) (May|June)\b/g,
  /x*/gu,
  /(?:)/g,
];

describe('matchesOf', () => {
  test('finds what matchAll finds, empty matches and astral characters included', () => {
    const alphabet = fc.constantFrom('a', 'B', 'x', ' ', '.', '’', '-', '1', ',', '😀', 'é', 'May', '12 ');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        for (const pattern of PATTERNS)
          expect(viaMatchesOf(pattern, text)).toEqual(viaMatchAll(pattern, text));
      }),
    );
  });

  test('leaves the pattern ready for the next caller, even one inside the loop', () => {
    const word = /\p{L}+/gu;
    const seen: string[][] = [];
    for (const m of matchesOf(word, 'one two')) seen.push(matchesOf(word, `${m[0]} again`).map((n) => n[0]));
    expect(seen).toEqual([
      ['one', 'again'],
      ['two', 'again'],
    ]);
    expect(word.lastIndex).toBe(0);
  });
});

/** The word patterns the engine compiles twice (tokenizer, name finder, vocabulary). */
const WORD_PATTERNS = [
  /(?:\p{L}\.){2,}|\p{L}[\p{L}\p{M}]*(?:['’-][\p{L}\p{M}]+)*|\d+(?:,\d{3})*(?:\.\d+)?%?/gu,
  /(?:\p{L}\.){2,}|\p{L}[\p{L}\p{M}]*(?:['’-][\p{L}\p{M}]+)*\.?|\d[\d,.]*/gu,
  /\p{L}[\p{L}'’-]*/gu,
];

describe('WordPattern', () => {
  test('its ASCII form finds the same matches as the Unicode form in any plain text', () => {
    // Every character plain text may hold, weighted towards the ones the patterns treat specially.
    const plainChar = fc.oneof(
      fc.constantFrom('a', 'Z', '.', "'", '’', '-', ',', '%', '1', ' ', '\u00a0', '“', '”', '—'),
      fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)),
      fc.integer({ min: 0x2000, max: 0x206f }).map((c) => String.fromCharCode(c)),
    );
    fc.assert(
      fc.property(fc.array(plainChar, { maxLength: 60 }), (chars) => {
        const text = chars.join('');
        expect(isPlainText(text)).toBe(true);
        for (const pattern of WORD_PATTERNS)
          expect(viaMatchesOf(asciiForm(pattern), text)).toEqual(viaMatchAll(pattern, text));
        // The sentence splitter's end-anchored look at the last word.
        const lastWord = /([\p{L}]+)\.$/u;
        expect(new WordPattern(lastWord).exec(`${text}.`)?.[1]).toBe(lastWord.exec(`${text}.`)?.[1]);
      }),
      { numRuns: 500 },
    );
  });

  test('reads text with other letters, marks and astral characters with the Unicode form', () => {
    const text = 'Café Łódź naïve e\u0301te 𝐀bc Ünal’s U.S.A. 1,234.5%';
    for (const pattern of WORD_PATTERNS)
      expect(new WordPattern(pattern).matches(text).map((m) => [m.index, m[0]])).toEqual(
        [...text.matchAll(pattern)].map((m) => [m.index, m[0]]),
      );
    expect(asciiForm(WORD_PATTERNS[2]!).exec('Café')?.[0]).toBe('Caf');
  });

  test('refuses a Unicode property it has no ASCII form for', () => {
    expect(() => asciiForm(/\p{Lu}/gu)).toThrow(/Lu/);
  });
});
