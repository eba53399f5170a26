/**
 * Runs inside a benchmark page (bundled by name-marking.ts): the extension's
 * own article finder, text map and highlighter, without the extension, so the
 * highlighter can be timed marking names the way mark.js is timed.
 */
import { findArticle } from '../../src/page/article-find';
import { engineText } from '../../src/page/engine-text';
import { highlight, type MarkSpec } from '../../src/page/highlighter';
import { buildTextMap, type TextMap } from '../../src/page/text-map';

/** A name mark as the content script draws it: keyboard stop on a name's first mention, labelled with the name. */
export interface NameMark extends MarkSpec {
  focusable: boolean;
  label: string;
}

let map: TextMap | null = null;

/** The article's text as the content script sends it to the engine. */
export function articleText(): string {
  const found = findArticle(document);
  if (!found) throw new Error('no article on the benchmark page');
  map = buildTextMap(found.root, { exclude: found.exclude });
  return engineText(map);
}

/**
 * Wraps every name in one timer task, as mark.js runs in the anchor, then
 * forces the layout the marks cost. Resolves with both times.
 */
export function markNames(
  marks: NameMark[],
): Promise<{ markMs: number; layoutMs: number; marked: number; at: number }> {
  return new Promise((resolve) =>
    setTimeout(() => {
      const at = performance.now();
      let marked = 0;
      for (const mark of marks) {
        const [elements] = highlight(map!, [mark], { focusable: mark.focusable });
        if (elements?.length) marked++;
      }
      const markMs = performance.now() - at;
      const t = performance.now();
      void document.body.offsetHeight;
      document.body.getBoundingClientRect();
      resolve({ markMs, layoutMs: performance.now() - t, marked, at });
    }, 0),
  );
}
