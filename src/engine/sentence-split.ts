/**
 * Sentence boundaries for news text, as offsets. `Intl.Segmenter` does the
 * splitting; the rules here undo its known mistakes on abbreviations ("Gen.",
 * "Feb. 15", "U.S. officials") and keep a quotation that spans sentences whole.
 */

export interface Span {
  start: number;
  end: number;
}

// Abbreviations that never end a sentence: titles, ranks, months, and others
// that are always followed by what they qualify.
const NEVER_FINAL = new Set(
  (
    'mr mrs ms dr prof gen maj lt col capt cmdr adm sgt cpl pvt sen rep gov pres supt insp det fr rev hon ' +
    'st mt ft jan feb mar apr jun jul aug sep sept oct nov dec no nos vs etc al approx dept est fig inc corp ltd co jr sr'
  ).split(' '),
);
// Abbreviations that end a sentence only when a capitalised word follows that is
// not itself a name-like continuation; "U.S. officials" continues, "the U.S. The" ends.
const INITIALISM = /(?:^|[\s(“"‘'])((?:\p{L}\.){1,4})$/u;
// An end-anchored pattern is tried from every start: on plain text, with the faster ASCII form.
const LAST_WORD = new WordPattern(/([\p{L}]+)\.$/u);

import { OPENERS, STOPWORDS } from './word-forms';
import { WordPattern } from './pattern-matches';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
/**
 * Characters handed to the segmenter at once, in whole paragraphs. Each `segment()` call sets up
 * an ICU break iterator, and in Chromium that cost more than segmenting a paragraph, while one
 * call over a long text is quadratic (1.7 s for a 24,000-word page in Node). Splitting that page
 * took 14.9 ms a paragraph at a time in Chromium and 5.5 ms in runs of 2,000 characters (Node:
 * 4.0 and 3.3 ms); a 1,500-word article, 1.55 and 0.71 ms (Node: 0.29 and 0.33 ms). Unicode's
 * sentence rules always break after a newline and never look across one, so the pieces are the
 * same however the paragraphs are grouped.
 */
const SEGMENTER_CHUNK_CHARS = 2000;

function endsWithAbbreviation(segment: string, next: string): boolean {
  const trimmed = segment.trimEnd();
  // Both patterns need a final full stop, and neither reaches further back than these few characters.
  if (!trimmed.endsWith('.')) return false;
  const tail = trimmed.slice(-64);
  const word = LAST_WORD.exec(tail)?.[1];
  if (word && NEVER_FINAL.has(word.toLowerCase()) && /^[“"‘']?[\p{L}\d]/u.test(next)) return true;
  if (INITIALISM.test(tail.slice(-10))) {
    // "U.S. officials", "U.S. Joint Chiefs": continue; "in the U.S. The next day": a new sentence
    // starts when the next word is one that usually opens a sentence.
    const nextWord = /^[“"‘']?(\p{L}+)/u.exec(next)?.[1] ?? '';
    if (/^[\p{Ll}\d]/u.test(next)) return true;
    return !(STOPWORDS.has(nextWord.toLowerCase()) || OPENERS.has(nextWord.toLowerCase()));
  }
  return false;
}

/** Counts curly opening minus closing double quotes, and straight double quotes. */
function countQuotes(text: string): { curly: number; straight: number } {
  let curly = 0;
  let straight = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x201c) curly++;
    else if (c === 0x201d) curly--;
    else if (c === 0x22) straight++;
  }
  return { curly, straight };
}

/**
 * Splits `text[from, to)` into sentence spans. Newlines are paragraph breaks and
 * always end a sentence; spans are trimmed of surrounding white space.
 */
export function splitSentences(text: string, from = 0, to = text.length): Span[] {
  const spans: Span[] = [];
  let paragraph: Span[] = [];
  for (let chunkStart = from; chunkStart < to; ) {
    const chunkEnd = paragraphsEnd(text, chunkStart, to);
    for (const { index, segment } of segmenter.segment(text.slice(chunkStart, chunkEnd))) {
      const start = chunkStart + index;
      const endsParagraph = segment.charCodeAt(segment.length - 1) === 0x0a;
      const end = start + segment.length - (endsParagraph ? 1 : 0);
      if (end > start) paragraph.push({ start, end });
      if (endsParagraph) {
        joinPieces(text, paragraph, spans);
        paragraph = [];
      }
    }
    chunkStart = chunkEnd;
  }
  joinPieces(text, paragraph, spans);
  return spans;
}

/**
 * Where the run of whole paragraphs from `start` that first reaches
 * {@link SEGMENTER_CHUNK_CHARS} ends (after its newline), or `to`.
 */
function paragraphsEnd(text: string, start: number, to: number): number {
  let end = start;
  do {
    const newline = text.indexOf('\n', end);
    end = newline === -1 || newline >= to ? to : newline + 1;
  } while (end < to && end - start < SEGMENTER_CHUNK_CHARS);
  return end;
}

/** Joins one paragraph's segmenter pieces where the segmenter broke too early, and keeps the sentences. */
function joinPieces(text: string, pieces: Span[], out: Span[]): void {
  let current: Span | undefined;
  let curly = 0;
  let straight = 0;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    const pieceText = text.slice(piece.start, piece.end);
    current = current ? { start: current.start, end: piece.end } : { ...piece };
    const quotes = countQuotes(pieceText);
    curly += quotes.curly;
    straight += quotes.straight;
    const open = curly > 0 || straight % 2 === 1;
    const next = pieces[i + 1];
    if (next) {
      const nextText = text.slice(next.start, next.end);
      const lowerNext = /^\s*[\p{Ll}]/u.test(nextText);
      if (open || lowerNext || endsWithAbbreviation(pieceText, nextText)) continue;
    }
    pushTrimmed(text, current, out);
    current = undefined;
    curly = 0;
    straight = 0;
  }
}

function pushTrimmed(text: string, span: Span, out: Span[]): void {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ start, end });
}
