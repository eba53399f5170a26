import type { StatementFacts } from './statement-facts';
import type { TermWeight } from './relation-classify';

/**
 * Inverse document frequency over a set of statements: rare terms weigh more.
 * Entity terms get a bonus because a shared name is stronger evidence of the
 * same story than a shared common word.
 */
export function termWeights(
  termLists: readonly (readonly string[])[],
): TermWeight & { df: Map<string, number> } {
  const df = new Map<string, number>();
  for (const terms of termLists) for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = Math.max(termLists.length, 1);
  const cache = new Map<string, number>();
  const weight = (term: string): number => {
    let w = cache.get(term);
    if (w === undefined) {
      w = Math.log(1 + n / ((df.get(term) ?? 0) + 1)) * (term.startsWith('@') ? 1.5 : 1);
      cache.set(term, w);
    }
    return w;
  };
  return Object.assign(weight, { df });
}

/** Terms so common that their postings would make retrieval slow and add nothing. */
const MAX_POSTINGS_SHARE = 0.2;

/**
 * An inverted index from terms (words, synonym classes, entities, numbers) to
 * statements, for blocking: only statements that share a reasonably rare term
 * with the query are ever compared, instead of every pair.
 */
export class StatementIndex {
  private readonly postings = new Map<string, number[]>();
  private readonly scores: Float64Array;
  private readonly touched: number[] = [];

  constructor(
    statements: ReadonlyArray<Pick<StatementFacts, 'terms' | 'numbers'>>,
    private readonly weight: TermWeight,
    include: (index: number) => boolean = () => true,
  ) {
    statements.forEach((s, i) => {
      if (!include(i)) return;
      for (const t of new Set([...s.terms, ...s.numbers.map((n) => `#${n.value}`)])) {
        let list = this.postings.get(t);
        if (!list) this.postings.set(t, (list = []));
        list.push(i);
      }
    });
    const cap = Math.max(50, statements.length * MAX_POSTINGS_SHARE);
    for (const [t, list] of this.postings) if (list.length > cap) this.postings.delete(t);
    this.scores = new Float64Array(statements.length);
  }

  /** Up to `limit` statement indices sharing the most weight with `query`, best first. */
  candidates(
    query: Pick<StatementFacts, 'terms' | 'numbers'>,
    limit: number,
    accept: (index: number) => boolean = () => true,
  ): number[] {
    const terms = new Set([...query.terms, ...query.numbers.map((n) => `#${n.value}`)]);
    for (const t of terms) {
      const list = this.postings.get(t);
      if (!list) continue;
      const w = t.startsWith('#') ? 1 : this.weight(t);
      for (const i of list) {
        if (this.scores[i] === 0) this.touched.push(i);
        this.scores[i]! += w;
      }
    }
    const ranked = this.touched.filter(accept).sort((x, y) => this.scores[y]! - this.scores[x]! || x - y);
    for (const i of this.touched) this.scores[i] = 0;
    this.touched.length = 0;
    return ranked.slice(0, limit);
  }
}
