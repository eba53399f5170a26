import { BoundedMemo } from './bounded-memo';
import type { TermWeight } from './term-set';

/** Term weights kept worked out; a page's terms fit many times over. */
const WEIGHTS_KEPT = 50_000;

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
  // Every page term passes through here too (the term table weighs each new term), so the memo is bounded.
  const weights = new BoundedMemo<string, number>(WEIGHTS_KEPT);
  const weigh = (term: string): number =>
    Math.log(1 + n / ((df.get(term) ?? 0) + 1)) * (term.startsWith('@') ? 1.5 : 1);
  const weight = (term: string): number => weights.get(term, weigh);
  return Object.assign(weight, { df });
}

/** What the index needs of a statement: its terms and the numbers it gives. */
export interface Blockable {
  terms: readonly string[];
  numbers: ReadonlyArray<{ value: number }>;
}

/**
 * Terms in more statements than this share add nothing to retrieval and make
 * it slow: "Russia" in a corpus about Russia. The absolute cap keeps a
 * very large corpus from scanning thousands of postings per term.
 */
const MAX_POSTINGS_SHARE = 0.1;
const MAX_POSTINGS = 2000;
const MIN_POSTINGS_CAP = 50;

function keysOf(s: Blockable): Set<string> {
  const keys = new Set(s.terms);
  for (const n of s.numbers) keys.add(`#${n.value}`);
  return keys;
}

/**
 * An inverted index from terms (words, synonym classes, entities, numbers) to
 * statements, for blocking: only statements that share a reasonably rare term
 * with the query are ever compared, instead of every pair.
 */
export class StatementIndex {
  /**
   * Term → its postings, `list[starts[k]..starts[k + 1]]` for its slot `k`. One
   * array for every term rather than a typed array each: at 5,000 articles,
   * 108,000 small typed arrays cost 27 MB, the packed lists under 10.
   */
  private readonly slots = new Map<string, number>();
  private readonly starts: Uint32Array;
  private readonly list: Uint32Array;
  private readonly scores: Float64Array;
  private readonly touched: number[] = [];

  constructor(
    statements: readonly Blockable[],
    private readonly weight: TermWeight,
    include: (index: number) => boolean = () => true,
  ) {
    const lists = new Map<string, number[]>();
    statements.forEach((s, i) => {
      if (!include(i)) return;
      for (const t of keysOf(s)) {
        let list = lists.get(t);
        if (!list) lists.set(t, (list = []));
        list.push(i);
      }
    });
    const cap = Math.max(MIN_POSTINGS_CAP, Math.min(MAX_POSTINGS, statements.length * MAX_POSTINGS_SHARE));
    const kept = [...lists].filter(([, list]) => list.length <= cap);
    this.starts = new Uint32Array(kept.length + 1);
    kept.forEach(([t, list], k) => {
      this.slots.set(t, k);
      this.starts[k + 1] = this.starts[k]! + list.length;
    });
    this.list = new Uint32Array(this.starts[kept.length]!);
    kept.forEach(([, list], k) => this.list.set(list, this.starts[k]));
    this.scores = new Float64Array(statements.length);
  }

  /** Up to `limit` statement indices sharing the most weight with `query`, best first (ties: lower index). */
  candidates(query: Blockable, limit: number, accept: (index: number) => boolean = () => true): number[] {
    for (const t of keysOf(query)) {
      const slot = this.slots.get(t);
      if (slot === undefined) continue;
      const w = t.startsWith('#') ? 1 : this.weight(t);
      for (let k = this.starts[slot]!, end = this.starts[slot + 1]!; k < end; k++) {
        const i = this.list[k]!;
        if (this.scores[i] === 0) this.touched.push(i);
        this.scores[i]! += w;
      }
    }
    // Keep the best `limit` in a small sorted array instead of sorting every touched statement.
    const best: number[] = [];
    const better = (x: number, y: number) =>
      this.scores[x]! > this.scores[y]! || (this.scores[x] === this.scores[y] && x < y);
    for (const i of this.touched) {
      if (best.length === limit && !better(i, best[best.length - 1]!)) continue;
      if (!accept(i)) continue;
      let at = best.length;
      while (at > 0 && better(i, best[at - 1]!)) at--;
      best.splice(at, 0, i);
      if (best.length > limit) best.pop();
    }
    for (const i of this.touched) this.scores[i] = 0;
    this.touched.length = 0;
    return best;
  }
}
