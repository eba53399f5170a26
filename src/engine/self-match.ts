import type { CorpusIndex } from './corpus-index';
import type { Span } from './sentence-split';
import type { CorpusArticle } from './types';

/** Share of a page's claims that must be near-copies of one corpus article for the page to be that article. */
const SELF_MATCH_SHARE = 0.5;
/** Fewest such claims, whatever the share. */
const SELF_MATCH_MIN = 2;

const NO_ARTICLES: readonly string[] = [];

/**
 * Recognises a page that copies a corpus article: most of its claims fold to
 * the text of statements of that one article. Only the last claim makes the
 * answer final, but most pages are ruled out early: no article's statements
 * match enough of the page's sentences to reach the share of the claims seen
 * so far. From then on the page's claims can be matched as they are read, and
 * their facts dropped young, instead of all kept until the end (4 KB a claim,
 * 15 MB for the collector to copy on a 100,000-word page).
 */
export class SelfMatchByText {
  /** Per sentence, the articles with a statement of the same folded text, each once, in statement order. */
  private readonly articlesOf: (readonly string[])[];
  /** The most sentences any one article matches: the most claims it could ever count. */
  private readonly ceiling: number;
  private readonly counts = new Map<string, number>();
  private claims = 0;

  constructor(
    private readonly index: CorpusIndex,
    text: string,
    sentences: readonly Span[],
  ) {
    const matched = new Map<string, number>();
    this.articlesOf = sentences.map((s) => {
      const found = index.sameText.find(text.slice(s.start, s.end));
      if (found.length === 0) return NO_ARTICLES;
      const ids = [...new Set(found.map((i) => index.articleOf[i]!.id))];
      for (const id of ids) matched.set(id, (matched.get(id) ?? 0) + 1);
      return ids;
    });
    let ceiling = 0;
    for (const count of matched.values()) ceiling = Math.max(ceiling, count);
    this.ceiling = ceiling;
  }

  /** Counts sentence `n` as one of the page's claims. */
  countClaim(n: number): void {
    this.claims++;
    for (const id of this.articlesOf[n]!) this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
  }

  /** True once no article can be the page, whatever claims follow: each claim only raises the bar. */
  get ruledOut(): boolean {
    return this.ceiling < this.needed();
  }

  /** The article the page copies, judged on the claims counted (all of the page's, unless ruled out). */
  article(): CorpusArticle | null {
    let best: [string, number] | undefined;
    for (const entry of this.counts) if (!best || entry[1] > best[1]) best = entry;
    if (!best || best[1] < this.needed()) return null;
    return this.index.articles.get(best[0])!;
  }

  private needed(): number {
    return Math.max(SELF_MATCH_MIN, this.claims * SELF_MATCH_SHARE);
  }
}
