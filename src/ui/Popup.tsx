import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { popupToBackground, type PageState } from '../messaging/protocol';
import { stateFromWire } from '../messaging/analysis-wire';
import { loadSettings, updateSettings, type Settings } from '../settings/settings';
import { PopupView } from './popup/PopupView';
import { tabIdFromQuery, type PopupInput } from './popup-state';
import { hostOf, withHost, withoutHost } from './site-hosts';

/** How often, and how many times, the popup re-asks a tab that is still checking. */
const POLL_MS = 500;
const MAX_POLLS = 40;
/** Time for the content script to react to a changed site switch before asking again. */
const SETTLE_MS = 250;

async function resolveTabId(search: string): Promise<number | undefined> {
  const fromQuery = tabIdFromQuery(search);
  if (fromQuery !== undefined) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function ping(tabId: number): Promise<PageState | null> {
  try {
    const wire = await popupToBackground.sendMessage('pingTab', { tabId });
    return wire && stateFromWire(wire);
  } catch {
    return null;
  }
}

export interface PopupProps {
  /** The page's query string: `?tabId=N` shows tab N, otherwise the active tab. */
  search: string;
}

/**
 * The toolbar popup (also `popup.html?tabId=N` in a tab): asks the background
 * for the tab's state, polls while it is checking, and wires the view's
 * actions to messages and settings. All rendering is in `PopupView`.
 */
export function Popup({ search }: PopupProps) {
  const [tabId, setTabId] = useState<number | undefined>(undefined);
  const [state, setState] = useState<PopupInput>('loading');
  const [polls, setPolls] = useState(0);
  const [settings, setSettings] = useState<Settings | null>(null);
  // Bumped to ask the tab again shortly, once it has had time to react to a change.
  const [recheck, setRecheck] = useState(0);
  const inTab = tabIdFromQuery(search) !== undefined;

  const refresh = useCallback(async (id: number) => setState(await ping(id)), []);

  useEffect(() => {
    void (async () => {
      const id = await resolveTabId(search).catch(() => undefined);
      setTabId(id);
      if (id === undefined) setState(null);
      else await refresh(id);
    })();
    void loadSettings().then(({ settings: loaded }) => setSettings(loaded));
  }, [search, refresh]);

  const checking = state !== 'loading' && state?.status === 'checking';
  useEffect(() => {
    if (tabId === undefined || !checking || polls >= MAX_POLLS) return;
    const timer = setTimeout(() => {
      setPolls((n) => n + 1);
      void refresh(tabId);
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [tabId, checking, polls, state, refresh]);

  useEffect(() => {
    if (recheck === 0 || tabId === undefined) return;
    const timer = setTimeout(() => void refresh(tabId), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [recheck, tabId, refresh]);

  const host = state !== 'loading' && state !== null ? hostOf(state.url) : null;

  const onCheckAnyway = async () => {
    if (tabId === undefined) return;
    setPolls(0);
    const next = await popupToBackground.sendMessage('checkAnyway', { tabId }).catch(() => null);
    if (next) setState(stateFromWire(next));
    else await refresh(tabId);
  };

  const onSiteChange = async (enabled: boolean) => {
    if (host === null || settings === null) return;
    const denySites = enabled ? withoutHost(settings.denySites, host) : withHost(settings.denySites, host);
    setSettings(await updateSettings({ denySites }));
    setPolls(0);
    setRecheck((n) => n + 1);
  };

  return (
    <PopupView
      state={state}
      stalled={checking && polls >= MAX_POLLS}
      site={
        host !== null && settings !== null
          ? {
              host,
              enabled: !settings.denySites.includes(host),
              globallyOff: settings.highlightMode === 'off',
            }
          : null
      }
      openInTabHref={
        tabId !== undefined && !inTab ? `${browser.runtime.getURL('/popup.html')}?tabId=${tabId}` : null
      }
      optionsHref={browser.runtime.getURL('/options.html')}
      onCheckAnyway={() => void onCheckAnyway()}
      onRefresh={() => {
        setPolls(0);
        if (tabId !== undefined) void refresh(tabId);
      }}
      onScrollToClaim={(index) => {
        if (tabId !== undefined) void popupToBackground.sendMessage('scrollToClaim', { tabId, index });
      }}
      onSiteChange={(enabled) => void onSiteChange(enabled)}
    />
  );
}
