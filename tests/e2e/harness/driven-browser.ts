import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { KeyInput, Page as PuppeteerPage } from 'puppeteer-core';
import { REPO_ROOT } from './build-paths';
import {
  DEFAULT_WAIT_MS,
  type BrowserName,
  type ExtensionBrowser,
  type ExtensionTab,
} from './extension-browser';
import { launchChromium, type ChromiumSession } from './launch-chromium';
import { launchFirefox, type FirefoxSession } from './launch-firefox';

// The extension API where `inExtension` callbacks run: Chromium's service
// worker has `chrome`, Firefox's extension pages have `browser`. Both are
// promise-based for the calls used here, so callbacks take whichever exists.
declare const chrome: typeof browser | undefined;

/** The driver's own page object, tagged so one code path serves both browsers. */
type DriverPage = { kind: 'playwright'; page: PlaywrightPage } | { kind: 'puppeteer'; page: PuppeteerPage };

/** One axe-core rule violation, reduced to what a failing test needs to print. */
export interface AxeViolation {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** Options for {@link DrivenTab.waitUntil}. */
export interface WaitOptions {
  timeoutMs?: number;
  /** Says what was awaited when the wait times out. */
  message?: string;
}

/**
 * A tab that tests drive the same way in Chromium (Playwright) and Firefox
 * (Puppeteer over WebDriver BiDi): evaluate in the page, wait on a page
 * condition, move the mouse, press keys, click, upload files, run axe-core,
 * and read the page's uncaught errors.
 */
export interface DrivenTab {
  /** The harness tab, when the tab was opened through the harness (it knows the tab id). */
  readonly base: ExtensionTab<unknown> | null;
  /** Uncaught errors of the page's own scripts since the tab was opened. */
  readonly pageErrors: readonly string[];
  /** `console.error` messages of the page since the tab was opened. */
  readonly consoleErrors: readonly string[];
  /** The WebExtension tab id (brings the tab to the front). Only for tabs opened through the harness. */
  tabId(): Promise<number>;
  /** The tab's URL, extension pages included. */
  url(): Promise<string>;
  /**
   * Runs `fn` in the page's main world with a JSON-serialisable `arg`, and
   * returns its JSON-serialisable result. `fn` is sent as source: it may not
   * close over anything in the test.
   */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /**
   * Polls `fn` in the page (every 50 ms) until it returns something truthy, and
   * returns that. Survives the page being replaced while it polls (a
   * navigation, Firefox switching process).
   */
  waitUntil<R, A = undefined>(
    fn: (arg: A) => R | Promise<R>,
    arg?: A,
    options?: WaitOptions,
  ): Promise<NonNullable<R>>;
  /** The attribute of the first match of `selector`, or null when it has none or nothing matches. */
  attribute(selector: string, name: string): Promise<string | null>;
  /** Waits until `selector` matches an element in the page. */
  waitFor(selector: string, timeoutMs?: number): Promise<void>;
  bringToFront(): Promise<void>;
  /** Moves the mouse to viewport coordinates (CSS pixels). */
  mouseMove(x: number, y: number): Promise<void>;
  /** Clicks at viewport coordinates (CSS pixels) with the left button. */
  mouseClick(x: number, y: number): Promise<void>;
  /** Presses a key as a user would (`Tab`, `Enter`, `Escape`, ...), to whatever has focus. */
  press(key: string): Promise<void>;
  /** Clicks the first match of `selector` with the mouse. */
  click(selector: string): Promise<void>;
  /** Chooses `files` in the file input `selector`, as a user picking them would. */
  setInputFiles(selector: string, files: string[]): Promise<void>;
  /** Navigates this tab to a web page and waits for its load event. */
  goto(url: string): Promise<void>;
  /** Runs axe-core on the page: @axe-core/playwright in Chromium, axe.min.js injected in Firefox. */
  axeViolations(): Promise<AxeViolation[]>;
  close(): Promise<void>;
}

/**
 * A browser with the built extension whose tabs are {@link DrivenTab}s, plus
 * the extension-side calls tests need in both browsers: storage, the badge,
 * extension pages, and tabs the extension opens itself.
 */
export interface DrivenBrowser {
  readonly name: BrowserName;
  readonly session: ExtensionBrowser<unknown>;
  readonly extensionOrigin: string;
  /** Opens `url` in a new tab, listening for page errors from before the first byte. */
  openTab(url: string): Promise<DrivenTab>;
  /** `popup.html?tabId=N` in a tab of its own (see `ExtensionBrowser.openPopup`). */
  openPopup(tabId?: number): Promise<DrivenTab>;
  /**
   * `popup.html?tabId=N` in a window of its own, so that tab N stays the
   * visible tab of its window, as it is under the toolbar popup. (Headless
   * Chromium under Playwright keeps every page visible, so there it is
   * `openPopup`; Firefox hides a tab that another tab covers.)
   */
  openPopupWindow(tabId: number): Promise<DrivenTab>;
  /** Opens an extension page (`options.html`, `viewer.html?…`) in a new tab and waits for `readySelector`. */
  openExtensionPage(pagePath: string, readySelector: string): Promise<DrivenTab>;
  /**
   * Runs `fn` where the extension API is available: the service worker in
   * Chromium, an extension page in Firefox (its background page is not
   * scriptable over BiDi). Use `typeof browser !== 'undefined' ? browser : chrome`.
   */
  inExtension<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** The toolbar badge text of a tab (`action` in MV3, `browserAction` in MV2). */
  badgeText(tabId: number): Promise<string>;
  /** The raw `settings` object in storage.local, or null when none is stored. */
  storedSettings(): Promise<Record<string, unknown> | null>;
  /** Merges `change` into the stored settings, as the options page and popup do. */
  updateSettings(change: Record<string, unknown>): Promise<void>;
  /**
   * Runs `action`, then waits for a tab it opened whose URL contains `urlPart`
   * (extension pages included) and returns it.
   */
  waitForNewTab(urlPart: string, action: () => Promise<void>, timeoutMs?: number): Promise<DrivenTab>;
  close(): Promise<void>;
}

const POLL_MS = 50;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

let axeSource: string | undefined;
function axeScript(): string {
  axeSource ??= readFileSync(path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

function rawEvaluate<R, A>(driver: DriverPage, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  // Both drivers send `fn` as source and return the JSON result; their
  // signatures differ only in how they type a generic function.
  if (driver.kind === 'playwright') {
    return driver.page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown);
  }
  return driver.page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown) as Promise<R>;
}

function drive(driver: DriverPage, base: ExtensionTab<unknown> | null): DrivenTab {
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  if (driver.kind === 'playwright') {
    driver.page.on('pageerror', (error) => pageErrors.push(describeError(error)));
    driver.page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
  } else {
    driver.page.on('pageerror', (error) => pageErrors.push(describeError(error)));
    driver.page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
  }

  const evaluate = <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> =>
    rawEvaluate(driver, fn, arg as A);

  const waitUntil = async <R, A>(
    fn: (arg: A) => R | Promise<R>,
    arg?: A,
    options: WaitOptions = {},
  ): Promise<NonNullable<R>> => {
    const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS;
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    for (;;) {
      try {
        const value = await evaluate(fn, arg);
        if (value) return value as NonNullable<R>;
        lastError = undefined;
      } catch (error) {
        // The page is being replaced under us; ask again in the new one.
        lastError = error;
      }
      if (Date.now() >= deadline) {
        const why = lastError ? ` (last error: ${describeError(lastError)})` : '';
        throw new Error(
          `Timed out after ${timeoutMs} ms waiting for ${options.message ?? fn.toString()}${why}`,
        );
      }
      await sleep(POLL_MS);
    }
  };

  return {
    base,
    pageErrors,
    consoleErrors,
    async tabId() {
      if (!base) throw new Error('This tab was not opened through the harness; its tab id is unknown.');
      return base.tabId();
    },
    url: () => evaluate(() => location.href),
    evaluate,
    waitUntil,
    attribute: (selector, name) =>
      evaluate(
        ([s, n]: [string, string]) => document.querySelector(s)?.getAttribute(n) ?? null,
        [selector, name],
      ),
    waitFor: (selector, timeoutMs) =>
      waitUntil((s: string) => document.querySelector(s) !== null, selector, {
        timeoutMs,
        message: `selector ${selector}`,
      }).then(() => undefined),
    bringToFront: () => driver.page.bringToFront(),
    mouseMove: (x, y) => driver.page.mouse.move(x, y),
    mouseClick: (x, y) => driver.page.mouse.click(x, y),
    async press(key) {
      if (driver.kind === 'playwright') await driver.page.keyboard.press(key);
      else await driver.page.keyboard.press(key as KeyInput);
    },
    click: (selector) => driver.page.click(selector),
    async setInputFiles(selector, files) {
      if (driver.kind === 'playwright') {
        await driver.page.setInputFiles(selector, files);
        return;
      }
      const input = await driver.page.$(selector);
      if (!input) throw new Error(`No file input matches ${selector}.`);
      // Puppeteer types uploadFile on ElementHandle<HTMLInputElement> only.
      await (input as unknown as { uploadFile(...paths: string[]): Promise<void> }).uploadFile(...files);
    },
    async goto(url) {
      if (driver.kind === 'playwright') await driver.page.goto(url, { waitUntil: 'load', timeout: 30_000 });
      else await driver.page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    },
    async axeViolations() {
      if (driver.kind === 'playwright') {
        // Legacy mode runs axe.run in the page itself. The default runs each
        // frame partially and finishes in a blank page of its own, which costs
        // seconds per call and adds nothing here: extension pages have no frames.
        const results = await new AxeBuilder({ page: driver.page }).setLegacyMode(true).analyze();
        return results.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          targets: v.nodes.map((node) => node.target.join(' ')),
        }));
      }
      await driver.page.evaluate(axeScript());
      return driver.page.evaluate(async () => {
        const axe = (
          globalThis as unknown as {
            axe: {
              run(context: Document): Promise<{
                violations: {
                  id: string;
                  impact?: string | null;
                  help: string;
                  nodes: { target: unknown[] }[];
                }[];
              }>;
            };
          }
        ).axe;
        const results = await axe.run(document);
        return results.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          targets: v.nodes.map((node) => node.target.map(String).join(' ')),
        }));
      });
    },
    close: () => driver.page.close(),
  };
}

/** Tags a Playwright or Puppeteer page with its kind, for the one code path in {@link drive}. */
type PageOf = (page: unknown) => DriverPage;

async function newTabWithin(
  pages: () => Promise<unknown[]>,
  toDriver: PageOf,
  urlPart: string,
  action: () => Promise<void>,
  timeoutMs: number,
): Promise<DrivenTab> {
  const before = new Set(await pages());
  await action();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const page of await pages()) {
      if (before.has(page)) continue;
      const driver = toDriver(page);
      // Puppeteer names moz-extension:// pages about:blank; the page itself knows its URL.
      const url = await rawEvaluate(driver, () => location.href, undefined).catch(() => '');
      if (url.includes(urlPart)) return drive(driver, null);
    }
    if (Date.now() >= deadline)
      throw new Error(`No new tab with ${urlPart} in its URL within ${timeoutMs} ms.`);
    await sleep(100);
  }
}

function chromiumDriven(session: ChromiumSession): DrivenBrowser {
  const asDriver = (page: unknown): DriverPage => ({ kind: 'playwright', page: page as PlaywrightPage });
  const fromBase = (tab: ExtensionTab<PlaywrightPage>) => drive({ kind: 'playwright', page: tab.page }, tab);
  const inExtension = async <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> => {
    const worker = await session.serviceWorker();
    return worker.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown);
  };
  return {
    name: 'chromium',
    session,
    extensionOrigin: session.extensionOrigin,
    async openTab(url) {
      const tab = fromBase(await session.openTab('about:blank'));
      await tab.goto(url);
      return tab;
    },
    openPopup: async (tabId) => fromBase(await session.openPopup(tabId)),
    openPopupWindow: async (tabId) => fromBase(await session.openPopup(tabId)),
    async openExtensionPage(pagePath, readySelector) {
      const page = await session.context.newPage();
      const tab = drive({ kind: 'playwright', page }, null);
      await page.goto(`${session.extensionOrigin}/${pagePath.replace(/^\//, '')}`, { waitUntil: 'load' });
      await tab.waitFor(readySelector);
      return tab;
    },
    inExtension,
    badgeText: (tabId) => badgeText(inExtension, tabId),
    storedSettings: () => storedSettings(inExtension),
    updateSettings: (change) => updateSettings(inExtension, change),
    waitForNewTab: (urlPart, action, timeoutMs = DEFAULT_WAIT_MS) =>
      newTabWithin(async () => session.context.pages(), asDriver, urlPart, action, timeoutMs),
    close: () => session.close(),
  };
}

function firefoxDriven(session: FirefoxSession): DrivenBrowser {
  const asDriver = (page: unknown): DriverPage => ({ kind: 'puppeteer', page: page as PuppeteerPage });
  const fromBase = (tab: ExtensionTab<PuppeteerPage>) => drive({ kind: 'puppeteer', page: tab.page }, tab);
  let probe: DrivenTab | undefined;
  const inExtension = async <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> => {
    probe ??= fromBase(await session.openPopup());
    return probe.evaluate(fn, arg);
  };
  return {
    name: 'firefox',
    session,
    extensionOrigin: session.extensionOrigin,
    async openTab(url) {
      const tab = fromBase(await session.openTab('about:blank'));
      await tab.goto(url);
      return tab;
    },
    openPopup: async (tabId) => fromBase(await session.openPopup(tabId)),
    async openPopupWindow(tabId) {
      const page = await session.browser.newPage({ type: 'window' });
      const tab = drive({ kind: 'puppeteer', page }, null);
      page.goto(`${session.extensionOrigin}/popup.html?tabId=${tabId}`).catch(() => undefined);
      await tab.waitFor('main h1');
      return tab;
    },
    async openExtensionPage(pagePath, readySelector) {
      const page = await session.browser.newPage();
      const tab = drive({ kind: 'puppeteer', page }, null);
      // The switch into the extension process detaches the frame the
      // navigation was tracking, so goto rejects although the page loads.
      page.goto(`${session.extensionOrigin}/${pagePath.replace(/^\//, '')}`).catch(() => undefined);
      await tab.waitFor(readySelector);
      return tab;
    },
    inExtension,
    badgeText: (tabId) => badgeText(inExtension, tabId),
    storedSettings: () => storedSettings(inExtension),
    updateSettings: (change) => updateSettings(inExtension, change),
    waitForNewTab: (urlPart, action, timeoutMs = DEFAULT_WAIT_MS) =>
      newTabWithin(() => session.browser.pages(), asDriver, urlPart, action, timeoutMs),
    close: () => session.close(),
  };
}

type InExtension = DrivenBrowser['inExtension'];

function badgeText(inExtension: InExtension, tabId: number): Promise<string> {
  return inExtension(async (id: number) => {
    const api = typeof browser !== 'undefined' ? browser : chrome!;
    return (await (api.action ?? api.browserAction).getBadgeText({ tabId: id })) ?? '';
  }, tabId);
}

function storedSettings(inExtension: InExtension): Promise<Record<string, unknown> | null> {
  return inExtension(async () => {
    const api = typeof browser !== 'undefined' ? browser : chrome!;
    const { settings } = await api.storage.local.get('settings');
    return (settings as Record<string, unknown> | undefined) ?? null;
  });
}

function updateSettings(inExtension: InExtension, change: Record<string, unknown>): Promise<void> {
  return inExtension(async (next: Record<string, unknown>) => {
    const api = typeof browser !== 'undefined' ? browser : chrome!;
    const { settings } = await api.storage.local.get('settings');
    const current = settings && typeof settings === 'object' ? settings : {};
    await api.storage.local.set({ settings: { ...current, ...next } });
  }, change);
}

/**
 * Launches `name` with the built extension (see `launchChromium` and
 * `launchFirefox`) and wraps it for tests that run the same steps in both.
 */
export async function launchDriven(name: BrowserName): Promise<DrivenBrowser> {
  return name === 'chromium' ? chromiumDriven(await launchChromium()) : firefoxDriven(await launchFirefox());
}
