import type { DrivenBrowser, DrivenTab } from './driven-browser';
import type { ExtensionBrowser } from './extension-browser';
import type { ChromiumSession } from './launch-chromium';

// What the hostile-page and privacy tests read about a page's own health:
// the state Crosscheck reached, what the page's own script (hostile/probe.js)
// saw, its frame gaps and long tasks, and the renderer's heap. Functions
// passed to `DrivenTab.evaluate` run in the page and are self-contained.

/** Values of `html[data-crosscheck]` after which the content script has finished with the page. */
export const FINAL_STATES = ['done', 'not-article', 'disabled', 'error'] as const;

/** Waits until the content script has finished with the page and returns the state it reached. */
export async function waitForFinalState(tab: DrivenTab, timeoutMs = 30_000): Promise<string> {
  const state = await tab.waitUntil(
    (states: readonly string[]) => {
      const state = document.documentElement.getAttribute('data-crosscheck');
      return state && states.includes(state) ? state : null;
    },
    FINAL_STATES,
    { timeoutMs, message: 'html[data-crosscheck] to reach done, not-article, disabled or error' },
  );
  return String(state);
}

/** A gap between two animation frames longer than 50 ms. */
export interface FrameGap {
  /** When the gap began, in ms since navigation start. */
  at: number;
  gap: number;
}

/** A long task (> 50 ms) the page's PerformanceObserver saw. */
export interface LongTask {
  start: number;
  duration: number;
}

/** What the page's own script (tests/fixtures/pages/hostile/probe.js) recorded. */
export interface ProbeReport {
  /** The probe ran, saw Crosscheck finish, and did its own DOM work afterwards. */
  pageOk: boolean;
  clicks: number;
  /** The probe root's text as parsed, before any content script ran. */
  expectedText: string | null;
  /** The probe root's text now. */
  liveText: string | null;
  /** When the page first saw each `data-crosscheck` value, ms since navigation start. */
  stateTimes: Record<string, number>;
  /** Frames the page had painted when it first saw each `data-crosscheck` value. */
  framesAtState: Record<string, number>;
  frames: number;
  frameGaps: FrameGap[];
  longTasks: LongTask[];
  longTaskSupported: boolean;
  /** Content-Security-Policy violations the page was told about. */
  violations: string[];
  /** Messages the page received on `window` (postMessage), as JSON text. */
  messages: string[];
  /** Navigation timings, ms since navigation start. */
  domContentLoaded: number;
  loadEnd: number;
}

/** Reads the probe of a hostile page; throws if the page's script never ran. */
export function readProbe(tab: DrivenTab): Promise<ProbeReport> {
  return tab.evaluate(() => {
    interface Probe {
      pageOk: boolean;
      clicks: number;
      expectedText: string | null;
      stateTimes: Record<string, number>;
      framesAtState: Record<string, number>;
      frames: number;
      frameGaps: FrameGap[];
      longTasks: LongTask[];
      longTaskSupported: boolean;
      violations: string[];
      messages: string[];
    }
    const probe = (window as unknown as { __probe?: Probe }).__probe;
    if (!probe) throw new Error('The page script (hostile/probe.js) did not run.');
    const root =
      document.querySelector('[data-probe-root]') ?? document.querySelector('article') ?? document.body;
    const navigation = performance.getEntriesByType('navigation')[0] as
      | PerformanceNavigationTiming
      | undefined;
    return {
      pageOk: probe.pageOk,
      clicks: probe.clicks,
      expectedText: probe.expectedText,
      liveText: root?.textContent ?? null,
      stateTimes: { ...probe.stateTimes },
      framesAtState: { ...probe.framesAtState },
      frames: probe.frames,
      frameGaps: [...probe.frameGaps],
      longTasks: [...probe.longTasks],
      longTaskSupported: probe.longTaskSupported,
      violations: [...probe.violations],
      messages: [...probe.messages],
      domContentLoaded: Math.round(navigation?.domContentLoadedEventEnd ?? 0),
      loadEnd: Math.round(navigation?.loadEventEnd ?? 0),
    };
  });
}

/** How the page kept up while Crosscheck worked on it: from its first `checking` to `done`. */
export interface MarkingWindow {
  /** ms since navigation start; null when the page never saw the state. */
  from: number | null;
  to: number | null;
  /** Frames the page painted in the window (null when it did not see both ends). */
  frames: number | null;
  /** The longest gap between two frames in the window (0 when none was over 50 ms). */
  longestFrameGap: number;
  /** Long tasks that overlap the window (Chromium; Firefox does not report long tasks). */
  longTasks: LongTask[];
}

/**
 * The frame gaps and long tasks of `probe` that fall between the first
 * `checking` the page saw (less a poll interval) and the first `done`.
 */
export function markingWindow(probe: ProbeReport): MarkingWindow {
  const from = probe.stateTimes.checking ?? probe.domContentLoaded ?? null;
  const to = probe.stateTimes.done ?? null;
  return {
    from,
    to,
    frames:
      probe.framesAtState.done !== undefined && probe.framesAtState.checking !== undefined
        ? probe.framesAtState.done - probe.framesAtState.checking
        : null,
    ...timingsBetween(probe, (from ?? 0) - 50, to ?? Number.POSITIVE_INFINITY),
  };
}

/** The longest frame gap and the long tasks of `probe` that overlap `[from, to]` (ms since navigation start). */
export function timingsBetween(
  probe: ProbeReport,
  from: number,
  to: number,
): { longestFrameGap: number; longTasks: LongTask[] } {
  const gaps = probe.frameGaps.filter((g) => g.at + g.gap >= from && g.at <= to);
  return {
    longestFrameGap: Math.max(0, ...gaps.map((g) => g.gap)),
    longTasks: probe.longTasks.filter((t) => t.start + t.duration >= from && t.start <= to),
  };
}

/** JavaScript heap of a tab's renderer, in bytes. */
export interface HeapFigures {
  /** Heap in use when asked. */
  used: number;
  /** Heap in use after a forced garbage collection (what is really held); null when none was forced. */
  afterGc: number | null;
}

function isChromiumSession(session: ExtensionBrowser<unknown>): session is ChromiumSession {
  return session.name === 'chromium' && 'context' in session;
}

/** The Playwright session behind a driven Chromium (for CDP), or null in Firefox. */
export function chromiumSessionOf(browser: DrivenBrowser): ChromiumSession | null {
  return isChromiumSession(browser.session) ? browser.session : null;
}

/**
 * The JavaScript heap of the renderer that shows `tab` (Chromium, through
 * CDP). The content script's isolated world lives in the same V8 isolate as
 * the page, so the figure covers the page and every 127.0.0.1 tab sharing
 * that renderer: an upper bound for the extension's share. Null in Firefox,
 * which offers a driver no per-tab heap figure.
 */
export async function rendererHeap(
  browser: DrivenBrowser,
  tab: DrivenTab,
  options: { collectGarbage?: boolean } = {},
): Promise<HeapFigures | null> {
  const session = chromiumSessionOf(browser);
  if (!session) return null;
  const page = session.context.pages().find((candidate) => candidate === tab.base?.page);
  if (!page) throw new Error('rendererHeap needs a tab opened with DrivenBrowser.openTab.');
  const cdp = await session.context.newCDPSession(page);
  try {
    const before = await cdp.send('Runtime.getHeapUsage');
    if (options.collectGarbage === false) return { used: before.usedSize, afterGc: null };
    await cdp.send('HeapProfiler.collectGarbage');
    const after = await cdp.send('Runtime.getHeapUsage');
    return { used: before.usedSize, afterGc: after.usedSize };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Types `text` key by key into whatever has focus, as a user would. */
export async function typeKeys(tab: DrivenTab, text: string): Promise<void> {
  for (const character of text) await tab.press(character);
}

/** Focuses the first keyboard stop of a mark matching `selector` (which opens its tooltip). */
export function focusMark(tab: DrivenTab, selector: string): Promise<string | null> {
  return tab.evaluate((sel: string) => {
    const mark = Array.from(document.querySelectorAll<HTMLElement>(sel)).find((el) =>
      el.hasAttribute('tabindex'),
    );
    mark?.focus();
    return mark?.getAttribute('data-mark-id') ?? null;
  }, selector);
}

/** The open tooltip's markup as a tree of facts: its text, and any element that could run or fetch. */
export interface TooltipSafety {
  open: boolean;
  text: string;
  /** `img`, `script`, `iframe`, `object`, `embed`, `link` or `style` elements inside the dialog. */
  activeElements: string[];
  /** Attributes whose name starts with `on` (inline handlers), anywhere in the shadow root. */
  handlerAttributes: string[];
  /** The dialog's computed background colour and width: the tooltip's own styles applied. */
  background: string;
  width: number;
}

/** Reads the page's tooltip for markup that became elements instead of text. */
export function readTooltipSafety(tab: DrivenTab): Promise<TooltipSafety> {
  return tab.evaluate(() => {
    const host = Array.from(document.querySelectorAll<HTMLElement>('crosscheck-tooltip')).find(
      (h) => h.shadowRoot?.querySelector('[role="dialog"]') && getComputedStyle(h).display !== 'none',
    );
    const root = host?.shadowRoot ?? null;
    const dialog = root?.querySelector<HTMLElement>('[role="dialog"]') ?? null;
    const all = Array.from(root?.querySelectorAll('*') ?? []);
    return {
      open: dialog !== null,
      text: dialog?.textContent ?? '',
      activeElements: Array.from(
        dialog?.querySelectorAll('img, script, iframe, object, embed, link, style') ?? [],
      ).map((el) => el.localName),
      handlerAttributes: all.flatMap((el) =>
        el
          .getAttributeNames()
          .filter((attribute) => attribute.toLowerCase().startsWith('on'))
          .map((attribute) => `${el.localName}[${attribute}]`),
      ),
      background: dialog ? getComputedStyle(dialog).backgroundColor : '',
      width: dialog?.getBoundingClientRect().width ?? 0,
    };
  });
}
