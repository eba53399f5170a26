import { readFileSync } from 'node:fs';
import { expect, test, vi } from 'vitest';
import { analyzePage } from '../../../src/engine/analyze-page';
import { indexCorpus } from '../../../src/engine/corpus-index';
import { parseCorpus } from '../../../src/engine/corpus-schema';
import { warmEngine, warmupTexts } from '../../../src/background/engine-warmup';

vi.mock('../../../src/engine/analyze-page', async (actual) => {
  const engine = await actual<typeof import('../../../src/engine/analyze-page')>();
  return { ...engine, analyzePage: vi.fn(engine.analyzePage) };
});

const index = indexCorpus(parseCorpus(JSON.parse(readFileSync('data/corpus.json', 'utf8'))));

test('warm-up texts are article-sized runs of the corpus own statements, taking the articles in turn', () => {
  const texts = warmupTexts(index, 6);
  expect(texts).toHaveLength(6);
  const statements = new Set(index.corpus.statements.map((s) => s.text));
  for (const text of texts) {
    const lines = text.split('\n');
    expect(lines.every((line) => statements.has(line))).toBe(true);
    expect(text.split(' ').length).toBeLessThan(1200 + 100);
  }
  const articleOf = (text: string) =>
    index.corpus.statements.find((s) => s.text === text.split('\n')[0])!.article;
  const articles = texts.map(articleOf);
  expect(new Set(articles.slice(0, index.corpus.articles.length)).size).toBe(index.corpus.articles.length);
});

test('the warm-up analyses each text once, and a stopped one analyses nothing', async () => {
  vi.mocked(analyzePage).mockClear();
  await warmEngine(index);
  expect(vi.mocked(analyzePage).mock.calls.map(([, page]) => page.text)).toEqual(warmupTexts(index));
  vi.mocked(analyzePage).mockClear();
  const stopped = new AbortController();
  stopped.abort();
  await warmEngine(index, stopped.signal);
  expect(analyzePage).not.toHaveBeenCalled();
  const empty = indexCorpus({ schema: 1, articles: [], entities: [], statements: [], relations: [] });
  expect(warmupTexts(empty)).toEqual([]);
});
