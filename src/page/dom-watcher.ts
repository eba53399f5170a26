/**
 * The page's one MutationObserver: reports article content added after the
 * first scan, in debounced batches, and never reports Crosscheck's own work.
 *
 * The observer callback only files added elements into a Set; all filtering
 * happens once per batch, so a page mutating 1,000 times a second costs a Set
 * insertion per added element and one timer, not a DOM walk per mutation.
 */
import { MARK_TAG, isSkippedElement } from './text-map';

export interface WatchDomOptions {
  /** Stops the watcher (observer, timer, pending batch) when aborted. */
  signal: AbortSignal;
  /** Quiet time after the last mutation before a batch is reported. Default 250 ms. */
  debounceMs?: number;
  /** Longest a batch waits while the page never goes quiet. Default 1,000 ms. */
  maxWaitMs?: number;
  /** Subtrees inside `root` whose additions are ignored (e.g. `findArticle(...).exclude`). */
  exclude?: Iterable<Element>;
  /** Receives errors thrown by `onChange`; default logs them, so the observer keeps running. */
  onError?: (error: unknown) => void;
}

/** Handle on a running watcher. */
export interface DomWatch {
  /** Reports whatever is pending now instead of waiting for the timer (tests, navigation). */
  flush(): void;
}

const DEFAULT_DEBOUNCE_MS = 250;
const DEFAULT_MAX_WAIT_MS = 1000;
const ELEMENT_NODE = 1;

/**
 * Watches `root` for added elements and calls `onChange` with the outermost
 * new ones, at most once per debounce window. Ignored: our marks and UI hosts
 * (any `crosscheck-*` element, `[data-crosscheck-ui]`) and whatever is inside
 * them, additions inside skipped or excluded subtrees (editors, scripts, nav),
 * elements already reported once (a page that moves a marked paragraph must
 * not get it marked twice), and bare text nodes (the highlighter's own
 * `splitText` adds those; pages add content as elements).
 *
 * Uses the `MutationObserver` of `root`'s own window, not a captured global,
 * so it works for any document handed in. Throws a descriptive Error if that
 * window has no usable MutationObserver.
 */
export function watchDom(
  root: Element,
  onChange: (addedRoots: Element[]) => void,
  options: WatchDomOptions,
): DomWatch {
  const { signal } = options;
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  const exclude = new Set(options.exclude ?? []);
  const onError =
    options.onError ?? ((error: unknown) => console.error('[crosscheck] DOM watcher callback failed', error));
  const win = root.ownerDocument.defaultView;
  if (!win) throw new Error('watchDom: root is not in a document with a window');
  const Observer = win.MutationObserver;
  if (typeof Observer !== 'function') throw new Error('watchDom: this window has no MutationObserver');

  const pending = new Set<Element>();
  const reported = new WeakSet<Element>();
  // A window timer id (a number), not Node's Timeout: the timers are the page window's.
  let timer: number | undefined;
  let firstAt = 0;
  let lastAt = 0;
  const inert: DomWatch = { flush: () => {} };
  if (signal.aborted) return inert;

  /** Runs when the timer fires: report if quiet long enough or waited too long, else re-arm once. */
  const tick = (): void => {
    timer = undefined;
    const now = Date.now();
    const quietFor = now - lastAt;
    const waited = now - firstAt;
    if (quietFor >= debounceMs || waited >= maxWaitMs) flush();
    else arm(Math.min(debounceMs - quietFor, maxWaitMs - waited));
  };

  const arm = (delay: number): void => {
    if (timer === undefined) timer = win.setTimeout(tick, Math.max(0, delay));
  };

  const flush = (): void => {
    if (timer !== undefined) win.clearTimeout(timer);
    timer = undefined;
    if (pending.size === 0 || signal.aborted) return;
    const batch = new Set(pending);
    pending.clear();
    const roots: Element[] = [];
    for (const el of batch) {
      if (reported.has(el) || !el.isConnected || el === root || !root.contains(el)) continue;
      if (isIgnored(el, root, batch, exclude)) continue;
      roots.push(el);
    }
    for (const el of roots) reported.add(el);
    if (roots.length === 0) return;
    try {
      onChange(roots);
    } catch (error) {
      onError(error);
    }
  };

  let observer: MutationObserver;
  try {
    observer = new Observer((records) => {
      // Hot path: no DOM reads beyond the records themselves.
      for (const record of records) {
        const added = record.addedNodes;
        for (let i = 0; i < added.length; i += 1) {
          const node = added[i];
          if (node && isElement(node)) pending.add(node);
        }
      }
      if (pending.size === 0) return;
      const now = Date.now();
      if (timer === undefined) firstAt = now;
      lastAt = now;
      arm(debounceMs);
    });
    observer.observe(root, { childList: true, subtree: true });
  } catch (error) {
    throw new Error('watchDom: could not observe the page', { cause: error });
  }

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      if (timer !== undefined) win.clearTimeout(timer);
      timer = undefined;
      pending.clear();
    },
    { once: true },
  );

  return { flush };
}

function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

/**
 * One walk from `el` up to `root`: ignored if any ancestor is ours, skipped
 * or excluded, or is itself in this batch (then that ancestor is reported and
 * covers `el`).
 */
function isIgnored(
  el: Element,
  root: Element,
  batch: ReadonlySet<Element>,
  exclude: ReadonlySet<Element>,
): boolean {
  for (let a: Element | null = el; a && a !== root; a = a.parentElement) {
    if (a.localName === MARK_TAG || isSkippedElement(a) || exclude.has(a)) return true;
    if (a !== el && batch.has(a)) return true;
  }
  return false;
}
