import { t, tCount } from '../i18n';
import { popupDisplayState, type PopupDisplayState, type PopupInput } from '../popup-state';
import { ViewerLinkContext } from '../viewer-link-context';
import { PopupResults } from './PopupResults';
import { SiteSwitch, type SiteSwitchProps } from './SiteSwitch';

export interface PopupViewProps {
  /** 'loading' before the first answer, null when no content script answered. */
  state: PopupInput;
  /** True once polling a 'checking' page has given up. */
  stalled: boolean;
  /** The per-site switch, or null when the page has no http(s) host. */
  site: Omit<SiteSwitchProps, 'onChange'> | null;
  /** `popup.html?tabId=N`; null when this view already is that tab. */
  openInTabHref: string | null;
  optionsHref: string;
  onCheckAnyway: () => void;
  onRefresh: () => void;
  onScrollToClaim: (index: number) => void;
  onSiteChange: (enabled: boolean) => void;
}

function statusText(display: PopupDisplayState, input: PopupInput, stalled: boolean): string {
  switch (display) {
    case 'loading':
      return t('popupLoading');
    case 'unreachable':
      return t('popupUnreachable');
    case 'not-article':
      return t('popupNotArticle');
    case 'disabled':
      return t('popupDisabled');
    case 'checking':
      return stalled ? t('popupStalled') : t('popupChecking');
    case 'error': {
      const error = input !== 'loading' && input !== null ? input.error : undefined;
      return error ? t('popupError', error) : t('popupErrorUnknown');
    }
    case 'no-coverage':
      return t('popupNoCoverage');
    case 'done': {
      const claims = input !== 'loading' && input !== null ? (input.analysis?.claims.length ?? 0) : 0;
      return tCount(claims, 'popupDoneOne', 'popupDoneMany');
    }
  }
}

/**
 * The popup's view of one tab: a status line (`[role=status][data-state]`, a
 * test contract), the results once checked, the site switch and links.
 * Presentational: the `Popup` container fetches and passes everything in.
 */
export function PopupView(props: PopupViewProps) {
  const { state, stalled, site } = props;
  const display = popupDisplayState(state);
  const analysis = state !== 'loading' && state !== null ? state.analysis : undefined;
  return (
    <ViewerLinkContext.Provider value={{ target: '_blank' }}>
      <main class="cc-popup">
        <h1 class="cc-popup__title">{t('popupTitle')}</h1>
        <div class="cc-status" role="status" data-state={display}>
          <p>{statusText(display, state, stalled)}</p>
        </div>
        {display === 'not-article' && (
          <button type="button" class="cc-button cc-button--primary" onClick={props.onCheckAnyway}>
            {t('popupCheckAnyway')}
          </button>
        )}
        {display === 'checking' && stalled && (
          <button type="button" class="cc-button" onClick={props.onRefresh}>
            {t('popupRefresh')}
          </button>
        )}
        {analysis && (display === 'done' || display === 'no-coverage') && (
          <PopupResults
            analysis={analysis}
            covered={display === 'done'}
            onScrollToClaim={props.onScrollToClaim}
          />
        )}
        {site && <SiteSwitch {...site} onChange={props.onSiteChange} />}
        <nav class="cc-popup__links" aria-label={t('popupLinksLabel')}>
          {props.openInTabHref && (
            <a href={props.openInTabHref} target="_blank" rel="noopener">
              {t('popupOpenInTab')}
            </a>
          )}
          <a href={props.optionsHref} target="_blank" rel="noopener">
            {t('popupOptions')}
          </a>
        </nav>
      </main>
    </ViewerLinkContext.Provider>
  );
}
