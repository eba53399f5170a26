/**
 * Turns a scraped article text into the blocks a news page lays out: body
 * paragraphs, figures (caption plus photo credit), ad slots, a paywall prompt
 * and a source line. It reuses the engine's general furniture rules, so the
 * demo pages place furniture where a real site would (outside the story text)
 * instead of deleting it.
 */
import { cleanArticle, type CleanParagraph, type DroppedLine } from '../../src/engine/furniture-clean';
import type { Span } from '../../src/engine/sentence-split';

/** One piece of a news page, in reading order. */
export type ArticleBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'figure'; caption: string | null; credit: string | null }
  | { kind: 'ad' }
  | { kind: 'paywall'; text: string }
  | { kind: 'source'; text: string };

function textWithout(raw: string, span: Span, cuts: readonly Span[]): string {
  let out = '';
  let at = span.start;
  for (const cut of cuts) {
    out += raw.slice(at, cut.start);
    at = cut.end;
  }
  return (out + raw.slice(at, span.end)).replace(/\s+/g, ' ').trim();
}

/**
 * Returns the blocks of `raw`, an article whose headline is `title`. The
 * headline line itself (and any repeat of it) is left out: the page prints
 * the title as its `<h1>`. Name cards glued into sentences are cut, as the
 * site would show them only on hover. Consecutive identical credits merge.
 */
export function articleBlocks(raw: string, title: string): ArticleBlock[] {
  const { paragraphs, dropped } = cleanArticle(raw, title);
  const lines: Array<{ start: number; line?: CleanParagraph; drop?: DroppedLine }> = [
    ...paragraphs.map((line) => ({ start: line.start, line })),
    ...dropped.map((drop) => ({ start: drop.start, drop })),
  ].sort((a, b) => a.start - b.start);

  const blocks: ArticleBlock[] = [];
  let credit: string | null = null;
  const flushCredit = () => {
    if (credit !== null) blocks.push({ kind: 'figure', caption: null, credit });
    credit = null;
  };
  for (const { line, drop } of lines) {
    if (drop) {
      const text = raw.slice(drop.start, drop.end).replace(/\s+/g, ' ').trim();
      if (drop.reason === 'photo-credit') {
        if (credit !== null && credit !== text) flushCredit();
        credit = text;
        continue;
      }
      flushCredit();
      if (drop.reason === 'advertisement') blocks.push({ kind: 'ad' });
      else if (drop.reason === 'paywall') blocks.push({ kind: 'paywall', text });
      else if (drop.reason === 'byline') blocks.push({ kind: 'source', text });
      continue;
    }
    if (!line || line.role === 'headline') continue;
    const text = textWithout(raw, line, line.cuts);
    if (line.role === 'caption') {
      blocks.push({ kind: 'figure', caption: text, credit });
      credit = null;
      continue;
    }
    flushCredit();
    blocks.push({ kind: 'paragraph', text });
  }
  flushCredit();
  return blocks;
}
