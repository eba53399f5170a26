import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSources } from '../../src/cli/corpus-sources';
import { buildCorpus, type ArticleInput } from '../../src/engine/corpus-build';
import type { Corpus } from '../../src/engine/types';

/** The repository root, found from this file so the benchmark runs from any working directory. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const SEEDS_DIR = path.join(REPO_ROOT, 'data/seeds');
export const CORPUS_FILE = path.join(REPO_ROOT, 'data/corpus.json');
export const EXPECTED_RELATIONS = path.resolve(REPO_ROOT, '../shared/eval/seed-relations.json');
export const CHROME_BUILD = path.join(REPO_ROOT, '.output/chrome-mv3');
export const RESULTS_DIR = path.join(REPO_ROOT, 'bench-results');

let seeds: { articles: ArticleInput[]; corpus: Corpus } | undefined;

/** The seed articles and the corpus built from them, once per process. */
export function loadSeeds(): { articles: ArticleInput[]; corpus: Corpus } {
  if (!seeds) {
    const { articles } = readSources(SEEDS_DIR);
    seeds = { articles, corpus: buildCorpus(articles) };
  }
  return seeds;
}

/** Bytes as megabytes (10^6), the unit of the memory budgets. */
export const MB = 1e6;
/** Bytes as kilobytes (10^3), the unit of the size budgets: the stricter reading of "KB". */
export const KB = 1e3;
