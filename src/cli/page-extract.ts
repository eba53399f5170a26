import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { Window } from 'happy-dom';
import { findArticle } from '../page/article-find';
import { buildTextMap } from '../page/text-map';
import { engineText } from '../page/engine-text';
import { publishedDate } from '../page/published-date';

/** A page's article text as the extension would read it, with its title, URL and date when the page says. */
export interface ExtractedPage {
  text: string;
  title: string;
  url?: string;
  published: string | null;
}

function meta(doc: Document, selectors: string[]): string | undefined {
  for (const selector of selectors) {
    const value =
      doc.querySelector(selector)?.getAttribute('content') ??
      doc.querySelector(selector)?.getAttribute('href');
    if (value) return value;
  }
  return undefined;
}

/**
 * Reads a saved `.html` page or a `.txt` article. HTML goes through the same
 * article finder and text map as the content script (over happy-dom), so
 * navigation, asides and footers are left out exactly as in the browser.
 */
export function extractPage(path: string): ExtractedPage {
  const raw = readFileSync(path, 'utf8');
  if (!/^\.html?$/i.test(extname(path))) {
    return { text: raw, title: raw.split('\n', 1)[0]?.trim() ?? '', published: null };
  }
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
    },
  });
  try {
    const doc = new window.DOMParser().parseFromString(raw, 'text/html') as unknown as Document;
    const found = findArticle(doc, { force: true });
    if (!found) return { text: '', title: doc.title, published: null };
    const text = engineText(buildTextMap(found.root, { exclude: found.exclude }));
    const url = meta(doc, ['link[rel="canonical"]', 'meta[property="og:url"]']);
    return {
      text,
      title: meta(doc, ['meta[property="og:title"]']) ?? doc.title,
      ...(url ? { url } : {}),
      published: publishedDate(doc),
    };
  } finally {
    void window.happyDOM.close();
  }
}
