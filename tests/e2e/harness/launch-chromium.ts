import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, extensionArgs } from '../../../scripts/chromium-flags';
import { CHROME_BUILD_DIR, requireBuild } from './build-paths';
import { startEgressTrap } from './egress-trap';
import { DEFAULT_WAIT_MS, type ExtensionBrowser, type ExtensionTab } from './extension-browser';
import { leavingMachine, staysOnMachine, type RecordedRequest } from './request-log';
import { makeProfileDir, removeProfileDir } from './temp-profile';
import { withTimeout } from './with-timeout';

// The extension API inside the service worker. `evaluate` callbacks run there,
// not here; typed like WXT's `browser`, whose promise-based tabs API matches.
declare const chrome: typeof browser;

/** A Chromium session with the Playwright objects exposed for Chromium-only tests. */
export interface ChromiumSession extends ExtensionBrowser<Page> {
  readonly context: BrowserContext;
  readonly extensionId: string;
  /** The extension's background service worker, looked up afresh in case Chromium restarted it. */
  serviceWorker(): Promise<Worker>;
  /** Requests to other hosts that the route guard aborted before they left. */
  readonly blocked: readonly RecordedRequest[];
}

/** Options for `launchChromium`. */
export interface LaunchChromiumOptions {
  /** The unpacked extension to load; the MV3 build by default. */
  extensionDir?: string;
}

/**
 * Launches headless Debian Chromium in a fresh profile with the built
 * extension loaded. Every request of the context is recorded; those headed
 * off loopback are aborted by a route guard, and the rest of the browser's
 * traffic is pointed at the egress trap, so nothing reaches the network.
 */
export async function launchChromium(options: LaunchChromiumOptions = {}): Promise<ChromiumSession> {
  const extensionDir = requireBuild(options.extensionDir ?? CHROME_BUILD_DIR);
  const trap = await startEgressTrap();
  const profileDir = await makeProfileDir('chromium');
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      // Generous: a first start on a loaded 2-core CI machine has taken 18 s.
      timeout: 60_000,
      args: [
        ...CHROMIUM_ARGS,
        // Chromium bypasses proxies for loopback on its own, so only traffic
        // bound elsewhere reaches the trap. Playwright's `proxy` option would
        // add `<-loopback>` and send the fixture server through it too.
        `--proxy-server=http://${trap.hostPort}`,
        ...extensionArgs(extensionDir),
      ],
    });
    return await startSession(context, () => trap.close(), profileDir, trap.attempts);
  } catch (error) {
    await context?.close().catch(() => undefined);
    await trap.close();
    await removeProfileDir(profileDir);
    throw error;
  }
}

async function startSession(
  context: BrowserContext,
  closeTrap: () => Promise<void>,
  profileDir: string,
  egress: ChromiumSession['egress'],
): Promise<ChromiumSession> {
  const requests: RecordedRequest[] = [];
  const blocked: RecordedRequest[] = [];
  context.on('request', (request) => {
    const worker = request.serviceWorker();
    requests.push({
      url: request.url(),
      method: request.method(),
      initiator: worker ? 'service-worker' : (request.frame().page().url() ?? ''),
    });
  });
  await context.route(
    (url) => !staysOnMachine(url.href),
    async (route) => {
      const request = route.request();
      blocked.push({ url: request.url(), method: request.method(), initiator: 'route-guard' });
      await route.abort('blockedbyclient');
    },
  );

  const isOurWorker = (worker: Worker) => worker.url().startsWith('chrome-extension://');
  const firstWorker =
    context.serviceWorkers().find(isOurWorker) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurWorker, timeout: DEFAULT_WAIT_MS }));
  const extensionId = new URL(firstWorker.url()).host;
  const extensionOrigin = `chrome-extension://${extensionId}`;

  const serviceWorker = async (): Promise<Worker> =>
    context.serviceWorkers().find((worker) => worker.url().startsWith(extensionOrigin)) ??
    context.waitForEvent('serviceworker', {
      predicate: (worker) => worker.url().startsWith(extensionOrigin),
      timeout: DEFAULT_WAIT_MS,
    });

  const wrap = (page: Page): ExtensionTab<Page> => ({
    page,
    url: async () => page.url(),
    async tabId() {
      // Without the `tabs` permission tabs.query cannot match by URL, but the
      // active tab of the focused window is the one just brought to the front.
      await page.bringToFront();
      const worker = await serviceWorker();
      const id = await worker.evaluate(
        async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
      );
      if (id === undefined) throw new Error(`Chromium reported no active tab for ${page.url()}.`);
      return id;
    },
    async waitFor(selector, timeoutMs = DEFAULT_WAIT_MS) {
      await page.waitForSelector(selector, { state: 'attached', timeout: timeoutMs });
    },
    attribute: (selector, name) =>
      page
        .locator(selector)
        .first()
        .getAttribute(name, { timeout: 1_000 })
        .catch(() => null),
    text: (selector) =>
      page
        .locator(selector)
        .first()
        .textContent({ timeout: 1_000 })
        .catch(() => null),
    close: () => page.close(),
  });

  let closed = false;
  return {
    name: 'chromium',
    context,
    extensionId,
    extensionOrigin,
    serviceWorker,
    requests,
    blocked,
    egress,
    leaks: () => leavingMachine(requests).map((request) => `${request.initiator} → ${request.url}`),
    async openTab(url) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
      return wrap(page);
    },
    async openPopup(tabId) {
      const page = await context.newPage();
      const query = tabId === undefined ? '' : `?tabId=${tabId}`;
      await page.goto(`${extensionOrigin}/popup.html${query}`, { waitUntil: 'load', timeout: 30_000 });
      const tab = wrap(page);
      await tab.waitFor('main h1');
      return tab;
    },
    async close() {
      if (closed) return;
      closed = true;
      await withTimeout(context.close(), 15_000, 'Closing Chromium').catch(() => undefined);
      await closeTrap();
      await removeProfileDir(profileDir);
    },
  };
}
