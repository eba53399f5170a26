// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  BLOCK_SEPARATOR,
  buildTextMap,
  isInsideSkipped,
  isSkippedElement,
  offsetFromPoint,
  offsetsToSegments,
  rangeFromOffsets,
  type TextMap,
} from '../../../src/page/text-map';
import { fragment } from './dom-helpers';
import { domSpec, mountDom, relativeSpans, scaleSpans } from './random-dom';

describe('buildTextMap: which text the engine sees', () => {
  test.each([
    ['inline elements join without separators', '<p>Hello <b>big</b> world</p>', 'Hello big world'],
    ['adjacent paragraphs get one virtual separator', '<p>A.</p><p>B</p>', 'A.\nB'],
    ['no separator before the first or after the last node', '<div><p>A</p></div>', 'A'],
    ['br separates', 'A<br>B', 'A\nB'],
    ['list items separate', '<ul><li>one</li><li>two</li></ul>', 'one\ntwo'],
    ['table cells separate', '<table><tr><td>a</td><td>b</td></tr></table>', 'a\nb'],
    ['headline and paragraph do not glue', '<h1>Headline</h1><p>Body</p>', 'Headline\nBody'],
    ['a skipped block still separates', '<p>A</p><aside hidden>x</aside>B', 'A\nB'],
    ['whitespace nodes are kept verbatim', '<p>A</p>\n<p>B</p>', 'A\n\n\nB'],
    ['script', '<p>x<script>bad()</script>y</p>', 'xy'],
    ['style', '<p>x<style>p{}</style>y</p>', 'xy'],
    ['noscript', '<p>x<noscript>n</noscript>y</p>', 'xy'],
    ['template', '<p>x<template>t</template>y</p>', 'xy'],
    ['textarea', '<p>x<textarea>Maria</textarea>y</p>', 'xy'],
    ['select and option', '<p>x<select><option>o</option></select>y</p>', 'xy'],
    ['button', '<p>x<button>Share</button>y</p>', 'xy'],
    ['code', '<p>x<code>let a</code>y</p>', 'xy'],
    ['pre', '<p>x</p><pre>block</pre><p>y</p>', 'x\ny'],
    ['kbd', '<p>x<kbd>Ctrl</kbd>y</p>', 'xy'],
    ['svg text', '<p>x<svg><text>Maria</text></svg>y</p>', 'xy'],
    ['math', '<p>x<math><mi>a</mi></math>y</p>', 'xy'],
    ['ruby annotations', '<p><ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby>字</p>', '漢字'],
    ['contenteditable', '<p>x</p><div contenteditable>Maria</div><p>y</p>', 'x\ny'],
    ['contenteditable=true', '<p>x<span contenteditable="true">M</span>y</p>', 'xy'],
    ['contenteditable=plaintext-only', '<p>x<span contenteditable="plaintext-only">M</span>y</p>', 'xy'],
    ['contenteditable=false is page text', '<p>x<span contenteditable="false">M</span>y</p>', 'xMy'],
    ['hidden', '<p>x<span hidden>h</span>y</p>', 'xy'],
    ['hidden=until-found is article text', '<p>x<span hidden="until-found">h</span>y</p>', 'xhy'],
    ['aria-hidden=true', '<p>x<span aria-hidden="true">h</span>y</p>', 'xy'],
    ['aria-hidden=false', '<p>x<span aria-hidden="false">h</span>y</p>', 'xhy'],
    ['inert', '<p>x<span inert>h</span>y</p>', 'xy'],
    ['our UI by attribute', '<p>x<span data-crosscheck-ui>ui</span>y</p>', 'xy'],
    ['our UI by tag', '<p>x<crosscheck-tooltip-host>ui</crosscheck-tooltip-host>y</p>', 'xy'],
    ['our marks are page text', '<p>x<crosscheck-mark data-kind="entity">M</crosscheck-mark>y</p>', 'xMy'],
    ['comments are not text', '<p>x<!-- note -->y</p>', 'xy'],
  ])('%s', (_name, html, expected) => {
    expect(buildTextMap(fragment(html)).text).toBe(expected);
  });

  test.each(['iframe', 'object', 'video', 'audio', 'canvas', 'head', 'title'])('<%s> is skipped', (tag) => {
    // Built detached: happy-dom would try to load an attached iframe.
    expect(isSkippedElement(document.createElement(tag))).toBe(true);
  });

  test('exclude leaves out the given subtrees', () => {
    const root = fragment('<p>Story</p><div id="ad"><p>Buy now</p></div><p>More</p>');
    const ad = root.querySelector('#ad');
    expect(buildTextMap(root, { exclude: ad ? [ad] : [] }).text).toBe('Story\nMore');
  });

  test('empty text nodes are not entries', () => {
    const root = fragment('<p>a</p>');
    root.querySelector('p')?.appendChild(root.ownerDocument.createTextNode(''));
    const map = buildTextMap(root);
    expect(map.nodes).toHaveLength(1);
  });

  test('records nodes, starts and ends so each node sits verbatim in text', () => {
    const map = buildTextMap(fragment('<p>Hello <b>big</b> world</p><p>B</p>'));
    expect(map.nodes.map((n) => n.data)).toEqual(['Hello ', 'big', ' world', 'B']);
    expect(map.starts).toEqual([0, 6, 9, 16]);
    expect(map.ends).toEqual([6, 9, 15, 17]);
    expect(map.text[15]).toBe(BLOCK_SEPARATOR);
  });
});

describe('isSkippedElement / isInsideSkipped', () => {
  test('finds a skipped ancestor below the stop element', () => {
    const root = fragment('<div contenteditable><p><b id="deep">x</b></p></div><p id="ok">y</p>');
    const deep = root.querySelector('#deep');
    const ok = root.querySelector('#ok');
    if (!deep || !ok) throw new Error('fixture');
    expect(isInsideSkipped(deep, root)).toBe(true);
    expect(isInsideSkipped(ok, root)).toBe(false);
    expect(isSkippedElement(ok)).toBe(false);
  });

  test('honours an exclude set', () => {
    const root = fragment('<nav id="n"><a id="a">x</a></nav>');
    const nav = root.querySelector('#n');
    const link = root.querySelector('#a');
    if (!nav || !link) throw new Error('fixture');
    expect(isInsideSkipped(link, root, new Set([nav]))).toBe(true);
  });
});

describe('offsets → DOM', () => {
  const root = () => fragment('<p>Hello <b>big</b> world</p><p>B</p>');

  test('segments split across element boundaries', () => {
    const map = buildTextMap(root());
    const segments = offsetsToSegments(map, 3, 12);
    expect(segments.map((s) => [s.node.data, s.start, s.end])).toEqual([
      ['Hello ', 3, 6],
      ['big', 0, 3],
      [' world', 0, 3],
    ]);
  });

  test('a span across a block boundary skips the virtual separator', () => {
    const map = buildTextMap(root());
    const segments = offsetsToSegments(map, 12, 17);
    expect(segments.map((s) => s.node.data.slice(s.start, s.end))).toEqual(['rld', 'B']);
  });

  test.each([
    ['empty', 4, 4],
    ['reversed', 6, 2],
    ['only the separator', 15, 16],
    ['beyond the text', 40, 50],
  ])('%s span has no segments and no range', (_name, start, end) => {
    const map = buildTextMap(root());
    expect(offsetsToSegments(map, start, end)).toEqual([]);
    expect(rangeFromOffsets(map, start, end)).toBeNull();
  });

  test('rangeFromOffsets covers exactly the text', () => {
    const map = buildTextMap(root());
    expect(rangeFromOffsets(map, 3, 12)?.toString()).toBe('lo big wo');
  });

  test('offsetFromPoint inverts segments, and knows nothing of foreign nodes', () => {
    const map = buildTextMap(root());
    const [first] = offsetsToSegments(map, 7, 8);
    if (!first) throw new Error('no segment');
    expect(offsetFromPoint(map, first.node, first.start)).toBe(7);
    expect(offsetFromPoint(map, map.root.ownerDocument.createTextNode('x'), 0)).toBeNull();
  });
});

/** Positions of `map.text` that belong to no node (the virtual separators). */
function separatorPositions(map: TextMap): Set<number> {
  const covered = new Array<boolean>(map.text.length).fill(false);
  map.starts.forEach((start, i) => {
    for (let p = start; p < (map.ends[i] ?? start); p += 1) covered[p] = true;
  });
  return new Set(covered.flatMap((c, p) => (c ? [] : [p])));
}

// Property runs build hundreds of DOMs in happy-dom: give them room beyond the 5 s default.
describe('properties on random DOM trees', { timeout: 60_000 }, () => {
  test('each node sits verbatim at its offsets; gaps are single separators; skipped text is absent', () => {
    fc.assert(
      fc.property(domSpec, (spec) => {
        const root = mountDom(document, spec);
        const map = buildTextMap(root);
        map.nodes.forEach((node, i) => {
          expect(map.text.slice(map.starts[i], map.ends[i])).toBe(node.data);
          const next = map.starts[i + 1];
          if (next !== undefined) {
            const gap = map.text.slice(map.ends[i], next);
            expect(['', BLOCK_SEPARATOR]).toContain(gap);
          }
        });
        // Independent check of inclusion: every non-empty text node is in the
        // map exactly when no ancestor below the root is skipped.
        const walker = document.createTreeWalker(root, 0x4);
        const expected: Text[] = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const text = n as Text;
          if (text.data && !(text.parentElement && isInsideSkipped(text.parentElement, root)))
            expected.push(text);
        }
        expect(map.nodes).toEqual(expected);
        root.remove();
      }),
      { numRuns: 300 },
    );
  });

  test('offsets → segments → offsets round-trips, and ranges span the segments', () => {
    fc.assert(
      fc.property(domSpec, relativeSpans, (spec, spans) => {
        const root = mountDom(document, spec);
        const map = buildTextMap(root);
        const separators = separatorPositions(map);
        for (const { start, end } of scaleSpans(spans, map.text.length)) {
          const segments = offsetsToSegments(map, start, end);
          const covered: number[] = [];
          for (const s of segments) {
            const from = offsetFromPoint(map, s.node, s.start);
            expect(from).toBe(s.base + s.start);
            expect(s.node.data.slice(s.start, s.end)).toBe(map.text.slice(s.base + s.start, s.base + s.end));
            for (let p = s.base + s.start; p < s.base + s.end; p += 1) covered.push(p);
          }
          const expected: number[] = [];
          for (let p = start; p < end; p += 1) if (!separators.has(p)) expected.push(p);
          expect(covered).toEqual(expected);
          // The range runs from the first segment to the last; skipped text in
          // between is inside it, as it is inside any DOM range.
          const range = rangeFromOffsets(map, start, end);
          const first = segments[0];
          const last = segments[segments.length - 1];
          expect(range === null).toBe(segments.length === 0);
          if (range && first && last) {
            expect([range.startContainer, range.startOffset]).toEqual([first.node, first.start]);
            expect([range.endContainer, range.endOffset]).toEqual([last.node, last.end]);
          }
        }
        root.remove();
      }),
      { numRuns: 300 },
    );
  });
});
