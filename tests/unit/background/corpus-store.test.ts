import { readFileSync } from 'node:fs';
import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { indexCorpus } from '../../../src/engine/corpus-index';

vi.mock('../../../src/engine/corpus-index', async (actual) => {
  const engine = await actual<typeof import('../../../src/engine/corpus-index')>();
  return { ...engine, indexCorpus: vi.fn(engine.indexCorpus) };
});

// The store keeps its loaded corpus in module state: each test gets a fresh module.
type Store = typeof import('../../../src/background/corpus-store');
let store: Store;
let unwatch: () => void;

beforeEach(async () => {
  fakeBrowser.reset();
  vi.resetModules();
  store = await import('../../../src/background/corpus-store');
  unwatch = store.reloadWhenStoredCorpusChanges();
});

afterEach(() => unwatch());

const seedJson = readFileSync('data/corpus.json', 'utf8');
/** The seed corpus with one article fewer: a different, valid corpus. */
const smallerJson = (() => {
  const corpus = JSON.parse(seedJson);
  const dropped = corpus.articles.pop().id;
  corpus.statements = corpus.statements.filter((s: { article: string }) => s.article !== dropped);
  const kept = new Set(corpus.statements.map((s: { id: string }) => s.id));
  corpus.relations = corpus.relations.filter((r: { a: string; b: string }) => kept.has(r.a) && kept.has(r.b));
  return JSON.stringify(corpus);
})();

test('a corpus stored while the worker runs is loaded, and checked, on the next request', async () => {
  expect((await store.corpusInfo()).source).toBe('bundled');
  await fakeBrowser.storage.local.set({ importedCorpus: '{"schema": 1, "articles": [ this is not JSON' });
  await vi.waitFor(async () => expect((await store.corpusInfo()).notice).toMatch(/could not be read/));
  const info = await store.corpusInfo();
  expect(info.source).toBe('bundled');
  expect(await fakeBrowser.storage.local.get('importedCorpus')).toEqual({});

  await fakeBrowser.storage.local.set({ importedCorpus: smallerJson });
  await vi.waitFor(async () => expect((await store.corpusInfo()).source).toBe('imported'));
  expect((await store.corpusInfo()).articles).toHaveLength(JSON.parse(seedJson).articles.length - 1);
});

test("the worker's own import is used as it is, not loaded again", async () => {
  await store.loadCorpus();
  vi.mocked(indexCorpus).mockClear();
  const result = await store.importCorpus(smallerJson);
  expect(result.ok).toBe(true);
  // Let the storage change event arrive: the import's own index stays in use.
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect((await store.corpusInfo()).source).toBe('imported');
  expect(indexCorpus).toHaveBeenCalledTimes(1);
  expect((await store.resetCorpus()).source).toBe('bundled');
});
