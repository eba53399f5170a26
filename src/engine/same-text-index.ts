import { BoundedMemo } from './bounded-memo';
import { lowerBound } from './lower-bound';
import { foldedTextHash, foldText } from './text-fold';

const FOLDED_KEPT = 2_000;

/**
 * Finds the statements whose folded text equals a given folded text, to
 * recognise a page that copies a corpus article. It holds one 32-bit hash per
 * statement, sorted, and folds a statement's text again only when its hash
 * matches: a map keyed by the folded texts themselves held a second copy of
 * the whole corpus text (40 MB for a 5,000-article corpus).
 */
export class SameTextIndex {
  /** Statement indices ordered by (hash, index). */
  private readonly order: Uint32Array;
  /** `hashes[k]` is the hash of statement `order[k]`. */
  private readonly hashes: Uint32Array;
  /**
   * Folded texts of the statements a page has matched: a page on the story meets the
   * same few statements again and again, and folding one costs as much as hashing it.
   */
  private readonly folded = new BoundedMemo<number, string>(FOLDED_KEPT);

  constructor(private readonly texts: readonly string[]) {
    const hashOf = new Uint32Array(texts.length);
    texts.forEach((text, i) => (hashOf[i] = foldedTextHash(text)));
    this.order = Uint32Array.from(texts.keys()).sort((a, b) => hashOf[a]! - hashOf[b]! || a - b);
    this.hashes = this.order.map((i) => hashOf[i]!);
  }

  /** Indices, ascending, of the statements whose text folds as `text` does. */
  find(text: string): number[] {
    const hash = foldedTextHash(text);
    const found: number[] = [];
    let folded: string | undefined;
    for (
      let k = lowerBound(this.hashes.length, (m) => this.hashes[m]! >= hash);
      k < this.hashes.length && this.hashes[k] === hash;
      k++
    ) {
      const i = this.order[k]!;
      folded ??= foldText(text);
      if (this.folded.get(i, (j) => foldText(this.texts[j]!)) === folded) found.push(i);
    }
    return found;
  }
}
