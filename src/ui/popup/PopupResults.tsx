import type { PageAnalysis } from '../../engine/types';
import { t } from '../i18n';
import { namedPeopleAndOrganisations } from '../named-entities';
import { Section } from '../Section';
import { StatementList } from '../StatementList';
import { ClaimList } from './ClaimList';
import { CoverageList } from './CoverageList';
import { EntityList } from './EntityList';
import { VerdictCounts } from './VerdictCounts';

export interface PopupResultsProps {
  analysis: PageAnalysis;
  /** False for a page without corpus coverage: only the names are worth showing. */
  covered: boolean;
  onScrollToClaim: (index: number) => void;
}

/**
 * A checked page's results: counts by verdict and the claims, the names, the
 * outlets covering the story, and what they report that the page leaves out.
 */
export function PopupResults({ analysis, covered, onScrollToClaim }: PopupResultsProps) {
  const named = namedPeopleAndOrganisations(analysis.entities);
  return (
    <>
      {covered && (
        <Section title={t('popupClaimsHeading')}>
          {(id) => (
            <>
              <VerdictCounts claims={analysis.claims} labelledBy={id} />
              {analysis.claims.length > 0 ? (
                <ClaimList claims={analysis.claims} onSelect={onScrollToClaim} />
              ) : (
                <p class="cc-muted">{t('popupNoClaims')}</p>
              )}
            </>
          )}
        </Section>
      )}
      {named.length > 0 && (
        <Section title={t('popupNamesHeading')}>
          {(id) => <EntityList entities={named} labelledBy={id} />}
        </Section>
      )}
      {covered && (
        <Section title={t('popupCoverageHeading')}>
          {(id) =>
            analysis.coverage.length > 0 ? (
              <CoverageList coverage={analysis.coverage} labelledBy={id} />
            ) : (
              <p class="cc-muted">{t('popupNoCoverage')}</p>
            )
          }
        </Section>
      )}
      {covered && analysis.omitted.length > 0 && (
        <Section title={t('popupOmittedHeading')}>
          {() => (
            <>
              <p class="cc-muted">{t('popupOmittedIntro')}</p>
              <StatementList statements={analysis.omitted} />
            </>
          )}
        </Section>
      )}
    </>
  );
}
