/** Weight of a term: rare terms weigh more. */
export type TermWeight = (term: string) => number;

/** A set of terms as sorted integer ids, with the total weight of its terms. */
export interface TermSet {
  readonly ids: readonly number[];
  readonly total: number;
}

/**
 * Made with `new`, not as an object literal: V8 tracks where literals are made, and the
 * term sets of corpus statements, kept for good, got the sets of every page allocated old,
 * where each one kept its young id array alive through collections after it had died.
 */
class SortedTermIds implements TermSet {
  constructor(
    readonly ids: readonly number[],
    readonly total: number,
  ) {}
}

/**
 * Terms interned beyond this many get an id of their own that matches nothing
 * (a negative one), so that the words of a long session's pages cannot grow
 * the table without end. Every corpus term is met long before that.
 */
const INTERNED_LIMIT = 500_000;

/** Largest set sorted by insertion as it fills; larger ones are sorted once, at the end. */
const INSERTION_SORTED_TERMS = 64;

/**
 * Turns term sets into sorted integer ids with their weights, so that the
 * similarity of two sets is a merge of two small arrays rather than a string
 * hash lookup per term (four times faster on statement-sized sets). One table
 * serves one weighting; ids mean nothing across tables.
 */
export class TermTable {
  private readonly ids = new Map<string, number>();
  private weights = new Float64Array(1024);
  private unseen = -1;

  constructor(
    private readonly weight: TermWeight,
    private readonly limit = INTERNED_LIMIT,
  ) {}

  /** The set of `terms` (repeats count once). */
  setOf(terms: readonly string[]): TermSet {
    const unique = new Set(terms);
    // A plain array: in Chromium a typed array per set cost more to make than the rest of this
    // function. Statement-sized sets are sorted as they fill; a run-on "sentence" of a hostile
    // page may hold thousands of terms, and insertion would be quadratic there.
    const ids = new Array<number>();
    const inserting = unique.size <= INSERTION_SORTED_TERMS;
    let total = 0;
    for (const term of unique) {
      const id = this.idOf(term);
      let at = ids.length;
      ids.push(id);
      while (inserting && at > 0 && ids[at - 1]! > id) {
        ids[at] = ids[at - 1]!;
        at--;
      }
      ids[at] = id;
      total += id >= 0 ? this.weights[id]! : this.weight(term);
    }
    if (!inserting) ids.sort((x, y) => x - y);
    return new SortedTermIds(ids, total);
  }

  /** Total weight of the terms two sets share. */
  sharedWeight(a: TermSet, b: TermSet): number {
    return mergeShared(a.ids, b.ids, this.weights);
  }

  /** How many terms two sets share. */
  static sharedCount(a: TermSet, b: TermSet): number {
    return mergeShared(a.ids, b.ids, null);
  }

  private idOf(term: string): number {
    const known = this.ids.get(term);
    if (known !== undefined) return known;
    if (this.ids.size >= this.limit) return this.unseen--;
    const id = this.ids.size;
    this.ids.set(term, id);
    if (id >= this.weights.length) {
      const grown = new Float64Array(this.weights.length * 2);
      grown.set(this.weights);
      this.weights = grown;
    }
    this.weights[id] = this.weight(term);
    return id;
  }
}

/** Walks two sorted id lists together, summing the weight (or, without weights, the count) of the ids both hold. */
function mergeShared(x: readonly number[], y: readonly number[], weights: Float64Array | null): number {
  let shared = 0;
  for (let i = 0, j = 0; i < x.length && j < y.length; ) {
    const p = x[i]!;
    const q = y[j]!;
    if (p === q) {
      shared += weights === null ? 1 : weights[p]!;
      i++;
      j++;
    } else if (p < q) i++;
    else j++;
  }
  return shared;
}
