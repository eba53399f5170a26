/**
 * Starts Chromium with the built extension for the demo: headed when a
 * display is present, headless otherwise, in a throwaway profile, with the
 * flags that keep it from phoning home.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, extensionArgs } from '../chromium-flags';
import { DemoError, firstLine } from './demo-error';

// The extension API inside the service worker, where `evaluate` callbacks run.
declare const chrome: typeof browser;

/** The window and screenshot size of the demo. */
export const VIEWPORT = { width: 1280, height: 800 };

/** Chromium with Crosscheck loaded. */
export interface DemoBrowser {
  readonly context: BrowserContext;
  readonly extensionOrigin: string;
  /** Chromium's id for the tab showing `page` (it brings the page to the front first). */
  tabIdOf(page: Page): Promise<number>;
  close(): Promise<void>;
}

const WORKER_WAIT_MS = 20_000;

/**
 * Throws a DemoError naming the fix when Chromium or the built extension in
 * `extensionDir` is missing; cheap, so the demo checks before it starts serving.
 */
export function checkPrerequisites(extensionDir: string): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new DemoError(`Chromium not found at ${CHROMIUM_PATH}. Install it: sudo apt-get install chromium`);
  }
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new DemoError(
      `No built extension at ${extensionDir}. Run without --no-build, or run npm run build.`,
    );
  }
}

/**
 * Launches Chromium with the unpacked extension in `extensionDir` and waits
 * for the extension's service worker, which gives the extension's id.
 */
export async function launchDemoBrowser(extensionDir: string, headless: boolean): Promise<DemoBrowser> {
  checkPrerequisites(extensionDir);
  const context = await chromium
    .launchPersistentContext('', {
      executablePath: CHROMIUM_PATH,
      headless,
      viewport: VIEWPORT,
      deviceScaleFactor: 1,
      colorScheme: 'light',
      timeout: 60_000,
      args: [
        ...CHROMIUM_ARGS,
        `--window-size=${VIEWPORT.width},${VIEWPORT.height + 120}`,
        ...extensionArgs(extensionDir),
      ],
    })
    .catch((error: unknown) => {
      throw new DemoError(`Chromium did not start: ${firstLine(error)}`);
    });

  try {
    const isExtension = (worker: Worker) => worker.url().startsWith('chrome-extension://');
    const first =
      context.serviceWorkers().find(isExtension) ??
      (await context.waitForEvent('serviceworker', { predicate: isExtension, timeout: WORKER_WAIT_MS }));
    // URL.origin is 'null' for schemes Node does not know, so build it from the host.
    const extensionOrigin = `chrome-extension://${new URL(first.url()).host}`;
    const isOurWorker = (worker: Worker) => worker.url().startsWith(extensionOrigin);
    // Chromium stops an idle service worker after 30 s. An extension page that
    // messages the background starts it again; the page is closed at once.
    const serviceWorker = async (): Promise<Worker> => {
      const running = context.serviceWorkers().find(isOurWorker);
      if (running) return running;
      const started = context.waitForEvent('serviceworker', {
        predicate: isOurWorker,
        timeout: WORKER_WAIT_MS,
      });
      // Handled by the `await` below; this only keeps an early failure from going unhandled.
      started.catch(() => undefined);
      const waker = await context.newPage();
      try {
        await waker.goto(`${extensionOrigin}/options.html`);
        return await started;
      } finally {
        await waker.close();
      }
    };

    return {
      context,
      extensionOrigin,
      async tabIdOf(page) {
        // Without the `tabs` permission tabs.query cannot match by URL, but the
        // active tab of the focused window is the one just brought to the front.
        const worker = await serviceWorker();
        await page.bringToFront();
        const id = await worker.evaluate(
          async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
        );
        if (id === undefined) throw new DemoError(`Chromium reported no active tab for ${page.url()}.`);
        return id;
      },
      close: () => context.close(),
    };
  } catch (error) {
    await context.close().catch(() => undefined);
    if (error instanceof DemoError) throw error;
    throw new DemoError(
      `The extension's service worker did not start from ${extensionDir}: ${firstLine(error)}`,
    );
  }
}
