import { analyzePage } from '../../src/engine/analyze-page';
import { indexCorpus } from '../../src/engine/corpus-index';
import { readFileSync } from 'node:fs';
import { parseCorpus } from '../../src/engine/corpus-schema';
import { loadSeeds, MB } from './bench-inputs';
import type { ScaleTask } from './child-protocol';
import type { Report } from './child-main';
import { scaled, statsOf, type Stats } from './figure';
import { naiveIndex, naiveSentences } from './naive-fuse';
import { seedStoryPage, syntheticStoryPage } from './page-compose';
import { timeSync } from './timing';
import type { Corpus, PageAnalysis } from '../../src/engine/types';

/** The synthetic story the scale page is about (any story of the corpus would do). */
const PAGE_STORY = 1;

/** Collections, 250 ms apart, before the resident set is read. */
const SETTLE_COLLECTIONS = 16;

/**
 * The resident set a process settles at once collected memory is back with
 * the system. V8 gives freed memory back lazily: a background thread unmaps
 * the pages a collection frees, each later collection compacts some of the
 * pages a large parse left fragmented, and the young generation is shrunk
 * only after it has been idle for a while. Read straight after one gc(), the
 * figure still counted most of a 111 MB JSON text that was gone; this one is
 * what a worker that has loaded its corpus holds four seconds later.
 */
async function settledRss(): Promise<number> {
  for (let i = 0; i < SETTLE_COLLECTIONS; i++) {
    // The child runs with --expose-gc (child-run.ts).
    globalThis.gc?.();
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return process.memoryUsage().rss / MB;
}

/**
 * Warms the JIT on the seed corpus, so the scale runs measure the engine, not
 * compilation, and times the last runs as the same-process anchor. In a function of
 * its own so that nothing of the seed index outlives it into the memory figures.
 */
function warmOnSeeds(seed: Corpus, task: ScaleTask): Stats {
  const seedIndex = indexCorpus(seed);
  const seedPage = seedStoryPage(seed, task.pageWords);
  return timeSync(() => analyzePage(seedIndex, { text: seedPage.text, title: seedPage.title }), {
    warmup: task.warmupRuns,
    runs: 5,
  });
}

/**
 * In a child process: the engine at scale. Loads a synthetic corpus file the
 * way the extension loads its corpus (JSON text → parse → validate), indexes
 * it, analyses a page about one of its stories,
 * and reports the resident set while the index is held. Then times the naive
 * fuse.js scan over the same statements on a sample, extrapolated linearly
 * (fuse.js compares a query with every record, so its time is proportional
 * to their number; the half-sample figure checks that).
 */
export async function runScaleTask(task: ScaleTask, report: Report<ScaleTask>): Promise<void> {
  const bareRssMB = await settledRss();
  const { corpus: seed } = loadSeeds();

  const warm = warmOnSeeds(seed, task);
  await report('warm', { seedPage: warm });

  let t = performance.now();
  let json: string | undefined = readFileSync(task.corpusFile, 'utf8');
  let corpus: Corpus | undefined = parseCorpus(JSON.parse(json));
  const parseMs = performance.now() - t;
  const megabytes = Buffer.byteLength(json) / MB;
  json = undefined;
  const parsedRssMB = await settledRss();
  await report('corpus', {
    articles: corpus.articles.length,
    statements: corpus.statements.length,
    entities: corpus.entities.length,
    relations: corpus.relations.length,
    megabytes,
    parseMs,
    bareRssMB,
    parsedRssMB,
    parsedHeapMB: process.memoryUsage().heapUsed / MB,
  });

  t = performance.now();
  const index = indexCorpus(corpus);
  const indexMs = performance.now() - t;
  // As in the extension, only the index is kept: it holds the corpus in its own, smaller form.
  corpus = undefined;
  await report('indexed', {
    indexMs,
    rssMB: await settledRss(),
    heapMB: process.memoryUsage().heapUsed / MB,
  });

  // The naive scan on a sample, before the page: if the engine's page runs past the time limit, this is kept.
  const page = syntheticStoryPage(seed, PAGE_STORY, task.pageWords);
  const rows = index.corpus.statements.map((s, i) => ({ text: s.text, i }));
  const step = Math.max(1, Math.round(1 / task.naiveSampleShare));
  const sample = naiveIndex(rows.filter((_, i) => i % step === 0));
  const halfSample = naiveIndex(rows.filter((_, i) => i % (step * 2) === 0));
  const sentences = naiveSentences(page.text);
  const chosen = Array.from(
    { length: Math.min(task.naiveSentences, sentences.length) },
    (_, k) => sentences[Math.floor((k * sentences.length) / task.naiveSentences)]!.text,
  );
  const sampleTimes: number[] = [];
  const halfTimes: number[] = [];
  for (const sentence of chosen) {
    t = performance.now();
    sample.search(sentence);
    sampleTimes.push(performance.now() - t);
    t = performance.now();
    halfSample.search(sentence);
    halfTimes.push(performance.now() - t);
  }
  const sampleSize = Math.ceil(rows.length / step);
  const sampleMs = statsOf(sampleTimes);
  const factor = rows.length / sampleSize;
  const meanMs = sampleTimes.reduce((a, b) => a + b, 0) / sampleTimes.length;
  await report('naive', {
    statements: rows.length,
    sampleStatements: sampleSize,
    sampleMs,
    halfSampleMs: statsOf(halfTimes),
    perSentenceMs: scaled(sampleMs, factor)!,
    perPageMs: meanMs * factor * sentences.length,
    pageSentences: sentences.length,
  });

  // Every analysis is a timed run: at this scale one can take longer than the allowance, so none is spent on warming.
  const input = { text: page.text, title: page.title };
  const times: number[] = [];
  let last: PageAnalysis | undefined;
  const started = performance.now();
  for (let r = 0; r < task.pageRuns && (r === 0 || performance.now() - started < task.pageAllowanceMs); r++) {
    t = performance.now();
    last = analyzePage(index, input);
    times.push(performance.now() - t);
  }
  const claims = last?.claims ?? [];
  await report('page', {
    stats: statsOf(times),
    words: page.words,
    sentences: page.sentences,
    claims: claims.length,
    linkedClaims: claims.filter((c) => c.verdict !== 'unverified').length,
    rssAfterMB: await settledRss(),
    maxRssMB: (process.resourceUsage().maxRSS * 1024) / MB,
  });

  // A worker meets page after page: what it keeps of the statements they met must not grow without end.
  t = performance.now();
  for (let n = 1; n <= task.otherPages; n++) {
    const other = syntheticStoryPage(seed, PAGE_STORY + n, task.pageWords);
    analyzePage(index, { text: other.text, title: other.title });
  }
  await report('pages', {
    pages: task.otherPages,
    ms: performance.now() - t,
    rssMB: await settledRss(),
    heapMB: process.memoryUsage().heapUsed / MB,
  });

  // Last, so that its index counts in no memory figure: fuse.js indexing every statement.
  t = performance.now();
  naiveIndex(rows);
  await report('fuseBuild', { ms: performance.now() - t });
}
