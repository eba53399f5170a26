/**
 * The DOM edge, outbound: wraps mapped text in `<crosscheck-mark>` elements
 * and takes them out again, leaving the page exactly as it was.
 *
 * Marks only wrap text: `textContent` of every ancestor stays byte-for-byte
 * the same while marked, and {@link removeAll} restores the original text-node
 * structure (it re-joins only the splits this module made, instead of calling
 * `normalize()`, which would also merge text nodes the page had kept apart).
 */
import { MARK_TAG, isSegmentCurrent, isolateSegment, offsetsToSegments, type TextMap } from './text-map';

export { MARK_TAG };

/** One mark to draw, in offsets of `TextMap.text` (what the engine returns). */
export interface MarkSpec {
  start: number;
  end: number;
  /** Attributes for every element of the mark, e.g. `{ 'data-kind': 'claim', 'data-verdict': 'mixed' }`. */
  attrs: Readonly<Record<string, string>>;
  /**
   * The keyboard stop's accessible name (`aria-label`), said before the
   * mark's text: what it is ("Corroborated: …", a person's name).
   */
  label?: string;
}

export interface HighlightOptions {
  /**
   * Give one element per mark `tabindex="0"` and `role="button"` so keyboard
   * users can reach it; the tooltip later adds `aria-expanded` and
   * `aria-describedby`. Default true.
   */
  focusable?: boolean;
}

/** Attribute shared by all elements of one mark; unique within the document. */
export const MARK_ID_ATTR = 'data-mark-id';
/** Present on the last element of a mark, so styles can draw one end icon per mark. */
export const MARK_END_ATTR = 'data-mark-end';

const TEXT_NODE = 3;
const WHITESPACE_ONLY = /^\s*$/;
/**
 * Ancestors that already are (or contain) a control. A focusable mark inside
 * them would nest interactive elements, which screen readers handle badly.
 */
const INTERACTIVE_ANCESTOR = `a[href], button, summary, label, [role="button"], [role="link"], ${MARK_TAG}[tabindex]`;

/**
 * Text node → the node it was split off from. Module state rather than a DOM
 * attribute because text nodes carry no attributes; a WeakMap so that nodes
 * the page drops are collected.
 */
const splitOrigin = new WeakMap<Text, Text>();
const nextIdByDocument = new WeakMap<Document, number>();

/**
 * Orders marks so that an enclosing mark comes before the marks inside it
 * (start ascending, then longer first). Sort the whole list with this before
 * cutting it into chunks, and a claim will wrap its entity marks, not the
 * other way round.
 */
export function compareMarks(a: MarkSpec, b: MarkSpec): number {
  return a.start - b.start || b.end - a.end;
}

function nextMarkId(doc: Document): string {
  const n = nextIdByDocument.get(doc) ?? 0;
  nextIdByDocument.set(doc, n + 1);
  return `cc-${n}`;
}

/**
 * Wraps each mark's text in `<crosscheck-mark>` elements and returns, per
 * mark, its elements in document order. A mark gets one element per run of
 * adjacent text nodes it covers, so it splits across element boundaries;
 * whitespace-only runs are skipped so tables and lists keep their layout. An
 * empty array means nothing was wrapped: the span was empty or whitespace, or
 * the page changed the text since the map was built (then the whole mark is
 * skipped; rebuild the map and try again).
 *
 * Chunking contract: call it any number of times on the same `map`, each time
 * with a slice of one list sorted by {@link compareMarks}. The map tracks
 * every split it makes, so offsets stay exact across calls, and no call reads
 * layout. Marks may nest or overlap; nested ones come out properly nested when
 * the list is sorted. Do not rebuild the map between chunks (a new map works
 * too, but costs a walk), and do not call {@link removeAll} in between.
 */
export function highlight(
  map: TextMap,
  marks: readonly MarkSpec[],
  options: HighlightOptions = {},
): HTMLElement[][] {
  const doc = map.root.ownerDocument;
  const focusable = options.focusable ?? true;
  return marks.map((mark) => wrapMark(map, mark, doc, focusable));
}

function wrapMark(map: TextMap, mark: MarkSpec, doc: Document, focusable: boolean): HTMLElement[] {
  const segments = offsetsToSegments(map, mark.start, mark.end).filter(
    (s) => !WHITESPACE_ONLY.test(map.text.slice(s.base + s.start, s.base + s.end)),
  );
  if (segments.length === 0) return [];
  // All or nothing: a half-drawn claim would misstate what the engine found.
  if (!segments.every((s) => isSegmentCurrent(map, s))) return [];

  const runs: Text[][] = [];
  let previous: Text | null = null;
  for (const segment of segments) {
    const { node, created } = isolateSegment(map, segment);
    for (const part of created) splitOrigin.set(part, segment.node);
    const run = runs[runs.length - 1];
    if (run && previous && previous.nextSibling === node) run.push(node);
    else runs.push([node]);
    previous = node;
  }

  const id = nextMarkId(doc);
  const elements: HTMLElement[] = [];
  for (const run of runs) {
    const first = run[0];
    const parent = first?.parentNode;
    if (!first || !parent) continue;
    const el = doc.createElement(MARK_TAG);
    for (const [name, value] of Object.entries(mark.attrs)) el.setAttribute(name, value);
    el.setAttribute(MARK_ID_ATTR, id);
    parent.insertBefore(el, first);
    for (const node of run) el.appendChild(node);
    elements.push(el);
  }
  elements[elements.length - 1]?.setAttribute(MARK_END_ATTR, '');

  if (focusable) {
    // The first element that is not inside a link, control or another focusable
    // mark; if every part is, the enclosing control is the keyboard stop.
    const target = elements.find((el) => !el.parentElement?.closest(INTERACTIVE_ANCESTOR));
    if (target) {
      target.setAttribute('tabindex', '0');
      target.setAttribute('role', 'button');
      if (mark.label !== undefined) target.setAttribute('aria-label', mark.label);
    }
  }
  return elements;
}

/**
 * Unwraps every `<crosscheck-mark>` under `root` and re-joins exactly the text
 * nodes the highlighter split, so the subtree's nodes, their data and its
 * serialisation are what they were before marking. Returns how many mark
 * elements it removed. Every TextMap of `root` is stale afterwards. On very
 * large pages, use {@link removeMarks} in slices to keep tasks short.
 */
export function removeAll(root: Element): number {
  return removeMarks(root.querySelectorAll(MARK_TAG));
}

/**
 * Unwraps the given mark elements and re-joins the splits that this makes
 * possible; returns how many it removed. Chunkable: call it on consecutive
 * slices of `root.querySelectorAll('crosscheck-mark')` (document order) and
 * the page ends up exactly as one {@link removeAll} would leave it.
 */
export function removeMarks(marks: Iterable<Element>): number {
  const parents = new Set<Node>();
  let removed = 0;
  // In document order outer marks go first, and their inner marks land in
  // the real parent before being unwrapped themselves.
  for (const mark of Array.from(marks)) {
    const parent = mark.parentNode;
    if (!parent || mark.localName !== MARK_TAG) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parents.add(parent);
    removed += 1;
  }
  for (const parent of parents) rejoinSplits(parent);
  return removed;
}

/** Split-off node → the node it was merged back into; kept across calls so chunked removal resolves chains. */
const mergedInto = new WeakMap<Text, Text>();

function resolveMerged(node: Text): Text {
  let current = node;
  for (let next = mergedInto.get(current); next; next = mergedInto.get(current)) current = next;
  return current;
}

/**
 * Merges each split-off text node back into the node it came from when that
 * node is (after earlier merges) its previous sibling. Anything the page has
 * rearranged in the meantime is left alone rather than guessed at.
 */
function rejoinSplits(parent: Node): void {
  let child = parent.firstChild;
  while (child) {
    const next: ChildNode | null = child.nextSibling;
    const origin = isText(child) ? splitOrigin.get(child) : undefined;
    const previous = child.previousSibling;
    if (origin && isText(child) && previous && isText(previous) && resolveMerged(origin) === previous) {
      previous.appendData(child.data);
      parent.removeChild(child);
      splitOrigin.delete(child);
      mergedInto.set(child, previous);
    }
    child = next;
  }
}

/** Whether `root` contains any marks (cheap guard against marking twice). */
export function hasMarks(root: Element): boolean {
  return root.querySelector(MARK_TAG) !== null;
}

/** Returns every element of the mark with this id under `root`, in document order. */
export function markElements(root: Element, id: string): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(MARK_TAG)).filter(
    (el) => el.getAttribute(MARK_ID_ATTR) === id,
  );
}

function isText(node: Node): node is Text {
  return node.nodeType === TEXT_NODE;
}
