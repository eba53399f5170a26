import type { OutletCoverage } from '../../engine/types';
import { DateText } from '../DateText';
import { tCount } from '../i18n';
import { ViewerLink } from '../ViewerLink';

export interface CoverageListProps {
  coverage: readonly OutletCoverage[];
  labelledBy: string;
}

/**
 * The corpus articles covering the page's story, best covered first, with how
 * many of the page's claims each corroborates and contradicts. Items carry
 * `data-coverage-article`, `data-corroborates` and `data-conflicts` (a test contract).
 */
export function CoverageList({ coverage, labelledBy }: CoverageListProps) {
  return (
    <ul class="cc-coverage" aria-labelledby={labelledBy}>
      {coverage.map((item) => (
        <li
          key={item.articleId}
          class="cc-coverage__item"
          data-coverage-article={item.articleId}
          data-corroborates={item.corroborates}
          data-conflicts={item.conflicts}
        >
          <span class="cc-outlet__head">
            <span class="cc-outlet__name">{item.outlet}</span>
            <DateText date={item.published} />
          </span>
          <ViewerLink to={{ articleId: item.articleId }}>{item.title}</ViewerLink>
          <span class="cc-coverage__counts">
            <span class="cc-relation" data-relation="corroborates">
              <span aria-hidden="true">✓ </span>
              {tCount(item.corroborates, 'popupCorroboratesOne', 'popupCorroboratesMany')}
            </span>
            <span class="cc-relation" data-relation="conflicts">
              <span aria-hidden="true">✕ </span>
              {tCount(item.conflicts, 'popupConflictsOne', 'popupConflictsMany')}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}
