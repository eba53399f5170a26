import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { MB, REPO_ROOT, loadSeeds } from './bench-inputs';
import { buildWithPhaseMarks, type PhaseBuild } from './phase-build';
import { CHROMIUM_ARGS, CHROMIUM_PATH, extensionArgs } from '../chromium-flags';
import type { BenchContext } from './bench-context';
import {
  belowScale,
  figure,
  formatNumber,
  notAvailable,
  single,
  statsOf,
  type Figure,
  type FigureSpec,
  type Stats,
} from './figure';
import { STOPWORDS } from '../../src/engine/word-forms';
import { seedStoryPage, type ComposedPage } from './page-compose';
import { articleHtml, serveFixtures } from './page-fixtures';
import { nameMarker } from './name-marking';
import { indexCorpus } from '../../src/engine/corpus-index';

const SECTION = 'Page figures (real Chromium)';
const MARK_JS = path.join(REPO_ROOT, 'node_modules/mark.js/dist/mark.min.js');
const LARGE_WORDS = 100_000;
const QUICK_LARGE_WORDS = 10_000;
const IDLE_TO_MARKS_BUDGET_MS = 50;
const LARGE_ALL_MARKS_BUDGET_MS = 1000;
const MARKJS_SPEEDUP_TARGET = 5;
const LONG_TASK_MS = 50;
/** Names mark.js is asked to mark, as in the anchor (15 names). */
const MARKJS_NAMES = 15;
/** mark.js runs on the large page, each followed by a run of the extension's highlighter. */
const MARKJS_RUNS = 5;

/*
 * Code that runs inside the page is kept as plain JavaScript source: tsx
 * rewrites TypeScript functions (adding helpers such as __name) in ways that
 * do not survive Playwright's function serialisation.
 */

/**
 * What the recorder logs when the content script settles. The driver waits
 * for this console message instead of polling the page: Playwright's polling
 * injects its own script (300 KB, about 40 ms of this machine's main thread)
 * into the page, which then ran in the middle of the scan being measured.
 */
const SETTLED = 'crosscheck-bench:';

/** Main world, before the page's scripts: records long tasks and every change of `data-crosscheck`. */
const RECORDER = `(() => {
  const bench = { attributes: [], longTasks: [] };
  Object.defineProperty(window, '__crosscheckBench', { value: bench });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const watch = () =>
    new MutationObserver(() => {
      const value = document.documentElement.getAttribute('data-crosscheck');
      bench.attributes.push({ at: performance.now(), value });
      if (value === 'done' || value === 'error') console.debug('${SETTLED}' + value);
    }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-crosscheck'] });
  if (document.documentElement) watch();
  else
    new MutationObserver((_, observer) => {
      if (!document.documentElement) return;
      observer.disconnect();
      watch();
    }).observe(document, { childList: true });
})();`;

/** What the recorder and the DOM say after a run. */
interface PageRecord {
  dcl: number;
  attributes: Array<{ at: number; value: string | null }>;
  longTasks: Array<{ start: number; duration: number }>;
  entityMarks: number;
  claimMarks: number;
  /** The content script's `crosscheck:*` performance marks (name → time), for a phase breakdown. */
  phases: Record<string, number>;
}

const READ_RECORD = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const bench = window.__crosscheckBench;
  return {
    dcl: nav ? nav.domContentLoadedEventEnd : 0,
    attributes: bench ? bench.attributes : [],
    longTasks: bench ? bench.longTasks : [],
    entityMarks: document.querySelectorAll('crosscheck-mark[data-kind="entity"]').length,
    claimMarks: document.querySelectorAll('crosscheck-mark[data-kind="claim"]').length,
    phases: Object.fromEntries(
      performance.getEntriesByType('mark')
        .filter((m) => m.name.startsWith('crosscheck:'))
        .map((m) => [m.name.slice('crosscheck:'.length), m.startTime]),
    ),
  };
})()`;

/**
 * Where a scan's time goes, from the content script's performance marks: the
 * script's own start-up (evaluating its bundle and setting up), finding the
 * article (while the settings are read), what is left of the settings read,
 * mapping the article's text, the analysis round trip to the background
 * (engine and messaging), and drawing the marks.
 */
const PHASES: Array<[label: string, from: string, to: string]> = [
  ['script start-up', 'inject', 'scan'],
  ['finding the article', 'scan', 'found'],
  ['rest of the settings read', 'found', 'settings'],
  ['text map', 'settings', 'ask'],
  ['analysis round trip', 'ask', 'answered'],
  ['marking', 'answered', 'marked'],
];

function phaseDurations(records: Array<Record<string, number>>): string {
  const parts = PHASES.flatMap(([label, from, to]) => {
    const durations = records.flatMap((r) =>
      r[from] !== undefined && r[to] !== undefined ? [r[to] - r[from]] : [],
    );
    return durations.length ? [`${label} ${formatNumber(statsOf(durations).median)} ms`] : [];
  });
  return parts.length ? `phases (median): ${parts.join(', ')}` : 'no phase marks';
}

/**
 * A bare TreeWalker over every text node of the body: the lower bound of
 * reading a page. Chromium's clock ticks in 0.1 ms steps here, so each
 * sample repeats the walk until 20 ms have passed and divides.
 */
const treeWalk = (runs: number) => `(() => {
  const walk = () => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let n = 0;
    while (walker.nextNode()) n += walker.currentNode.data.length;
    return n;
  };
  walk();
  walk();
  const times = [];
  for (let r = 0; r < ${runs}; r++) {
    const t = performance.now();
    let walks = 0;
    do {
      walk();
      walks++;
    } while (performance.now() - t < 20);
    times.push((performance.now() - t) / walks);
  }
  return { times };
})()`;

/**
 * mark.js marking `names` over the body, then the layout the marks cost. It
 * runs in a timer task of the page, as a script would, so that the long-task
 * observer sees it (work run straight from the driver is not reported).
 */
const markJsRun = (names: readonly string[]) => `new Promise((resolve) => setTimeout(() => {
  const t = performance.now();
  new Mark(document.body).mark(${JSON.stringify(names)}, {
    separateWordSearch: false,
    done: (marks) => {
      const markMs = performance.now() - t;
      const t2 = performance.now();
      void document.body.offsetHeight;
      document.body.getBoundingClientRect();
      resolve({ markMs, layoutMs: performance.now() - t2, marks, at: t });
    },
  });
}, 0))`;

/** The pages of the page figures, the same ones the Node figures analyse. */
interface BenchPages {
  article: ComposedPage;
  large: ComposedPage;
  /** The names mark.js marks: the seed corpus's most frequent name forms on the large page. */
  names: string[];
}

function benchPages(quick: boolean): BenchPages {
  const { corpus } = loadSeeds();
  const article = seedStoryPage(corpus, 1500);
  const large = seedStoryPage(corpus, quick ? QUICK_LARGE_WORDS : LARGE_WORDS);
  const forms = new Set(corpus.statements.flatMap((s) => s.mentions.map(([a, b]) => s.text.slice(a, b))));
  const names = [...forms]
    // A function word the engine took for a name ("But" opening a sentence) is not a name to mark.
    .filter((name) => name.length >= 3 && !STOPWORDS.has(name.toLowerCase()))
    .map((name) => ({ name, count: large.text.split(name).length - 1 }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, MARKJS_NAMES)
    .map((x) => x.name);
  return { article, large, names };
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

async function guardNetwork(context: BrowserContext): Promise<void> {
  // Everything the benchmark loads is on 127.0.0.1; anything else is refused before it leaves.
  await context.route(
    (url) => url.protocol.startsWith('http') && url.hostname !== '127.0.0.1' && url.hostname !== 'localhost',
    (route) => route.abort('blockedbyclient'),
  );
}

async function heapUsedMB(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / MB;
}

/**
 * Stops every service worker of the profile, the extension's included, as
 * the browser does after 30 s without events; the next page's first message
 * starts it again. Through the DevTools protocol of a blank tab of its own.
 */
function stopServiceWorkers(context: BrowserContext): () => Promise<void> {
  let cdp: Promise<CDPSession> | null = null;
  return async () => {
    cdp ??= context
      .newPage()
      .then((page) => context.newCDPSession(page))
      .then(async (session) => {
        await session.send('ServiceWorker.enable');
        return session;
      });
    await (await cdp).send('ServiceWorker.stopAllWorkers');
    // Let the worker finish stopping before the page that wakes it loads.
    await new Promise((resolve) => setTimeout(resolve, 500));
  };
}

/** The anchors, measured where the extension does not run: text walks, mark.js, the page's own heap. */
interface AnchorResults {
  walkArticle: Stats;
  walkLarge: Stats;
  markJs: Stats;
  markJsLayout: Stats;
  markJsMarks: number;
  markJsLongTasks: number;
  largeHeapMB: number;
}

async function measureAnchors(
  context: BrowserContext,
  html: { article: string; large: string },
  names: readonly string[],
  quick: boolean,
  /** Run after each mark.js run, so that a figure compared with mark.js alternates with it. */
  afterEachMarkJs: () => Promise<void> = async () => undefined,
): Promise<AnchorResults> {
  // about:blank with the page written in: the same DOM as the served page, but no content script runs there.
  const open = async (content: string) => {
    const page = await context.newPage();
    await page.setContent(content, { waitUntil: 'load' });
    return page;
  };
  const runs = quick ? 3 : 9;
  const walk = async (content: string) => {
    const page = await open(content);
    const { times } = await page.evaluate<{ times: number[] }>(treeWalk(runs));
    await page.close();
    return statsOf(times);
  };
  const walkArticle = await walk(html.article);
  const walkLarge = await walk(html.large);
  const markJsSource = readFileSync(MARK_JS, 'utf8');
  const mark: number[] = [];
  const layout: number[] = [];
  let marks = 0;
  let longTasks = 0;
  let largeHeapMB = 0;
  for (let r = 0; r < (quick ? 1 : MARKJS_RUNS); r++) {
    const page = await open(html.large);
    if (r === 0) largeHeapMB = await heapUsedMB(context, page);
    await page.addScriptTag({ content: markJsSource });
    const result = await page.evaluate<{ markMs: number; layoutMs: number; marks: number; at: number }>(
      markJsRun(names),
    );
    // Let the long-task observer deliver the task that just ended.
    await page.waitForTimeout(100);
    const record = await page.evaluate<PageRecord>(READ_RECORD);
    longTasks = record.longTasks.filter((t) => t.start >= result.at - 1 && t.duration > LONG_TASK_MS).length;
    mark.push(result.markMs);
    layout.push(result.layoutMs);
    marks = result.marks;
    await page.close();
    await afterEachMarkJs();
  }
  return {
    walkArticle,
    walkLarge,
    markJs: statsOf(mark),
    markJsLayout: statsOf(layout),
    markJsMarks: marks,
    markJsLongTasks: longTasks,
    largeHeapMB,
  };
}

/** The extension's figures on one page, or why there are none. */
interface ExtensionRun {
  /**
   * The content script's start → `data-crosscheck="done"`, per run. The start
   * is the script's first statement (its `crosscheck:inject` mark: the browser
   * injects it at document_idle), so its own start-up counts.
   */
  fromStart: number[];
  /** DOMContentLoaded end → `data-crosscheck="done"`, per run: includes the browser's wait for idle. */
  fromDcl: number[];
  longTasks: number[];
  longestTask: number;
  phases: Array<Record<string, number>>;
  entityMarks: number;
  claimMarks: number;
  heapMB: number | null;
  failure?: string;
}

/** How one page is measured with the extension: page loads, the wait for "done", whether to read the heap. */
interface ExtensionPlan {
  runs: number;
  /** No new page load once this much time has gone into the runs (one always runs). */
  allowanceMs: number;
  timeoutMs: number;
  withHeap: boolean;
  /** Run before each page load (the cold-worker runs stop the extension's service worker here). */
  beforeEach?: () => Promise<void>;
}

async function measureExtensionOn(
  context: BrowserContext,
  url: string,
  { runs, allowanceMs, timeoutMs, withHeap, beforeEach }: ExtensionPlan,
): Promise<ExtensionRun> {
  const out: ExtensionRun = {
    fromStart: [],
    fromDcl: [],
    phases: [],
    longTasks: [],
    longestTask: 0,
    entityMarks: 0,
    claimMarks: 0,
    heapMB: null,
  };
  const started = performance.now();
  for (let r = 0; r < runs && (r === 0 || performance.now() - started < allowanceMs); r++) {
    await beforeEach?.();
    const page = await context.newPage();
    try {
      const settled = page
        .waitForEvent('console', { predicate: (m) => m.text().startsWith(SETTLED), timeout: timeoutMs })
        .then((m) => m.text() === `${SETTLED}done`)
        .catch(() => false);
      await page.goto(url, { waitUntil: 'load' });
      const finished = await settled;
      const record = await page.evaluate<PageRecord>(READ_RECORD);
      const done = record.attributes.find((a) => a.value === 'done');
      if (!finished || !done) {
        const last = record.attributes[record.attributes.length - 1]?.value ?? null;
        out.failure =
          record.entityMarks + record.claimMarks === 0
            ? `extension did not mark the page (data-crosscheck=${JSON.stringify(last)} after ${formatNumber(timeoutMs / 1000)} s, no crosscheck-mark)`
            : `extension made ${record.entityMarks + record.claimMarks} marks but never set data-crosscheck="done" within ${formatNumber(timeoutMs / 1000)} s`;
        return out;
      }
      if (record.entityMarks + record.claimMarks === 0) {
        out.failure = 'extension did not mark the page (it finished with no crosscheck-mark)';
        return out;
      }
      const start = record.phases.inject;
      if (start === undefined) {
        out.failure =
          "the extension made no crosscheck:inject mark: not the bench's build (see phase-build.ts)";
        return out;
      }
      out.fromStart.push(done.at - start);
      out.fromDcl.push(done.at - record.dcl);
      out.phases.push(record.phases);
      const tasks = record.longTasks.filter(
        (t) => t.start + t.duration >= start && t.start <= done.at && t.duration > LONG_TASK_MS,
      );
      out.longTasks.push(tasks.length);
      out.longestTask = Math.max(out.longestTask, ...tasks.map((t) => t.duration));
      out.entityMarks = record.entityMarks;
      out.claimMarks = record.claimMarks;
      if (withHeap && r === 0) out.heapMB = await heapUsedMB(context, page);
    } finally {
      await page.close();
    }
  }
  return out;
}

/**
 * One headless Chromium for all page figures, with the bench's build of the
 * extension loaded when there is one. `extensionProblem` says why the
 * extension figures cannot be measured, or is null.
 */
async function launchBrowser(
  build: PhaseBuild,
): Promise<{ context: BrowserContext; extensionProblem: string | null }> {
  const withExtension = build.dir !== null;
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless: true,
    timeout: 60_000,
    args: build.dir ? [...CHROMIUM_ARGS, ...extensionArgs(build.dir)] : [...CHROMIUM_ARGS],
  });
  let extensionProblem: string | null = build.problem;
  if (withExtension && !context.serviceWorkers().some((w) => w.url().startsWith('chrome-extension://'))) {
    try {
      await context.waitForEvent('serviceworker', {
        predicate: (w) => w.url().startsWith('chrome-extension://'),
        timeout: 15_000,
      });
    } catch (error) {
      extensionProblem = `the extension's service worker did not start: ${messageOf(error)}`;
    }
  }
  await guardNetwork(context);
  await context.addInitScript({ content: RECORDER });
  return { context, extensionProblem };
}

/**
 * The figures only a browser can give, in one headless Chromium against
 * pages served on 127.0.0.1 (`scripts/bench/page-figures.ts` is the hook for
 * them all). Anchors are taken where the content script does not run: a bare
 * TreeWalker text walk of each page, mark.js marking the same names on the
 * large page, the page's own heap. With the extension (built here with its
 * phase marks, see `phase-build.ts`): the time from the content script's
 * start at document_idle to `data-crosscheck="done"` on a 1,500-word article
 * and on the large page, main-thread tasks over 50 ms while it works, and the
 * heap it adds. Figures that need the extension are n/a, with the reason,
 * when it does not build or does not mark the page.
 */
export async function pageFigures(ctx: BenchContext): Promise<Figure[]> {
  const pages = benchPages(ctx.quick);
  const largeWords = ctx.quick ? QUICK_LARGE_WORDS : LARGE_WORDS;
  const largeName = `${formatNumber(largeWords)}-word page`;
  const scaleNote = ctx.quick ? `quick: ${formatNumber(largeWords)} words, the budget is for 100,000` : null;
  const ids = {
    walkArticle: {
      id: 'page.treeWalk1500Ms',
      name: 'anchor: TreeWalker text walk, 1,500-word article',
      unit: 'ms',
    },
    walkLarge: { id: 'page.treeWalkLargeMs', name: `anchor: TreeWalker text walk, ${largeName}`, unit: 'ms' },
    markJs: {
      id: 'page.markJsLargeMs',
      name: `anchor: mark.js marking ${pages.names.length} names, ${largeName}`,
      unit: 'ms',
    },
    idle: {
      id: 'page.ext.idleToMarks1500Ms',
      name: 'extension: document_idle → all marks, 1,500-word article',
      unit: 'ms',
    },
    idleCold: {
      id: 'page.ext.idleToMarks1500ColdMs',
      name: 'extension: document_idle → all marks, 1,500-word article, worker just started',
      unit: 'ms',
    },
    large: { id: 'page.ext.allMarksLargeMs', name: `extension: all marks, ${largeName}`, unit: 'ms' },
    names: {
      id: 'page.highlighterNamesLargeMs',
      name: `extension highlighter marking the names, ${largeName}`,
      unit: 'ms',
    },
    speedup: {
      id: 'page.namesSpeedupVsMarkJsX',
      name: `highlighter speed-up over mark.js marking names, ${largeName}`,
      unit: '×',
    },
    allMarksRatio: {
      id: 'page.ext.speedupVsMarkJsX',
      name: `extension all marks against mark.js names alone, ${largeName}`,
      unit: '×',
    },
    longTasks: {
      id: 'page.ext.longTasksLarge',
      name: `extension: main-thread tasks > ${LONG_TASK_MS} ms, ${largeName}`,
      unit: 'tasks',
    },
    heap: { id: 'page.ext.heapLargeMB', name: `extension: content-script heap, ${largeName}`, unit: 'MB' },
  } as const;
  type Key = keyof typeof ids;
  const budgets = {
    idle: { op: '<=', value: IDLE_TO_MARKS_BUDGET_MS },
    large: { op: '<=', value: LARGE_ALL_MARKS_BUDGET_MS },
    speedup: { op: '>=', value: MARKJS_SPEEDUP_TARGET },
    longTasks: { op: '<=', value: 0 },
  } as const;
  const budgetOf = (k: Key) =>
    k === 'idle' || k === 'large' || k === 'speedup' || k === 'longTasks' ? { budget: budgets[k] } : {};
  const naFor = (keys: readonly Key[], section: string, why: string): Figure[] =>
    keys.map((k) => notAvailable({ ...ids[k], section, ...budgetOf(k), note: why }));
  const anchorKeys = ['walkArticle', 'walkLarge', 'markJs', 'names', 'speedup'] as const;
  const extensionKeys = ['idle', 'large', 'allMarksRatio', 'longTasks', 'heap', 'idleCold'] as const;
  if (!existsSync(CHROMIUM_PATH))
    return naFor([...anchorKeys, ...extensionKeys], SECTION, `${CHROMIUM_PATH} not found`);

  const html = { article: articleHtml(pages.article), large: articleHtml(pages.large) };
  const server = await serveFixtures(
    new Map([
      ['/article.html', html.article],
      ['/large.html', html.large],
    ]),
  );
  ctx.progress('page: build the extension with its phase marks (.output-bench)');
  const build = buildWithPhaseMarks();
  ctx.progress(
    `page: Chromium${build.dir ? ' with the extension' : ''}; anchors (TreeWalker, mark.js), ` +
      "mark.js runs alternating with the extension's highlighter marking the names",
  );
  const { context, extensionProblem } = await launchBrowser(build);
  try {
    const marker = nameMarker(context, html.large, indexCorpus(loadSeeds().corpus));
    const a = await measureAnchors(context, html, pages.names, ctx.quick, () => marker.run());
    const names = marker.result();
    const section = `${SECTION}, Chromium ${context.browser()?.version() ?? ''}`.trim();
    const large = (f: Figure) => (scaleNote ? belowScale(f, scaleNote) : f);
    const walkArticleAnchor = { name: 'TreeWalker walk of the same page', stats: a.walkArticle, unit: 'ms' };
    const figures: Figure[] = [
      figure({
        ...ids.walkArticle,
        section,
        stats: a.walkArticle,
        anchor: null,
        note: 'the lower bound of any text walk',
      }),
      large(figure({ ...ids.walkLarge, section, stats: a.walkLarge, anchor: null })),
      large(
        figure({
          ...ids.markJs,
          section,
          stats: a.markJs,
          anchor: { name: 'TreeWalker walk of the same page', stats: a.walkLarge, unit: 'ms' },
          note:
            `${formatNumber(a.markJsMarks)} marks; then ${formatNumber(a.markJsLayout.median)} ms of forced layout; ` +
            `${a.markJsLongTasks} main-thread task(s) > ${LONG_TASK_MS} ms; names: ${pages.names.join(', ')}`,
        }),
      ),
    ];
    const markJsAnchor = { name: 'mark.js marking the 15 commonest names', stats: a.markJs, unit: 'ms' };
    figures.push(
      large(
        figure({
          ...ids.names,
          section,
          stats: names.mark,
          anchor: markJsAnchor,
          note:
            `${formatNumber(names.marks)} marks (every person and organisation the engine found, with keyboard stops ` +
            `and labels as the content script draws them), in one task like mark.js; then ` +
            `${formatNumber(names.layout.median)} ms of forced layout`,
        }),
      ),
      large(
        figure({
          ...ids.speedup,
          section,
          stats: single(a.markJs.median / names.mark.median),
          budget: budgets.speedup,
          anchor: markJsAnchor,
          note: 'mark.js median ÷ highlighter median, same page; the engine finds the names in the background worker',
        }),
      ),
    );
    const extensionNa = (why: string, keys: readonly Key[] = extensionKeys): Figure[] =>
      naFor(keys, section, why);
    if (extensionProblem) return [...figures, ...extensionNa(extensionProblem)];

    ctx.progress('page: the extension on the 1,500-word article and the large page');
    const article = await measureExtensionOn(context, server.url('/article.html'), {
      runs: ctx.quick ? 2 : 7,
      allowanceMs: 20_000,
      timeoutMs: ctx.quick ? 3_000 : 5_000,
      withHeap: false,
    });
    if (article.failure) return [...figures, ...extensionNa(article.failure)];
    const big = await measureExtensionOn(context, server.url('/large.html'), {
      runs: ctx.quick ? 1 : 3,
      allowanceMs: 20_000,
      timeoutMs: ctx.quick ? 10_000 : 60_000,
      withHeap: true,
    });
    const spec = (k: Key, rest: Omit<FigureSpec, 'id' | 'name' | 'unit' | 'section'>): FigureSpec => ({
      ...ids[k],
      section,
      ...rest,
    });
    const startNote = (run: ExtensionRun) =>
      `from the content script's first statement (it runs at document_idle) to "done"; ` +
      `from DOMContentLoaded: ${formatNumber(statsOf(run.fromDcl).median)} ms`;
    figures.push(
      figure(
        spec('idle', {
          stats: statsOf(article.fromStart),
          budget: budgets.idle,
          anchor: walkArticleAnchor,
          note: `${startNote(article)}; ${formatNumber(article.entityMarks)} entity and ${formatNumber(article.claimMarks)} claim marks; ${phaseDurations(article.phases)}`,
        }),
      ),
    );
    if (big.failure) return [...figures, ...extensionNa(big.failure, extensionKeys.slice(1))];
    const largeStats = statsOf(big.fromStart);
    figures.push(
      large(
        figure(
          spec('large', {
            stats: largeStats,
            budget: budgets.large,
            anchor: { name: 'mark.js marking the names alone', stats: a.markJs, unit: 'ms' },
            note: `${startNote(big)}; ${formatNumber(big.entityMarks)} entity and ${formatNumber(big.claimMarks)} claim marks; ${phaseDurations(big.phases)}`,
          }),
        ),
      ),
      large(
        figure(
          spec('allMarksRatio', {
            stats: single(a.markJs.median / largeStats.median),
            anchor: { name: 'mark.js', stats: a.markJs, unit: 'ms' },
            note:
              "mark.js median ÷ the extension's all-marks median: the whole scan (engine, messaging, names and " +
              'claims) against mark.js marking 15 names',
          }),
        ),
      ),
      large(
        figure(
          spec('longTasks', {
            stats: statsOf(big.longTasks),
            budget: budgets.longTasks,
            anchor: {
              name: 'tasks > 50 ms while mark.js marks',
              stats: single(a.markJsLongTasks),
              unit: 'tasks',
            },
            note:
              `between the content script's start and "done"; the longest took ${formatNumber(big.longestTask)} ms ` +
              '(the page has no scripts of its own)',
          }),
        ),
      ),
      figure(
        spec('heap', {
          stats: big.heapMB === null ? null : single(Math.max(0, big.heapMB - a.largeHeapMB)),
          anchor: {
            name: "the page's own JS heap, without the extension",
            stats: single(a.largeHeapMB),
            unit: 'MB',
          },
          note: 'renderer JS heap after GC with the page marked, minus the same page where the content script does not run',
        }),
      ),
    );

    // Last, so that no figure above meets a restarted worker.
    ctx.progress(
      "page: the 1,500-word article, each load right after the extension's service worker is stopped",
    );
    const cold = await measureExtensionOn(context, server.url('/article.html'), {
      runs: ctx.quick ? 1 : 3,
      allowanceMs: 20_000,
      timeoutMs: ctx.quick ? 5_000 : 10_000,
      withHeap: false,
      beforeEach: stopServiceWorkers(context),
    });
    figures.push(
      cold.failure
        ? notAvailable({ ...ids.idleCold, section, note: cold.failure })
        : figure(
            spec('idleCold', {
              stats: statsOf(cold.fromStart),
              anchor: {
                name: 'the same loads with the worker running',
                stats: statsOf(article.fromStart),
                unit: 'ms',
              },
              note:
                'the browser stops an extension service worker after 30 s without events, so a page opened after a ' +
                'pause meets one that starts, loads and indexes the corpus, and runs a cold engine; ' +
                phaseDurations(cold.phases),
            }),
          ),
    );
    return figures;
  } finally {
    await context.close().catch(() => undefined);
    await server.close();
  }
}
