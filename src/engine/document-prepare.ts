import { lowerBound } from './lower-bound';
import { plainSpaces } from './text-fold';
import { cleanArticle, type CleanParagraph } from './furniture-clean';
import { splitSentences, type Span } from './sentence-split';

/** An article or page with furniture removed, as one clean string plus a map back to the source. */
export interface PreparedDocument {
  /** Clean text: paragraphs joined by "\n", furniture cut out. */
  text: string;
  /** Sentences as offsets into `text`, each with its paragraph's role. */
  sentences: Array<Span & { role: CleanParagraph['role'] }>;
  /** Maps a clean-text offset back to the source text. */
  toSource(offset: number): number;
  /** Source spans cut from inside the sentence `[start, end)` of the clean text. */
  cutsWithin(start: number, end: number): Span[];
}

interface Piece {
  clean: number;
  source: number;
  length: number;
}

/**
 * Cleans a document and splits it into sentences, keeping an exact map from
 * clean offsets to source offsets. The engine reads the clean text; offsets it
 * returns are mapped back, so statements point at their exact source span.
 */
export function prepareDocument(source: string, title = ''): PreparedDocument {
  const { paragraphs } = cleanArticle(source, title);
  const pieces: Piece[] = [];
  const cuts: Span[] = [];
  let text = '';
  const roles: Array<Span & { role: CleanParagraph['role'] }> = [];
  for (const paragraph of paragraphs) {
    if (text.length > 0) text += '\n';
    const paragraphStart = text.length;
    let at = paragraph.start;
    for (const cut of [...paragraph.cuts, { start: paragraph.end, end: paragraph.end }]) {
      // No-break and other spaces become plain spaces, one for one, so offsets stay exact.
      const chunk = plainSpaces(source.slice(at, cut.start));
      pieces.push({ clean: text.length, source: at, length: chunk.length });
      text += chunk;
      at = cut.end;
      if (cut.end > cut.start) cuts.push(cut);
    }
    roles.push({ start: paragraphStart, end: text.length, role: paragraph.role });
  }
  // Sentences and paragraphs are both in text order, so one pointer walks both.
  let r = 0;
  const sentences = splitSentences(text).map((span) => {
    while (r < roles.length && roles[r]!.end <= span.start) r++;
    const paragraph = roles[r];
    const inside = paragraph !== undefined && span.start >= paragraph.start;
    return { start: span.start, end: span.end, role: inside ? paragraph.role : ('body' as const) };
  });
  const toSource = (offset: number): number => {
    // The last piece starting at or before the offset (the first, when none does).
    const piece = pieces[Math.max(0, lowerBound(pieces.length, (i) => pieces[i]!.clean > offset) - 1)];
    if (!piece) return offset;
    return piece.source + Math.min(offset - piece.clean, piece.length);
  };
  const cutsWithin = (start: number, end: number): Span[] => {
    const s = toSource(start);
    const e = toSource(end);
    return cuts.filter((c) => c.start >= s && c.end <= e);
  };
  return { text, sentences, toSource, cutsWithin };
}

/**
 * The sentences names are read from: headlines are left out, because their
 * Title Case makes every word look like a name and the body names the same people.
 */
export function bodySentences(doc: PreparedDocument): PreparedDocument['sentences'] {
  return doc.sentences.filter((s) => s.role !== 'headline');
}
