import type { Verdict } from '../engine/types';
import { VERDICT_ICONS, verdictLabel } from './verdict-labels';

export interface VerdictChipProps {
  verdict: Verdict;
}

/** A claim's verdict as a chip: icon and word as well as colour. `data-verdict` is a test contract. */
export function VerdictChip({ verdict }: VerdictChipProps) {
  return (
    <span class="cc-chip" data-verdict={verdict}>
      <span class="cc-chip__icon" aria-hidden="true">
        {VERDICT_ICONS[verdict]}
      </span>
      <span class="cc-chip__label">{verdictLabel(verdict)}</span>
    </span>
  );
}
