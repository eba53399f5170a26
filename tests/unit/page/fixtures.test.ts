// @vitest-environment happy-dom
/**
 * Runs every saved page in tests/fixtures/dom against its expected JSON: the
 * article found, the text mapped, the marks drawn, and the page restored.
 * The format is described in tests/fixtures/dom/README.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findArticle, isRtl, pageLanguage, type FoundArticle } from '../../../src/page/article-find';
import { compareMarks, highlight, removeAll, type MarkSpec } from '../../../src/page/highlighter';
import { buildTextMap, type TextMap } from '../../../src/page/text-map';
import { loadHtml, snapshot } from './dom-helpers';

interface ExpectedArticle {
  reason: string;
  root: string;
  exclude: string[];
}

interface ExpectedMark {
  quote: string;
  occurrence?: number;
  through?: string;
  attrs: Record<string, string>;
  parts: Array<{ text: string; parent: string }>;
}

interface Expected {
  description: string;
  findArticle: ExpectedArticle | null;
  forced?: ExpectedArticle;
  language: string | null;
  rtl: boolean;
  text: { includes: string[]; excludes: string[]; counts: Record<string, number> };
  marks: ExpectedMark[];
}

const DIR = join(__dirname, '../../fixtures/dom');
const names = readdirSync(DIR)
  .filter((file) => file.endsWith('.expected.json'))
  .map((file) => file.replace(/\.expected\.json$/, ''));

function load(name: string): { html: string; expected: Expected } {
  return {
    html: readFileSync(join(DIR, `${name}.html`), 'utf8'),
    expected: JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), 'utf8')) as Expected,
  };
}

function count(text: string, needle: string): number {
  let n = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) n += 1;
  return n;
}

function spanOf(map: TextMap, mark: ExpectedMark): MarkSpec {
  let start = -1;
  for (let i = 0; i <= (mark.occurrence ?? 0); i += 1) start = map.text.indexOf(mark.quote, start + 1);
  if (start < 0) throw new Error(`"${mark.quote}" is not in the mapped text`);
  let end = start + mark.quote.length;
  if (mark.through) {
    const at = map.text.indexOf(mark.through, start);
    if (at < 0) throw new Error(`"${mark.through}" does not follow "${mark.quote}"`);
    end = at + mark.through.length;
  }
  return { start, end, attrs: mark.attrs };
}

function expectArticle(doc: Document, found: FoundArticle | null, expected: ExpectedArticle): FoundArticle {
  if (!found) throw new Error('no article found');
  expect(found.reason).toBe(expected.reason);
  expect(found.root).toBe(doc.querySelector(expected.root));
  expect(found.exclude).toEqual(expected.exclude.map((selector) => doc.querySelector(selector)));
  return found;
}

test('there are fixtures', () => {
  expect(names.length).toBeGreaterThanOrEqual(5);
});

describe.each(names)('fixture %s', (name) => {
  const { html, expected } = load(name);

  test('findArticle, language and direction', () => {
    const doc = loadHtml(html);
    const found = findArticle(doc);
    if (expected.findArticle === null) {
      expect(found).toBeNull();
      if (expected.forced) expectArticle(doc, findArticle(doc, { force: true }), expected.forced);
    } else {
      expectArticle(doc, found, expected.findArticle);
    }
    const root = findArticle(doc, { force: true })?.root;
    if (!root) throw new Error('nothing to check language on');
    expect(pageLanguage(doc, root)).toBe(expected.language);
    expect(isRtl(root)).toBe(expected.rtl);
  });

  test('mapped text, marks, and exact restoration', () => {
    const doc = loadHtml(html);
    const found = findArticle(doc, { force: true });
    if (!found) throw new Error('no article found');
    const map = buildTextMap(found.root, { exclude: found.exclude });
    for (const s of expected.text.includes) expect(map.text).toContain(s);
    for (const s of expected.text.excludes) expect(map.text).not.toContain(s);
    for (const [s, n] of Object.entries(expected.text.counts)) expect(count(map.text, s), s).toBe(n);

    const before = snapshot(doc.documentElement);
    const textBefore = doc.body.textContent;
    const queue = expected.marks
      .map((mark) => ({ mark, spec: spanOf(map, mark) }))
      .sort((a, b) => compareMarks(a.spec, b.spec));
    const drawn = highlight(
      map,
      queue.map((q) => q.spec),
    );
    queue.forEach(({ mark }, i) => {
      const parts = (drawn[i] ?? []).map((el) => ({
        text: el.textContent,
        parent: el.parentElement?.localName,
      }));
      expect(parts, mark.quote).toEqual(mark.parts);
    });
    expect(doc.body.textContent).toBe(textBefore);
    removeAll(doc.body);
    expect(snapshot(doc.documentElement)).toBe(before);
  });
});
