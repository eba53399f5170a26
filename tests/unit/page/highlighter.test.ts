// @vitest-environment happy-dom
import fc from 'fast-check';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  MARK_END_ATTR,
  MARK_ID_ATTR,
  MARK_TAG,
  compareMarks,
  hasMarks,
  highlight,
  markElements,
  removeAll,
  removeMarks,
  type MarkSpec,
} from '../../../src/page/highlighter';
import { buildTextMap, isInsideSkipped, offsetFromPoint, type TextMap } from '../../../src/page/text-map';
import { fragment, snapshot } from './dom-helpers';
import { domSpec, mountDom, relativeSpans, scaleSpans, type DomSpec } from './random-dom';

const claim = { 'data-kind': 'claim', 'data-verdict': 'corroborated' };
const entity = { 'data-kind': 'entity', 'data-entity': 'maria-keller' };

/** The mark spec for the `occurrence`-th `quote` in the map's text. */
function markOf(map: TextMap, quote: string, attrs: Record<string, string>, occurrence = 0): MarkSpec {
  let at = -1;
  for (let i = 0; i <= occurrence; i += 1) at = map.text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`"${quote}" not in ${JSON.stringify(map.text)}`);
  return { start: at, end: at + quote.length, attrs };
}

const texts = (elements: HTMLElement[]) => elements.map((el) => el.textContent);

describe('highlight', () => {
  test('splits a mark across element boundaries, one element per text run', () => {
    const root = fragment('<p>Hello <b>big</b> world</p>');
    const map = buildTextMap(root);
    const [elements = []] = highlight(map, [markOf(map, 'lo big wo', claim)]);
    expect(texts(elements)).toEqual(['lo ', 'big', ' wo']);
    expect(elements.map((el) => el.parentElement?.localName)).toEqual(['p', 'b', 'p']);
    expect(new Set(elements.map((el) => el.getAttribute(MARK_ID_ATTR))).size).toBe(1);
    expect(elements.every((el) => el.getAttribute('data-verdict') === 'corroborated')).toBe(true);
    expect(root.textContent).toBe('Hello big world');
  });

  test('only the first element is a keyboard stop; only the last carries the end marker', () => {
    const root = fragment('<p>Hello <b>big</b> world</p>');
    const map = buildTextMap(root);
    const [elements = []] = highlight(map, [markOf(map, 'lo big wo', claim)]);
    expect(elements.map((el) => el.getAttribute('tabindex'))).toEqual(['0', null, null]);
    expect(elements.map((el) => el.getAttribute('role'))).toEqual(['button', null, null]);
    expect(elements.map((el) => el.hasAttribute(MARK_END_ATTR))).toEqual([false, false, true]);
  });

  test('the label names the keyboard stop alone, and a mark with no stop gets none', () => {
    const root = fragment('<p>Hello <b>big</b> world</p>');
    const map = buildTextMap(root);
    const labelled = { ...markOf(map, 'lo big wo', claim), label: 'Corroborated: x' };
    const [stopped = []] = highlight(map, [labelled]);
    expect(stopped.map((el) => el.getAttribute('aria-label'))).toEqual(['Corroborated: x', null, null]);
    const [plain = []] = highlight(map, [{ ...markOf(map, 'Hel', entity), label: 'x' }], {
      focusable: false,
    });
    expect(plain[0]?.hasAttribute('aria-label')).toBe(false);
  });

  test('focusable: false leaves every element out of the tab order', () => {
    const root = fragment('<p>Maria Keller said</p>');
    const map = buildTextMap(root);
    const [elements = []] = highlight(map, [markOf(map, 'Maria Keller', entity)], { focusable: false });
    expect(elements[0]?.hasAttribute('tabindex')).toBe(false);
  });

  test.each([
    [
      'inside a link: the link is the stop',
      '<p><a href="/p">Maria Keller</a> said</p>',
      'Maria Keller',
      [null],
    ],
    [
      'starting in a link: the first part outside it is',
      '<p><a href="/p">Maria</a> Keller said</p>',
      'Maria Keller',
      [null, '0'],
    ],
    ['a link without href is not a control', '<p><a name="x">Maria Keller</a></p>', 'Maria Keller', ['0']],
  ])('focus target %s', (_name, html, quote, expected) => {
    const root = fragment(html);
    const map = buildTextMap(root);
    const [elements = []] = highlight(map, [markOf(map, quote, entity)]);
    expect(elements.map((el) => el.getAttribute('tabindex'))).toEqual(expected);
  });

  test('skips whitespace-only runs, so no mark lands between table cells or list items', () => {
    const root = fragment(
      '<table><tbody>\n<tr>\n  <td>Alpha</td>\n  <td>Beta</td>\n</tr>\n</tbody></table><ul>\n <li>one</li>\n <li>two</li>\n</ul>',
    );
    const map = buildTextMap(root);
    const [elements = []] = highlight(map, [{ start: 0, end: map.text.length, attrs: claim }]);
    expect(texts(elements)).toEqual(['Alpha', 'Beta', 'one', 'two']);
    expect(elements.map((el) => el.parentElement?.localName)).toEqual(['td', 'td', 'li', 'li']);
  });

  test('a whitespace-only span draws nothing', () => {
    const root = fragment('<p>a   b</p>');
    const map = buildTextMap(root);
    expect(highlight(map, [{ start: 1, end: 4, attrs: claim }])).toEqual([[]]);
    expect(hasMarks(root)).toBe(false);
  });

  test('never wraps text of skipped elements inside the span', () => {
    const root = fragment(
      '<p>Maria <script>var a = "x";</script><code>k()</code><textarea>t</textarea><span contenteditable>e</span>Keller said</p>',
    );
    const map = buildTextMap(root);
    const [elements = []] = highlight(map, [markOf(map, 'Maria Keller', entity)]);
    expect(texts(elements)).toEqual(['Maria ', 'Keller']);
    for (const tag of ['script', 'code', 'textarea', 'span']) {
      expect(root.querySelector(`${tag} ${MARK_TAG}`)).toBeNull();
    }
  });

  test('nests an entity inside its claim when marks are sorted with compareMarks', () => {
    const root = fragment('<p>Mayor Maria Keller said the bridge will cost €42 million.</p>');
    const map = buildTextMap(root);
    const marks = [
      markOf(map, 'Maria Keller', entity),
      markOf(map, 'Maria Keller said the bridge', claim),
    ].sort(compareMarks);
    const [claimEls = [], entityEls = []] = highlight(map, marks);
    expect(texts(claimEls)).toEqual(['Maria Keller said the bridge']);
    expect(texts(entityEls)).toEqual(['Maria Keller']);
    expect(entityEls[0]?.parentElement).toBe(claimEls[0]);
    // The claim is the keyboard stop; a focusable mark inside it would nest controls.
    expect(claimEls[0]?.getAttribute('tabindex')).toBe('0');
    expect(entityEls[0]?.hasAttribute('tabindex')).toBe(false);
  });

  test('an entity marked first is wrapped by the claim in pieces, text intact', () => {
    const root = fragment('<p>Mayor Maria Keller said so.</p>');
    const before = snapshot(root);
    const map = buildTextMap(root);
    const [entityEls = [], claimEls = []] = highlight(map, [
      markOf(map, 'Maria Keller', entity),
      markOf(map, 'Mayor Maria Keller said', claim),
    ]);
    expect(texts(entityEls)).toEqual(['Maria Keller']);
    expect(claimEls.map((el) => el.textContent).join('')).toBe('Mayor Maria Keller said');
    expect(root.textContent).toBe('Mayor Maria Keller said so.');
    removeAll(root);
    expect(snapshot(root)).toBe(before);
  });

  test('overlapping (crossing) marks both keep their exact text', () => {
    const root = fragment('<p>one two three four</p>');
    const map = buildTextMap(root);
    const [a = [], b = []] = highlight(map, [
      markOf(map, 'one two three', claim),
      markOf(map, 'two three four', claim),
    ]);
    expect(a.map((el) => el.textContent).join('')).toBe('one two three');
    expect(b.map((el) => el.textContent).join('')).toBe('two three four');
    expect(root.textContent).toBe('one two three four');
  });

  test('chunked calls on one map land where one call would', () => {
    const html = '<p>Hello <b>big</b> world, said Maria Keller.</p><p>Maria Keller left.</p>';
    const a = fragment(html);
    const mapA = buildTextMap(a);
    const marks = [
      markOf(mapA, 'big world', claim),
      markOf(mapA, 'Maria Keller', entity, 0),
      markOf(mapA, 'Maria Keller', entity, 1),
      markOf(mapA, 'Hello big', claim),
      markOf(mapA, 'said Maria', claim),
    ].sort(compareMarks);
    highlight(mapA, marks);
    const whole = snapshot(a, { normalizeIds: true });
    const b = fragment(html);
    const mapB = buildTextMap(b);
    for (const mark of marks) highlight(mapB, [mark]);
    expect(snapshot(b, { normalizeIds: true })).toBe(whole);
  });

  test('skips a mark whose text the page changed after mapping, and still draws the others', () => {
    const root = fragment('<p>Maria Keller</p><p>Jonas Brandt</p>');
    const map = buildTextMap(root);
    const marks = [markOf(map, 'Maria Keller', entity), markOf(map, 'Jonas Brandt', entity)];
    const first = root.querySelector('p')?.firstChild;
    if (!first) throw new Error('fixture');
    first.textContent = 'Someone else';
    const [stale = [], fresh = []] = highlight(map, marks);
    expect(stale).toEqual([]);
    expect(texts(fresh)).toEqual(['Jonas Brandt']);
  });

  test('ids are unique across calls in one document', () => {
    const root = fragment('<p>a b c</p>');
    const map = buildTextMap(root);
    const [[x] = [], [y] = []] = [
      highlight(map, [markOf(map, 'a', entity)])[0],
      highlight(map, [markOf(map, 'b', entity)])[0],
    ];
    expect(x?.getAttribute(MARK_ID_ATTR)).not.toBe(y?.getAttribute(MARK_ID_ATTR));
    const id = y?.getAttribute(MARK_ID_ATTR) ?? '';
    expect(markElements(root, id)).toEqual([y]);
  });

  test('attribute values are set as text, never parsed as markup', () => {
    const root = fragment('<p>Maria</p>');
    const map = buildTextMap(root);
    const payload = '"><img src=x onerror=alert(1)>';
    const [[el] = []] = highlight(map, [{ start: 0, end: 5, attrs: { 'data-entity': payload } }]);
    expect(el?.getAttribute('data-entity')).toBe(payload);
    expect(root.querySelector('img')).toBeNull();
  });

  test('a marked page maps to the same text, so a fresh map can add more marks', () => {
    const root = fragment('<p>Hello <b>big</b> world, said Maria Keller.</p>');
    const map = buildTextMap(root);
    highlight(map, [markOf(map, 'world, said Maria Keller', claim)]);
    const again = buildTextMap(root);
    expect(again.text).toBe(map.text);
    const [entityEls = []] = highlight(again, [markOf(again, 'Maria Keller', entity)]);
    expect(entityEls[0]?.parentElement?.localName).toBe(MARK_TAG);
  });
});

describe('removeAll', () => {
  test('restores the original text nodes, not a normalised version of them', () => {
    const root = fragment('<p></p>');
    const p = root.querySelector('p');
    if (!p) throw new Error('fixture');
    // Two adjacent text nodes, as scripts often leave them: normalize() would merge them.
    p.append(
      document.createTextNode('Hel'),
      document.createTextNode('lo world'),
      document.createTextNode(''),
    );
    const before = snapshot(root);
    const map = buildTextMap(root);
    highlight(map, [markOf(map, 'lo wor', claim), markOf(map, 'world', entity)]);
    // Three elements: the entity crosses the claim's end, so it has a part inside and one outside.
    expect(removeAll(root)).toBe(3);
    expect(snapshot(root)).toBe(before);
    expect(p.childNodes).toHaveLength(3);
  });

  test('leaves a subtree without marks untouched and reports zero', () => {
    const root = fragment('<p>plain</p>');
    const before = snapshot(root);
    expect(removeAll(root)).toBe(0);
    expect(snapshot(root)).toBe(before);
  });
});

const layoutGetters: Array<[HTMLElement, 'offsetParent' | 'offsetHeight' | 'offsetWidth' | 'innerText']> = [
  [HTMLElement.prototype, 'offsetParent'],
  [HTMLElement.prototype, 'offsetHeight'],
  [HTMLElement.prototype, 'offsetWidth'],
  [HTMLElement.prototype, 'innerText'],
];

describe('no layout reads', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  test('mapping and marking never ask for style or geometry', () => {
    const root = fragment(
      `<article>${'<p>Maria Keller said <b>the bridge</b> will cost €42 million.</p>'.repeat(50)}</article>`,
    );
    const spies = [
      vi.spyOn(window, 'getComputedStyle'),
      vi.spyOn(Element.prototype, 'getBoundingClientRect'),
      vi.spyOn(Element.prototype, 'getClientRects'),
      ...layoutGetters.flatMap(([proto, name]) =>
        // Spy only where happy-dom defines the getter (it has no layout, so some are absent).
        Object.getOwnPropertyDescriptor(proto, name)?.get ? [vi.spyOn(proto, name, 'get')] : [],
      ),
    ];
    const map = buildTextMap(root);
    const marks: MarkSpec[] = [];
    for (let at = map.text.indexOf('Maria'); at >= 0; at = map.text.indexOf('Maria', at + 1)) {
      marks.push({ start: at, end: at + 12, attrs: entity }, { start: at, end: at + 40, attrs: claim });
    }
    highlight(map, marks.sort(compareMarks));
    removeAll(root);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});

/** The first text node under `el` (marks may nest, so it can be a few levels down). */
function firstText(el: Node): Text | null {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const node = walker.nextNode();
  return node && node.nodeType === 3 ? (walker.currentNode as Text) : null;
}

/** Draws `spans` on a fresh mount of `spec`, in chunks of the given sizes. */
function markInChunks(spec: DomSpec, spans: ReadonlyArray<readonly [number, number]>, chunks: number[]) {
  const root = mountDom(document, spec);
  const map = buildTextMap(root);
  const marks = scaleSpans(spans, map.text.length)
    .map((s, i) => ({ ...s, attrs: i % 2 ? claim : entity }))
    .sort(compareMarks);
  const results: HTMLElement[][] = [];
  let at = 0;
  for (const size of [...chunks, marks.length]) {
    results.push(...highlight(map, marks.slice(at, at + size)));
    at += size;
    if (at >= marks.length) break;
  }
  return { root, map, marks, results };
}

const chunkSizes = fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 4 });

// Property runs build hundreds of DOMs in happy-dom: give them room beyond the 5 s default.
describe('properties on random DOM trees', { timeout: 60_000 }, () => {
  test('marking keeps textContent and the mapped text; removeAll restores every node', () => {
    fc.assert(
      fc.property(domSpec, relativeSpans, chunkSizes, (spec, spans, chunks) => {
        const probe = mountDom(document, spec);
        const before = snapshot(probe);
        const textBefore = probe.textContent;
        probe.remove();

        const { root, map, marks, results } = markInChunks(spec, spans, chunks);
        expect(root.textContent).toBe(textBefore);
        expect(buildTextMap(root).text).toBe(map.text);
        results.forEach((elements, i) => {
          const mark = marks[i];
          if (!mark) throw new Error('result without mark');
          for (const el of elements) {
            // Each element holds one contiguous run of the mark's own text.
            const text = firstText(el);
            if (!text) throw new Error('mark element without text');
            const offset = offsetFromPoint(map, text, 0);
            if (offset === null) throw new Error('mark text not in map');
            const content = el.textContent ?? '';
            expect(content.trim()).not.toBe('');
            expect(offset).toBeGreaterThanOrEqual(mark.start);
            expect(offset + content.length).toBeLessThanOrEqual(mark.end);
            expect(map.text.slice(offset, offset + content.length)).toBe(content);
            expect(isInsideSkipped(el, root)).toBe(false);
          }
        });
        removeAll(root);
        expect(snapshot(root)).toBe(before);
        root.remove();
      }),
      { numRuns: 300 },
    );
  });

  test('chunked marking equals one call', () => {
    fc.assert(
      fc.property(domSpec, relativeSpans, chunkSizes, (spec, spans, chunks) => {
        const chunked = markInChunks(spec, spans, chunks);
        const whole = markInChunks(spec, spans, []);
        expect(snapshot(chunked.root, { normalizeIds: true })).toBe(
          snapshot(whole.root, { normalizeIds: true }),
        );
        chunked.root.remove();
        whole.root.remove();
      }),
      { numRuns: 150 },
    );
  });

  test('re-marking after removeAll gives the same DOM (idempotent rescans)', () => {
    fc.assert(
      fc.property(domSpec, relativeSpans, (spec, spans) => {
        const root = mountDom(document, spec);
        const draw = () => {
          const map = buildTextMap(root);
          const marks = scaleSpans(spans, map.text.length).map((s) => ({ ...s, attrs: claim }));
          highlight(map, marks.sort(compareMarks));
          return snapshot(root, { normalizeIds: true });
        };
        const first = draw();
        removeAll(root);
        expect(draw()).toBe(first);
        root.remove();
      }),
      { numRuns: 150 },
    );
  });

  test('removing marks in slices (removeMarks) restores the page as removeAll does', () => {
    fc.assert(
      fc.property(domSpec, relativeSpans, chunkSizes, (spec, spans, chunks) => {
        const probe = mountDom(document, spec);
        const before = snapshot(probe);
        probe.remove();
        const { root } = markInChunks(spec, spans, []);
        const marks = Array.from(root.querySelectorAll(MARK_TAG));
        let at = 0;
        for (const size of [...chunks, marks.length]) {
          removeMarks(marks.slice(at, at + size));
          at += size;
        }
        expect(snapshot(root)).toBe(before);
        root.remove();
      }),
      { numRuns: 150 },
    );
  });

  test('unsorted marks still keep text intact and remove cleanly', () => {
    fc.assert(
      fc.property(domSpec, relativeSpans, (spec, spans) => {
        const root = mountDom(document, spec);
        const before = snapshot(root);
        const textBefore = root.textContent;
        const map = buildTextMap(root);
        highlight(
          map,
          scaleSpans(spans, map.text.length).map((s) => ({ ...s, attrs: entity })),
        );
        expect(root.textContent).toBe(textBefore);
        removeAll(root);
        expect(snapshot(root)).toBe(before);
        root.remove();
      }),
      { numRuns: 150 },
    );
  });
});
