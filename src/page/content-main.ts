import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { backgroundToContent, contentToBackground, type PageState } from '../messaging/protocol';
import {
  stateToWire,
  tabReport,
  unpackAnalysis,
  type PackedAnalysis,
  type WirePageState,
} from '../messaging/analysis-wire';
import type { PageAnalysis } from '../engine/types';
import { isSiteEnabled, loadSettings, settingsItem, type Settings } from '../settings/settings';
import type { TooltipTarget } from '../ui/Tooltip';
import { verdictLabel } from '../ui/verdict-labels';
import { findArticle, isRtl, mayMakeArticle, pageLanguage } from './article-find';
import { watchDom } from './dom-watcher';
import { engineText } from './engine-text';
import { highlight, MARK_ID_ATTR, removeAll } from './highlighter';
import { injectMarkStyles, type MarkStyleHandle } from './mark-styles';
import { planMarks, type MarkSubject } from './page-marks';
import { buildTextMap } from './text-map';
import { createTooltipHost } from './tooltip-host';
import { requestAnalysis, TEXT_PART_CHARS } from './analysis-request';
import { markPhase } from './phase-marks';
import { publishedDate } from './published-date';
import { finishingDeadline, SLICE_MS } from './work-slices';

/** Tries at the analysis, for a service worker that the browser stopped mid-scan. */
const ANALYSIS_TRIES = 3;
/** Time for a single-page app to render its new route before it is scanned. */
const NAVIGATION_SETTLE_MS = 400;

interface Run {
  controller: AbortController;
  root: Element | null;
  subjects: Map<string, MarkSubject>;
  claimMarks: HTMLElement[][];
  analysis: PageAnalysis | null;
}

function mergeAnalysis(into: PageAnalysis | null, more: PageAnalysis): PageAnalysis {
  if (!into) return more;
  const entities = new Map(into.entities.map((e) => [e.id, { ...e, mentions: [...e.mentions] }]));
  for (const e of more.entities) {
    const known = entities.get(e.id);
    if (known) known.mentions.push(...e.mentions);
    else entities.set(e.id, e);
  }
  return {
    ...into,
    entities: [...entities.values()],
    claims: [...into.claims, ...more.claims],
    coverage: into.coverage.length >= more.coverage.length ? into.coverage : more.coverage,
    omitted: into.omitted.length ? into.omitted : more.omitted,
  };
}

/**
 * Runs Crosscheck on one page: decides whether it is an article, has the
 * background analyse it, marks names and claims, keeps marking content added
 * later, and answers the popup. Every listener, observer and timer belongs
 * to `ctx` and to the current run's AbortSignal.
 */
export function startCrosscheck(ctx: ContentScriptContext, doc: Document): void {
  const win = doc.defaultView ?? window;
  let state: PageState = { url: win.location.href, status: 'checking', marks: { entities: 0, claims: 0 } };
  // Packed when the popup first asks after a change, not on every change: a long page's analysis is large.
  let wireState: WirePageState | null = null;
  const currentWireState = () => (wireState ??= stateToWire(state));
  let run: Run | null = null;
  let shown = true;
  let forced = false;
  let settings: Settings | null = null;
  // Read while the tooltip host is set up, so the first scan does not wait for storage from a standing start.
  let firstSettings: ReturnType<typeof loadSettings> | null = loadSettings();
  let styles: MarkStyleHandle | null = null;
  const entityStatementCache = new Map<string, Promise<TooltipTarget | null>>();

  // The worker hears about this page only once it has had an article. A message wakes a stopped
  // worker, which then loads its corpus and warms its engine, and most pages are not articles; the
  // badge counts only marked claims, and the popup asks the tab itself.
  let reporting = false;
  const report = () => {
    if (!reporting) return;
    contentToBackground.sendMessage('reportState', tabReport(state)).catch(() => {
      // The background is restarting; the popup asks again with pingTab.
    });
  };
  const startReporting = () => {
    if (reporting) return;
    reporting = true;
    report();
  };

  const setState = (next: Partial<PageState>) => {
    state = { ...state, url: win.location.href, ...next };
    wireState = null;
    doc.documentElement.setAttribute('data-crosscheck', state.status);
    report();
  };

  const clear = () => {
    run?.controller.abort();
    if (run?.root) removeAll(run.root);
    run = null;
  };

  /** Resolves in a later task, after `ms`; the timer belongs to `ctx`. */
  const sleep = (ms = 0) => new Promise<void>((resolve) => ctx.setTimeout(() => resolve(), ms));

  const analyze = async (text: string, signal: AbortSignal): Promise<PackedAnalysis> => {
    for (let attempt = 1; ; attempt++) {
      try {
        const about = { url: win.location.href, title: doc.title, published: publishedDate(doc) };
        return await requestAnalysis(text, about, sleep);
      } catch (error) {
        if (signal.aborted || attempt >= ANALYSIS_TRIES) throw error;
        await sleep(250 * attempt);
      }
    }
  };

  /** When the scan's current task began; see {@link yieldIfLong}. */
  let sliceStart = performance.now();
  /**
   * Gives the page its main thread back, so each step of a scan on a long page
   * runs as its own task; false when the run was stopped meanwhile.
   */
  const nextTask = async (current: Run): Promise<boolean> => {
    await sleep();
    sliceStart = performance.now();
    return !current.controller.signal.aborted;
  };
  /**
   * Ends the task only once it has run for a slice: on a long page each step
   * gets a task of its own, while a short article's steps run on without
   * waiting for timers (a chain of them is clamped to 4 ms each).
   */
  const yieldIfLong = async (current: Run): Promise<boolean> =>
    performance.now() - sliceStart < SLICE_MS ? !current.controller.signal.aborted : nextTask(current);

  const markRoot = async (current: Run, root: Element, exclude: Element[], claimsAllowed: boolean) => {
    if (!(await yieldIfLong(current))) return;
    markPhase('map');
    const map = buildTextMap(root, { exclude });
    if (!(await yieldIfLong(current))) return;
    const text = engineText(map);
    if (text.trim() === '') return;
    // Sending serialises the text on this thread: not in the same task as a long walk.
    if (!(await yieldIfLong(current))) return;
    markPhase('ask');
    const asked = analyze(text, current.controller.signal);
    // A page's first UI string has the browser hand over the extension's message catalogue,
    // synchronously (2-6 ms here): have it fetched while the background works, not while marking.
    ctx.setTimeout(() => verdictLabel('unverified'), 0);
    const packed = await asked;
    sliceStart = performance.now();
    markPhase('answered');
    if (current.controller.signal.aborted || !settings) return;
    // This runs on in the task that delivered the reply, after the browser parsed it there. With
    // a long page's unpacking and first marks as well, that task ran past 50 ms, so they wait for
    // a task of their own; a short reply's run on without a timer's delay.
    if (text.length > TEXT_PART_CHARS && !(await nextTask(current))) return;
    const analysis = unpackAnalysis(packed, text);
    const claimOffset = current.analysis?.claims.length ?? 0;
    const marks = planMarks(analysis, settings.highlightMode, claimsAllowed, claimOffset);
    // A short article's last marks are finished in the slice they fall in (see finishingDeadline). A
    // long page's are not: what follows them there (merging the analysis, counting and reporting the
    // marks) is long too, and one of six loads of the 100,000-word page ended in a 51 ms task.
    const mayFinish = text.length <= TEXT_PART_CHARS;
    for (let i = 0; i < marks.length; ) {
      const first = i;
      let deadline = sliceStart + SLICE_MS;
      let finishing = !mayFinish;
      while (i < marks.length) {
        if (performance.now() >= deadline) {
          const later = finishing
            ? null
            : finishingDeadline(sliceStart, performance.now(), i - first, marks.length - i);
          if (later === null) break;
          deadline = later;
          finishing = true;
        }
        const mark = marks[i++]!;
        const label = !mark.focusable
          ? undefined
          : mark.subject.kind === 'claim'
            ? `${verdictLabel(mark.subject.claim.verdict)}: ${mark.subject.claim.text}`
            : mark.subject.entity.name;
        const [elements] = highlight(map, [{ ...mark, label }], { focusable: mark.focusable });
        const id = elements?.[0]?.getAttribute(MARK_ID_ATTR);
        if (!elements || !id) continue;
        if (mark.subject.kind === 'claim') {
          const index = claimOffset + mark.subject.index;
          current.subjects.set(id, { ...mark.subject, index });
          current.claimMarks[index] = elements;
        } else {
          current.subjects.set(id, mark.subject);
        }
      }
      if (i < marks.length) {
        if (!(await nextTask(current))) return;
      }
    }
    markPhase('marked');
    current.analysis = mergeAnalysis(current.analysis, analysis);
    const entityMarks = root.ownerDocument.querySelectorAll(
      'crosscheck-mark[data-kind="entity"][data-mark-end]',
    ).length;
    const claimMarks = current.claimMarks.filter(Boolean).length;
    markPhase('report');
    setState({
      status: 'done',
      analysis: current.analysis,
      marks: { entities: entityMarks, claims: claimMarks },
    });
  };

  const scan = async (options: { force?: boolean } = {}) => {
    clear();
    const current: Run = {
      controller: new AbortController(),
      root: null,
      subjects: new Map(),
      claimMarks: [],
      analysis: null,
    };
    run = current;
    const { signal } = current.controller;
    // The marks of the last scan are gone: say so at once, not when the settings have been read.
    if (state.status !== 'checking')
      setState({ status: 'checking', analysis: undefined, marks: { entities: 0, claims: 0 } });
    try {
      markPhase('scan');
      const read = firstSettings ?? loadSettings();
      firstSettings = null;
      const forcedHere = options.force || forced;
      // Storage answers through the browser process: look for the article while it does, in a
      // task of its own (the first scan starts in the task that evaluates this script). Only
      // finding, no marking and no sending, so a site the settings turn off loses nothing.
      if (!(await nextTask(current))) return;
      let found = doc.body ? findArticle(doc, { force: forcedHere }) : null;
      markPhase('found');
      ({ settings } = await read);
      sliceStart = performance.now();
      markPhase('settings');
      if (signal.aborted) return;
      const host = win.location.hostname;
      if (!shown || !isSiteEnabled(settings, host)) {
        setState({ status: 'disabled', analysis: undefined, marks: { entities: 0, claims: 0 } });
        return;
      }
      // A site the user always checks skips the "is this an article?" test the first look made.
      if (!found && !forcedHere && doc.body && settings.allowSites.includes(host))
        found = findArticle(doc, { force: true });
      // Wakes the worker, if it is stopped, while the text is mapped.
      if (found) startReporting();
      if (!found) {
        setState({ status: 'not-article', analysis: undefined, marks: { entities: 0, claims: 0 } });
        // An article may still arrive (a client-rendered page): look again when paragraphs are
        // added, and quietly. A busy app that never becomes an article is searched only when it
        // could have, and sends no message and changes no state while it stays what it is.
        if (doc.body)
          watchDom(
            doc.body,
            (added) => {
              if (added.some(mayMakeArticle) && findArticle(doc)) void scan();
            },
            { signal, debounceMs: 500 },
          );
        return;
      }
      current.root = found.root;
      const language = pageLanguage(doc, found.root);
      // Before the mark styles go in: the direction test may read a computed style, which would
      // otherwise restyle the whole page for the new sheet on the spot instead of in the next frame.
      const claimsAllowed = (language === null || language.startsWith('en')) && !isRtl(found.root);
      styles ??= injectMarkStyles(doc, {
        unverified: settings.highlightMode === 'all' ? 'subtle' : 'hidden',
      });
      styles.update({ unverified: settings.highlightMode === 'all' ? 'subtle' : 'hidden' });
      await markRoot(current, found.root, found.exclude, claimsAllowed);
      if (signal.aborted) return;
      if (!current.analysis) setState({ status: 'done', marks: { entities: 0, claims: 0 } });
      watchDom(
        found.root,
        (added) => {
          for (const root of added) {
            // A paragraph the page moved may carry our marks already: start it clean.
            removeAll(root);
            void markRoot(current, root, [], claimsAllowed).catch(() => undefined);
          }
        },
        { signal, exclude: found.exclude },
      );
    } catch (error) {
      if (!signal.aborted) setState({ status: 'error', error: (error as Error).message ?? String(error) });
    }
  };

  backgroundToContent.onMessage('getState', currentWireState);
  backgroundToContent.onMessage('checkAnyway', async () => {
    forced = true;
    await scan({ force: true });
    return currentWireState();
  });
  backgroundToContent.onMessage('scrollToClaim', ({ data }) => {
    const elements = run?.claimMarks[data.index];
    const first = elements?.[0];
    if (!first) return false;
    // A hidden tab (the popup opened in a tab) does not animate: jump there instead.
    first.scrollIntoView({
      block: 'center',
      behavior: doc.visibilityState === 'visible' ? 'smooth' : 'auto',
    });
    for (const el of elements) {
      el.animate(
        [{ outline: '3px solid #f5b400', outlineOffset: '2px' }, { outline: '3px solid transparent' }],
        {
          duration: 1600,
          easing: 'ease-out',
        },
      );
    }
    (elements.find((el) => el.hasAttribute('tabindex')) ?? first).focus({ preventScroll: true });
    return true;
  });
  backgroundToContent.onMessage('toggleHighlights', async () => {
    shown = !shown;
    await scan();
    return shown;
  });
  const lifetime = new AbortController();
  const unwatchSettings = settingsItem.watch(() => void scan());
  ctx.onInvalidated(() => {
    lifetime.abort();
    unwatchSettings();
    clear();
    styles?.remove();
    backgroundToContent.removeAllListeners();
  });

  createTooltipHost(ctx, doc, {
    signal: lifetime.signal,
    delayMs: () => settings?.tooltipDelay ?? 300,
    openStatement: (ref) => void contentToBackground.sendMessage('openViewer', ref).catch(() => undefined),
    targetOf: async (mark) => {
      const id = mark.getAttribute(MARK_ID_ATTR);
      const subject = id ? run?.subjects.get(id) : undefined;
      if (!subject) return null;
      if (subject.kind === 'claim') return { kind: 'claim', claim: subject.claim };
      const entity = subject.entity;
      let cached = entityStatementCache.get(entity.id);
      if (!cached) {
        cached = contentToBackground
          .sendMessage('entityStatements', { entityId: entity.id })
          .then((statements): TooltipTarget => ({ kind: 'entity', entity, statements }))
          .catch((): TooltipTarget => ({ kind: 'entity', entity, statements: [] }));
        entityStatementCache.set(entity.id, cached);
      }
      return cached;
    },
  });

  ctx.addEventListener(win, 'wxt:locationchange', () => {
    clear();
    ctx.setTimeout(() => void scan(), NAVIGATION_SETTLE_MS);
  });
  setState({ status: 'checking' });
  void scan();
}
