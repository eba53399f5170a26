/**
 * fast-check arbitraries for random DOM trees: nested inline and block
 * elements, skipped elements (script, code, textarea, contenteditable,
 * hidden, our own UI), adjacent and empty text nodes, whitespace-only runs
 * and astral characters. Trees are plain data, so a failing case shrinks and
 * prints readably, and one spec can be built twice for A/B comparisons.
 */
import fc from 'fast-check';

export type DomSpec =
  | { kind: 'text'; data: string }
  | { kind: 'element'; tag: string; attr: readonly [string, string] | null; children: DomSpec[] };

const TAGS = [
  'p',
  'div',
  'span',
  'b',
  'em',
  'a',
  'ul',
  'li',
  'td',
  'br',
  'h2',
  'section',
  'code',
  'script',
  'textarea',
  'crosscheck-tooltip-host',
] as const;

const ATTRS: ReadonlyArray<readonly [string, string]> = [
  ['class', 'x'],
  ['hidden', ''],
  ['aria-hidden', 'true'],
  ['contenteditable', 'true'],
  ['contenteditable', 'false'],
  ['data-crosscheck-ui', ''],
];

// Letters, punctuation, whitespace (including newlines) and a surrogate pair.
const CHARS = ['a', 'b', 'c', 'D', '.', ',', ' ', ' ', '\n', '\t', 'é', '😀'];

export const textSpec: fc.Arbitrary<DomSpec> = fc
  .string({ unit: fc.constantFrom(...CHARS), maxLength: 16 })
  .map((data) => ({ kind: 'text' as const, data }));

const tree = fc.letrec<{ node: DomSpec; element: DomSpec }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'medium', withCrossShrink: true },
    { arbitrary: textSpec, weight: 2 },
    { arbitrary: tie('element'), weight: 3 },
  ),
  element: fc.record({
    kind: fc.constant('element' as const),
    tag: fc.constantFrom(...TAGS),
    // One element in five carries an attribute, most of which skip the subtree.
    attr: fc.oneof(
      { arbitrary: fc.constant(null), weight: 4 },
      { arbitrary: fc.constantFrom<readonly [string, string]>(...ATTRS), weight: 1 },
    ),
    children: fc.array(tie('node'), { maxLength: 5 }),
  }),
}));

/** A random tree under a `<div>` root: several top-level nodes, a few levels deep. */
export const domSpec: fc.Arbitrary<DomSpec> = fc
  .array(tree.node, { minLength: 1, maxLength: 8 })
  .map((children) => ({ kind: 'element' as const, tag: 'div', attr: null, children }));

/** Builds the spec in `doc`; text nodes are created one by one, so adjacent and empty ones survive. */
export function buildDom(doc: Document, spec: DomSpec): Node {
  if (spec.kind === 'text') return doc.createTextNode(spec.data);
  const el = doc.createElement(spec.tag);
  if (spec.attr) el.setAttribute(spec.attr[0], spec.attr[1]);
  // <br> cannot have children in HTML; keep the generated tree realistic.
  if (spec.tag !== 'br') for (const child of spec.children) el.appendChild(buildDom(doc, child));
  return el;
}

/** Builds the spec as an element attached to `doc.body` (so Ranges work in happy-dom). */
export function mountDom(doc: Document, spec: DomSpec): Element {
  const node = buildDom(doc, spec);
  const host = doc.createElement('div');
  host.appendChild(node);
  doc.body.appendChild(host);
  return host;
}

const SCALE = 1000;

/**
 * Random spans as fractions (in thousandths) of a text not built yet;
 * {@link scaleSpans} turns them into offsets once the text map exists. They
 * may be empty, nested or overlapping.
 */
export const relativeSpans: fc.Arbitrary<Array<readonly [number, number]>> = fc.array(
  fc.tuple(fc.integer({ min: 0, max: SCALE }), fc.integer({ min: 0, max: SCALE })),
  { maxLength: 8 },
);

/** Offsets in a text of `length` for spans from {@link relativeSpans}. */
export function scaleSpans(
  spans: ReadonlyArray<readonly [number, number]>,
  length: number,
): Array<{ start: number; end: number }> {
  return spans.map(([a, b]) => {
    const x = Math.floor((a * length) / SCALE);
    const y = Math.floor((b * length) / SCALE);
    return { start: Math.min(x, y), end: Math.max(x, y) };
  });
}
