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

test('warm-up texts are article-sized runs of the corpus own statements, every article in each', () => {
  const texts = warmupTexts(index, 6);
  expect(texts).toHaveLength(6);
  expect(new Set(texts).size).toBe(6);
  const articleOf = new Map(index.corpus.statements.map((s) => [s.text, s.article]));
  for (const text of texts) {
    const lines = text.split('\n\n');
    expect(lines.every((line) => articleOf.has(line))).toBe(true);
    expect(text.split(' ').length).toBeGreaterThan(1000);
    expect(text.split(' ').length).toBeLessThan(1200 + 100);
    expect(new Set(lines.map((line) => articleOf.get(line))).size).toBe(index.corpus.articles.length);
  }
});

test("a warm-up text reads as another outlet's page: not a corpus article, with evidence from several outlets", () => {
  for (const text of warmupTexts(index, 3)) {
    const analysis = analyzePage(index, { text });
    expect(analysis.article).toBeNull();
    const outlets = new Set(
      analysis.claims.flatMap((c) => c.evidence.filter((e) => e.relation !== 'related').map((e) => e.outlet)),
    );
    expect(outlets.size).toBeGreaterThanOrEqual(3);
  }
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

test('the warm-up waits before its first run, so a page that woke the worker is analysed first', async () => {
  vi.useFakeTimers();
  try {
    vi.mocked(analyzePage).mockClear();
    const stop = new AbortController();
    const warming = warmEngine(index, stop.signal);
    await vi.advanceTimersByTimeAsync(90);
    expect(analyzePage).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(10);
    expect(analyzePage).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5);
    expect(analyzePage).toHaveBeenCalledTimes(2);
    stop.abort();
    await vi.runAllTimersAsync();
    await warming;
  } finally {
    vi.useRealTimers();
  }
});
