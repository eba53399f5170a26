import type { Corpus } from './types';

/** A corpus prepared for fast lookups. Placeholder until the engine lands. */
export interface CorpusIndex {
  corpus: Corpus;
}

/** Prepares a corpus for analysis. */
export function indexCorpus(corpus: Corpus): CorpusIndex {
  return { corpus };
}
