import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { TermTable } from '../../../src/engine/term-set';

const WEIGHTS: Record<string, number> = { troops: 2, border: 1.5, '@putin': 3, said: 0.25, talks: 1 };
const weight = (term: string) => WEIGHTS[term] ?? 0.5;

/** The definition the merge must meet: string sets and a weight per shared term. */
function reference(a: readonly string[], b: readonly string[]) {
  const sa = new Set(a);
  const sb = new Set(b);
  const shared = [...sa].filter((t) => sb.has(t));
  const sum = (terms: Iterable<string>) => [...terms].reduce((total, t) => total + weight(t), 0);
  return { shared: sum(shared), count: shared.length, totalA: sum(sa), totalB: sum(sb) };
}

describe('TermTable', () => {
  test('counts each term once and sums the weights of what two sets share', () => {
    const table = new TermTable(weight);
    const a = table.setOf(['troops', 'border', 'troops', '@putin']);
    const b = table.setOf(['border', '@putin', 'talks']);
    expect(a.ids.length).toBe(3);
    expect(a.total).toBe(6.5);
    expect(table.sharedWeight(a, b)).toBe(4.5);
    expect(TermTable.sharedCount(a, b)).toBe(2);
    expect(table.sharedWeight(a, table.setOf(['said']))).toBe(0);
  });

  test('agrees with string sets on any two term lists', () => {
    const term = fc.constantFrom('troops', 'border', '@putin', 'said', 'talks', 'port', 'fire', 'dock');
    fc.assert(
      fc.property(fc.array(term, { maxLength: 12 }), fc.array(term, { maxLength: 12 }), (a, b) => {
        const table = new TermTable(weight);
        const sa = table.setOf(a);
        const sb = table.setOf(b);
        const expected = reference(a, b);
        expect(table.sharedWeight(sa, sb)).toBeCloseTo(expected.shared, 12);
        expect(TermTable.sharedCount(sa, sb)).toBe(expected.count);
        expect(sa.total).toBeCloseTo(expected.totalA, 12);
        expect(sb.total).toBeCloseTo(expected.totalB, 12);
      }),
      { numRuns: 500 },
    );
  });

  test('past its limit, a new term is counted in its set but matches nothing', () => {
    const table = new TermTable(weight, 2);
    const known = table.setOf(['troops', 'border']);
    const late = table.setOf(['troops', 'fire', 'fire']);
    const again = table.setOf(['fire']);
    expect(late.ids.length).toBe(2);
    expect(late.total).toBe(2.5);
    expect(table.sharedWeight(known, late)).toBe(2);
    // Known terms still meet; the unseen one never does, not even itself in another set.
    expect(table.sharedWeight(late, again)).toBe(0);
  });

  test.each([10, 64, 65, 5000])(
    'agrees with string sets on sets of %i terms met in shuffled order',
    (size) => {
      // Sets are sorted as they fill up to a size and once at the end beyond it; both must give
      // merges that count every shared term.
      fc.assert(
        fc.property(fc.integer(), (seed) => {
          const terms = Array.from({ length: size }, (_, i) => `t${i}`);
          const shuffled = fc.sample(fc.shuffledSubarray(terms, { minLength: size }), {
            seed,
            numRuns: 1,
          })[0]!;
          const table = new TermTable(weight);
          table.setOf(terms);
          const every = table.setOf(shuffled);
          const some = table.setOf(shuffled.filter((_, i) => i % 3 === 0));
          expect(TermTable.sharedCount(every, some)).toBe(Math.ceil(size / 3));
          expect(table.sharedWeight(every, some)).toBeCloseTo(Math.ceil(size / 3) * 0.5, 9);
        }),
        { numRuns: size > 1000 ? 5 : 50 },
      );
    },
  );
});
