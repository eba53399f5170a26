import { buildCorpus } from '../../src/engine/corpus-build';
import { loadSeeds, MB } from './bench-inputs';
import type { BuildTask } from './child-protocol';
import type { Report } from './child-main';
import { segmentText } from './timing';
import { syntheticArticles } from './synthetic-articles';

function collect(): void {
  // The child runs with --expose-gc (child-run.ts).
  globalThis.gc?.();
}

/**
 * In a child process: builds a corpus of `task.articles` synthetic articles
 * once, reporting its time, the heap at the end of the build and after a
 * collection, and the process's peak resident set. The anchor is one
 * `Intl.Segmenter` pass over the same text.
 */
export async function runBuildTask(task: BuildTask, report: Report<BuildTask>): Promise<void> {
  const { corpus: seed } = loadSeeds();
  const articles = syntheticArticles(seed, task.articles);
  const words = articles.reduce((sum, a) => sum + a.text.split(/\s+/).length, 0);
  let t = performance.now();
  for (const a of articles) segmentText(a.text);
  const segmentMs = performance.now() - t;
  collect();
  await report('ready', {
    articles: articles.length,
    words,
    rssMB: process.memoryUsage().rss / MB,
    segmentMs,
    at: performance.now(),
  });
  t = performance.now();
  const corpus = buildCorpus(articles);
  const ms = performance.now() - t;
  const at = performance.now();
  const heapEndMB = process.memoryUsage().heapUsed / MB;
  collect();
  await report('built', {
    ms,
    statements: corpus.statements.length,
    entities: corpus.entities.length,
    relations: corpus.relations.length,
    heapEndMB,
    heapAfterGcMB: process.memoryUsage().heapUsed / MB,
    maxRssMB: (process.resourceUsage().maxRSS * 1024) / MB,
    at,
  });
}
