/**
 * The DOM edge, inbound: turns an article's DOM into one string for the engine
 * plus an exact map from string offsets back to text nodes.
 *
 * Offsets are UTF-16 code units, the same unit the engine reports. Every
 * included text node's `data` sits verbatim at `starts[i]..ends[i]` of `text`,
 * so an engine offset always names a real character of the page. Between two
 * nodes that sit in different blocks (`<p>A.</p><p>B</p>`) the map inserts one
 * virtual {@link BLOCK_SEPARATOR}; it belongs to no node, so the engine never
 * reads "A.B" as one word, and segments/ranges simply skip it.
 */

import { lowerBound } from '../engine/lower-bound';

/** Virtual character placed in `TextMap.text` where a block boundary falls between two text nodes. */
export const BLOCK_SEPARATOR = '\n';

/** The article's text and where each piece of it lives in the DOM. */
export interface TextMap {
  /** Element the map was built from. */
  readonly root: Element;
  /** Engine input: included text-node data, in document order, with virtual block separators. */
  readonly text: string;
  /** Included, non-empty text nodes, in document order, as they were when the map was built. */
  readonly nodes: readonly Text[];
  /** `starts[i]` is the offset in `text` of `nodes[i].data[0]`. Sorted ascending. */
  readonly starts: readonly number[];
  /** `ends[i]` is `starts[i]` plus the node's length when the map was built. */
  readonly ends: readonly number[];
}

/** A piece of a text node that an offset range covers. */
export interface TextSegment {
  /** The text node holding the characters now (a fragment if the highlighter split the original). */
  readonly node: Text;
  /** Start offset within `node.data`. */
  readonly start: number;
  /** End offset (exclusive) within `node.data`. */
  readonly end: number;
  /** Offset in `TextMap.text` of `node.data[0]`. */
  readonly base: number;
  /** Length `node.data` must have for this segment to be current. */
  readonly size: number;
  /** Index into `TextMap.nodes` of the original node this fragment came from. */
  readonly entry: number;
}

export interface TextMapOptions {
  /** Subtrees whose text is left out (for example `findArticle(...).exclude`). */
  exclude?: Iterable<Element>;
}

// Numeric constants rather than the `Node`/`NodeFilter` globals, so the module
// only touches what it is handed (a test or another frame can pass any DOM).
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;

/**
 * Elements whose text is never page prose we may mark: code, form controls,
 * embedded/foreign content and document metadata. `pre` goes with `code`
 * because on news pages it holds code listings and ASCII art, and the issue
 * forbids marking inside code; `button` because marks inside a control would
 * nest interactive elements.
 */
const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'optgroup',
  'datalist',
  'button',
  'code',
  'pre',
  'kbd',
  'samp',
  'svg',
  'math',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
  'meta',
  'link',
  // Ruby annotations would splice pronunciation text into the middle of words.
  'rt',
  'rp',
]);

/**
 * Elements that start a new line of prose (HTML's block-level and
 * line-breaking elements). Read from the tag name only: resolving CSS
 * `display` would cost a style read per node on 100,000-word pages.
 */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

const UI_PREFIX = 'crosscheck-';
/** Tag of the elements the highlighter wraps text in; their text is page text. */
export const MARK_TAG = 'crosscheck-mark';

/**
 * Whether an element's subtree is left out of the text map: code, controls,
 * editable or hidden content, and Crosscheck's own UI. Marks are not skipped,
 * so a rescan of a marked page sees the same text. Cheap: the tag name and at
 * most five attribute reads, never style or layout.
 */
export function isSkippedElement(el: Element): boolean {
  const tag = el.localName;
  if (SKIPPED_TAGS.has(tag)) return true;
  if (tag.startsWith(UI_PREFIX) && tag !== MARK_TAG) return true;
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('data-crosscheck-ui')) return true;
  const editable = el.getAttribute('contenteditable');
  // Any value but "false" makes the subtree editable ("", "true", "plaintext-only").
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  const hidden = el.getAttribute('hidden');
  // "until-found" content is real article text the browser reveals on find-in-page.
  if (hidden !== null && hidden.toLowerCase() !== 'until-found') return true;
  // Focusable marks inside aria-hidden or inert content would break accessibility.
  if (el.getAttribute('aria-hidden') === 'true') return true;
  return el.hasAttribute('inert');
}

/**
 * Whether `el` or one of its ancestors (up to, not including, `stopAt`) is
 * skipped or excluded. Used for content added after the first scan, whose
 * ancestors the text walk never saw.
 */
export function isInsideSkipped(
  el: Element,
  stopAt: Element | null,
  exclude?: ReadonlySet<Element>,
): boolean {
  for (let a: Element | null = el; a && a !== stopAt; a = a.parentElement) {
    if (isSkippedElement(a) || exclude?.has(a)) return true;
  }
  return false;
}

interface Fragment {
  /** Offset in `TextMap.text` of this fragment's first character. */
  start: number;
  node: Text;
}

/**
 * Bookkeeping that keeps a map valid while the highlighter splits its text
 * nodes: for each original node that was split, its fragments in order. The
 * text itself never changes (marks only wrap), so `starts`/`ends` stay exact.
 */
interface MapState {
  fragments: Map<number, Fragment[]>;
  /** Node → entry index, built on the first DOM → offset question. */
  index: Map<Text, number> | null;
}

const states = new WeakMap<TextMap, MapState>();

function stateOf(map: TextMap): MapState {
  let state = states.get(map);
  if (!state) {
    state = { fragments: new Map(), index: null };
    states.set(map, state);
  }
  return state;
}

/**
 * Builds the text map of `root` in one O(n) pass with a TreeWalker and no
 * layout reads. Skipped subtrees ({@link isSkippedElement}) and `exclude`d
 * ones contribute no text; a block boundary between two included nodes adds
 * one virtual {@link BLOCK_SEPARATOR} (never at the start or end, never two in
 * a row). Text inside existing `crosscheck-mark` elements is included, so a
 * marked page maps to the same text as the unmarked one.
 */
export function buildTextMap(root: Element, options: TextMapOptions = {}): TextMap {
  const exclude = options.exclude ? new Set(options.exclude) : null;
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT);
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let length = 0;
  let pendingBreak = false;

  // The walk uses firstChild/nextSibling/parentNode rather than nextNode() so
  // that it can both prune skipped subtrees and notice when it leaves a block.
  let node: Node | null = walker.firstChild();
  while (node) {
    let descend = false;
    if (isText(node)) {
      const data = node.data;
      if (data.length > 0) {
        if (pendingBreak && length > 0) {
          parts.push(BLOCK_SEPARATOR);
          length += 1;
        }
        pendingBreak = false;
        nodes.push(node);
        starts.push(length);
        parts.push(data);
        length += data.length;
        ends.push(length);
      }
    } else if (isElement(node)) {
      // A skipped block (an aside between paragraphs) still separates its neighbours.
      if (BLOCK_TAGS.has(node.localName)) pendingBreak = true;
      descend = !isSkippedElement(node) && !exclude?.has(node);
    }
    if (descend && walker.firstChild()) {
      node = walker.currentNode;
      continue;
    }
    node = null;
    for (;;) {
      const next = walker.nextSibling();
      if (next) {
        node = next;
        break;
      }
      const parent = walker.parentNode();
      if (!parent || parent === root) break;
      if (isElement(parent) && BLOCK_TAGS.has(parent.localName)) pendingBreak = true;
    }
  }

  return { root, text: parts.join(''), nodes, starts, ends };
}

/** Bounds-checked index read: the loops stay in range, and a bug fails loudly instead of reading undefined. */
function itemAt<T>(list: readonly T[], i: number): T {
  const value = list[i];
  if (value === undefined) throw new RangeError(`text map index ${i} out of range`);
  return value;
}

function isText(node: Node): node is Text {
  return node.nodeType === TEXT_NODE;
}

function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

/** Index of the last entry whose start is ≤ `offset` (or -1). */
function entryAtOrBefore(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (itemAt(starts, mid) <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * Index of the last fragment starting at or before `offset`. Binary search,
 * because one long text node can collect hundreds of marks.
 */
function fragmentAt(frags: readonly Fragment[], offset: number): number {
  return Math.max(0, lowerBound(frags.length, (i) => itemAt(frags, i).start > offset) - 1);
}

/**
 * Returns, in document order, the text-node pieces that hold `text[start, end)`:
 * one segment per (current) text node, with offsets local to that node.
 * Virtual separators are skipped. Stays correct while {@link isolateSegment}
 * splits nodes, which is what lets the highlighter work in chunks on one map.
 * O(log n + segments).
 */
export function offsetsToSegments(map: TextMap, start: number, end: number): TextSegment[] {
  const from = Math.max(0, start);
  const to = Math.min(map.text.length, end);
  const segments: TextSegment[] = [];
  if (from >= to) return segments;
  const { nodes, starts, ends } = map;
  const fragments = states.get(map)?.fragments;
  let i = Math.max(0, entryAtOrBefore(starts, from));
  for (; i < nodes.length && itemAt(starts, i) < to; i += 1) {
    const entryStart = itemAt(starts, i);
    const entryEnd = itemAt(ends, i);
    const a = Math.max(from, entryStart);
    const b = Math.min(to, entryEnd);
    if (a >= b) continue;
    const frags = fragments?.get(i);
    if (!frags) {
      const size = entryEnd - entryStart;
      segments.push({
        node: itemAt(nodes, i),
        start: a - entryStart,
        end: b - entryStart,
        base: entryStart,
        size,
        entry: i,
      });
      continue;
    }
    for (let j = fragmentAt(frags, a); j < frags.length; j += 1) {
      const frag = itemAt(frags, j);
      if (frag.start >= b) break;
      const fragEnd = j + 1 < frags.length ? itemAt(frags, j + 1).start : entryEnd;
      const sa = Math.max(a, frag.start);
      const sb = Math.min(b, fragEnd);
      if (sa < sb) {
        segments.push({
          node: frag.node,
          start: sa - frag.start,
          end: sb - frag.start,
          base: frag.start,
          size: fragEnd - frag.start,
          entry: i,
        });
      }
    }
  }
  return segments;
}

/**
 * Whether the page left a segment's node as the map expects it (same text,
 * same length). Pages may rewrite their DOM between two highlight chunks; a
 * stale segment must not be split or wrapped.
 */
export function isSegmentCurrent(map: TextMap, segment: TextSegment): boolean {
  const data = segment.node.data;
  return (
    data.length === segment.size &&
    segment.node.parentNode !== null &&
    data === map.text.slice(segment.base, segment.base + segment.size)
  );
}

function recordFragment(map: TextMap, entry: number, start: number, node: Text): void {
  const state = stateOf(map);
  let frags = state.fragments.get(entry);
  if (!frags) {
    frags = [{ start: itemAt(map.starts, entry), node: itemAt(map.nodes, entry) }];
    state.fragments.set(entry, frags);
  }
  const at = fragmentAt(frags, start) + 1;
  frags.splice(at, 0, { start, node });
  state.index?.set(node, entry);
}

/**
 * Splits the segment's node so that exactly `[segment.start, segment.end)` is
 * one text node, records the new fragments in the map (so later
 * {@link offsetsToSegments} calls stay exact) and returns that node plus the
 * nodes the splits created (right-hand parts), which the highlighter merges
 * back on removal. The text of the page does not change.
 */
export function isolateSegment(map: TextMap, segment: TextSegment): { node: Text; created: Text[] } {
  let node = segment.node;
  const created: Text[] = [];
  // Split the tail first, so `node` keeps its identity for the head split.
  if (segment.end < node.data.length) {
    const tail = node.splitText(segment.end);
    recordFragment(map, segment.entry, segment.base + segment.end, tail);
    created.push(tail);
  }
  if (segment.start > 0) {
    const middle = node.splitText(segment.start);
    recordFragment(map, segment.entry, segment.base + segment.start, middle);
    created.push(middle);
    node = middle;
  }
  return { node, created };
}

/**
 * Returns a DOM Range over `text[start, end)`, from the first covered text
 * node to the last, or null when the span holds no node text (empty, out of
 * bounds, or only a virtual separator).
 */
export function rangeFromOffsets(map: TextMap, start: number, end: number): Range | null {
  const segments = offsetsToSegments(map, start, end);
  const first = segments[0];
  const last = segments[segments.length - 1];
  if (!first || !last) return null;
  const range = map.root.ownerDocument.createRange();
  range.setStart(first.node, first.start);
  range.setEnd(last.node, last.end);
  return range;
}

/**
 * Maps a DOM point inside a mapped text node (original or a fragment the
 * highlighter split off) back to its offset in `map.text`; null when the node
 * is not in the map. The first call indexes the map in O(n).
 */
export function offsetFromPoint(map: TextMap, node: Text, offset: number): number | null {
  const state = stateOf(map);
  if (!state.index) {
    const index = new Map<Text, number>();
    map.nodes.forEach((n, i) => index.set(n, i));
    for (const [entry, frags] of state.fragments) for (const f of frags) index.set(f.node, entry);
    state.index = index;
  }
  const entry = state.index.get(node);
  if (entry === undefined) return null;
  const frags = state.fragments.get(entry);
  const base = frags ? frags.find((f) => f.node === node)?.start : map.starts[entry];
  if (base === undefined) return null;
  return base + Math.max(0, Math.min(offset, node.data.length));
}
