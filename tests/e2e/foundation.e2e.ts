import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  launchChromium,
  launchFirefox,
  startFixtureServer,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';

// Issue 2's proof that the extension is alive in both browsers: the content
// script starts on a loopback page, the popup renders, and a popup →
// background → content round trip comes back from the right tab.

/** Values of `html[data-crosscheck]`: set as soon as the content script starts. */
const CONTENT_SCRIPT_STATES = ['ready', 'checking', 'done', 'not-article', 'disabled'];

/** The popup's `[role=status][data-state]` when a content script answered it (as opposed to 'unreachable'). */
const ANSWERED_STATES = ['done', 'no-coverage', 'not-article', 'disabled', 'error'];

/** The popup's status once it has heard back and stopped polling a page that is still checking. */
const SETTLED_STATUS = '[role="status"][data-state]:not([data-state="loading"]):not([data-state="checking"])';

describe.each([
  { name: 'chromium', launch: launchChromium },
  { name: 'firefox', launch: launchFirefox },
])('foundation in $name', ({ launch }) => {
  let server: FixtureServer;
  let session: ExtensionBrowser<unknown>;

  beforeAll(async () => {
    server = await startFixtureServer();
    session = await launch();
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  test('the content script starts on a page served from 127.0.0.1', async () => {
    const tab = await session.openTab(server.url('/article-basic.html'));
    await tab.waitFor('html[data-crosscheck]');
    expect(CONTENT_SCRIPT_STATES).toContain(await tab.attribute('html', 'data-crosscheck'));
    expect(server.requestsFor('/article-basic.html')).toHaveLength(1);
    await tab.close();
  });

  test('the popup renders with its heading', async () => {
    const popup = await session.openPopup();
    expect(await popup.url()).toMatch(new RegExp(`^${session.extensionOrigin}/popup\\.html`));
    expect(await popup.text('main h1')).toBe('Crosscheck');
    await popup.close();
  });

  test('popup → background → content round trip answers for the right tab', async () => {
    // Two tabs: the content script runs in one and cannot run in the other.
    // A popup pointed at the wrong tab, or a round trip that never reached a
    // content script, fails one of the two expectations.
    const article = await session.openTab(server.url('/article-basic.html?round-trip'));
    await article.waitFor('html[data-crosscheck]');
    const blank = await session.openTab('about:blank');
    const articleTabId = await article.tabId();
    const blankTabId = await blank.tabId();
    expect(articleTabId).not.toBe(blankTabId);

    const articlePopup = await session.openPopup(articleTabId);
    await articlePopup.waitFor(SETTLED_STATUS, 25_000);
    expect(ANSWERED_STATES).toContain(await articlePopup.attribute('[role="status"]', 'data-state'));

    const blankPopup = await session.openPopup(blankTabId);
    await blankPopup.waitFor(SETTLED_STATUS, 25_000);
    expect(await blankPopup.attribute('[role="status"]', 'data-state')).toBe('unreachable');

    for (const tab of [articlePopup, blankPopup, article, blank]) await tab.close();
  });

  test('nothing the pages or the extension asked for left 127.0.0.1', () => {
    expect(session.requests.length).toBeGreaterThan(0);
    expect(session.leaks()).toEqual([]);
  });

  test('the harness does see a request that would leave the machine', async () => {
    const tab = await session.openTab(server.url('/leak-canary.html'));
    await expect.poll(() => session.leaks().join('\n')).toContain('crosscheck-canary.invalid');
    await tab.close();
  });
});
