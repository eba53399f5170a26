// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import {
  excludedSubtrees,
  findArticle,
  isRtl,
  mayMakeArticle,
  pageLanguage,
} from '../../../src/page/article-find';
import { buildTextMap } from '../../../src/page/text-map';
import { loadHtml } from './dom-helpers';

/** A paragraph long enough for Readability to count it (≥ 140 characters). */
const para = (lead: string) =>
  `<p>${lead} The council met on Tuesday to discuss the harbour bridge, the budget for the coming year and the plans for new tram lines across the old town.</p>`;
const story = (n: number, lead = 'Story') =>
  Array.from({ length: n }, (_, i) => para(`${lead} paragraph ${i + 1}.`)).join('');
/** The same story with each paragraph written as a text-only `<div>`, as some sites do. */
const divStory = (n: number) =>
  story(n).replace(/<p>/g, '<div class="body__paragraph">').replace(/<\/p>/g, '</div>');
const page = (body: string, htmlAttrs = 'lang="en"') =>
  `<!doctype html><html ${htmlAttrs}><head><title>t</title></head><body>${body}</body></html>`;

describe('findArticle', () => {
  test.each([
    [
      'itemprop=articleBody beats a bigger <article>',
      `<article id="outer"><div id="body" itemprop="articleBody">${story(6)}</div>${story(3, 'Extra')}</article>`,
      'itemprop-articleBody',
      '#body',
    ],
    [
      'the <article> with the most paragraph text',
      `<article id="small">${story(2, 'Small')}</article><article id="big">${story(6)}</article>`,
      'article',
      '#big',
    ],
    [
      'never an <article> inside an aside',
      `<aside><article id="teaser">${story(9, 'Teaser')}</article></aside><article id="story">${story(4)}</article>`,
      'article',
      '#story',
    ],
    [
      'never comments, even if they hold more text',
      `<article id="story">${story(4)}</article><section id="comments"><article class="c">${story(8, 'Comment')}</article></section>`,
      'article',
      '#story',
    ],
    [
      '<main> when there is no article',
      `<nav>${story(1, 'Nav')}</nav><main id="m">${story(6)}</main>`,
      'main',
      '#m',
    ],
    ['[role=main]', `<div id="m" role="main">${story(6)}</div>`, 'role-main', '#m'],
    [
      'paragraph density when nothing is marked up',
      `<div id="page"><div id="nav-links">${story(1, 'Links')}</div><div id="text">${story(6)}</div></div>`,
      'paragraph-density',
      '#text',
    ],
    [
      'density never picks a footer or aside',
      `<div id="text">${story(4)}</div><footer>${story(8, 'Footer')}</footer><aside>${story(8, 'Aside')}</aside>`,
      'paragraph-density',
      '#text',
    ],
    [
      'an <article> whose paragraphs are <div>s, beside a byline <p>',
      `<article id="story"><div class="meta"><p>By A. Writer, Staff</p><p>Updated 4:31 PM</p></div>${divStory(6)}</article>`,
      'article',
      '#story',
    ],
    [
      'a page-wide <form> (ASP.NET) does not disqualify the article',
      `<form id="aspnetForm"><article id="story">${story(6)}</article></form>`,
      'article',
      '#story',
    ],
  ])('%s', (_name, body, reason, selector) => {
    const doc = loadHtml(page(body));
    const found = findArticle(doc);
    expect(found?.reason).toBe(reason);
    expect(found?.root).toBe(doc.querySelector(selector));
  });

  test('when the only <p>s are a byline, density reads the text-only <div>s (on a site switched on)', () => {
    // Readability's readerable check counts <p>s, so such a page is an article only when forced.
    const doc = loadHtml(
      page(
        `<div id="page"><div id="meta"><p>By A. Writer, Staff</p></div><div id="text">${divStory(6)}</div></div>`,
      ),
    );
    const found = findArticle(doc, { force: true });
    expect(found?.reason).toBe('paragraph-density');
    expect(found?.root).toBe(doc.querySelector('#text'));
  });

  test('body feature classes ("has-social-share") do not disqualify everything', () => {
    const doc = loadHtml(
      page(`<article id="story">${story(6)}</article>`).replace('<body>', '<body class="has-social-share">'),
    );
    expect(findArticle(doc)?.root).toBe(doc.querySelector('#story'));
  });

  test('returns null on a page that is not an article, and <body> when forced', () => {
    const doc = loadHtml(page('<nav><a href="/">Home</a></nav><img src="a.jpg" alt="">'));
    expect(findArticle(doc)).toBeNull();
    expect(findArticle(doc, { force: true })).toMatchObject({ root: doc.body, reason: 'body' });
  });

  test('an empty page is not an article, forced or not', () => {
    const doc = loadHtml('<!doctype html><html><head></head><body></body></html>');
    expect(findArticle(doc)).toBeNull();
    expect(findArticle(doc, { force: true })?.reason).toBe('body');
  });

  test('forced on a short page still prefers its article', () => {
    const doc = loadHtml(
      page(
        '<article id="a"><p>Short news item about the bridge, long enough to count as text for the article picker which wants two hundred characters of paragraphs in total, or a bit more than that.</p></article>',
      ),
    );
    expect(findArticle(doc)).toBeNull();
    expect(findArticle(doc, { force: true })?.root).toBe(doc.querySelector('#a'));
  });
});

describe('mayMakeArticle', () => {
  const longText =
    'A reader posted another long message about the harbour bridge, the budget and the tram lines. '.repeat(
      3,
    );

  test('what it lets pass unsearched leaves a page that is not an article as it was', () => {
    const doc = loadHtml(page(`<nav><a href="/">Home</a></nav><div id="feed"></div>`));
    const feed = doc.getElementById('feed')!;
    expect(findArticle(doc)).toBeNull();
    // A chat or a feed: divs and spans of text, as many as a story's worth and more.
    for (let i = 0; i < 40; i++) {
      const line = doc.createElement('div');
      const who = doc.createElement('span');
      who.textContent = `reader ${i}`;
      const text = doc.createElement('div');
      text.textContent = longText;
      line.append(who, text);
      feed.append(line);
      expect(mayMakeArticle(line)).toBe(false);
    }
    expect(findArticle(doc)).toBeNull();

    // Paragraphs arriving are looked at, and then the page is an article.
    const story = doc.createElement('div');
    for (let i = 0; i < 6; i++)
      story.append(Object.assign(doc.createElement('p'), { textContent: longText }));
    feed.append(story);
    expect(mayMakeArticle(story)).toBe(true);
    expect(findArticle(doc)).not.toBeNull();
  });

  test.each([
    ['a paragraph', '<p>text</p>', 'p'],
    ['a block holding one', '<section><div><p>text</p></div></section>', 'section'],
    ['an element inside one', '<p>text <span>more</span></p>', 'span'],
    ['a <pre>', '<pre>text</pre>', 'pre'],
    ['an <article>', '<article>text</article>', 'article'],
    ['a block of lines broken with <br>', '<div>one<br>two<br>three</div>', 'div'],
  ])('passes %s', (_, html, selector) => {
    const doc = loadHtml(page(html));
    expect(mayMakeArticle(doc.querySelector(selector)!)).toBe(true);
  });
});

describe('excludedSubtrees', () => {
  const excluded = (body: string) => {
    const doc = loadHtml(page(`<div id="root">${body}</div>`));
    const root = doc.querySelector('#root');
    if (!root) throw new Error('fixture');
    return excludedSubtrees(root).map((el) => el.id);
  };

  test.each([
    [
      'landmarks and forms',
      '<nav id="a"></nav><aside id="b"></aside><footer id="c"></footer><form id="d"></form>',
      ['a', 'b', 'c', 'd'],
    ],
    [
      'ARIA landmarks',
      '<div id="a" role="navigation"></div><div id="b" role="complementary"></div><div id="c" role="search"></div>',
      ['a', 'b', 'c'],
    ],
    [
      'comments by id or class',
      '<div id="comments"></div><div id="x" class="comment-list"></div><div id="y" class="js-comments"></div>',
      ['comments', 'x', 'y'],
    ],
    [
      'recirculation, share bars, ads',
      '<div id="a" class="related-stories"></div><div id="b" class="share-tools"></div><div id="c" class="ad-slot"></div><div id="d" class="outbrain"></div>',
      ['a', 'b', 'c', 'd'],
    ],
    [
      'whole words only: commentary, shared, adapt, loaded',
      '<div id="a" class="commentary"></div><div id="b" class="shared-data"></div><div id="c" class="adapt"></div><div id="d" class="loaded"></div>',
      [],
    ],
    [
      'a site header, not an article header',
      '<header id="site"></header><article><header id="headline"></header></article>',
      ['site'],
    ],
    ['outermost only', '<aside id="a"><nav id="b"></nav><div class="share"></div></aside>', ['a']],
    [
      'lists of links, whatever they are called',
      story(4) +
        '<p>Read more:</p><ul id="a"><li><a href="/1">Mayor backs harbour plan</a></li><li><a href="/2">Five things to know</a></li></ul>' +
        '<ol id="b"><li><a href="/3">Harbour</a></li><li><a href="/4">City council</a></li></ol>',
      ['a', 'b'],
    ],
    [
      'a list in the story stays, links and all',
      '<ul id="a"><li>The harbour handled 12 ships in May, <a href="/r">the report</a> says.</li><li>Its fees rose by 4%.</li></ul>' +
        '<ul id="b"><li><a href="/1">A single link</a></li></ul>',
      [],
    ],
    [
      'figure captions stay',
      '<figure><img alt=""><figcaption id="cap">Maria Keller on Monday</figcaption></figure>',
      [],
    ],
  ])('%s', (_name, body, ids) => {
    expect(excluded(body)).toEqual(ids);
  });

  test('a header stays when the root is a body <div> inside the article', () => {
    const doc = loadHtml(
      page(`<article><div id="root"><header id="h">Headline</header>${story(2)}</div></article>`),
    );
    const root = doc.querySelector('#root');
    if (!root) throw new Error('fixture');
    expect(excludedSubtrees(root)).toEqual([]);
  });

  test('a wrapper holding most of the text is kept despite its class', () => {
    expect(
      excluded(
        `<div id="w" class="social-wrapper">${story(4)}</div><div id="s" class="share"><p>Share</p></div>`,
      ),
    ).toEqual(['s']);
  });

  test('excluded subtrees plug into buildTextMap', () => {
    const doc = loadHtml(
      page(`<article id="a">${para('Kept.')}<div class="related">Related: Maria Keller</div></article>`),
    );
    const root = doc.querySelector('#a');
    if (!root) throw new Error('fixture');
    const text = buildTextMap(root, { exclude: excludedSubtrees(root) }).text;
    expect(text).toContain('Kept.');
    expect(text).not.toContain('Related');
  });
});

describe('pageLanguage', () => {
  test.each([
    ['html lang', page('<p id="r">x</p>', 'lang="en-GB"'), 'en-gb'],
    ['nearest lang wins over the page', page('<div lang="fr"><p id="r">x</p></div>', 'lang="en"'), 'fr'],
    [
      'Content-Language metadata',
      '<html><head><meta http-equiv="content-language" content="de, en"></head><body><p id="r">x</p></body></html>',
      'de',
    ],
    [
      'og:locale with underscore',
      '<html><head><meta property="og:locale" content="pt_BR"></head><body><p id="r">x</p></body></html>',
      'pt-br',
    ],
    ['nothing said', '<html><head></head><body><p id="r">x</p></body></html>', null],
    ['empty lang is nothing', page('<p id="r">x</p>', 'lang=""'), null],
  ])('%s', (_name, html, expected) => {
    const doc = loadHtml(html);
    expect(pageLanguage(doc, doc.querySelector('#r') ?? undefined)).toBe(expected);
  });
});

describe('isRtl', () => {
  test.each([
    ['dir=rtl on the page', page('<p id="r">مرحبا</p>', 'lang="ar" dir="rtl"'), true],
    ['dir=ltr on the root beats an rtl page', page('<p id="r" dir="ltr">Hello</p>', 'dir="rtl"'), false],
    ['Hebrew without dir', page('<p id="r">שלום</p>', 'lang="he"'), true],
    ['Persian region tag', page('<p id="r">سلام</p>', 'lang="fa-IR"'), true],
    ['dir=auto reads the script', page('<p id="r" dir="auto">مرحبا بكم في المدينة</p>', ''), true],
    ['dir=auto with Latin text', page('<p id="r" dir="auto">Welcome to the city</p>', ''), false],
    ['no hints, Arabic text', page('<p id="r">مرحبا بكم في المدينة القديمة</p>', ''), true],
    ['English', page('<p id="r">Hello there</p>', 'lang="en"'), false],
  ])('%s', (_name, html, expected) => {
    const doc = loadHtml(html);
    const root = doc.querySelector('#r');
    if (!root) throw new Error('fixture');
    expect(isRtl(root)).toBe(expected);
  });
});
