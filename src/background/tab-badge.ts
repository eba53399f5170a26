import { browser } from 'wxt/browser';
import type { TabReport } from '../messaging/analysis-wire';

/**
 * The toolbar badge counts the page's conflicting and mixed claims: the
 * claims a reader should look at twice. A count of every claim would be noise
 * on every article; a count of zero shows nothing.
 */
export function badgeCount(report: TabReport | null): number {
  return report?.status === 'done' ? report.flagged : 0;
}

// MV3 Chrome has `action`; Firefox MV2 has `browserAction` with the same badge calls.
function actionApi() {
  return browser.action ?? browser.browserAction;
}

/** Shows the state's count on the tab's badge, or clears it. */
export async function showBadge(tabId: number, report: TabReport | null): Promise<void> {
  const count = badgeCount(report);
  const action = actionApi();
  try {
    await action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
    if (count > 0) await action.setBadgeBackgroundColor({ tabId, color: '#b3261e' });
  } catch {
    // The tab closed while we were updating it.
  }
}
