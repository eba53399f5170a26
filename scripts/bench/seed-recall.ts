import { existsSync, readFileSync } from 'node:fs';
import type { ArticleInput } from '../../src/engine/corpus-build';
import type { CorpusIndex } from '../../src/engine/corpus-index';
import { analyzePage } from '../../src/engine/analyze-page';
import type { Corpus } from '../../src/engine/types';
import {
  locateQuote,
  scoreRelations,
  type EvalOutcome,
  type ExpectedRelation,
} from '../../src/cli/seed-eval';
import { naiveIndex, naiveSentences, naiveTopK } from './naive-fuse';

/** How many of the expected pairs each method links, on the seed eval set. */
export interface RecallComparison {
  pairs: { corroborates: number; conflicts: number; unrelated: number };
  engine: { corroborates: number; conflicts: number; unrelatedLinked: number };
  naive: { corroborates: number; conflictsLinked: number; unrelatedLinked: number; k: number };
}

type Side = ExpectedRelation['a'];
const RANK = { conflicts: 3, corroborates: 2, related: 1, none: 0 } as const;

/** The expected relations of the seed eval set, or null when the file is not there. */
export function readExpected(file: string): ExpectedRelation[] | null {
  if (!existsSync(file)) return null;
  return (JSON.parse(readFileSync(file, 'utf8')) as { relations: ExpectedRelation[] }).relations;
}

/**
 * Scores the engine (each seed opened as a page, as `npm run eval` does) and
 * the naive fuse.js matcher (each sentence of a seed searched over the other
 * seeds' statements; a pair is linked when one of the top `k` hits covers the
 * other quote) on the same expected pairs. The naive matcher cannot tell a
 * corroboration from a conflict, so any link counts for it.
 */
export function compareRecall(
  articles: readonly ArticleInput[],
  corpus: Corpus,
  index: CorpusIndex,
  expected: readonly ExpectedRelation[],
  k = 5,
): RecallComparison {
  const sources = new Map(articles.map((a) => [a.file, a.text]));
  const articleOf = new Map(corpus.articles.map((a) => [a.file, a.id]));
  const covering = (side: Side): Set<string> => {
    const span = locateQuote(sources.get(side.seed) ?? '', side.quote);
    const id = articleOf.get(side.seed);
    if (!span || !id) return new Set();
    return new Set(
      corpus.statements
        .filter((s) => s.article === id && s.start < span.end && s.end > span.start)
        .map((s) => s.id),
    );
  };

  const pages = new Map(
    articles.map((a) => [
      a.file,
      analyzePage(index, { text: a.text, title: a.title, published: a.published }),
    ]),
  );
  const engineLink = (from: Side, to: Side): EvalOutcome['found'] => {
    const span = locateQuote(sources.get(from.seed) ?? '', from.quote);
    const targets = covering(to);
    let found: EvalOutcome['found'] = 'none';
    for (const claim of pages.get(from.seed)?.claims ?? []) {
      if (!span || claim.start >= span.end || claim.end <= span.start) continue;
      for (const e of claim.evidence) {
        if (!targets.has(e.statementId)) continue;
        if (e.relation === 'conflicts') return 'conflicts';
        if (e.relation === 'corroborates' || found === 'none') found = e.relation;
      }
    }
    return found;
  };
  const engine = scoreRelations(expected, (a, b) => {
    const ab = engineLink(a, b);
    const ba = engineLink(b, a);
    return RANK[ab] >= RANK[ba] ? ab : ba;
  });

  const statementIndex = new Map(corpus.statements.map((s, i) => [s.id, i]));
  const naiveHits = new Map<string, Array<{ start: number; end: number; hits: Set<number> }>>();
  for (const a of articles) {
    const own = articleOf.get(a.file);
    const fuse = naiveIndex(
      corpus.statements.flatMap((s, i) => (s.article === own ? [] : [{ text: s.text, i }])),
    );
    naiveHits.set(
      a.file,
      naiveSentences(a.text).map((s) => ({
        start: s.start,
        end: s.end,
        hits: new Set(naiveTopK(fuse, s.text, k)),
      })),
    );
  }
  const naiveLink = (from: Side, to: Side): boolean => {
    const span = locateQuote(sources.get(from.seed) ?? '', from.quote);
    const targets = [...covering(to)].map((id) => statementIndex.get(id)!);
    return (naiveHits.get(from.seed) ?? []).some(
      (s) => span !== null && s.start < span.end && s.end > span.start && targets.some((t) => s.hits.has(t)),
    );
  };
  const naive = { corroborates: 0, conflictsLinked: 0, unrelatedLinked: 0, k };
  for (const rel of expected) {
    if (!naiveLink(rel.a, rel.b) && !naiveLink(rel.b, rel.a)) continue;
    if (rel.relation === 'corroborates') naive.corroborates++;
    else if (rel.relation === 'conflicts') naive.conflictsLinked++;
    else naive.unrelatedLinked++;
  }
  const s = engine.summary;
  return {
    pairs: { corroborates: s.corroborates.total, conflicts: s.conflicts.total, unrelated: s.unrelated.total },
    engine: {
      corroborates: s.corroborates.ok,
      conflicts: s.conflicts.ok,
      unrelatedLinked: s.unrelated.total - s.unrelated.ok,
    },
    naive,
  };
}
