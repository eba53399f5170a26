import { describe, expect, test } from 'vitest';
import { hostOf, normalizeHost, withHost, withoutHost } from '../../../src/ui/site-hosts';

describe('hostOf', () => {
  test.each([
    ['https://news.example.com/a/b?c=1', 'news.example.com'],
    ['http://127.0.0.1:8080/story.html', '127.0.0.1'],
    ['chrome://extensions', null],
    ['about:blank', null],
    ['not a url', null],
  ])('%s → %s', (url, expected) => {
    expect(hostOf(url)).toBe(expected);
  });
});

describe('normalizeHost', () => {
  test.each([
    ['example.com', 'example.com'],
    ['  Example.COM ', 'example.com'],
    ['https://www.example.com/news/1', 'www.example.com'],
    ['example.com/path', 'example.com'],
    ['localhost:3000', 'localhost'],
    ['', null],
    ['two words', null],
    ['ftp://example.com', null],
    ['.example.com', null],
  ])('%j → %s', (input, expected) => {
    expect(normalizeHost(input)).toBe(expected);
  });
});

describe('site lists', () => {
  test.each([
    { list: [], host: 'b.com', added: ['b.com'], removed: [] },
    {
      list: ['c.com', 'a.com'],
      host: 'b.com',
      added: ['a.com', 'b.com', 'c.com'],
      removed: ['c.com', 'a.com'],
    },
    { list: ['a.com', 'b.com'], host: 'b.com', added: ['a.com', 'b.com'], removed: ['a.com'] },
  ])('$list ± $host', ({ list, host, added, removed }) => {
    expect(withHost(list, host)).toEqual(added);
    expect(withoutHost(list, host)).toEqual(removed);
  });
});
