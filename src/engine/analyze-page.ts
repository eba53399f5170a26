import type { CorpusIndex } from './corpus-index';
import type { PageAnalysis } from './types';

export interface PageInput {
  text: string;
  url?: string;
  title?: string;
}

/** Analyses a page's text against the corpus. Placeholder until the engine lands. */
export function analyzePage(_index: CorpusIndex, page: PageInput): PageAnalysis {
  return { source: page.url ?? '', article: null, entities: [], claims: [], coverage: [], omitted: [] };
}
