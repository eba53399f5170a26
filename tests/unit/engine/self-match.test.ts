import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { analyzePage } from '../../../src/engine/analyze-page';
import { indexCorpus, type CorpusIndex } from '../../../src/engine/corpus-index';
import { parseCorpus } from '../../../src/engine/corpus-schema';
import { SelfMatchByText } from '../../../src/engine/self-match';
import type { Span } from '../../../src/engine/sentence-split';

let index: CorpusIndex;

beforeAll(() => {
  index = indexCorpus(parseCorpus(JSON.parse(readFileSync('data/corpus.json', 'utf8'))));
});

/** A page of the given sentences, one per line, with their spans. */
function page(sentences: string[]): { text: string; spans: Span[] } {
  const spans: Span[] = [];
  let text = '';
  for (const s of sentences) {
    spans.push({ start: text.length, end: text.length + s.length });
    text += `${s}\n`;
  }
  return { text, spans };
}

const OWN = [
  'The orchard cooperative said its cider sales rose by a third in the spring.',
  'Growers in the valley planted 4,000 new trees after the frost of 2019.',
  'A spokeswoman for the cooperative said the new press would open in May.',
  'Buyers from three regions visited the orchards on Thursday, she said.',
];

describe('SelfMatchByText', () => {
  test('a page that shares no sentence with the corpus is ruled out before its first claim', () => {
    const { text, spans } = page(OWN);
    const self = new SelfMatchByText(index, text, spans);
    expect(self.ruledOut).toBe(true);
    expect(self.article()).toBeNull();
  });

  test('a page quoting one article is ruled out once its claims are over twice the sentences quoted', () => {
    const quoted = index.corpus.statements.filter((s) => s.article === index.corpus.articles[0]!.id);
    const sentences = [quoted[0]!.text, quoted[1]!.text, ...OWN];
    const { text, spans } = page(sentences);
    const self = new SelfMatchByText(index, text, spans);
    const ruledOutAfter: boolean[] = [];
    sentences.forEach((_, n) => {
      self.countClaim(n);
      ruledOutAfter.push(self.ruledOut);
    });
    // Two quoted sentences: the page is that article while they are at least half its claims.
    expect(ruledOutAfter).toEqual([false, false, false, false, true, true]);
    expect(self.article()).toBeNull();
  });

  test('a page whose claims mostly copy one article is that article', () => {
    const article = index.corpus.articles[1]!;
    const copied = index.corpus.statements.filter((s) => s.article === article.id && s.checkworthy);
    const { text, spans } = page([...copied.map((s) => s.text), OWN[0]!]);
    const self = new SelfMatchByText(index, text, spans);
    spans.forEach((_, n) => self.countClaim(n));
    expect(self.ruledOut).toBe(false);
    expect(self.article()?.id).toBe(article.id);
  });
});

describe('analyzePage and a copy found late in the page', () => {
  test('claims read before the copy still leave out the copied article and its outlet', () => {
    const article = index.corpus.articles[2]!;
    const copy = readFileSync(`data/seeds/${article.file}`, 'utf8');
    // Claims about the corpus's story first, then the article itself: the page is only known
    // to be the article at its end, and the first claims must not cite it either.
    const lead = index.corpus.statements
      .filter((s) => s.article !== article.id && s.checkworthy)
      .slice(0, 3)
      .map((s) => s.text)
      .join(' ');
    const analysis = analyzePage(index, { text: `${lead}\n\n${copy}`, title: article.title });
    expect(analysis.article).toMatchObject({ id: article.id, selfMatch: 'text' });
    const leadClaims = analysis.claims.slice(0, 3);
    expect(leadClaims.flatMap((c) => c.evidence).length).toBeGreaterThan(0);
    const outlets = analysis.claims.flatMap((c) => c.evidence.map((e) => e.outlet));
    expect(outlets).not.toContain(article.outlet);
  });

  test('a copy found by its text is checked as a copy found by its address is', () => {
    // Claims are checked as they are read, as if the page were no corpus article; once the
    // page turns out to be one, those checked before are checked again with it left out.
    const corpus = parseCorpus(JSON.parse(readFileSync('data/corpus.json', 'utf8')));
    const article = { ...corpus.articles[2]!, url: 'https://news.example/copied' };
    const withUrl = indexCorpus({
      ...corpus,
      articles: corpus.articles.map((a) => (a.id === article.id ? article : a)),
    });
    const copy = readFileSync(`data/seeds/${article.file}`, 'utf8').trim();
    // Eight copies: a page known to be the article only at its end, over a hundred claims in.
    const text = Array.from({ length: 8 }, () => copy).join('\n\n');
    const page = { text, title: article.title, published: article.published };
    const byText = analyzePage(withUrl, page);
    const byUrl = analyzePage(withUrl, { ...page, url: article.url });
    expect(byText.article).toMatchObject({ id: article.id, selfMatch: 'text' });
    expect(byUrl.article).toMatchObject({ id: article.id, selfMatch: 'url' });
    expect(byText.claims.length).toBeGreaterThan(100);
    expect(byText.claims).toEqual(byUrl.claims);
    const outlets = byText.claims.flatMap((c) => c.evidence.map((e) => e.outlet));
    expect(outlets.length).toBeGreaterThan(0);
    expect(outlets).not.toContain(article.outlet);
  });
});
