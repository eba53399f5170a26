import type { Claim } from '../engine/types';
import { EvidenceList } from './EvidenceList';
import { t } from './i18n';
import { rankEvidence } from './outlet-groups';
import { VerdictChip } from './VerdictChip';

export interface ClaimEvidenceProps {
  claim: Claim;
}

/** A claim's verdict and all its evidence, conflicts first, grouped by outlet. */
export function ClaimEvidence({ claim }: ClaimEvidenceProps) {
  const evidence = rankEvidence(claim.evidence);
  return (
    <>
      <p class="cc-verdict-line">
        <VerdictChip verdict={claim.verdict} />
      </p>
      {evidence.length > 0 ? (
        <EvidenceList evidence={evidence} />
      ) : (
        <p class="cc-muted">{t('tooltipNoEvidence')}</p>
      )}
    </>
  );
}
