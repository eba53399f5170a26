import puppeteer, { TimeoutError, type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_BUILD_DIR, GECKO_ID, requireBuild } from './build-paths';
import { startEgressTrap, type EgressTrap } from './egress-trap';
import { DEFAULT_WAIT_MS, type ExtensionBrowser, type ExtensionTab } from './extension-browser';
import { leavingMachine, type RecordedRequest } from './request-log';
import { makeProfileDir, removeProfileDir } from './temp-profile';
import { withTimeout } from './with-timeout';

/** Debian's Firefox ESR, which CI installs with apt. */
export const FIREFOX_PATH = '/usr/bin/firefox-esr';

/**
 * The moz-extension:// host pinned for our gecko id, so tests can open
 * extension pages by URL. Firefox otherwise picks a random one per profile.
 */
export const FIREFOX_EXTENSION_UUID = '5d2c7a1e-3f4b-4c8d-9e6a-0b1c2d3e4f50';

/** A Firefox session with the Puppeteer objects exposed for Firefox-only tests. */
export interface FirefoxSession extends ExtensionBrowser<Page> {
  readonly browser: Browser;
}

/** Options for `launchFirefox`. */
export interface LaunchFirefoxOptions {
  /** The unpacked extension to install; the MV2 build by default. */
  extensionDir?: string;
}

/**
 * Preferences that keep Firefox off the network: no updates, telemetry,
 * safe-browsing lists, captive-portal or connectivity probes, and a proxy to
 * the egress trap for anything else that is not loopback. Puppeteer's own
 * defaults cover much of this already; these are the ones it leaves on.
 */
function quietPrefs(trap: EgressTrap): Record<string, unknown> {
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
    'extensions.update.enabled': false,
    'extensions.update.autoUpdateDefault': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'app.update.enabled': false,
    'app.update.auto': false,
    'app.normandy.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.downloads.remote.enabled': false,
    'browser.safebrowsing.blockedURIs.enabled': false,
    'browser.safebrowsing.provider.google4.updateURL': '',
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'datareporting.healthreport.uploadEnabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.archive.enabled': false,
    'toolkit.telemetry.server': '',
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'network.dns.disableIPv6': true,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.predictor.enabled': false,
    'network.http.speculative-parallel-limit': 0,
    'browser.newtabpage.activity-stream.feeds.section.topstories': false,
    'browser.newtabpage.activity-stream.telemetry': false,
    'browser.ping-centre.telemetry': false,
    'browser.region.update.enabled': false,
    'browser.search.geoip.url': '',
    'geo.enabled': false,
    'media.gmp-gmpopenh264.enabled': false,
    'messaging-system.rsexperimentloader.enabled': false,
    // Remote Settings honours this dummy only when MOZ_DISABLE_NONLOCAL_CONNECTIONS
    // is set (see the launch env), and then skips its polling altogether.
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': trap.port,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': trap.port,
    'network.proxy.share_proxy_settings': false,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': false,
  };
}

/**
 * Launches headless Firefox ESR over WebDriver BiDi in a fresh profile and
 * installs the built extension as a temporary add-on under the pinned UUID.
 */
export async function launchFirefox(options: LaunchFirefoxOptions = {}): Promise<FirefoxSession> {
  const extensionDir = requireBuild(options.extensionDir ?? FIREFOX_BUILD_DIR);
  const trap = await startEgressTrap();
  const profileDir = await makeProfileDir('firefox');
  let firefox: Browser | undefined;
  try {
    firefox = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      protocol: 'webDriverBiDi',
      userDataDir: profileDir,
      // Generous: a first start on a loaded 2-core CI machine has taken 18 s.
      timeout: 60_000,
      extraPrefsFirefox: quietPrefs(trap),
      env: {
        ...process.env,
        // Lets the driver script moz-extension:// pages.
        MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1',
        // Firefox's test-harness switch: refuses non-loopback sockets outright.
        MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1',
      },
    });
    const installedId = await firefox.installExtension(extensionDir);
    if (installedId !== GECKO_ID) {
      throw new Error(`Firefox installed the extension as ${installedId}, expected ${GECKO_ID}.`);
    }
    return startSession(firefox, trap, profileDir);
  } catch (error) {
    await closeBrowser(firefox);
    await trap.close();
    await removeProfileDir(profileDir);
    throw error;
  }
}

async function closeBrowser(firefox: Browser | undefined): Promise<void> {
  if (!firefox) return;
  try {
    await withTimeout(firefox.close(), 15_000, 'Closing Firefox');
  } catch {
    firefox.process()?.kill('SIGKILL');
  }
}

function startSession(firefox: Browser, trap: EgressTrap, profileDir: string): FirefoxSession {
  const extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  const requests: RecordedRequest[] = [];
  const watched = new WeakSet<Page>();
  const watch = (page: Page) => {
    if (watched.has(page)) return;
    watched.add(page);
    page.on('request', (request) => {
      requests.push({ url: request.url(), method: request.method(), initiator: page.url() });
    });
  };
  // Pages opened by the extension or by a page are watched too, from the moment they appear.
  firefox.on('targetcreated', (target) => {
    void target
      .page()
      .then((page) => page && watch(page))
      .catch(() => undefined);
  });

  let probe: Page | undefined;
  /** An extension page kept open to call extension APIs from; the background page is not scriptable over BiDi. */
  const extensionProbe = async (): Promise<Page> => {
    if (probe && !probe.isClosed()) return probe;
    const page = await firefox.newPage();
    watch(page);
    openExtensionPage(page, `${extensionOrigin}/popup.html`);
    await waitForSelector(page, 'main h1', DEFAULT_WAIT_MS);
    probe = page;
    return page;
  };

  const wrap = (page: Page): ExtensionTab<Page> => ({
    page,
    // Puppeteer reports moz-extension:// pages as about:blank; the page itself knows better.
    url: () => page.evaluate(() => location.href),
    async tabId() {
      // Without the `tabs` permission Firefox hides tab URLs and titles from
      // tabs.query, but the active tab is the one just brought to the front.
      const probePage = await extensionProbe();
      await page.bringToFront();
      const id = await probePage.evaluate(
        async () => (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
      );
      if (id === undefined) throw new Error(`Firefox reported no active tab for ${page.url()}.`);
      return id;
    },
    waitFor: (selector, timeoutMs = DEFAULT_WAIT_MS) => waitForSelector(page, selector, timeoutMs),
    attribute: (selector, name) =>
      page
        .$eval(selector, (element, attributeName) => element.getAttribute(attributeName), name)
        .catch(() => null),
    text: (selector) => page.$eval(selector, (element) => element.textContent).catch(() => null),
    close: () => page.close(),
  });

  let closed = false;
  return {
    name: 'firefox',
    browser: firefox,
    extensionOrigin,
    requests,
    egress: trap.attempts,
    // MOZ_DISABLE_NONLOCAL_CONNECTIONS and the prefs silence Firefox's own
    // chatter, so whatever reached the trap came from a page or the extension.
    leaks: () => [
      ...leavingMachine(requests).map((request) => `${request.initiator} → ${request.url}`),
      ...trap.attempts.map((attempt) => `egress trap → ${attempt.method} ${attempt.target}`),
    ],
    async openTab(url) {
      const page = await firefox.newPage();
      watch(page);
      await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
      return wrap(page);
    },
    async openPopup(tabId) {
      const page = await firefox.newPage();
      watch(page);
      const query = tabId === undefined ? '' : `?tabId=${tabId}`;
      openExtensionPage(page, `${extensionOrigin}/popup.html${query}`);
      const tab = wrap(page);
      await tab.waitFor('main h1');
      return tab;
    },
    async close() {
      if (closed) return;
      closed = true;
      await closeBrowser(firefox);
      await trap.close();
      await removeProfileDir(profileDir);
    },
  };
}

/**
 * Starts navigating `page` to a moz-extension:// URL without awaiting it: the
 * switch into the extension process detaches the frame the navigation was
 * tracking, so the promise rejects even though the page loads. Callers wait
 * for a selector instead.
 */
function openExtensionPage(page: Page, url: string): void {
  page.goto(url).catch(() => undefined);
}

/**
 * Waits for `selector` like Puppeteer's waitForSelector, but outlasts the
 * protocol errors Firefox raises while a tab switches process (about:blank →
 * moz-extension://): the evaluation realm disappears under the wait.
 */
async function waitForSelector(page: Page, selector: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await page.waitForSelector(selector, { timeout: Math.max(deadline - Date.now(), 1) });
      return;
    } catch (error) {
      if (error instanceof TimeoutError || Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
