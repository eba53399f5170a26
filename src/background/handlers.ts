import { browser } from 'wxt/browser';
import {
  backgroundToContent,
  contentToBackground,
  popupToBackground,
  type PageState,
} from '../messaging/protocol';
import { analyzePage } from '../engine/analyze-page';
import { loadCorpus } from './corpus-store';

/**
 * Wires the background's message handlers. Tab states live in memory only:
 * MV3 may stop the worker, and content scripts re-report on the next ping.
 */
export function registerBackgroundHandlers(): void {
  const tabStates = new Map<number, PageState>();

  contentToBackground.onMessage('analyzeText', ({ data }) => {
    const corpus = loadCorpus();
    return analyzePage(corpus, data);
  });

  contentToBackground.onMessage('reportState', ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return;
    tabStates.set(tabId, data);
  });

  popupToBackground.onMessage('getTabState', ({ data }) => tabStates.get(data.tabId) ?? null);

  popupToBackground.onMessage('pingTab', async ({ data }) => {
    try {
      const state = await backgroundToContent.sendMessage('getState', undefined, data.tabId);
      tabStates.set(data.tabId, state);
      return state;
    } catch {
      // No content script in that tab (a browser page, or not yet injected).
      return null;
    }
  });

  browser.tabs.onRemoved.addListener((tabId) => tabStates.delete(tabId));
}
