/**
 * Takes the README's screenshots with the extension running on a demo page:
 * the page with marks, an open tooltip, the popup's summary, the evidence
 * viewer and the options page. Each step waits for what it shows, so a
 * screenshot never catches a half-drawn view.
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { DemoBrowser } from './demo-browser';
import { VIEWPORT } from './demo-browser';
import { DemoError, firstLine } from './demo-error';

/** A screenshot written to disk. */
export interface Shot {
  file: string;
  bytes: number;
}

/** The popup's own size in Chromium's toolbar, roughly. */
const POPUP_VIEWPORT = { width: 400, height: 600 };
const WAIT_MS = 30_000;
/** PNGs larger than this make the README slow to load; the demo warns. */
export const MAX_PNG_BYTES = 300 * 1024;
/** Where the tooltip's mark is placed in the viewport, leaving room below for the tooltip. */
const MARK_TOP_PX = 250;

const CORROBORATED_CLAIM = 'crosscheck-mark[data-kind="claim"][data-verdict="corroborated"]';

async function step<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new DemoError(`${what}: ${firstLine(error)}`);
  }
}

async function save(page: Page, dir: string, name: string): Promise<Shot> {
  const file = path.join(dir, name);
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  return { file, bytes: (await stat(file)).size };
}

/** Waits until the content script has finished the page and drawn at least one mark. */
async function waitForMarks(page: Page): Promise<void> {
  await page.waitForSelector('html[data-crosscheck="done"]', { state: 'attached', timeout: WAIT_MS });
  await page.waitForSelector('crosscheck-mark', { state: 'attached', timeout: WAIT_MS });
}

/**
 * Scrolls so the mark's top sits `MARK_TOP_PX` below the top of the viewport
 * and hovers it until its tooltip opens. Returns the tooltip's dialog.
 */
async function openTooltip(page: Page, mark: Locator): Promise<Locator> {
  // Hover the middle of the mark's first line box: a claim can wrap, and the
  // middle of its bounding box may fall between lines, on the paragraph.
  const point = await mark.evaluate((el, top) => {
    window.scrollBy({ top: el.getBoundingClientRect().top - top, behavior: 'instant' });
    const line = el.getClientRects()[0];
    return line ? { x: line.left + Math.min(40, line.width / 2), y: line.top + line.height / 2 } : null;
  }, MARK_TOP_PX);
  if (!point) throw new Error('the claim mark has no box');
  await page.mouse.move(point.x, point.y, { steps: 4 });
  // Playwright's CSS locators pierce open shadow roots such as the tooltip host's.
  const dialog = page.locator('crosscheck-tooltip [role="dialog"]');
  await dialog.waitFor({ state: 'visible', timeout: WAIT_MS });
  // The host is placed on the next frame; let it settle.
  await page.waitForTimeout(300);
  return dialog;
}

/** Whether `box` lies fully inside the viewport. */
async function inViewport(dialog: Locator): Promise<boolean> {
  const box = await dialog.boundingBox();
  return (
    box !== null &&
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= VIEWPORT.width &&
    box.y + box.height <= VIEWPORT.height
  );
}

/**
 * Takes every screenshot into `dir` with `articleUrl` (an article that is not
 * in the corpus, so every outlet's statements count as evidence), and returns
 * the files written in order, with the page left open for a headed session.
 */
export async function takeScreenshots(
  session: DemoBrowser,
  articleUrl: string,
  dir: string,
): Promise<{ shots: Shot[]; article: Page; warnings: string[] }> {
  await mkdir(dir, { recursive: true });
  const shots: Shot[] = [];
  const warnings: string[] = [];
  const { context, extensionOrigin } = session;

  const article = context.pages()[0] ?? (await context.newPage());
  await step(`Opening ${articleUrl}`, () =>
    article.goto(articleUrl, { waitUntil: 'load', timeout: WAIT_MS }),
  );
  await step('Waiting for Crosscheck to mark the page', () => waitForMarks(article));
  shots.push(await save(article, dir, 'demo-marks.png'));

  const mark = article.locator(CORROBORATED_CLAIM).first();
  const dialog = await step('Opening the tooltip of a corroborated claim', async () => {
    await mark.waitFor({ state: 'attached', timeout: WAIT_MS });
    return openTooltip(article, mark);
  });
  if (!(await inViewport(dialog))) warnings.push('The tooltip does not fit in the 1280x800 viewport.');
  shots.push(await save(article, dir, 'demo-tooltip.png'));

  // The tooltip's first evidence link names a statement of another outlet for the viewer.
  const evidence = dialog.locator('a[data-statement-id]').first();
  const articleId = await evidence.getAttribute('data-article-id', { timeout: 2_000 }).catch(() => null);
  const statementId = await evidence.getAttribute('data-statement-id', { timeout: 2_000 }).catch(() => null);
  await article.mouse.move(0, 0);

  const tabId = await step('Finding the article tab', () => session.tabIdOf(article));
  const popup = await context.newPage();
  await popup.setViewportSize(POPUP_VIEWPORT);
  await step('Opening the popup', async () => {
    await popup.goto(`${extensionOrigin}/popup.html?tabId=${tabId}`, { waitUntil: 'load', timeout: WAIT_MS });
    await popup.waitForSelector('[role="status"][data-state="done"]', { timeout: WAIT_MS });
  });
  shots.push(await save(popup, dir, 'demo-popup.png'));
  await popup.close();

  if (articleId && statementId) {
    const viewer = await context.newPage();
    const query = new URLSearchParams({ article: articleId, statement: statementId });
    await step('Opening the evidence viewer', async () => {
      await viewer.goto(`${extensionOrigin}/viewer.html?${query.toString()}`, {
        waitUntil: 'load',
        timeout: WAIT_MS,
      });
      await viewer.waitForSelector('main[data-state="ready"] [data-requested="true"]', { timeout: WAIT_MS });
      // The viewer scrolls the requested statement into view smoothly.
      await viewer.waitForTimeout(800);
    });
    shots.push(await save(viewer, dir, 'demo-viewer.png'));
    await viewer.close();
  } else {
    warnings.push('The tooltip had no evidence link, so there is no viewer screenshot.');
  }

  const options = await context.newPage();
  await step('Opening the options page', async () => {
    await options.goto(`${extensionOrigin}/options.html`, { waitUntil: 'load', timeout: WAIT_MS });
    await options.waitForSelector('main h1', { timeout: WAIT_MS });
    await options.waitForFunction(() => !document.querySelector('[data-loading], .cc-loading'), null, {
      timeout: WAIT_MS,
    });
    await options.waitForTimeout(300);
  });
  shots.push(await save(options, dir, 'demo-options.png'));
  await options.close();

  await article.bringToFront();
  for (const shot of shots) {
    if (shot.bytes > MAX_PNG_BYTES) {
      warnings.push(`${shot.file} is ${Math.round(shot.bytes / 1024)} KB (over ${MAX_PNG_BYTES / 1024} KB).`);
    }
  }
  return { shots, article, warnings };
}
