import type { Claim } from '../../engine/types';
import { VERDICT_ORDER, countVerdicts } from '../verdict-counts';
import { VerdictChip } from '../VerdictChip';

export interface VerdictCountsProps {
  claims: readonly Claim[];
  /** The id of the heading naming this list. */
  labelledBy: string;
}

/**
 * How many of the page's claims have each verdict, zeros included.
 * Each item carries `data-count-verdict` and `data-count` (a test contract).
 */
export function VerdictCounts({ claims, labelledBy }: VerdictCountsProps) {
  const counts = countVerdicts(claims);
  return (
    <ul class="cc-counts" aria-labelledby={labelledBy}>
      {VERDICT_ORDER.map((verdict) => (
        <li key={verdict} class="cc-count" data-count-verdict={verdict} data-count={counts[verdict]}>
          <strong class="cc-count__n">{counts[verdict]}</strong> <VerdictChip verdict={verdict} />
        </li>
      ))}
    </ul>
  );
}
