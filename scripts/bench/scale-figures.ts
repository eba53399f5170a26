import type { BenchContext } from './bench-context';
import type { ScaleTask } from './child-protocol';
import { runChild } from './child-run';
import type { SeedPageTimes } from './engine-figures';
import {
  belowScale,
  figure,
  formatNumber,
  notAvailable,
  scaled,
  single,
  type Figure,
  type FigureSpec,
  type Stats,
} from './figure';
import { syntheticCorpusFile } from './synthetic-cache';
import { WARMUP_RUNS } from '../../src/background/engine-warmup';

const SECTION = 'Engine at scale (Node, child process)';
const ARTICLES = 5000;
const PAGE_BUDGET_MS = 50;
const MEMORY_BUDGET_MB = 300;
/** Different pages the scale process analyses before its memory is read again. */
const OTHER_PAGES = 100;
const SPEEDUP_TARGET = 100;
/** The scale process is stopped after this long; a page still running then is reported as "more than". */
const SCALE_LIMIT_MS = 150_000;

/**
 * The engine with a 5,000-article synthetic corpus, in a child process that
 * holds nothing else: index time, the resident set while the index is held,
 * a 1,500-word article, and the naive fuse.js scan over the same statements
 * with the speed-up against it.
 */
export async function scaleFigures(ctx: BenchContext, seedPage: SeedPageTimes | null): Promise<Figure[]> {
  const articles = ctx.quick ? 80 : ARTICLES;
  ctx.progress(
    `scale: ${formatNumber(articles)}-article synthetic corpus file (generated once, then cached)`,
  );
  const source = await syntheticCorpusFile(articles, ctx.timeLimits ? 120_000 : null);
  const task: ScaleTask = {
    kind: 'scale',
    corpusFile: source.file,
    pageWords: 1500,
    // As many analyses as the background worker warms its engine with before pages come.
    warmupRuns: ctx.quick ? 1 : WARMUP_RUNS,
    pageRuns: ctx.quick ? 2 : 15,
    otherPages: ctx.quick ? 5 : OTHER_PAGES,
    pageAllowanceMs: ctx.quick ? 2_000 : 20_000,
    naiveSampleShare: ctx.quick ? 0.25 : 0.02,
    naiveSentences: ctx.quick ? 1 : 3,
  };
  ctx.progress(
    `scale: ${formatNumber(articles)}-article corpus: load, index, naive scan, page (child process)`,
  );
  const outcome = await runChild(task, ctx.timeLimits ? (ctx.quick ? 45_000 : SCALE_LIMIT_MS) : null);
  if (outcome.error) throw new Error(outcome.error);
  const { corpus, indexed, page, pages, naive, warm, fuseBuild } = outcome.phases;

  const stopped = outcome.timedOut
    ? `stopped at the scale process's ${formatNumber(outcome.elapsedMs / 1000)} s limit; --no-time-limits waits`
    : 'not reported';
  // A page still being analysed when the process was stopped has taken at least this long.
  const pageAtLeastMs =
    !page && outcome.timedOut && outcome.phaseAt.naive !== undefined
      ? outcome.elapsedMs - outcome.phaseAt.naive
      : null;
  const pageStats: Stats | null = page?.stats ?? (pageAtLeastMs === null ? null : single(pageAtLeastMs));
  const scaleNote = ctx.quick
    ? `quick: ${articles} articles; the budget is for ${formatNumber(ARTICLES)}`
    : null;
  const judge = (spec: FigureSpec): Figure => {
    if (!spec.stats) return notAvailable({ ...spec, note: [stopped, spec.note].filter(Boolean).join('; ') });
    const f = figure(spec);
    return scaleNote ? belowScale(f, scaleNote) : f;
  };
  const n = `${formatNumber(corpus?.articles ?? articles)}-article corpus`;
  const speedup = naive && page ? naive.perPageMs / page.stats.median : null;
  const seedSpeedup = seedPage ? seedPage.naive.median / seedPage.engine.median : null;
  const origin = source.cached
    ? 'cached file'
    : `generated in ${formatNumber((source.generateMs ?? 0) / 1000)} s`;

  return [
    judge({
      id: 'scale.indexS',
      section: SECTION,
      name: `index the ${n}`,
      unit: 's',
      stats: indexed ? single(indexed.indexMs / 1000) : null,
      anchor: corpus
        ? {
            name: 'read + JSON.parse + validation of the same corpus file',
            stats: single(corpus.parseMs / 1000),
            unit: 's',
          }
        : null,
      note: corpus
        ? `${formatNumber(corpus.statements)} statements, ${formatNumber(corpus.entities)} entities, ` +
          `${formatNumber(corpus.relations)} relations, ${formatNumber(corpus.megabytes)} MB of JSON; ` +
          'assembled straight into corpus schema 1 from rewritten seed statements (the builder would take too long ' +
          `at this size); ${origin}`
        : undefined,
    }),
    judge({
      id: 'scale.holdingRssMB',
      section: SECTION,
      name: `process RSS holding the ${n} and its index`,
      unit: 'MB',
      stats: indexed ? single(indexed.rssMB) : null,
      budget: { op: '<=', value: MEMORY_BUDGET_MB },
      anchor: corpus
        ? {
            name: 'same process with the corpus parsed, before indexing',
            stats: single(corpus.parsedRssMB),
            unit: 'MB',
          }
        : null,
      note:
        corpus && indexed
          ? `after GC; heapUsed ${formatNumber(indexed.heapMB)} MB (the parsed corpus alone ${formatNumber(corpus.parsedHeapMB)} MB); ` +
            `bare process ${formatNumber(corpus.bareRssMB)} MB` +
            (page
              ? `; after the page runs ${formatNumber(page.rssAfterMB)} MB, peak ${formatNumber(page.maxRssMB)} MB`
              : '')
          : undefined,
    }),
    judge({
      id: 'scale.page1500Ms',
      section: SECTION,
      name: `1,500-word article, ${n}`,
      unit: 'ms',
      stats: pageStats,
      atLeast: !page && pageStats !== null,
      budget: { op: '<=', value: PAGE_BUDGET_MS },
      anchor: warm
        ? { name: 'same engine on the seed corpus, same process', stats: warm.seedPage, unit: 'ms' }
        : null,
      note: page
        ? `${page.sentences} sentences; ${page.claims} claims, ${page.linkedClaims} with evidence; ` +
          `every run timed, the first included (it derives the facts of the corpus statements the page meets); ` +
          `${task.warmupRuns} seed-corpus analyses warmed the JIT first`
        : pageStats
          ? `the first run had not finished when the process was stopped`
          : undefined,
    }),
    judge({
      id: 'scale.afterPagesRssMB',
      section: SECTION,
      name: `process RSS after ${formatNumber(task.otherPages)} other 1,500-word pages, ${n}`,
      unit: 'MB',
      stats: pages ? single(pages.rssMB) : null,
      anchor: indexed
        ? { name: 'same process holding the corpus and its index', stats: single(indexed.rssMB), unit: 'MB' }
        : null,
      note: pages
        ? `pages about ${formatNumber(pages.pages)} other stories of the corpus, as a worker meets them in a session ` +
          `(${formatNumber(pages.ms / pages.pages)} ms each, the facts of the statements each meets derived on the way); ` +
          `after GC; heapUsed ${formatNumber(pages.heapMB)} MB`
        : undefined,
    }),
    judge({
      id: 'naive.perSentenceMs',
      section: SECTION,
      name: `naive fuse.js scan per sentence, ${n}`,
      unit: 'ms',
      stats: naive?.perSentenceMs ?? null,
      anchor: naive
        ? {
            name: `measured on a ${formatNumber(naive.sampleStatements)}-statement sample`,
            stats: naive.sampleMs,
            unit: 'ms',
          }
        : null,
      note: naive
        ? `extrapolated ×${formatNumber(naive.statements / naive.sampleStatements)} (fuse.js compares every record; ` +
          `half the sample took ${formatNumber(naive.halfSampleMs.median)} ms)` +
          (fuseBuild
            ? `; new Fuse over all ${formatNumber(naive.statements)} statements: ${formatNumber(fuseBuild.ms)} ms`
            : '')
        : undefined,
    }),
    judge({
      id: 'naive.perPageS',
      section: SECTION,
      name: `naive fuse.js scan per 1,500-word article, ${n}`,
      unit: 's',
      stats: naive ? single(naive.perPageMs / 1000) : null,
      anchor: seedPage
        ? {
            name: 'naive scan of a 1,500-word article on the seed corpus',
            stats: scaled(seedPage.naive, 1 / 1000),
            unit: 's',
          }
        : null,
      note: naive ? `mean per sentence × ${naive.pageSentences} sentences` : undefined,
    }),
    judge({
      id: 'scale.speedupX',
      section: SECTION,
      name: `engine speed-up over the naive scan, ${n}`,
      unit: '×',
      stats: speedup === null ? null : single(speedup),
      budget: { op: '>=', value: SPEEDUP_TARGET },
      anchor:
        seedSpeedup === null
          ? null
          : { name: 'the same ratio on the seed corpus', stats: single(seedSpeedup), unit: '×' },
      note:
        naive && !page && pageAtLeastMs !== null
          ? `the engine's page run was stopped: the speed-up is at most ${formatNumber(naive.perPageMs / pageAtLeastMs)}×`
          : 'naive per-page time ÷ engine median per page',
    }),
  ];
}
