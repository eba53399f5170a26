import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildCorpus } from '../../src/engine/corpus-build';
import { serializeCorpus } from '../../src/engine/corpus-schema';
import { CORPUS_FILE, KB, loadSeeds } from './bench-inputs';
import type { BenchContext } from './bench-context';
import type { BuildTask } from './child-protocol';
import { runChild, type ChildOutcome } from './child-run';
import {
  belowScale,
  figure,
  formatNumber,
  notAvailable,
  single,
  statsOf,
  type Figure,
  type FigureSpec,
} from './figure';
import { segmentText, timeInterleaved } from './timing';

const SECTION = 'Corpus builder';
const SEED_BUILD_BUDGET_MS = 2000;
const SEED_SIZE_BUDGET_KB = 80;
const LARGE_ARTICLES = 1000;
const LARGE_BUILD_BUDGET_S = 60;
const LARGE_MEMORY_BUDGET_MB = 1000;
/** A large build is stopped this far past its budget: the verdict is known by then. */
const OVER_BUDGET_STOP = 1.02;

/**
 * The corpus builder's figures: the seed corpus's build time and file size,
 * and a 1,000-article synthetic build's time and peak memory, each in a
 * fresh child process so its peak resident set is its own.
 */
export async function corpusFigures(ctx: BenchContext): Promise<Figure[]> {
  const { articles } = loadSeeds();
  ctx.progress('corpus: seed build');
  const [build, segment] = timeInterleaved(
    [() => buildCorpus(articles), () => articles.forEach((a) => segmentText(a.text))],
    { warmup: 1, runs: ctx.quick ? 3 : 7 },
  );
  const figures: Figure[] = [
    figure({
      id: 'corpus.seed.buildMs',
      section: SECTION,
      name: `seed corpus build (${articles.length} articles)`,
      unit: 'ms',
      stats: build!,
      budget: { op: '<', value: SEED_BUILD_BUDGET_MS },
      anchor: { name: 'Intl.Segmenter pass over the same text', stats: segment!, unit: 'ms' },
      note: 'in-process, after one warm-up build; the first (cold) build also pays module loading and JIT',
    }),
    seedSizeFigure(articles.map((a) => a.text)),
  ];
  figures.push(...(await largeBuildFigures(ctx)));
  return figures;
}

/** The largest heap in use at a GC between the start and the end of the build (the child's GC trace). */
function peakHeapDuringBuild(outcome: ChildOutcome<BuildTask>): number | null {
  const from = outcome.phases.ready?.at ?? 0;
  const to = outcome.phases.built?.at ?? Infinity;
  const during = outcome.gcTrace.filter(([at]) => at >= from && at <= to).map(([, mb]) => mb);
  return during.length ? Math.max(...during) : null;
}

function seedSizeFigure(texts: string[]): Figure {
  let file: string;
  try {
    file = readFileSync(CORPUS_FILE, 'utf8');
  } catch {
    return notAvailable({
      id: 'corpus.seed.sizeKB',
      section: SECTION,
      name: 'data/corpus.json size',
      unit: 'KB',
      budget: { op: '<=', value: SEED_SIZE_BUDGET_KB },
      note: 'data/corpus.json not found: run npm run corpus first',
    });
  }
  const bytes = Buffer.byteLength(file);
  const fresh = serializeCorpus(buildCorpus(loadSeeds().articles));
  const stale =
    fresh !== file
      ? `; STALE: a fresh build serialises to ${formatNumber(Buffer.byteLength(fresh) / KB)} KB`
      : '';
  return figure({
    id: 'corpus.seed.sizeKB',
    section: SECTION,
    name: 'data/corpus.json size',
    unit: 'KB',
    stats: single(bytes / KB),
    budget: { op: '<=', value: SEED_SIZE_BUDGET_KB },
    anchor: {
      name: 'the seed articles it is built from',
      stats: single(texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0) / KB),
      unit: 'KB',
    },
    note: `${formatNumber(gzipSync(file).length / KB)} KB gzipped; KB = 1,000 bytes${stale}`,
  });
}

async function largeBuildFigures(ctx: BenchContext): Promise<Figure[]> {
  const count = ctx.quick ? 20 : LARGE_ARTICLES;
  const limitMs = ctx.timeLimits ? LARGE_BUILD_BUDGET_S * 1000 * OVER_BUDGET_STOP : null;
  const maxRuns = ctx.quick ? 1 : 3;
  /** No further runs once this much time has gone into the builds. */
  const allowanceMs = 100_000;
  const outcomes: ChildOutcome<BuildTask>[] = [];
  const started = performance.now();
  while (outcomes.length < maxRuns && (outcomes.length === 0 || performance.now() - started < allowanceMs)) {
    ctx.progress(`corpus: ${count}-article synthetic build, run ${outcomes.length + 1} (child process)`);
    const outcome = await runChild<BuildTask>({ kind: 'build', articles: count }, limitMs);
    outcomes.push(outcome);
    if (outcome.error) throw new Error(outcome.error);
    if (outcome.timedOut) break;
  }
  const done = outcomes.filter((o) => o.phases.built);
  const stopped = outcomes.find((o) => o.timedOut);
  const ready = outcomes[0]?.phases.ready;
  const scaleNote = ctx.quick
    ? `quick: ${count} articles; the budget is for ${formatNumber(LARGE_ARTICLES)}`
    : undefined;
  const name = (what: string) => `${count}-article synthetic build: ${what}`;
  const judge = (spec: FigureSpec): Figure =>
    scaleNote ? belowScale(figure(spec), scaleNote) : figure(spec);

  const timeStats = stopped
    ? single(stopped.elapsedMs / 1000)
    : done.length
      ? statsOf(done.map((o) => o.phases.built!.ms / 1000))
      : null;
  const words = ready ? `${formatNumber(ready.words)} words, ` : '';
  const built = done[0]?.phases.built;
  const sizeNote = built
    ? `${words}${formatNumber(built.statements)} statements, ${formatNumber(built.entities)} entities, ${formatNumber(built.relations)} relations`
    : `${words}stopped at the ${formatNumber((limitMs ?? 0) / 1000)} s limit (${OVER_BUDGET_STOP}× budget) before it finished; --no-time-limits waits for it`;
  const rssStats = stopped
    ? stopped.peakRssMB === null
      ? null
      : single(stopped.peakRssMB)
    : done.length
      ? statsOf(done.map((o) => Math.max(o.phases.built!.maxRssMB, o.peakRssMB ?? 0)))
      : null;
  const heapPeaks = outcomes.flatMap((o) => {
    const peak = peakHeapDuringBuild(o);
    return peak === null ? [] : [peak];
  });
  return [
    judge({
      id: 'corpus.synthetic.buildS',
      section: SECTION,
      name: name('time'),
      unit: 's',
      stats: timeStats,
      atLeast: Boolean(stopped),
      budget: { op: '<', value: LARGE_BUILD_BUDGET_S },
      anchor: {
        name: 'Intl.Segmenter pass over the same articles',
        stats: ready ? single(ready.segmentMs / 1000) : null,
        unit: 's',
      },
      note: sizeNote,
    }),
    judge({
      id: 'corpus.synthetic.peakRssMB',
      section: SECTION,
      name: name('peak RSS'),
      unit: 'MB',
      stats: rssStats,
      atLeast: Boolean(stopped),
      budget: { op: '<', value: LARGE_MEMORY_BUDGET_MB },
      anchor: {
        name: 'child RSS with the articles loaded, before the build',
        stats: ready ? single(ready.rssMB) : null,
        unit: 'MB',
      },
      note: 'peak resident set of the child process (VmHWM / maxRSS)',
    }),
    judge({
      id: 'corpus.synthetic.peakHeapMB',
      section: SECTION,
      name: name('peak heapUsed'),
      unit: 'MB',
      stats: heapPeaks.length ? statsOf(heapPeaks) : null,
      atLeast: Boolean(stopped),
      budget: { op: '<', value: LARGE_MEMORY_BUDGET_MB },
      anchor: {
        name: 'heap retained by the finished corpus (after GC)',
        stats: done.length ? statsOf(done.map((o) => o.phases.built!.heapAfterGcMB)) : null,
        unit: 'MB',
      },
      note: 'largest heap in use at a garbage collection during the build (V8 --trace-gc)',
    }),
  ];
}
