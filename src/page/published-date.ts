/**
 * The date a page says it was published (YYYY-MM-DD), read the same way by the
 * content script and the `check` CLI: the engine resolves "on Tuesday" and
 * dates the gaps between reports with it.
 */

/** Where sites put the date, most specific first; each gives an ISO date or date-time. */
const DATE_SOURCES: Array<[selector: string, attribute: string]> = [
  ['meta[property="article:published_time"]', 'content'],
  ['meta[property="og:published_time"]', 'content'],
  ['[itemprop="datePublished"]', 'content'],
  ['[itemprop="datePublished"]', 'datetime'],
  ['meta[name="pubdate"]', 'content'],
  ['meta[name="publishdate"]', 'content'],
  ['meta[name="date"]', 'content'],
  ['meta[name="dc.date"]', 'content'],
  ['meta[name="DC.date.issued"]', 'content'],
];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

export function publishedDate(doc: Document): string | null {
  for (const [selector, attribute] of DATE_SOURCES) {
    const value = doc.querySelector(selector)?.getAttribute(attribute)?.trim();
    if (value && ISO_DATE.test(value)) return value.slice(0, 10);
  }
  return linkedDataDate(doc) ?? timeElementDate(doc);
}

/** `datePublished` of the page's JSON-LD (schema.org NewsArticle), in an object, a list or an `@graph`. */
function linkedDataDate(doc: Document): string | null {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const found = datePublishedIn(data, 0);
    if (found) return found;
  }
  return null;
}

function datePublishedIn(data: unknown, depth: number): string | null {
  if (depth > 3 || data === null || typeof data !== 'object') return null;
  if (Array.isArray(data)) {
    for (const item of data) {
      const found = datePublishedIn(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const record = data as Record<string, unknown>;
  const value = record['datePublished'];
  if (typeof value === 'string' && ISO_DATE.test(value.trim())) return value.trim().slice(0, 10);
  return datePublishedIn(record['@graph'], depth + 1);
}

/** The first `<time datetime>` of the page: on most article pages, the story's own. */
function timeElementDate(doc: Document): string | null {
  const value = doc.querySelector('time[datetime]')?.getAttribute('datetime')?.trim();
  return value && ISO_DATE.test(value) ? value.slice(0, 10) : null;
}
