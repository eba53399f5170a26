import type { EgressAttempt } from './egress-trap';
import type { RecordedRequest } from './request-log';

/** The browsers the end-to-end tests drive. */
export type BrowserName = 'chromium' | 'firefox';

/** How long helpers wait for a page to show something before failing. */
export const DEFAULT_WAIT_MS = 15_000;

/**
 * One tab, with the few queries every cross-browser test needs. `page` is the
 * driver's own object (Playwright or Puppeteer) for anything beyond them.
 */
export interface ExtensionTab<Page> {
  readonly page: Page;
  /** The tab's current URL, extension pages included. */
  url(): Promise<string>;
  /** The WebExtension tab id of this tab, as the extension's APIs know it. Brings the tab to the front. */
  tabId(): Promise<number>;
  /** Waits until `selector` matches an element in the tab. */
  waitFor(selector: string, timeoutMs?: number): Promise<void>;
  /** The attribute of the first match of `selector`, or null when it has none or nothing matches. */
  attribute(selector: string, name: string): Promise<string | null>;
  /** The text content of the first match of `selector`, or null when nothing matches. */
  text(selector: string): Promise<string | null>;
  close(): Promise<void>;
}

/**
 * A browser running the built Crosscheck extension, launched in a fresh
 * profile behind the egress trap. Chromium and Firefox both implement it,
 * so a behaviour can be tested once for both (`describe.each`).
 */
export interface ExtensionBrowser<Page> {
  readonly name: BrowserName;
  /** `chrome-extension://ID` or `moz-extension://UUID`, without a trailing slash. */
  readonly extensionOrigin: string;
  /** Opens `url` in a new tab and waits for its load event. */
  openTab(url: string): Promise<ExtensionTab<Page>>;
  /**
   * Opens the popup page in a tab of its own, about `tabId` when given (the
   * toolbar popup cannot be clicked from a driver), and waits until it has
   * rendered its heading (`main h1`).
   */
  openPopup(tabId?: number): Promise<ExtensionTab<Page>>;
  /** Every request made by the browser's pages and, where the driver can see it, by the extension. */
  readonly requests: readonly RecordedRequest[];
  /** Everything the egress trap caught, the browser's own background chatter included. */
  readonly egress: readonly EgressAttempt[];
  /**
   * Requests from pages or the extension that were headed off this machine.
   * Unlike `egress`, it leaves out the browser's own chatter where the driver
   * can tell the two apart.
   */
  leaks(): string[];
  /** Closes the browser and deletes its profile. Safe to call twice. */
  close(): Promise<void>;
}
