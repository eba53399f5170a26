import Fuse, { type IFuseOptions } from 'fuse.js';

/**
 * The naive baseline the engine is measured against (issue 4): fuse.js asked
 * about every page sentence, over every corpus statement, with the options the
 * issue names. It lives here, in the benchmark, and never in the engine.
 */
export interface NaiveRow {
  text: string;
  /** Index of the statement in the corpus. */
  i: number;
}

export const NAIVE_OPTIONS: IFuseOptions<NaiveRow> = {
  keys: ['text'],
  includeScore: true,
  threshold: 0.4,
  ignoreLocation: true,
};

/** A fuse index over statements (text and corpus index). */
export function naiveIndex(rows: readonly NaiveRow[]): Fuse<NaiveRow> {
  return new Fuse(rows, NAIVE_OPTIONS);
}

/** Corpus indices of the `k` best fuse hits for a sentence, best first. */
export function naiveTopK(fuse: Fuse<NaiveRow>, sentence: string, k: number): number[] {
  return fuse
    .search(sentence)
    .slice(0, k)
    .map((hit) => hit.item.i);
}

const SENTENCES = new Intl.Segmenter('en', { granularity: 'sentence' });

/** A page's sentences as a naive tool would split them (`Intl.Segmenter`, per paragraph), with source offsets. */
export function naiveSentences(text: string): Array<{ text: string; start: number; end: number }> {
  const out: Array<{ text: string; start: number; end: number }> = [];
  for (const paragraph of text.matchAll(/[^\n]+/g)) {
    for (const s of SENTENCES.segment(paragraph[0])) {
      const trimmed = s.segment.trim();
      if (trimmed.split(/\s+/).length < 3) continue;
      const start = paragraph.index + s.index + s.segment.indexOf(trimmed);
      out.push({ text: trimmed, start, end: start + trimmed.length });
    }
  }
  return out;
}
