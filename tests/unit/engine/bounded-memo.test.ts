import { describe, expect, test } from 'vitest';
import { BoundedMemo } from '../../../src/engine/bounded-memo';

describe('BoundedMemo', () => {
  test('makes each value once, undefined included', () => {
    const made: string[] = [];
    const memo = new BoundedMemo<string, string | undefined>(10);
    const make = (key: string) => {
      made.push(key);
      return key === 'none' ? undefined : key.toUpperCase();
    };
    expect([
      memo.get('a', make),
      memo.get('none', make),
      memo.get('a', make),
      memo.get('none', make),
    ]).toEqual(['A', undefined, 'A', undefined]);
    expect(made).toEqual(['a', 'none']);
  });

  test('starts afresh once full, and makes what it forgot again', () => {
    const made: number[] = [];
    const memo = new BoundedMemo<number, number>(2);
    const square = (n: number) => {
      made.push(n);
      return n * n;
    };
    for (const n of [1, 2, 1, 3, 1, 3]) expect(memo.get(n, square)).toBe(n * n);
    // 1 and 2 fill it; 3 clears them; 1 is made again beside 3, which stays.
    expect(made).toEqual([1, 2, 3, 1]);
  });
});
