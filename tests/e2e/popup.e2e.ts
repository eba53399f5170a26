import { describe, expect, test } from 'vitest';
import {
  claimMarks,
  compareWithServed,
  entityMarks,
  readMarks,
  seedArticles,
  squash,
  useBrowserSuite,
  type DrivenTab,
  type MarksReport,
} from './harness';

// Issue 6, end to end in both browsers: the popup (opened as popup.html?tabId=N
// in a tab, since a driver cannot click the toolbar) about fixture news pages,
// its actions on the page, and the toolbar badge.

const VERDICTS = ['corroborated', 'conflicting', 'mixed', 'unverified'] as const;
const SEEDS = seedArticles();

async function settled(tab: DrivenTab): Promise<MarksReport> {
  await tab.waitFor('html[data-crosscheck="done"]');
  return readMarks(tab);
}

/** What the popup shows, read in one go. */
function readPopup(popup: DrivenTab) {
  return popup.evaluate(() => ({
    state: document.querySelector('[role="status"]')?.getAttribute('data-state') ?? null,
    counts: Object.fromEntries(
      Array.from(document.querySelectorAll('[data-count-verdict]')).map((el) => [
        el.getAttribute('data-count-verdict') ?? '',
        Number(el.getAttribute('data-count')),
      ]),
    ),
    claims: Array.from(document.querySelectorAll('li[data-claim-index]')).map((li) => ({
      index: li.getAttribute('data-claim-index'),
      verdict: li.querySelector(':scope > button [data-verdict]')?.getAttribute('data-verdict') ?? null,
      text: li.querySelector(':scope > button .cc-claim__text')?.textContent ?? '',
      hasButton: li.querySelector(':scope > button') !== null,
    })),
    entities: Array.from(document.querySelectorAll('[data-entity-id]')).map((el) => ({
      id: el.getAttribute('data-entity-id') ?? '',
      mentions: Number(el.getAttribute('data-mentions')),
    })),
    coverage: Array.from(document.querySelectorAll('[data-coverage-article]')).map((el) => ({
      article: el.getAttribute('data-coverage-article') ?? '',
      outlet: el.querySelector('.cc-outlet__name')?.textContent ?? '',
      corroborates: Number(el.getAttribute('data-corroborates')),
      conflicts: Number(el.getAttribute('data-conflicts')),
    })),
  }));
}

const SETTLED_POPUP = '[role="status"][data-state]:not([data-state="loading"]):not([data-state="checking"])';

describe.each([{ name: 'chromium' as const }, { name: 'firefox' as const }])(
  'the popup in $name',
  ({ name }) => {
    const suite = useBrowserSuite(name);
    const { track, openPage, pageErrors } = suite;
    const openPopupFor = async (tab: DrivenTab) => {
      const popup = track(await suite.browser.openPopup(await tab.tabId()));
      await popup.waitFor(SETTLED_POPUP, 20_000);
      return popup;
    };

    test('summarises a page: counts, claims, names and coverage match the marks on it', async () => {
      const tab = await openPage('/other-outlet-ledger.html');
      const report = await settled(tab);
      const popup = await openPopupFor(tab);
      const shown = await readPopup(popup);

      expect(shown.state).toBe('done');
      const claims = claimMarks(report);
      for (const verdict of VERDICTS) {
        expect(shown.counts[verdict], `count of ${verdict} claims`).toBe(
          claims.filter((claim) => claim.verdict === verdict).length,
        );
      }
      // The list holds the page's claims, each as a button, with the mark's verdict and text.
      expect(shown.claims).toHaveLength(claims.length);
      for (const item of shown.claims) {
        const mark = claims.find((claim) => claim.claimIndex === item.index);
        expect(mark, `a mark for popup claim ${item.index}`).toBeDefined();
        expect(item.hasButton).toBe(true);
        expect(item.verdict).toBe(mark!.verdict);
        expect(squash(item.text)).toBe(squash(mark!.text));
      }
      // Every marked person and organisation is listed, with one mention per mark.
      const marked = new Map<string, number>();
      for (const mark of entityMarks(report)) marked.set(mark.entity!, (marked.get(mark.entity!) ?? 0) + 1);
      expect(marked.size).toBeGreaterThanOrEqual(5);
      for (const [id, count] of marked) {
        expect(shown.entities.find((entity) => entity.id === id)?.mentions, `mentions of ${id}`).toBe(count);
      }
      // Coverage names corpus articles by their outlets, with evidence counts.
      expect(shown.coverage.length).toBeGreaterThan(0);
      for (const item of shown.coverage) {
        const seed = SEEDS.find((candidate) => candidate.id === item.article);
        expect(seed, `coverage item ${item.article} is a corpus article`).toBeDefined();
        expect(item.outlet).toBe(seed!.outlet);
        expect(Number.isInteger(item.corroborates) && Number.isInteger(item.conflicts)).toBe(true);
      }
      expect(shown.coverage.some((item) => item.corroborates > 0)).toBe(true);
    });

    /** The ledger page scrolled to the top, and its claim furthest down, which starts below the fold. */
    const pageWithClaimBelowFold = async () => {
      const tab = await openPage('/other-outlet-ledger.html');
      const report = await settled(tab);
      const target = await tab.evaluate(() => {
        window.scrollTo(0, 0);
        const stops = Array.from(document.querySelectorAll('crosscheck-mark[data-kind="claim"][tabindex]'));
        const last = stops[stops.length - 1]!;
        return {
          index: last.getAttribute('data-claim-index'),
          top: last.getBoundingClientRect().top,
          viewport: window.innerHeight,
        };
      });
      expect(target.top, 'the claim starts below the fold').toBeGreaterThan(target.viewport);
      expect(claimMarks(report).some((claim) => claim.claimIndex === target.index)).toBe(true);
      return { tab, index: target.index };
    };

    /** Clicks claim `index` in the popup; the page must flash it, scroll it into view and focus it. */
    const clickClaimAndWatch = async (popup: DrivenTab, tab: DrivenTab, index: string | null) => {
      await popup.click(`li[data-claim-index="${index}"] > button`);
      await tab.waitUntil(
        (i: string | null) =>
          Array.from(
            document.querySelectorAll(`crosscheck-mark[data-kind="claim"][data-claim-index="${i}"]`),
          ).some((el) => el.getAnimations().length > 0),
        index,
        { message: 'the claim to flash' },
      );
      // A reader of the popup in a tab switches to the page to see it.
      await tab.bringToFront();
      const seen = await tab.waitUntil(
        (i: string | null) => {
          const el = document.querySelector(
            `crosscheck-mark[data-kind="claim"][data-claim-index="${i}"][tabindex]`,
          );
          if (!el) return null;
          const rect = el.getBoundingClientRect();
          const inView = rect.top >= 0 && rect.bottom <= window.innerHeight;
          return inView && window.scrollY > 0 && document.activeElement === el
            ? { scrollY: window.scrollY }
            : null;
        },
        index,
        // Smooth scrolling takes well under a second; a page that has not scrolled by then will not.
        { message: `the page to scroll claim ${index} into view and focus it`, timeoutMs: 5_000 },
      );
      expect(seen.scrollY).toBeGreaterThan(0);
    };

    test('clicking a claim in the popup scrolls the page to it and flashes it', async () => {
      const { tab, index } = await pageWithClaimBelowFold();
      const tabId = await tab.tabId();
      // As under the toolbar popup, the page stays the visible tab of its window.
      const popup = track(await suite.browser.openPopupWindow(tabId));
      await popup.waitFor(SETTLED_POPUP, 20_000);
      expect(await tab.evaluate(() => document.visibilityState)).toBe('visible');
      await clickClaimAndWatch(popup, tab, index);
    });

    test('in the popup opened in a tab (?tabId=N), clicking a claim scrolls its page to it too', async () => {
      const { tab, index } = await pageWithClaimBelowFold();
      const popup = await openPopupFor(tab);
      await clickClaimAndWatch(popup, tab, index);
    });

    test('the site switch removes every mark and restores them', async () => {
      const tab = await openPage('/other-outlet-ledger.html');
      const before = await settled(tab);
      const popup = await openPopupFor(tab);
      const host = new URL(suite.server.origin).hostname;
      expect(
        await popup.evaluate(
          () => document.querySelector<HTMLInputElement>('input[name="site-enabled"]')?.checked,
        ),
      ).toBe(true);
      try {
        await popup.click('input[name="site-enabled"]');
        await tab.waitUntil(
          () =>
            document.documentElement.getAttribute('data-crosscheck') === 'disabled' &&
            document.querySelectorAll('crosscheck-mark').length === 0,
          undefined,
          { message: 'the marks to go when the switch is turned off' },
        );
        expect((await compareWithServed(tab, 'article')).sameDom).toBe(true);
        expect((await suite.browser.storedSettings())?.denySites).toEqual([host]);
        await popup.waitFor('[role="status"][data-state="disabled"]');

        await popup.click('input[name="site-enabled"]');
        const after = await settled(tab);
        expect(after.marks.map(({ markId: _id, ...rest }) => rest)).toEqual(
          before.marks.map(({ markId: _id, ...rest }) => rest),
        );
        await popup.waitFor('[role="status"][data-state="done"]');
        expect((await suite.browser.storedSettings())?.denySites).toEqual([]);
      } finally {
        await suite.browser.updateSettings({ denySites: [] });
      }
    });

    test('a page that is not an article: the popup says so and checks it anyway on request', async () => {
      const tab = await openPage('/not-article.html');
      await tab.waitFor('html[data-crosscheck="not-article"]');
      expect((await readMarks(tab)).marks, 'no marks on a page that is not an article').toEqual([]);
      const popup = await openPopupFor(tab);
      expect(await popup.attribute('[role="status"]', 'data-state')).toBe('not-article');
      const button = await popup.evaluate(() => {
        const found = Array.from(document.querySelectorAll('button')).find((b) =>
          /anyway/i.test(b.textContent ?? ''),
        );
        found?.setAttribute('data-test-check-anyway', '');
        return found?.textContent ?? null;
      });
      expect(button).toBeTruthy();
      await popup.click('button[data-test-check-anyway]');
      await tab.waitFor('html[data-crosscheck="done"]', 20_000);
      const report = await readMarks(tab);
      expect(entityMarks(report).map((mark) => mark.entity)).toEqual(
        expect.arrayContaining(['james-mattis']),
      );
      await popup.waitUntil(
        () =>
          ['done', 'no-coverage'].includes(
            document.querySelector('[role="status"]')?.getAttribute('data-state') ?? '',
          ),
        undefined,
        { message: 'the popup to show the checked page' },
      );
    });

    test('the badge counts conflicting and mixed claims per tab, and clears on navigation', async () => {
      const story = await openPage('/other-outlet-baltic.html');
      const unrelated = await openPage('/unrelated-fort-visit.html');
      const storyReport = await settled(story);
      await settled(unrelated);
      const expected = claimMarks(storyReport).filter(
        (claim) => claim.verdict === 'conflicting' || claim.verdict === 'mixed',
      ).length;
      // The page reports an event at a place the corpus puts elsewhere: something to look at twice.
      expect(expected, 'conflicting or mixed claims on the page').toBeGreaterThan(0);
      const storyId = await story.tabId();
      const unrelatedId = await unrelated.tabId();

      await expect.poll(() => suite.browser.badgeText(storyId), { timeout: 10_000 }).toBe(String(expected));
      await expect.poll(() => suite.browser.badgeText(unrelatedId), { timeout: 10_000 }).toBe('');

      await story.goto(suite.server.url('/not-article.html'));
      await story.waitFor('html[data-crosscheck="not-article"]');
      await expect.poll(() => suite.browser.badgeText(storyId), { timeout: 10_000 }).toBe('');
    });

    test('axe-core finds no accessibility violations in the popup with results', async () => {
      const tab = await openPage('/other-outlet-ledger.html');
      await settled(tab);
      const popup = await openPopupFor(tab);
      await popup.waitFor('li[data-claim-index]');
      expect(await popup.axeViolations()).toEqual([]);
    });

    test('no page raised an error, and nothing left 127.0.0.1', () => {
      expect(pageErrors).toEqual([]);
      expect(suite.browser.session.leaks()).toEqual([]);
    });
  },
);
