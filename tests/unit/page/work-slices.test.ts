import { expect, test } from 'vitest';
import { FINISH_WITHIN_MS, SLICE_MS, finishingDeadline } from '../../../src/page/work-slices';

test('a slice whose rest ends within the finishing time runs on to that time', () => {
  // 40 marks in 16 ms: the 10 left take 4 ms more, 20 ms after the slice began.
  expect(finishingDeadline(100, 100 + SLICE_MS, 40, 10)).toBe(100 + FINISH_WITHIN_MS);
});

test('a slice whose rest would run past the finishing time gives the thread back', () => {
  // 40 marks in 16 ms: the 400 left would take 160 ms more.
  expect(finishingDeadline(100, 100 + SLICE_MS, 40, 400)).toBeNull();
  // The same pace, with just too many left: 16 + 0.4 × 48 = 35.2 ms.
  expect(finishingDeadline(0, SLICE_MS, 40, 48)).toBeNull();
  expect(finishingDeadline(0, SLICE_MS, 40, 47)).toBe(FINISH_WITHIN_MS);
});

test('a slice that did nothing has no pace to go by, and gives the thread back', () => {
  expect(finishingDeadline(100, 100 + SLICE_MS, 0, 1)).toBeNull();
});

test('the finishing time stays under the 50 ms of a long task', () => {
  expect(FINISH_WITHIN_MS).toBeLessThan(50);
  expect(FINISH_WITHIN_MS).toBeGreaterThan(SLICE_MS);
});
