import { useId } from 'preact/hooks';
import type { Claim } from '../../engine/types';
import { EvidenceList } from '../EvidenceList';
import { t, tCount } from '../i18n';
import { rankEvidence } from '../outlet-groups';
import { VerdictChip } from '../VerdictChip';

export interface ClaimListProps {
  claims: readonly Claim[];
  /** Called with the claim's index in `claims` (= the page's claim index) to show it on the page. */
  onSelect: (index: number) => void;
}

/**
 * The page's claims in page order, each a button (click or Enter) that
 * scrolls the page to it, with its verdict and its strongest evidence.
 * Items carry `data-claim-index` (a test contract).
 */
export function ClaimList({ claims, onSelect }: ClaimListProps) {
  const hintId = useId();
  return (
    <>
      <p id={hintId} class="cc-visually-hidden">
        {t('popupClaimHint')}
      </p>
      <ol class="cc-claims">
        {claims.map((claim, index) => {
          const [top, ...rest] = rankEvidence(claim.evidence);
          return (
            <li key={`${claim.start}:${claim.end}`} class="cc-claim" data-claim-index={index}>
              <button
                type="button"
                class="cc-claim__button"
                aria-describedby={hintId}
                onClick={() => onSelect(index)}
              >
                <VerdictChip verdict={claim.verdict} />
                <span class="cc-claim__text">{claim.text}</span>
              </button>
              {top && <EvidenceList evidence={[top]} />}
              {rest.length > 0 && (
                <p class="cc-claim__more cc-muted">
                  {tCount(rest.length, 'popupMoreEvidenceOne', 'popupMoreEvidenceMany')}
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
