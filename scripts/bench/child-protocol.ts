import type { Stats } from './figure';

/**
 * The typed contract between the benchmark and the child processes it starts
 * for figures that need a process of their own (peak memory, a large corpus
 * held in memory) or a time limit (a synchronous build cannot be interrupted
 * in-process). One map per task: phase name → what the child reports.
 */
export interface BuildTask {
  kind: 'build';
  articles: number;
}

/** Writes the synthetic corpus of `articles` articles to `file` (JSON, as the extension bundles a corpus). */
export interface GenerateTask {
  kind: 'generate';
  articles: number;
  file: string;
}

export interface ScaleTask {
  kind: 'scale';
  /** A corpus file written by a GenerateTask: the scale process loads it as the extension loads its corpus. */
  corpusFile: string;
  pageWords: number;
  /** Seed-corpus analyses that warm the JIT before anything is timed. */
  warmupRuns: number;
  pageRuns: number;
  pageAllowanceMs: number;
  /** Different pages analysed after the timed runs, as a worker meets them in a session, before memory is read again. */
  otherPages: number;
  /** Share of the corpus statements the naive fuse.js scan is timed on, then extrapolated linearly. */
  naiveSampleShare: number;
  naiveSentences: number;
}

export type ChildTask = BuildTask | GenerateTask | ScaleTask;

export interface BuildPhases {
  /** `at`: ms since the child started, when the build began (GC trace lines after it count for its peak heap). */
  ready: { articles: number; words: number; rssMB: number; segmentMs: number; at: number };
  built: {
    ms: number;
    statements: number;
    entities: number;
    relations: number;
    heapEndMB: number;
    heapAfterGcMB: number;
    maxRssMB: number;
    /** ms since the child started, when the build ended. */
    at: number;
  };
}

export interface GeneratePhases {
  written: { megabytes: number; generateMs: number };
}

export interface ScalePhases {
  warm: { seedPage: Stats };
  corpus: {
    articles: number;
    statements: number;
    entities: number;
    relations: number;
    megabytes: number;
    /** Reading the file, JSON.parse and validation. */
    parseMs: number;
    bareRssMB: number;
    parsedRssMB: number;
    parsedHeapMB: number;
  };
  /** Memory after GC with the corpus and its index held: what the background worker holds. */
  indexed: { indexMs: number; rssMB: number; heapMB: number };
  page: {
    stats: Stats;
    words: number;
    sentences: number;
    claims: number;
    linkedClaims: number;
    /** RSS after GC once the page runs are done. */
    rssAfterMB: number;
    maxRssMB: number;
  };
  naive: {
    statements: number;
    sampleStatements: number;
    /** Measured on the sample, per sentence. */
    sampleMs: Stats;
    /** The same sentences on half the sample: the scan is linear when this is about half of `sampleMs`. */
    halfSampleMs: Stats;
    /** Extrapolated to every statement, per sentence. */
    perSentenceMs: Stats;
    /** Extrapolated to every statement and every sentence of the page: mean per sentence × sentences. */
    perPageMs: number;
    pageSentences: number;
  };
  /** Memory after GC once `otherPages` different pages (other stories of the corpus) have been analysed. */
  pages: { pages: number; ms: number; rssMB: number; heapMB: number };
  /** new Fuse over every statement. */
  fuseBuild: { ms: number };
}

export type PhasesOf<T extends ChildTask> = T extends BuildTask
  ? BuildPhases
  : T extends GenerateTask
    ? GeneratePhases
    : ScalePhases;

/** One message from a child. */
export type ChildMessage =
  | { type: 'phase'; name: string; data: unknown }
  | { type: 'error'; message: string };
