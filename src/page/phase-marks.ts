/**
 * Timing marks of a scan's phases, for the benchmark's breakdown only. A
 * performance mark goes into the page's own timeline, where the page's
 * scripts, and the analytics they report to, would read it on every site
 * the reader visits: the release build makes none. A build made with
 * `WXT_PHASE_MARKS=1` (the benchmark makes its own) marks `crosscheck:<phase>`.
 */
const PHASE_MARKS = import.meta.env.WXT_PHASE_MARKS === '1';

export function markPhase(phase: string): void {
  if (PHASE_MARKS) performance.mark(`crosscheck:${phase}`);
}
