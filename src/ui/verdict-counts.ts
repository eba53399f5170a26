import type { Claim, Verdict } from '../engine/types';

/** Verdicts in the order the views list them: what needs attention first. */
export const VERDICT_ORDER: readonly Verdict[] = ['conflicting', 'mixed', 'corroborated', 'unverified'];

/** How many claims have each verdict; every verdict is present, zero when absent. */
export function countVerdicts(claims: readonly Pick<Claim, 'verdict'>[]): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { conflicting: 0, mixed: 0, corroborated: 0, unverified: 0 };
  for (const claim of claims) counts[claim.verdict] += 1;
  return counts;
}
