// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import { publishedDate } from '../../../src/page/published-date';
import { loadHtml } from './dom-helpers';

const page = (head: string, body = '<p>Text.</p>') =>
  loadHtml(`<!doctype html><html lang="en"><head><title>t</title>${head}</head><body>${body}</body></html>`);

test.each([
  ['Open Graph article time', '<meta property="article:published_time" content="2018-07-17T20:31:05Z">'],
  ['schema.org microdata', '<meta itemprop="datePublished" content="2018-07-17">'],
  ['a "pubdate" meta tag', '<meta name="pubdate" content="2018-07-17T20:31:05Z">'],
  ['a Dublin Core date', '<meta name="dc.date" content="2018-07-17">'],
  [
    'JSON-LD NewsArticle',
    '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2018-07-17T16:31:00-04:00"}</script>',
  ],
  [
    'JSON-LD with an @graph',
    '<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2018-07-17"}]}</script>',
  ],
])('reads %s', (_name, head) => {
  expect(publishedDate(page(head))).toBe('2018-07-17');
});

test('reads the first <time datetime> when the head says nothing', () => {
  expect(publishedDate(page('', '<article><time datetime="2018-07-17">July 17</time></article>'))).toBe(
    '2018-07-17',
  );
});

test('skips JSON-LD that does not parse, and dates that are not ISO', () => {
  const doc = page(
    '<script type="application/ld+json">{ not json</script><meta name="date" content="July 17, 2018">' +
      '<script type="application/ld+json">{"datePublished":"2018-07-17"}</script>',
  );
  expect(publishedDate(doc)).toBe('2018-07-17');
});

test('is null when the page gives no date', () => {
  expect(publishedDate(page(''))).toBeNull();
});
