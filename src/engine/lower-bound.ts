/**
 * The first index in `[0, length)` at which `after(i)` holds, or `length`;
 * `after` must be false and then true along the range (a sorted search).
 */
export function lowerBound(length: number, after: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (after(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
