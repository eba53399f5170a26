/**
 * Lays out demo articles as news pages: masthead, section links, an
 * `<article>` with headline, byline and date, figures and ad slots where the
 * source had them, a "Related" aside and a site footer. Every piece of text
 * goes through the escaping `html` template.
 */
import type { ArticleBlock } from './article-blocks';
import type { DemoArticle, DemoRole } from './demo-articles';
import { html, type SafeHtml } from './html';

/** Where the shared stylesheet is served. */
export const STYLESHEET_PATH = '/assets/news.css';

const SECTIONS = ['World', 'Politics', 'Business', 'Security', 'Opinion', 'Culture', 'Sport'];

const ROLE_LABELS: Record<DemoRole, string> = {
  corpus: 'In the bundled corpus',
  'other-outlet': 'Another outlet, not in the corpus',
  unrelated: 'Unrelated story, same names',
};

const ROLE_NOTES: Record<DemoRole, string> = {
  corpus:
    'This article is one of the seed articles the extension ships with, so its own statements are left out of the evidence.',
  'other-outlet':
    'This report is not in the corpus: every bundled outlet counts as evidence, so most claims find corroboration.',
  unrelated:
    'This story names the same people as the corpus but reports other events, so claims find little.',
};

function formatDate(iso: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

/** A CSS colour from pages.json, accepted only as hex so it cannot break out of the style attribute. */
function safeAccent(accent: string): string {
  return /^#[0-9a-f]{3,8}$/i.test(accent) ? accent : '#1f4e79';
}

/** A photo placeholder: an abstract landscape, since the demo loads nothing from the network. */
function photoArt(seed: number): SafeHtml {
  const hue = (seed * 47) % 360;
  const sky = `hsl(${hue} 30% 78%)`;
  const far = `hsl(${(hue + 20) % 360} 18% 58%)`;
  const near = `hsl(${(hue + 40) % 360} 20% 38%)`;
  return html`<svg
    class="photo-art"
    viewBox="0 0 640 300"
    preserveAspectRatio="xMidYMid slice"
    aria-hidden="true"
  >
    <rect width="640" height="300" fill="${sky}" />
    <circle cx="${480 - (seed % 5) * 40}" cy="90" r="34" fill="hsl(${hue} 40% 92%)" />
    <path d="M0 210 L120 150 L230 195 L360 120 L470 185 L640 140 L640 300 L0 300 Z" fill="${far}" />
    <path d="M0 250 L160 205 L300 245 L450 210 L640 255 L640 300 L0 300 Z" fill="${near}" />
  </svg>`;
}

function renderBlock(block: ArticleBlock, index: number): SafeHtml {
  switch (block.kind) {
    case 'paragraph':
      return html`<p>${block.text}</p>`;
    case 'figure':
      return html`<figure class="photo">
        ${photoArt(index + 1)}
        ${block.caption || block.credit
          ? html`<figcaption>
              ${block.caption}${block.caption && block.credit ? ' ' : ''}${block.credit
                ? html`<span class="credit">${block.credit}</span>`
                : ''}
            </figcaption>`
          : ''}
      </figure>`;
    case 'ad':
      return html`<div class="ad-slot" role="complementary" aria-label="Advertisement">
        <span>Advertisement</span>
      </div>`;
    case 'paywall':
    case 'source':
      // Placed outside the body by `renderArticle`.
      return html``;
  }
}

function masthead(outlet: string, tagline: string, dateLine: string | null): SafeHtml {
  return html`<div class="topbar">
      <div class="topbar-inner">
        <span>${dateLine ?? 'Today’s edition'}</span>
        <span class="topbar-links"><a href="/">Subscribe</a><a href="/">Sign in</a></span>
      </div>
    </div>
    <header class="masthead">
      <a class="brand" href="/">${outlet}</a>
      <p class="tagline">${tagline}</p>
    </header>
    <nav class="sections" aria-label="Sections">
      <ul>
        <li><a href="/">Home</a></li>
        ${SECTIONS.map((name) => html`<li><a href="/">${name}</a></li>`)}
      </ul>
    </nav>`;
}

function siteFooter(outlet: string, year: string, source: string | null): SafeHtml {
  return html`<footer class="site-footer">
    <div class="site-footer-inner">
      <p class="footer-brand">${outlet}</p>
      <ul class="footer-links">
        <li><a href="/">About us</a></li>
        <li><a href="/">Contact</a></li>
        <li><a href="/">Corrections</a></li>
        <li><a href="/">Privacy</a></li>
      </ul>
      <p class="footer-note">
        A demo page served on this computer by <code>npm run demo</code>${source
          ? html`, laid out from <code>${source}</code>`
          : ''}.
        It is not the outlet’s website. © ${year}
      </p>
    </div>
  </footer>`;
}

function page(
  title: string,
  accent: string,
  head: SafeHtml | string,
  body: SafeHtml,
  bodyClass = 'article-page',
): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
        <link rel="icon" href="data:," />
        ${head}
        <link rel="stylesheet" href="${STYLESHEET_PATH}" />
      </head>
      <body class="${bodyClass}" style="--accent: ${safeAccent(accent)}">
        ${body}
      </body>
    </html>`.value;
}

/**
 * The HTML of `article` as a news page. `related` are the other demo pages,
 * listed in the aside. The date is in `<meta property="article:published_time">`,
 * schema.org microdata and a `<time>` element, as news sites write it.
 */
export function renderArticle(article: DemoArticle, related: readonly DemoArticle[]): string {
  const published = article.published;
  const paywall = article.blocks.find((b) => b.kind === 'paywall');
  const source = article.blocks.find((b) => b.kind === 'source');
  const head = html`<meta property="og:site_name" content="${article.outlet}" />
    <meta property="og:type" content="article" />
    <meta property="og:title" content="${article.title}" />
    ${published ? html`<meta property="article:published_time" content="${published}T08:00:00Z" />` : ''}
    <meta property="article:section" content="${article.section}" />`;

  const body = html`${masthead(
      article.outlet,
      article.tagline,
      published
        ? formatDate(published, { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' })
        : null,
    )}
    <div class="layout">
      <main id="main">
        <article itemscope itemtype="https://schema.org/NewsArticle">
          <header class="article-head">
            <p class="kicker"><a href="/">${article.section}</a></p>
            <h1 itemprop="headline">${article.title}</h1>
            <p class="byline">
              <span class="author">By staff reporters</span>
              ${published
                ? html`<time itemprop="datePublished" datetime="${published}"
                    >${formatDate(published, { month: 'long', day: 'numeric', year: 'numeric' })}</time
                  >`
                : ''}
            </p>
          </header>
          <div class="share-bar" aria-label="Share this article">
            <a href="/">Share</a><a href="/">Email</a><a href="/">Save</a>
          </div>
          <div class="article-body" itemprop="articleBody">
            ${article.blocks.map((block, i) => renderBlock(block, i))}
          </div>
          ${source ? html`<footer class="article-foot">${source.text}</footer>` : ''}
        </article>
        ${paywall
          ? html`<div class="paywall-promo">
              <p>${paywall.text}</p>
              <a class="button" href="/">Subscribe</a>
            </div>`
          : ''}
      </main>
      <aside class="rail" aria-labelledby="related-heading">
        <section class="demo-note">
          <h2>${ROLE_LABELS[article.role]}</h2>
          <p>${ROLE_NOTES[article.role]}</p>
        </section>
        <section class="related">
          <h2 id="related-heading">Related</h2>
          <ul>
            ${related.map(
              (other) =>
                html`<li>
                  <a href="${other.path}"
                    ><span class="related-outlet">${other.outlet}</span>${other.title}</a
                  >
                </li>`,
            )}
          </ul>
        </section>
      </aside>
    </div>
    ${siteFooter(article.outlet, published?.slice(0, 4) ?? '', article.source)}`;

  return page(`${article.title} | ${article.outlet}`, article.accent, head, body);
}

/** The demo's front page: every demo article, grouped by why it is there. */
export function renderIndex(articles: readonly DemoArticle[]): string {
  const roles: DemoRole[] = ['other-outlet', 'corpus', 'unrelated'];
  const body = html`${masthead(
      'Crosscheck Demo Newsstand',
      'News pages to try the extension on, served from this computer',
      null,
    )}
    <main id="main" class="newsstand">
      ${roles.map((role) => {
        const group = articles.filter((a) => a.role === role);
        if (group.length === 0) return '';
        return html`<section class="stand">
          <h2>${ROLE_LABELS[role]}</h2>
          <p class="stand-note">${ROLE_NOTES[role]}</p>
          <ul class="cards">
            ${group.map(
              (a) =>
                html`<li class="card" style="--accent: ${safeAccent(a.accent)}">
                  <a href="${a.path}">
                    <span class="card-outlet">${a.outlet}</span>
                    <span class="card-title">${a.title}</span>
                    <span class="card-date"
                      >${a.published
                        ? formatDate(a.published, { month: 'long', day: 'numeric', year: 'numeric' })
                        : 'Undated'}</span
                    >
                  </a>
                </li>`,
            )}
          </ul>
        </section>`;
      })}
    </main>
    ${siteFooter('Crosscheck Demo Newsstand', String(new Date().getUTCFullYear()), null)}`;
  return page('Crosscheck demo newsstand', '#1f3a5f', '', body, 'index-page');
}
