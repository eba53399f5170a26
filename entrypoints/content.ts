import { startCrosscheck } from '../src/page/content-main';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    startCrosscheck(ctx, document);
  },
});
