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
  const outlets = (relation: Claim['evidence'][number]['relation']) => [
    ...new Set(evidence.filter((e) => e.relation === relation).map((e) => e.outlet)),
  ];
  const corroborating = outlets('corroborates');
  const contradicting = outlets('conflicts');
  return (
    <>
      <p class="cc-verdict-line">
        <VerdictChip verdict={claim.verdict} />
      </p>
      {/* Who agrees and who disagrees, before the detail scrolls out of sight. */}
      {corroborating.length > 0 && (
        <p class="cc-summary-line" data-summary="corroborates">
          {t('tooltipCorroboratedBy', corroborating.join(', '))}
        </p>
      )}
      {contradicting.length > 0 && (
        <p class="cc-summary-line" data-summary="conflicts">
          {t('tooltipContradictedBy', contradicting.join(', '))}
        </p>
      )}
      {evidence.length > 0 ? (
        <EvidenceList evidence={evidence} />
      ) : (
        <p class="cc-muted">{t('tooltipNoEvidence')}</p>
      )}
    </>
  );
}
