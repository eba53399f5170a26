/**
 * Decides whether a page is a news article and finds the live element that
 * holds its body, plus the subtrees inside it that are not the story
 * (navigation, asides, comments, share bars). The text map skips those.
 *
 * This module is the one seam to @mozilla/readability: only its cheap
 * `isProbablyReaderable` check is used, never the full parse, because the
 * marks must land in the page's own DOM, not in Readability's clone.
 */
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';

/** Which rule picked the article root; kept for diagnostics and tests. */
export type ArticleReason =
  | 'itemprop-articleBody'
  | 'article'
  | 'main'
  | 'role-main'
  | 'paragraph-density'
  | 'body';

/** The article body to mark and what inside it to leave alone. */
export interface FoundArticle {
  root: Element;
  reason: ArticleReason;
  /** Subtrees inside `root` to pass to `buildTextMap(root, { exclude })`. Outermost only. */
  exclude: Element[];
}

export interface FindArticleOptions {
  /** Skip the readerable check (the user switched the site on); falls back to `<body>`. */
  force?: boolean;
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING, without the global.

/** Paragraph text a candidate must hold before a semantic element is trusted over scoring. */
const MIN_ARTICLE_TEXT = 200;

/** Landmarks and widgets that are never the story, wherever they sit. */
const NOT_STORY_SELECTOR = [
  'nav',
  'aside',
  'footer',
  'dialog',
  '[role="navigation"]',
  '[role="complementary"]',
  '[role="contentinfo"]',
  '[role="search"]',
  '[role="banner"]',
  '[role="dialog"]',
  '[role="alertdialog"]',
  '[role="menu"]',
  '[role="menubar"]',
  '[role="toolbar"]',
].join(', ');

/**
 * Excluded inside the article, but not disqualifying as an ancestor: some
 * sites (ASP.NET WebForms) wrap the whole page, story included, in a `<form>`.
 */
const EXCLUDED_INSIDE_SELECTOR = `${NOT_STORY_SELECTOR}, form`;

/**
 * Class/id words of page furniture: comments, recirculation, share bars, ads.
 * Matched as whole hyphen/underscore-delimited words, so "comments-list"
 * matches but "commentary" (an article genre) does not.
 */
const FURNITURE_WORDS =
  /(?:^|[\s_-])(?:comments?|comment-list|disqus|replies|related|recommended|recirc|more-stories|newsletter|share|sharing|social|promo|advert|advertisement|ads?|sponsored|outbrain|taboola)(?:$|[\s_-])/i;

/** Share of a list's text in links above which the list is links to elsewhere, not story. */
const LINK_LIST_SHARE = 0.8;

/**
 * A list whose items are links, whatever the site calls it: "Read more", "Related Topics",
 * "More on this story". A list in the story says things; its items are not all links.
 */
function isLinkList(list: Element): boolean {
  if (list.children.length < 2) return false;
  const text = (list.textContent ?? '').replace(/\s+/g, '').length;
  if (text === 0) return false;
  let linked = 0;
  for (const a of Array.from(list.querySelectorAll('a[href]')))
    linked += (a.textContent ?? '').replace(/\s+/g, '').length;
  return linked >= text * LINK_LIST_SHARE;
}

function looksLikeFurniture(el: Element): boolean {
  const cls = el.getAttribute('class');
  const id = el.id;
  return (cls !== null && FURNITURE_WORDS.test(cls)) || (id !== '' && FURNITURE_WORDS.test(id));
}

/**
 * Whether `el` is, or sits inside, something that is never the story. The
 * class/id check stops below `<body>`: body classes are feature flags
 * ("has-social-share") on many sites, not a statement about the content.
 */
function isInNonStory(el: Element): boolean {
  if (el.closest(NOT_STORY_SELECTOR)) return true;
  for (
    let a: Element | null = el;
    a && a.localName !== 'body' && a.localName !== 'html';
    a = a.parentElement
  ) {
    if (looksLikeFurniture(a)) return true;
  }
  return false;
}

/** Elements that make a `<div>` a container rather than a paragraph of text. */
const BLOCK_SELECTOR =
  'div, p, section, article, ul, ol, table, figure, blockquote, pre, h1, h2, h3, h4, h5, h6';

/**
 * The paragraphs under `el`: its `<p>`s, and, with `divs`, each `<div>` that holds no block of its
 * own. Some sites write every paragraph as a `<div>` (CNN's "zn-body__paragraph"); Readability
 * reads those as paragraphs too.
 */
function paragraphsOf(el: Element | Document, divs: boolean): Element[] {
  const ps = Array.from(el.querySelectorAll('p'));
  if (!divs) return ps;
  return [...ps, ...Array.from(el.querySelectorAll('div')).filter((d) => !d.querySelector(BLOCK_SELECTOR))];
}

/** Characters of paragraph text under `el`: the cheap core of Readability's scoring. */
function paragraphText(el: Element, divs: boolean): number {
  let total = 0;
  for (const p of paragraphsOf(el, divs)) total += (p.textContent ?? '').trim().length;
  return total;
}

/** The candidate with the most paragraph text, if it holds enough. */
function best(candidates: Iterable<Element>, min: number, divs: boolean): Element | null {
  let winner: Element | null = null;
  let top = min - 1;
  for (const el of candidates) {
    if (isInNonStory(el)) continue;
    const score = paragraphText(el, divs);
    if (score > top) {
      winner = el;
      top = score;
    }
  }
  return winner;
}

/** What `isProbablyReaderable` and the paragraph scores read: content that can make a page an article. */
const ARTICLE_TEXT_SELECTOR = 'p, pre, article, br';

/**
 * Whether an element added to a page that is not an article could change
 * that: it is, holds or sits in a paragraph, a `<pre>` or an `<article>`, or
 * it holds a line break (Readability also counts runs of `div > br`).
 * Anything else (a feed's or a chat's divs, an ad) leaves {@link findArticle}'s
 * answer as it was, so a page need not be searched again for it.
 */
export function mayMakeArticle(el: Element): boolean {
  return el.closest(ARTICLE_TEXT_SELECTOR) !== null || el.querySelector(ARTICLE_TEXT_SELECTOR) !== null;
}

/**
 * Readability-like fallback: each paragraph ({@link paragraphsOf}) credits its
 * parent fully and its grandparent by half; the best-credited element wins,
 * with its score. One pass over the paragraphs.
 */
function densestParagraphParent(doc: Document, divs: boolean): { el: Element; score: number } | null {
  const scores = new Map<Element, number>();
  for (const p of paragraphsOf(doc, divs)) {
    const parent = p.parentElement;
    if (!parent || isInNonStory(p)) continue;
    const length = (p.textContent ?? '').trim().length;
    scores.set(parent, (scores.get(parent) ?? 0) + length);
    const grand = parent.parentElement;
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + length / 2);
  }
  let winner: Element | null = null;
  let top = 0;
  for (const [el, score] of scores) {
    if (score > top && el !== doc.documentElement) {
      winner = el;
      top = score;
    }
  }
  return winner ? { el: winner, score: top } : null;
}

/**
 * Returns the subtrees inside `root` that text mapping must skip: landmarks
 * and widgets ({@link NOT_STORY_SELECTOR}), furniture by class/id (comments,
 * related stories, share bars, ads), lists of links and a site `<header>` (one not inside an
 * `<article>`; an article's own header holds the headline and byline, which
 * we do mark). Figure captions stay: they name the people pictured. A
 * candidate holding more than half of the root's text is a content wrapper
 * with an unlucky class name (ASP.NET pages wrap everything in a `<form>`),
 * so it is kept. Outermost subtrees only, in document order.
 */
export function excludedSubtrees(root: Element): Element[] {
  const candidates = new Set<Element>(Array.from(root.querySelectorAll(EXCLUDED_INSIDE_SELECTOR)));
  for (const el of Array.from(root.querySelectorAll('header'))) {
    // Any article ancestor will do: the root may be a body <div> inside the <article>.
    if (!el.closest('article')) candidates.add(el);
  }
  for (const el of Array.from(root.querySelectorAll('[class], [id]'))) {
    if (looksLikeFurniture(el)) candidates.add(el);
  }
  for (const list of Array.from(root.querySelectorAll('ul, ol'))) {
    if (isLinkList(list)) candidates.add(list);
  }
  if (candidates.size === 0) return [];
  const rootText = (root.textContent ?? '').length;
  // Document order, so an outer subtree is seen before the ones inside it.
  const ordered = Array.from(candidates).sort((a, b) => (a.compareDocumentPosition(b) & FOLLOWING ? -1 : 1));
  const result: Element[] = [];
  for (const el of ordered) {
    const outer = result[result.length - 1];
    if (outer && outer.contains(el)) continue;
    if ((el.textContent ?? '').length * 2 > rootText) continue;
    result.push(el);
  }
  return result;
}

function found(root: Element, reason: ArticleReason): FoundArticle {
  return { root, reason, exclude: excludedSubtrees(root) };
}

/**
 * Finds the article body of `doc`, or null when the page does not look like an
 * article (Readability's `isProbablyReaderable`) and `force` is not set.
 * Prefers, in order: `[itemprop~=articleBody]`, the `<article>` with the most
 * paragraph text, `<main>`, `[role=main]`, then the element whose paragraphs
 * score highest. Never returns navigation, asides, footers or comments.
 * Returns the live element (marks go into the page itself) and the subtrees
 * inside it to exclude from the text map.
 */
export function findArticle(doc: Document, options: FindArticleOptions = {}): FoundArticle | null {
  if (!options.force && !isProbablyReaderable(doc)) return null;

  // Paragraphs are `<p>`s first; only a page whose `<p>`s make no article has its text-only
  // `<div>`s read as paragraphs, so most pages never pay for looking at every `<div>`.
  let dense: { el: Element; score: number } | null = null;
  for (const divs of [false, true]) {
    const itemBody = best(doc.querySelectorAll('[itemprop~="articleBody"]'), MIN_ARTICLE_TEXT, divs);
    if (itemBody) return found(itemBody, 'itemprop-articleBody');
    const article = best(doc.querySelectorAll('article'), MIN_ARTICLE_TEXT, divs);
    if (article) return found(article, 'article');
    const main = best(doc.querySelectorAll('main'), MIN_ARTICLE_TEXT, divs);
    if (main) return found(main, 'main');
    const roleMain = best(doc.querySelectorAll('[role="main"]'), MIN_ARTICLE_TEXT, divs);
    if (roleMain) return found(roleMain, 'role-main');
    const denser = densestParagraphParent(doc, divs);
    if (denser && denser.score >= MIN_ARTICLE_TEXT) return found(denser.el, 'paragraph-density');
    // The densest <p>s, however few, are still the answer when <div>s make no article either.
    if (!divs) dense = denser;
  }
  if (dense) return found(dense.el, 'paragraph-density');
  if (options.force && doc.body) return found(doc.body, 'body');
  return null;
}

function normalizeLanguage(value: string | null | undefined): string | null {
  const tag = value?.trim().replace(/_/g, '-').toLowerCase();
  return tag ? tag : null;
}

/**
 * Returns the BCP 47 language tag (lower-cased, e.g. "en-gb") that applies to
 * `root` (its nearest `lang`) or else to the page: `<html lang>`, then
 * `Content-Language` and `og:locale` metadata. Null when the page does not
 * say. Claims are only marked on English pages (issue 7).
 */
export function pageLanguage(doc: Document, root?: Element): string | null {
  const own = normalizeLanguage(root?.closest('[lang]')?.getAttribute('lang'));
  if (own) return own;
  const html = normalizeLanguage(doc.documentElement?.getAttribute('lang'));
  if (html) return html;
  // http-equiv is matched case-insensitively by hand: pages write it either way.
  const meta = Array.from(doc.querySelectorAll('meta[http-equiv]')).find(
    (m) => m.getAttribute('http-equiv')?.toLowerCase() === 'content-language',
  );
  const fromMeta = normalizeLanguage(meta?.getAttribute('content')?.split(',')[0]);
  if (fromMeta) return fromMeta;
  return normalizeLanguage(doc.querySelector('meta[property="og:locale"]')?.getAttribute('content'));
}

/** Primary language subtags written right to left. */
const RTL_LANGUAGES = new Set([
  'ar',
  'arc',
  'ckb',
  'dv',
  'fa',
  'he',
  'iw',
  'ks',
  'ku',
  'ps',
  'sd',
  'syr',
  'ug',
  'ur',
  'yi',
]);
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/g;
const LTR_LETTER = /[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]/g;
const SAMPLE_CHARS = 2000;
const SHOW_TEXT = 0x4;

/** The first `limit` characters of text under `root`, without building all of `textContent`. */
function leadingText(root: Element, limit: number): string {
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
  let text = '';
  for (let node = walker.nextNode(); node && text.length < limit; node = walker.nextNode()) {
    const parent = node.parentElement?.localName;
    if (parent !== 'script' && parent !== 'style' && parent !== 'noscript') text += node.nodeValue ?? '';
  }
  return text.slice(0, limit);
}

/**
 * Whether `root` reads right to left: its nearest `dir` attribute, else the
 * computed `direction` of `root` (one style read, not one per node), else a
 * right-to-left language, else which script dominates the first ~2,000
 * characters. Claims are not marked on RTL pages (issue 7).
 */
export function isRtl(root: Element): boolean {
  const dir = root.closest('[dir]')?.getAttribute('dir')?.toLowerCase();
  if (dir === 'rtl') return true;
  if (dir === 'ltr') return false;
  if (dir !== 'auto') {
    try {
      if (root.ownerDocument.defaultView?.getComputedStyle(root).direction === 'rtl') return true;
    } catch {
      // A hostile or detached window: fall through to the language and script checks.
    }
    const lang = pageLanguage(root.ownerDocument, root);
    if (lang && RTL_LANGUAGES.has(lang.split('-')[0] ?? '')) return true;
  }
  const sample = leadingText(root, SAMPLE_CHARS);
  const rtl = sample.match(RTL_LETTER)?.length ?? 0;
  const ltr = sample.match(LTR_LETTER)?.length ?? 0;
  return rtl > ltr;
}
