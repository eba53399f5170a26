import '../src/page/start-mark';
import { startCrosscheck } from '../src/page/content-main';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // WXT would post "content script started", with the extension's id, to every page's window.
  noScriptStartedPostMessage: true,
  main(ctx) {
    startCrosscheck(ctx, document);
  },
});
