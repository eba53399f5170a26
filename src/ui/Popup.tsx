import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { popupToBackground, type PageState } from '../messaging/protocol';
import { t } from './i18n';

async function resolveTabId(search: string): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** The toolbar popup: the state of the active tab, or of `?tabId=N`. */
export function Popup() {
  const [state, setState] = useState<PageState | null | 'loading'>('loading');
  useEffect(() => {
    void (async () => {
      const tabId = await resolveTabId(location.search);
      setState(tabId === undefined ? null : await popupToBackground.sendMessage('pingTab', { tabId }));
    })();
  }, []);
  return (
    <main class="popup">
      <h1>{t('popupTitle')}</h1>
      {state === 'loading' ? (
        <p role="status">{t('popupLoading')}</p>
      ) : state === null ? (
        <p role="status" data-state="unreachable">
          {t('popupUnreachable')}
        </p>
      ) : (
        <p role="status" data-state={state.status}>
          {state.url}
        </p>
      )}
    </main>
  );
}
