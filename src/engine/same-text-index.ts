import { lowerBound } from './lower-bound';
import { foldText, isPlainText } from './text-fold';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SPACE = 0x20;

/** FNV-1a over UTF-16 code units: fast, and spread well enough for text keys. */
function textHash(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash >>> 0;
}

/**
 * `textHash(foldText(text))`, read straight off plain text without building the
 * folded copy: a page's every claim is looked up, and nearly none is a corpus
 * statement, so the folded string is made only when a hash matches.
 */
export function foldedTextHash(text: string): number {
  if (!isPlainText(text)) return textHash(foldText(text));
  let hash = FNV_OFFSET;
  let gap = false;
  let started = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39))) {
      gap = started;
      continue;
    }
    if (gap) hash = Math.imul(hash ^ SPACE, FNV_PRIME);
    hash = Math.imul(hash ^ c, FNV_PRIME);
    gap = false;
    started = true;
  }
  return hash >>> 0;
}

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
      if (foldText(this.texts[i]!) === folded) found.push(i);
    }
    return found;
  }
}
