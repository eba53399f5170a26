/**
 * How long the content script's chunked work may hold the page's main thread.
 * Pure arithmetic on times, so that the rule can be tested without a clock.
 */

/** Longest stretch of work before the page gets the main thread back. */
export const SLICE_MS = 16;
/**
 * Longest task that finishes the work rather than leave a little of it for a
 * task of its own: under the 50 ms at which the browser counts a long task,
 * with room for a garbage collection.
 */
export const FINISH_WITHIN_MS = 35;

/**
 * A slice that has run its {@link SLICE_MS}: the time it may run on to, to
 * finish the work, or null to give the thread back. Giving it back lets the
 * browser lay out and paint the page first, and a short article would then
 * wait a frame (15-20 ms here) for its last few marks. So the slice runs on
 * when the `left` items, at the pace of the `done` ones so far, end within
 * {@link FINISH_WITHIN_MS} of its start.
 */
export function finishingDeadline(
  sliceStart: number,
  now: number,
  done: number,
  left: number,
): number | null {
  if (done === 0) return null;
  const end = now + ((now - sliceStart) / done) * left;
  return end <= sliceStart + FINISH_WITHIN_MS ? sliceStart + FINISH_WITHIN_MS : null;
}
