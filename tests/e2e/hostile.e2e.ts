import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  claimMarks,
  entityMarks,
  pointOnMark,
  readMarks,
  readTooltip,
  squash,
  useBrowserSuite,
  type DrivenTab,
  type MarkInfo,
  type MarksReport,
} from './harness';
import {
  BIG_PAGE_WORDS,
  HOSTILE_ROUTES,
  TABLE_NAMES,
  TABLE_ROWS,
  bigArticlePage,
  bigArticleParagraphs,
  registerHostilePages,
} from './harness/hostile-pages';
import { unexplainedEgress } from './harness/browser-egress';
import { IMG_MARKUP, SCRIPT_MARKUP, buildMarkupCorpus } from './harness/markup-corpus';
import {
  chromiumSessionOf,
  focusMark,
  markingWindow,
  readProbe,
  readTooltipSafety,
  rendererHeap,
  timingsBetween,
  typeKeys,
  waitForFinalState,
  type HeapFigures,
  type ProbeReport,
} from './harness/page-health';

// Issue 7's hostile-page suite, end to end in both browsers with the built
// extension. Every page is served from 127.0.0.1: files in
// tests/fixtures/pages/hostile/ (see its README) and the generated pages of
// harness/hostile-pages.ts. Each page runs its own script (hostile/probe.js),
// which records the article text as parsed, before any content script, and
// what the page saw while Crosscheck worked. For every page the suite checks
// that the extension raised no error, the page's scripts still work, the
// article text is intact, the marks are right (or absent), and the renderer's
// heap stays bounded (Chromium: CDP; Firefox has no such figure).

/** A renderer heap above this (the page and the content script together) fails the page. */
const HEAP_LIMIT = 300 * 1024 * 1024;
/**
 * The longest the page may go without painting a frame while Crosscheck works
 * on it, and the fewest frames a second it must keep painting. Generous: on
 * this 2-core machine other suites often run at the same time, and a page
 * starved of CPU misses frames with or without an extension. The measured
 * figures are printed at the end of the run.
 */
const LONGEST_FREEZE_MS = 5_000;
const MIN_FRAMES_PER_SECOND = 2;

/** The page-side globals the hostile fixtures set. */
interface TableLayout {
  width: number;
  height: number;
  rows: number;
  firstRow: number[];
  lastRow: number[];
}
declare global {
  interface Window {
    __probe?: { pageOk: boolean };
    __framesReady?: number;
    __frameText?: string;
    __inputs?: number;
    __addSentinel?: () => void;
    __tableAtParse?: TableLayout;
    __measureTable?: () => TableLayout;
    __mutations?: number;
    __mutationsMs?: number;
    __mutationsDone?: boolean;
    __expectedFinalText?: string;
    __scriptsAtParse?: number;
    __pwned?: unknown;
    __overrideCalls?: Record<string, number>;
    __overrides?: { attachShadow: unknown; getSelection: unknown; MutationObserver: unknown };
  }
}

/** A mark as compared across pages: what it stands for and the words it covers. */
const signature = (mark: MarkInfo) => `${mark.kind}:${mark.entity ?? mark.verdict}:${squash(mark.text)}`;
const signatures = (marks: readonly MarkInfo[]) => marks.map(signature).sort();
const MB = (bytes: number | null) => (bytes === null ? null : Math.round((bytes / 1024 / 1024) * 10) / 10);

/** The entity id the engine gives each name of the big table's cells. */
const ENTITY_OF_NAME: Record<string, string> = {
  'Vladimir Putin': 'vladimir-putin',
  'James Mattis': 'james-mattis',
  'Donald Trump': 'donald-trump',
  'Sergei Shoigu': 'sergei-shoigu',
  'Valery Gerasimov': 'valery-gerasimov',
  'Joseph Dunford': 'joseph-dunford',
};

/** In the page: the tooltip is displayed with a dialog in it. */
const tooltipShown = () => {
  const host = document.querySelector<HTMLElement>('crosscheck-tooltip');
  return !!host?.shadowRoot?.querySelector('[role="dialog"]') && getComputedStyle(host).display !== 'none';
};

/** What a page check found, for the figures printed at the end. */
interface PageHealth {
  probe: ProbeReport;
  marks: MarksReport;
  heap: HeapFigures | null;
}

interface CheckOptions {
  /** The state the content script must reach. */
  state: 'done' | 'not-article';
  timeoutMs?: number;
  /** The page has a #page-button whose page-side listener counts clicks. */
  button?: boolean;
  /** Compare the probe root's text with its text as parsed (pages that change their own text say no). */
  textIntact?: boolean;
  /** Errors the page brings on itself, not Crosscheck (its policy blocking its own favicon). */
  ownErrors?: RegExp;
  /** Also force a garbage collection and report the heap really held (slower; the big pages). */
  heldHeap?: boolean;
}

describe.each([{ name: 'chromium' as const }, { name: 'firefox' as const }])(
  'hostile pages in $name',
  ({ name }) => {
    const suite = useBrowserSuite(name, { prepareServer: registerHostilePages });
    const { openPage } = suite;
    /** The marks of the plain Northern Ledger page, which several hostile pages embed unchanged. */
    let baseline: MarkInfo[] = [];
    let baselineReport: MarksReport;
    const figures: Record<string, unknown> = {};

    /**
     * The checks every hostile page must pass: the content script reaches
     * `state`, the page's own script saw it finish and its click handler
     * still runs, the text is as parsed, no mark is doubled, no error was
     * reported, and the renderer's heap is under HEAP_LIMIT.
     */
    const checkPage = async (tab: DrivenTab, options: CheckOptions): Promise<PageHealth> => {
      expect(await waitForFinalState(tab, options.timeoutMs)).toBe(options.state);
      await tab.waitUntil(() => window.__probe?.pageOk === true, undefined, {
        message: 'the page script to see Crosscheck finish and run after it',
      });
      if (options.button ?? true) await tab.click('#page-button');
      const probe = await readProbe(tab);
      if (options.button ?? true) expect(probe.clicks).toBe(1);
      if (options.textIntact ?? true) expect(probe.liveText).toBe(probe.expectedText);
      const marks = await readMarks(tab);
      expect(marks.doubled).toBe(0);
      const notOwn = (errors: readonly string[]) => errors.filter((error) => !options.ownErrors?.test(error));
      expect(notOwn(tab.pageErrors)).toEqual([]);
      expect(notOwn(tab.consoleErrors)).toEqual([]);
      const heap = await rendererHeap(suite.browser, tab, { collectGarbage: options.heldHeap ?? false });
      if (heap) expect(heap.used).toBeLessThan(HEAP_LIMIT);
      return { probe, marks, heap };
    };

    beforeAll(async () => {
      // The strict-CSP page's file, served without its policy, is the plain Northern Ledger report.
      const plain = await openPage('/hostile/strict-csp.html');
      expect(await waitForFinalState(plain)).toBe('done');
      baselineReport = await readMarks(plain);
      baseline = baselineReport.marks;
    });

    afterAll(async () => {
      console.log(`[hostile figures, ${name}] ${JSON.stringify(figures, null, 2)}`);
    });

    test('the plain Northern Ledger report, embedded by most hostile pages, is marked', () => {
      const entities = new Set(entityMarks(baselineReport).map((mark) => mark.entity));
      for (const id of ['james-mattis', 'sergei-shoigu', 'vladimir-putin', 'donald-trump'])
        expect(entities).toContain(id);
      expect(baseline.some((mark) => mark.kind === 'claim' && mark.verdict === 'corroborated')).toBe(true);
    });

    test("a page under `default-src 'none'` still gets styled marks and a working tooltip", async () => {
      const tab = await openPage(HOSTILE_ROUTES.strictCsp);
      // Firefox reports the policy blocking the page's own favicon request.
      const favicon = /favicon\.ico/;
      const { probe, marks } = await checkPage(tab, { state: 'done', ownErrors: favicon });
      expect(signatures(marks.marks)).toEqual(signatures(baseline));
      // The mark stylesheet and the tooltip's shadow styles must not trip the page's policy.
      expect(probe.violations.filter((violation) => !favicon.test(violation))).toEqual([]);
      figures.strictCspViolations = probe.violations;
      const styles = await tab.evaluate(() => {
        const entity = document.querySelector('crosscheck-mark[data-kind="entity"]');
        const claim = document.querySelector(
          'crosscheck-mark[data-kind="claim"][data-verdict="corroborated"]',
        );
        return {
          entityLine: entity ? getComputedStyle(entity).textDecorationLine : '',
          claimBackground: claim ? getComputedStyle(claim).backgroundColor : '',
        };
      });
      expect(styles.entityLine).toContain('underline');
      expect(styles.claimBackground).not.toMatch(/^(transparent|rgba\(0, 0, 0, 0\))$/);

      expect(
        await focusMark(tab, 'crosscheck-mark[data-kind="claim"][data-verdict="corroborated"]'),
      ).not.toBeNull();
      await tab.waitUntil(tooltipShown, undefined, { message: 'the tooltip to open' });
      const tooltip = await readTooltip(tab);
      expect(tooltip.kind).toBe('claim');
      expect(tooltip.outlets.length).toBeGreaterThan(0);
      const safety = await readTooltipSafety(tab);
      expect(safety.width).toBeGreaterThan(100);
      expect(safety.background).not.toMatch(/^(transparent|rgba\(0, 0, 0, 0\))$/);
    });

    test('20 iframes: no error, the top page is marked, every frame keeps its text and runs its script', async () => {
      const tab = await openPage('/hostile/iframes.html');
      const { marks } = await checkPage(tab, { state: 'done' });
      expect(signatures(marks.marks)).toEqual(signatures(baseline));
      const frames = await tab.evaluate(() => ({
        ready: window.__framesReady ?? 0,
        frames: Array.from(document.querySelectorAll('iframe')).map((frame) => {
          const doc = frame.contentDocument;
          const win = frame.contentWindow as Window | null;
          return {
            intact: !!win?.__frameText && doc?.querySelector('p')?.textContent === win.__frameText,
            marks: doc?.querySelectorAll('crosscheck-mark').length ?? -1,
          };
        }),
      }));
      expect(frames.frames).toHaveLength(20);
      expect(frames.ready).toBe(20);
      expect(frames.frames.filter((frame) => !frame.intact)).toEqual([]);
      // Not required either way (the content script runs in the top frame only); reported.
      figures.iframesWithMarks = frames.frames.filter((frame) => frame.marks > 0).length;
    });

    test('editors, form fields, code, SVG and aria-hidden text are never marked, and typing still works', async () => {
      const tab = await openPage('/hostile/editor.html');
      const { marks } = await checkPage(tab, { state: 'done' });
      expect(signatures(marks.marks)).toEqual(signatures(baseline));
      const skipped =
        '#editor, #plain-editor, #name-input, #notes, #pick, #listing, #snippet, #drawing, #hidden-note';
      const marksInSkipped = () =>
        tab.evaluate(
          (selector: string) =>
            Array.from(document.querySelectorAll(selector)).reduce(
              (sum, el) => sum + el.querySelectorAll('crosscheck-mark').length,
              0,
            ),
          skipped,
        );
      expect(await marksInSkipped()).toBe(0);

      await tab.evaluate(() => {
        const input = document.getElementById('name-input') as HTMLInputElement;
        input.focus();
        input.setSelectionRange(input.value.length, input.value.length);
      });
      await typeKeys(tab, ' and Donald Trump');
      await tab.evaluate(() => {
        const notes = document.getElementById('notes') as HTMLTextAreaElement;
        notes.focus();
        notes.setSelectionRange(notes.value.length, notes.value.length);
      });
      await typeKeys(tab, ' Vladimir Putin agreed.');
      await tab.evaluate(() => {
        const editor = document.getElementById('editor') as HTMLElement;
        editor.focus();
        const range = document.createRange();
        range.selectNodeContents(editor.querySelector('p:last-of-type') as HTMLElement);
        range.collapse(false);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
      });
      await tab.press('Enter');
      await typeKeys(tab, 'Donald Trump called Vladimir Putin.');

      const typed = await tab.evaluate(() => ({
        input: (document.getElementById('name-input') as HTMLInputElement).value,
        notes: (document.getElementById('notes') as HTMLTextAreaElement).value,
        editorBlocks: Array.from((document.getElementById('editor') as HTMLElement).children).map((el) =>
          (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
        ),
        inputs: window.__inputs ?? 0,
      }));
      expect(typed.input).toBe('Vladimir Putin and Donald Trump');
      expect(typed.notes).toBe(
        'James Mattis was not actively pursuing a meeting with Sergei Shoigu. Vladimir Putin agreed.',
      );
      // Enter split the editor's last paragraph; the new one holds what was typed.
      expect(typed.editorBlocks).toEqual([
        'Vladimir Putin met Donald Trump in Helsinki on Monday for their first summit.',
        'James Mattis is willing to hold talks with Sergei Shoigu, officials said.',
        'Donald Trump called Vladimir Putin.',
      ]);
      // Every key reached the page's own input handlers (Enter included).
      expect(typed.inputs).toBeGreaterThanOrEqual(
        ' and Donald Trump'.length + ' Vladimir Putin agreed.'.length + 35,
      );

      // A paragraph the page adds afterwards gets marked: Crosscheck has seen the typing by then.
      await tab.evaluate(() => window.__addSentinel?.());
      await tab.waitFor('#sentinel crosscheck-mark', 15_000);
      expect(await marksInSkipped()).toBe(0);
      expect(tab.pageErrors).toEqual([]);
    });

    test('a 5,000-row table: every name cell is marked, the layout is untouched and the page keeps painting', async () => {
      const tab = await openPage(HOSTILE_ROUTES.table);
      const { probe, marks, heap } = await checkPage(tab, {
        state: 'done',
        timeoutMs: 120_000,
        heldHeap: true,
      });
      const table = await tab.evaluate((entityOf: Record<string, string>) => {
        const rows = Array.from(document.querySelectorAll<HTMLTableRowElement>('#big-table tbody tr'));
        return {
          atParse: window.__tableAtParse,
          now: window.__measureTable?.(),
          // A mark straight inside a row or section would be a stray box in the table grid.
          strayMarks: document.querySelectorAll(
            '#big-table > crosscheck-mark, #big-table > * > crosscheck-mark, #big-table tr > crosscheck-mark',
          ).length,
          cellsPerRow: [...new Set(rows.map((row) => row.cells.length))],
          nameCellsMarked: rows.filter((row) => {
            const cell = row.cells[1];
            const name = (cell?.textContent ?? '').split(',')[0] ?? '';
            return cell?.querySelector(
              `crosscheck-mark[data-kind="entity"][data-entity="${entityOf[name]}"]`,
            );
          }).length,
        };
      }, ENTITY_OF_NAME);
      expect(table.now).toEqual(table.atParse);
      expect(table.now?.rows).toBe(TABLE_ROWS);
      expect(table.strayMarks).toBe(0);
      expect(table.cellsPerRow).toEqual([4]);
      expect(table.nameCellsMarked).toBe(TABLE_ROWS);
      const timing = markingWindow(probe);
      figures.table = {
        rows: TABLE_ROWS,
        names: TABLE_NAMES.length,
        msToDone: timing.to,
        msCheckingToDone: timing.to !== null && timing.from !== null ? timing.to - timing.from : null,
        entityMarks: entityMarks(marks).length,
        claimMarks: claimMarks(marks).length,
        framesWhileMarking: timing.frames,
        longestFrameGapMs: timing.longestFrameGap,
        longTasks: timing.longTasks.length,
        longestTaskMs: Math.max(0, ...timing.longTasks.map((t) => t.duration)),
        heapMB: heap && { used: MB(heap.used), afterGc: MB(heap.afterGc) },
      };
      const seconds = ((timing.to ?? 0) - (timing.from ?? 0)) / 1000;
      expect(timing.frames ?? 0).toBeGreaterThanOrEqual(MIN_FRAMES_PER_SECOND * seconds);
      expect(timing.longestFrameGap).toBeLessThan(LONGEST_FREEZE_MS);
    }, 240_000);

    test('the 100,000-word page is marked in full, in bounded memory', async () => {
      const started = Date.now();
      const tab = await openPage(HOSTILE_ROUTES.hundredThousandWords);
      const { probe, marks, heap } = await checkPage(tab, {
        state: 'done',
        timeoutMs: 120_000,
        heldHeap: true,
      });
      const wallMs = Date.now() - started;
      const words = await tab.evaluate(
        () => (document.querySelector('article')?.textContent ?? '').split(/\s+/).filter(Boolean).length,
      );
      expect(words).toBe(BIG_PAGE_WORDS);

      // Every mention of each person in the text is marked with that person.
      const text = bigArticleParagraphs(BIG_PAGE_WORDS).join('\n');
      const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
      const byEntity = (id: string) => entityMarks(marks).filter((mark) => mark.entity === id).length;
      expect(byEntity('james-mattis')).toBe(count(/\bMattis\b/g));
      expect(byEntity('sergei-shoigu')).toBe(count(/\bShoigu\b/g));
      expect(byEntity('vladimir-putin')).toBe(count(/\bPutin\b/g));
      expect(byEntity('donald-trump')).toBe(count(/\bTrump\b/g));
      // Each copy of the report carries its corroborated summit claim.
      const copies = count(/Trump and Vladimir Putin met in Helsinki on Monday for their first summit\./g);
      expect(
        claimMarks(marks).filter((mark) => mark.verdict === 'corroborated').length,
      ).toBeGreaterThanOrEqual(copies);

      // The same page opened from file:// gets no content script: the renderer's heap without Crosscheck.
      let withoutExtension: HeapFigures | null = null;
      if (heap) {
        const dir = await mkdtemp(path.join(os.tmpdir(), 'crosscheck-100k-'));
        try {
          const file = path.join(dir, '100k-words.html');
          await writeFile(file, bigArticlePage(BIG_PAGE_WORDS));
          const bare = await openPage(pathToFileURL(file).href);
          await bare.waitUntil(() => !!window.__probe && document.readyState === 'complete');
          expect(await bare.evaluate(() => document.documentElement.hasAttribute('data-crosscheck'))).toBe(
            false,
          );
          withoutExtension = await rendererHeap(suite.browser, bare);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
        expect(heap.afterGc ?? 0).toBeLessThan(HEAP_LIMIT);
      }

      const timing = markingWindow(probe);
      figures.hundredThousandWords = {
        words,
        msNavigationToDone: timing.to,
        msCheckingToDone: timing.to !== null && timing.from !== null ? timing.to - timing.from : null,
        msWallClockOpenToDone: wallMs,
        marks: marks.marks.length,
        entityMarks: entityMarks(marks).length,
        claimMarks: claimMarks(marks).length,
        longTasksSupported: probe.longTaskSupported,
        longTasksWhileMarking: timing.longTasks,
        longestFrameGapMs: timing.longestFrameGap,
        framesWhileMarking: timing.frames,
        heapMB: heap && {
          usedAtDone: MB(heap.used),
          afterGc: MB(heap.afterGc),
          samePageWithoutExtensionAfterGc: withoutExtension && MB(withoutExtension.afterGc),
          extensionShareAfterGc:
            withoutExtension && MB((heap.afterGc ?? 0) - (withoutExtension.afterGc ?? 0)),
        },
      };
    }, 180_000);

    test('a page that changes its DOM 1,000 times a second for 5 s: no error, no doubled marks, still painting', async () => {
      const tab = await openPage('/hostile/mutations.html');
      await tab.waitUntil(() => window.__mutationsDone === true, undefined, {
        timeoutMs: 30_000,
        message: 'the page to finish its 5,000 changes',
      });
      // The paragraph the page adds at the end is marked like any late content.
      await tab.waitFor('#late-paragraph crosscheck-mark[data-kind="entity"]', 15_000);
      const { probe, marks } = await checkPage(tab, { state: 'done', textIntact: false });
      const page = await tab.evaluate(() => {
        const article = document.querySelector('article') as HTMLElement;
        const sidebar = document.getElementById('sidebar') as HTMLElement;
        return {
          mutations: window.__mutations ?? 0,
          ms: window.__mutationsMs ?? 0,
          text: article.textContent,
          expected: window.__expectedFinalText,
          churnLeft: document.querySelectorAll('.churn').length,
          sidebar: (sidebar.textContent ?? '').trim(),
          sidebarMarks: sidebar.querySelectorAll('crosscheck-mark').length,
          lateMarkIds: Array.from(document.querySelectorAll('#late-paragraph crosscheck-mark')).map((el) =>
            el.getAttribute('data-mark-id'),
          ),
        };
      });
      expect(page.mutations).toBeGreaterThanOrEqual(5_000);
      expect(page.churnLeft).toBe(0);
      expect(page.text).toBe(page.expected);
      expect(page.sidebar).toBe('Sidebar: markets were calm on Monday.');
      expect(page.sidebarMarks).toBe(0);
      const original = marks.marks.filter((mark) => !page.lateMarkIds.includes(mark.markId));
      expect(signatures(original)).toEqual(signatures(baseline));
      const late = marks.marks
        .filter((mark) => page.lateMarkIds.includes(mark.markId))
        .map((mark) => mark.entity);
      expect(late).toEqual(expect.arrayContaining(['vladimir-putin', 'donald-trump']));

      const during = timingsBetween(probe, probe.domContentLoaded, probe.domContentLoaded + page.ms);
      figures.mutations = {
        mutations: page.mutations,
        msForAll: page.ms,
        longestFrameGapMs: during.longestFrameGap,
        longTasks: during.longTasks.length,
      };
      expect(during.longestFrameGap).toBeLessThan(LONGEST_FREEZE_MS);
    });

    test('markup written as text in the article stays text, and never runs', async () => {
      const tab = await openPage('/hostile/markup-text.html');
      const { marks } = await checkPage(tab, { state: 'done' });
      const page = await tab.evaluate(() => ({
        images: document.querySelectorAll('img').length,
        scripts: document.scripts.length,
        scriptsAtParse: window.__scriptsAtParse,
        pwned: window.__pwned ?? null,
        text: (document.getElementById('markup-paragraph')?.textContent ?? '').replace(/\s+/g, ' '),
        putin: !!document.querySelector('#markup-paragraph crosscheck-mark[data-entity="vladimir-putin"]'),
      }));
      expect(page.images).toBe(0);
      expect(page.scripts).toBe(page.scriptsAtParse);
      expect(page.pwned).toBeNull();
      expect(page.text).toContain('<img src=x onerror="window.__pwned=1">');
      expect(page.text).toContain('<script>window.__pwned=2</script>');
      expect(signatures(marks.marks)).toEqual(expect.arrayContaining(signatures(baseline)));
      expect(page.putin).toBe(true);

      for (const selector of [
        '#markup-paragraph crosscheck-mark[data-kind="claim"]',
        '#markup-paragraph crosscheck-mark[data-kind="entity"]',
      ]) {
        if ((await focusMark(tab, selector)) === null) continue;
        await tab.waitUntil(tooltipShown, undefined, { message: 'the tooltip to open' });
        const safety = await readTooltipSafety(tab);
        expect(safety.activeElements).toEqual([]);
        expect(safety.handlerAttributes).toEqual([]);
      }
      expect(await tab.evaluate(() => window.__pwned ?? null)).toBeNull();
    });

    test('markup in an imported corpus shows as text in the tooltips and never runs', async () => {
      const corpus = await buildMarkupCorpus();
      let options: DrivenTab | undefined;
      try {
        options = suite.track(
          await suite.browser.openExtensionPage('/options.html', 'input[name="corpus-file"]'),
        );
        await options.setInputFiles('input[name="corpus-file"]', [corpus.file]);
        await options.waitFor('[data-corpus-action="imported"]', 20_000);

        const tab = await openPage('/hostile/corpus-markup.html');
        const { marks } = await checkPage(tab, { state: 'done' });
        const entities = new Set(entityMarks(marks).map((mark) => mark.entity));
        expect(entities).toContain('anna-lindqvist');
        expect(entities).toContain('tomas-berg');
        expect(claimMarks(marks).some((mark) => mark.verdict === 'corroborated')).toBe(true);

        // A name's tooltip lists what outlets say about her: statements that quote an <img>. Her
        // name sits inside claims, so it is no keyboard stop of its own: hover it.
        const name = entityMarks(marks).find((mark) => mark.entity === 'anna-lindqvist');
        const point = name ? await pointOnMark(tab, name.markId) : null;
        expect(point).not.toBeNull();
        if (point) await tab.mouseMove(point.x, point.y);
        await tab.waitUntil(() => {
          const dialog = document
            .querySelector('crosscheck-tooltip')
            ?.shadowRoot?.querySelector('[role="dialog"]');
          return dialog?.getAttribute('data-kind') === 'entity';
        });
        const nameTip = await readTooltipSafety(tab);
        expect(nameTip.text).toContain(IMG_MARKUP);
        expect(nameTip.activeElements).toEqual([]);
        expect(nameTip.handlerAttributes).toEqual([]);

        // A claim's tooltip lists the other outlets' statements: they quote a <script>.
        const focused = await tab.evaluate(() => {
          const mark = Array.from(
            document.querySelectorAll<HTMLElement>('crosscheck-mark[data-kind="claim"][tabindex]'),
          ).find((el) => (el.getAttribute('aria-label') ?? '').includes('ticket system'));
          mark?.focus();
          return !!mark;
        });
        expect(focused).toBe(true);
        await tab.waitUntil(() => {
          const dialog = document
            .querySelector('crosscheck-tooltip')
            ?.shadowRoot?.querySelector('[role="dialog"]');
          return dialog?.getAttribute('data-kind') === 'claim';
        });
        const claimTip = await readTooltipSafety(tab);
        expect(claimTip.text).toContain(SCRIPT_MARKUP);
        expect(claimTip.activeElements).toEqual([]);
        expect(claimTip.handlerAttributes).toEqual([]);
        expect(await tab.evaluate(() => window.__pwned ?? null)).toBeNull();
      } finally {
        // Back to the bundled corpus for the rest of the suite.
        if (options) {
          await options.evaluate(() => {
            const reset = Array.from(document.querySelectorAll('button')).find(
              (button) => !button.disabled && /bundled corpus/i.test(button.textContent ?? ''),
            );
            reset?.click();
          });
          await options.waitFor('[data-corpus-source="bundled"]', 20_000);
        }
        await corpus.remove();
      }
    });

    test('a page that breaks attachShadow, getSelection and MutationObserver is marked and keeps its own versions', async () => {
      const tab = await openPage('/hostile/overrides.html');
      const { marks } = await checkPage(tab, { state: 'done' });
      expect(signatures(marks.marks)).toEqual(signatures(baseline));
      await focusMark(tab, 'crosscheck-mark[data-kind="claim"][data-verdict="corroborated"]');
      await tab.waitUntil(tooltipShown, undefined, { message: 'the tooltip to open' });
      expect((await readTooltip(tab)).outlets.length).toBeGreaterThan(0);
      const page = await tab.evaluate(() => ({
        calls: window.__overrideCalls,
        ownVersionsInPlace:
          Element.prototype.attachShadow === window.__overrides?.attachShadow &&
          window.getSelection === window.__overrides?.getSelection &&
          window.MutationObserver === window.__overrides?.MutationObserver,
      }));
      // The content script never called the page's versions: it has its own world.
      expect(page.calls).toEqual({ attachShadow: 0, getSelection: 0, MutationObserver: 0 });
      expect(page.ownVersionsInPlace).toBe(true);
    });

    test.each([
      { page: 'rtl', path: '/hostile/rtl.html' },
      { page: 'German', path: '/hostile/german.html' },
    ])('no claim is marked on the $page page', async ({ page, path: pagePath }) => {
      const tab = await openPage(pagePath);
      const { marks } = await checkPage(tab, { state: 'done' });
      expect(claimMarks(marks)).toEqual([]);
      figures[`${page}EntityMarks`] = entityMarks(marks).map((mark) => mark.entity);
    });

    test.each([
      { page: 'empty', path: '/hostile/empty.html' },
      { page: 'images-only', path: '/hostile/images.html' },
    ])('the $page page is not an article: no marks, no errors', async ({ path: pagePath }) => {
      const tab = await openPage(pagePath);
      const { marks } = await checkPage(tab, { state: 'not-article', button: false });
      expect(marks.marks).toEqual([]);
      // Nor any element of ours: the tooltip's host goes in only when a tooltip opens.
      expect(
        await tab.evaluate(
          () => document.querySelectorAll('crosscheck-tooltip, [data-crosscheck-ui]').length,
        ),
      ).toBe(0);
      const images = await tab.evaluate(() =>
        Array.from(document.images).map((image) => `${image.complete}:${image.naturalWidth}:${image.alt}`),
      );
      for (const image of images)
        expect(image).toMatch(/^true:240:Vladimir Putin and James Mattis, photo \d+$/);
    });

    // The error checks above would be empty if errors of the content script's isolated world never
    // reached the driver. In Chromium an error can be thrown in that very world to show they do;
    // Firefox gives a driver no way into an extension's content-script sandbox.
    test.runIf(name === 'chromium')(
      "the error check hears an error thrown in the content script's world",
      async () => {
        const session = chromiumSessionOf(suite.browser);
        const tab = await openPage('/hostile/empty.html?error-check');
        await waitForFinalState(tab);
        const page = session?.context.pages().find((candidate) => candidate === tab.base?.page);
        if (!session || !page) throw new Error('Expected a Chromium page.');
        const cdp = await session.context.newCDPSession(page);
        const worlds: { id: number; origin: string }[] = [];
        cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
        await cdp.send('Runtime.enable');
        const world = worlds.find((context) => context.origin === session.extensionOrigin);
        expect(world).toBeDefined();
        await cdp.send('Runtime.evaluate', {
          expression: "setTimeout(() => { throw new Error('thrown in the Crosscheck world'); });",
          contextId: world?.id,
        });
        await expect.poll(() => tab.pageErrors.join('\n')).toContain('thrown in the Crosscheck world');
        await cdp.detach();
      },
    );

    test('nothing these pages or the extension asked for left 127.0.0.1', () => {
      expect(suite.browser.session.requests.length).toBeGreaterThan(0);
      expect(suite.browser.session.leaks()).toEqual([]);
      expect(unexplainedEgress(name, suite.browser.session.egress)).toEqual([]);
    });
  },
);
