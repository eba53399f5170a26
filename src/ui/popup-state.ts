import type { PageState } from '../messaging/protocol';

/**
 * What the popup's status line says, and its `data-state` (a contract e2e tests
 * read). 'unreachable' means no content script answered (a browser page, the
 * web store, or a tab opened before the extension was installed).
 */
export type PopupDisplayState =
  | 'loading'
  | 'unreachable'
  | 'not-article'
  | 'disabled'
  | 'checking'
  | 'error'
  | 'no-coverage'
  | 'done';

/** The popup's input: still loading, nobody answered, or the tab's state. */
export type PopupInput = 'loading' | PageState | null;

/**
 * Reduces a tab's state to what the popup shows. A finished page with no
 * outlet covering its story and no claim with evidence is "no corpus coverage".
 */
export function popupDisplayState(input: PopupInput): PopupDisplayState {
  if (input === 'loading') return 'loading';
  if (input === null) return 'unreachable';
  if (input.status !== 'done') return input.status;
  const analysis = input.analysis;
  if (!analysis) return 'no-coverage';
  const hasEvidence = analysis.claims.some((claim) => claim.verdict !== 'unverified');
  return analysis.coverage.length === 0 && !hasEvidence ? 'no-coverage' : 'done';
}

/** The `?tabId=N` of `popup.html?tabId=N`, when it names a tab. */
export function tabIdFromQuery(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  const tabId = Number(raw);
  return Number.isSafeInteger(tabId) ? tabId : undefined;
}
