import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './build-paths';

/** One article of the bundled corpus, as data/seeds/sources.json describes it. */
export interface SeedArticle {
  /** The corpus article id: the seed's file name without `.txt`. */
  id: string;
  outlet: string;
  title: string;
}

interface SourcesFile {
  sources: { file: string; outlet: string; title: string }[];
}

/**
 * The articles the bundled corpus is built from, read from the seeds'
 * sources.json rather than written into the tests, so the expectations follow
 * the data.
 */
export function seedArticles(): SeedArticle[] {
  const sources = JSON.parse(
    readFileSync(path.join(REPO_ROOT, 'data/seeds/sources.json'), 'utf8'),
  ) as SourcesFile;
  return sources.sources.map((source) => ({
    id: source.file.replace(/\.txt$/, ''),
    outlet: source.outlet,
    title: source.title,
  }));
}

/** A corpus statement id: `ARTICLE:n`. */
export const STATEMENT_ID = /^(.+):(\d+)$/;
