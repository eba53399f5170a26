import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { matchesOf } from '../../../src/engine/pattern-matches';

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
