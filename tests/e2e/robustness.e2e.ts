import { describe, expect, test } from 'vitest';
import { entityMarks, readMarks, useBrowserSuite } from './harness';
import { HOSTILE_ROUTES, registerHostilePages } from './harness/hostile-pages';
import { chromiumSessionOf, waitForFinalState } from './harness/page-health';

// Issue 7, "Robustness of state", end to end with the built extension: corrupt
// stored settings, a corrupt imported corpus, and (Chromium) a service worker
// stopped in the middle of a scan all recover by themselves: defaults come
// back with a notice, the scan is retried, and pages are still marked.

// Where `inExtension` callbacks run (Chromium's service worker, a Firefox
// extension page), the extension API is `chrome` or `browser`.
declare const chrome: typeof browser | undefined;

/** The plain Northern Ledger report: a page the bundled corpus marks. */
const ARTICLE = '/hostile/strict-csp.html';
const PEOPLE = ['james-mattis', 'sergei-shoigu', 'vladimir-putin', 'donald-trump'];
const DEFAULT_SETTINGS = { highlightMode: 'all', tooltipDelay: 300, allowSites: [], denySites: [] };
/** Settings no version of Crosscheck ever wrote. */
const CORRUPT_SETTINGS = { highlightMode: 42, tooltipDelay: 'slow', allowSites: [7, null], denySites: 'x' };

describe.each([{ name: 'chromium' as const }, { name: 'firefox' as const }])(
  'state that went bad recovers by itself in $name',
  ({ name }) => {
    // Pages are closed after each test, before the next one writes to storage: their content scripts watch the settings.
    const suite = useBrowserSuite(name, { prepareServer: registerHostilePages });
    const { track } = suite;

    /** Opens the plain article and checks that it is marked as usual. */
    const expectPagesMarked = async () => {
      const tab = await suite.openPage(`${ARTICLE}?after-repair`);
      expect(await waitForFinalState(tab)).toBe('done');
      const marks = await readMarks(tab);
      for (const person of PEOPLE) expect(entityMarks(marks).map((mark) => mark.entity)).toContain(person);
      expect(marks.marks.some((mark) => mark.kind === 'claim')).toBe(true);
      expect(tab.pageErrors).toEqual([]);
    };

    const storage = {
      set: (items: Record<string, unknown>) =>
        suite.browser.inExtension(async (values: Record<string, unknown>) => {
          const api = typeof browser !== 'undefined' ? browser : chrome!;
          await api.storage.local.set(values);
        }, items),
      get: (key: string) =>
        suite.browser.inExtension(async (name: string) => {
          const api = typeof browser !== 'undefined' ? browser : chrome!;
          const stored = await api.storage.local.get(name);
          return name in stored ? stored[name] : '(absent)';
        }, key),
    };

    // The background loaded the bundled corpus when it started; it must notice the stored one change, load it and reject it.
    test('an imported corpus that no longer parses: the bundled corpus is back, with a notice', async () => {
      await storage.set({ importedCorpus: '{"schema": 1, "articles": [ this is not JSON' });
      const options = track(await suite.browser.openExtensionPage('/options.html', '[data-corpus-source]'));
      await options.waitFor('[data-corpus-notice]');
      const shown = await options.evaluate(() => ({
        notice: document.querySelector('[data-corpus-notice]')?.textContent ?? '',
        source: document.querySelector('[data-corpus-source]')?.getAttribute('data-corpus-source'),
        articles: document.querySelectorAll('[data-corpus-articles] tbody tr').length,
      }));
      expect(shown.notice).toMatch(/could not be read/i);
      expect(shown.source).toBe('bundled');
      expect(shown.articles).toBe(5);
      // The unreadable copy is gone, so the next start does not trip over it again.
      expect(await storage.get('importedCorpus')).toBe('(absent)');
      await expectPagesMarked();
    });

    test('corrupt settings: the options page says they were reset, defaults are back, pages are marked', async () => {
      await storage.set({ settings: CORRUPT_SETTINGS });
      const options = track(
        await suite.browser.openExtensionPage('/options.html', 'input[name="highlight-mode"]'),
      );
      await options.waitFor('[data-settings-repaired]');
      expect(
        await options.evaluate(
          () => document.querySelector<HTMLInputElement>('input[name="highlight-mode"]:checked')?.value,
        ),
      ).toBe('all');
      expect(await storage.get('settings')).toEqual(DEFAULT_SETTINGS);
      await expectPagesMarked();
    });

    test('corrupt settings that a page meets first still reach the options page as a notice', async () => {
      await storage.set({ settings: CORRUPT_SETTINGS });
      // Pages are marked with the defaults straight away...
      await expectPagesMarked();
      // ...and the user still learns that their settings were reset.
      const options = track(
        await suite.browser.openExtensionPage('/options.html', 'input[name="highlight-mode"]'),
      );
      await options.waitFor('[data-settings-repaired]', 5_000);
    });

    /**
     * (Chromium) A DevTools session on a blank tab of its own, and the running states of the
     * extension's service worker as they change: the protocol of any page reaches the profile's
     * service workers, the extension's included.
     */
    const watchWorker = async () => {
      const session = chromiumSessionOf(suite.browser);
      if (!session) throw new Error('Expected a Chromium session.');
      const control = track(await suite.browser.openTab('about:blank'));
      const page = session.context.pages().find((candidate) => candidate === control.base?.page);
      if (!page) throw new Error('No Playwright page for the control tab.');
      const cdp = await session.context.newCDPSession(page);
      const statuses: string[] = [];
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        for (const version of versions) {
          if (version.scriptURL.startsWith(session.extensionOrigin)) statuses.push(version.runningStatus);
        }
      });
      await cdp.send('ServiceWorker.enable');
      return { cdp, statuses };
    };

    // MV3 stops idle or busy service workers; Firefox's MV2 background page is persistent, and no
    // driver can stop it, so this one is Chromium's.
    test.runIf(name === 'chromium')(
      'a service worker stopped in the middle of a scan: the content script retries and marks the page',
      async () => {
        const { cdp, statuses } = await watchWorker();

        // A long page, so that the analysis is still running in the worker when it is stopped.
        const tab = track(await suite.browser.openTab('about:blank'));
        const navigation = tab.goto(suite.server.url(HOSTILE_ROUTES.hundredThousandWords));
        await tab.waitUntil(
          () => document.documentElement.getAttribute('data-crosscheck') === 'checking',
          undefined,
          {
            timeoutMs: 30_000,
            message: 'the content script to start checking',
          },
        );
        // The text map of 100,000 words takes well under this; the analysis takes longer.
        await new Promise((resolve) => setTimeout(resolve, 500));
        const stateAtStop = await tab.evaluate(() =>
          document.documentElement.getAttribute('data-crosscheck'),
        );
        const stoppedAt = statuses.length;
        await cdp.send('ServiceWorker.stopAllWorkers');
        await navigation;

        expect(stateAtStop).toBe('checking');
        expect(await waitForFinalState(tab, 90_000)).toBe('done');
        // The worker went down and came back up (woken by the content script's retry).
        const after = statuses.slice(stoppedAt);
        expect(after).toContain('stopped');
        expect(after.slice(after.indexOf('stopped'))).toContain('running');
        const marks = await readMarks(tab);
        for (const person of PEOPLE) expect(entityMarks(marks).map((mark) => mark.entity)).toContain(person);
        expect(marks.marks.length).toBeGreaterThan(1_000);
        expect(marks.doubled).toBe(0);
        expect(tab.pageErrors).toEqual([]);
        await cdp.detach();
      },
    );

    // A stopped worker that a page wakes loads its corpus and warms its engine: pages that are
    // not articles, most of the web, must leave it asleep. Chromium's, for the same reason as above.
    test.runIf(name === 'chromium')(
      'a page that is not an article leaves a stopped service worker asleep; an article wakes it',
      async () => {
        const { cdp, statuses } = await watchWorker();
        // Stopped, and still stopped a second later: whatever the suite itself last asked of the
        // worker (storage resets, pages closing) has been delivered.
        const quiet = async () => {
          for (let tries = 0; tries < 5; tries++) {
            await cdp.send('ServiceWorker.stopAllWorkers');
            const seen = statuses.length;
            await new Promise((resolve) => setTimeout(resolve, 1_000));
            if (statuses[statuses.length - 1] === 'stopped' && !statuses.slice(seen).includes('starting'))
              return;
          }
          throw new Error(`the worker would not stay stopped: ${statuses.join(', ')}`);
        };
        await quiet();
        const stoppedAt = statuses.length;

        const notArticle = track(await suite.openPage('/not-article.html'));
        expect(await waitForFinalState(notArticle)).toBe('not-article');
        // Time for any message it sent to have started the worker.
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        expect(statuses.slice(stoppedAt)).toEqual([]);

        // The same watch sees an article wake it.
        const article = track(await suite.openPage(`${ARTICLE}?wakes-the-worker`));
        expect(await waitForFinalState(article)).toBe('done');
        expect(statuses.slice(stoppedAt)).toContain('running');
        await cdp.detach();
      },
    );
  },
);
