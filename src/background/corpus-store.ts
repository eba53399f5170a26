import bundledCorpus from '../../data/corpus.json';
import { parseCorpus } from '../engine/corpus-schema';
import { indexCorpus, type CorpusIndex } from '../engine/corpus-index';

let cached: CorpusIndex | undefined;

/**
 * The indexed corpus in use, built once per worker lifetime so that every tab
 * shares one copy instead of each content script loading its own.
 */
export function loadCorpus(): CorpusIndex {
  cached ??= indexCorpus(parseCorpus(bundledCorpus));
  return cached;
}
