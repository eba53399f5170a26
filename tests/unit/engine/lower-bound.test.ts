import fc from 'fast-check';
import { expect, test } from 'vitest';
import { lowerBound } from '../../../src/engine/lower-bound';

test('finds the first index where a sorted condition turns true, as a scan would', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 20 })), fc.integer({ min: -1, max: 21 }), (values, x) => {
      const sorted = [...values].sort((a, b) => a - b);
      const scan = sorted.findIndex((v) => v >= x);
      expect(lowerBound(sorted.length, (i) => sorted[i]! >= x)).toBe(scan === -1 ? sorted.length : scan);
    }),
  );
});
