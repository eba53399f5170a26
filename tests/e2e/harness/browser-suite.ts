import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchDriven, type DrivenBrowser, type DrivenTab } from './driven-browser';
import type { BrowserName } from './extension-browser';
import { startFixtureServer, type FixtureServer } from './fixture-server';

/** What a suite in one browser works with; see {@link useBrowserSuite}. */
export interface BrowserSuite {
  /** The fixture server, from the suite's first `beforeAll` on. */
  readonly server: FixtureServer;
  /** The browser with the built extension, from the suite's first `beforeAll` on. */
  readonly browser: DrivenBrowser;
  /** Page errors and console errors of the tabs closed so far, each page error with the server's origin. */
  readonly pageErrors: string[];
  /** Has the tab closed after the current test, its errors kept in `pageErrors`. */
  track(tab: DrivenTab): DrivenTab;
  /** Opens a fixture path (or any URL) in a tab closed after the current test. */
  openPage(url: string): Promise<DrivenTab>;
}

/**
 * The set-up every end-to-end suite needs in each browser: one fixture server
 * and one browser with the extension for the whole suite, and the tabs a test
 * opens closed after it, with their errors kept for the suite to check. Call
 * it inside the suite's `describe`, before its own hooks: it registers hooks,
 * so the server and browser are ready in the suite's `beforeAll`, and its
 * `afterAll` (run after the suite's own) closes them.
 */
export function useBrowserSuite(
  name: BrowserName,
  options: { prepareServer?: (server: FixtureServer) => void } = {},
): BrowserSuite {
  let server: FixtureServer | undefined;
  let browser: DrivenBrowser | undefined;
  let open: DrivenTab[] = [];
  const pageErrors: string[] = [];
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} starts in the suite's beforeAll`);
    return value;
  };
  const suite: BrowserSuite = {
    get server() {
      return ready(server, 'the fixture server');
    },
    get browser() {
      return ready(browser, `${name} with the extension`);
    },
    pageErrors,
    track(tab) {
      open.push(tab);
      return tab;
    },
    async openPage(url) {
      return suite.track(await suite.browser.openTab(url.startsWith('/') ? suite.server.url(url) : url));
    },
  };

  beforeAll(async () => {
    server = await startFixtureServer();
    options.prepareServer?.(server);
    browser = await launchDriven(name);
  });

  afterEach(async () => {
    for (const tab of open) {
      pageErrors.push(...tab.pageErrors.map((error) => `${error} (${suite.server.origin})`));
      pageErrors.push(...tab.consoleErrors.map((message) => `console.error: ${message}`));
      await tab.close().catch(() => undefined);
    }
    open = [];
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  return suite;
}
