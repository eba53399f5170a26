import type { Span } from './sentence-split';
import { collapseSpaces, foldedTextHash, foldText } from './text-fold';

/** A paragraph of real article text, as offsets into the source, minus furniture cut from inside it. */
export interface CleanParagraph extends Span {
  role: 'headline' | 'caption' | 'body';
  /** Spans inside the paragraph that are page furniture (glued-in name cards). */
  cuts: Span[];
}

/** A line removed whole, with the rule that removed it, for reports and tests. */
export interface DroppedLine extends Span {
  reason: 'advertisement' | 'photo-credit' | 'paywall' | 'repeated-headline' | 'byline' | 'teaser' | 'promo';
}

export interface CleanedArticle {
  paragraphs: CleanParagraph[];
  dropped: DroppedLine[];
}

const AD_MARKER =
  /^(?:advertisement|advertising|sponsored(?: content)?|ad|story continues below(?: advertisement)?)$/i;
const PHOTO_CREDIT =
  /^(?:(?:photo|image|picture|video|graphic)s?(?: by| credit)?\s*[:©]|(?:photo|image|picture) (?:source|copyright),|©|\(?(?:photo|image)\)?:|credit\s*:)|©\s*\p{Lu}/iu;
const PAYWALL =
  /\b(?:subscribe|subscription|subscribers?|free articles?|sign in|log in|create an account|register to|already a (?:member|subscriber)|unlimited (?:digital )?access)\b/i;
const AGENCY_BYLINE =
  /^(?:(?:by|reporting by|additional reporting by|written by|edited by)\b|[\p{L}\s]*\b(?:and )?agencies$)/iu;
const REPORTING = /\b(?:said|says|told|tells|according|reported|reportedly|announced)\b/i;
/** A link to another story: "Read more: …", "Related: …", "See also – …". */
const TEASER =
  /^(?:read more|read next|related(?: stories| coverage)?|see also|also read|more on this(?: story)?|recommended|watch|listen)\s*[:|–—-]/i;
/**
 * The heading of a list of links to other stories, alone on its line: "Read more:", "Related
 * Topics", "More on this story". The short lines after it, until a sentence, are the links.
 */
const TEASER_HEADING =
  /^(?:read more|read next|related(?: topics| stories| coverage| articles| content| links)?|see also|also read|more on this(?: story| topic)?|topics|more from [\p{L} ]{1,30}|recommended(?: for you)?|you may also like|top stories)\s*[:|–—-]?$/iu;
/** An embedded post's attribution: "— Jane Doe (@janedoe) July 17, 2018". */
const EMBED_ATTRIBUTION = /^[—–-]\s*[^()\n]{1,60}\(@\w{1,30}\)/u;
/** Who reported, wrote and edited a wire story: "Reporting by A; Editing by B". */
const WIRE_CREDITS =
  /^\(?(?:(?:additional )?reporting|editing|writing|compiled|produced|edited|written)(?: and \p{L}+)? by\s+\p{Lu}/iu;
/**
 * A photographer's credit closing a caption: "… February 16, 2017. REUTERS/Francois Lenoir",
 * "… in Kyiv. AFP/Getty Images". Cut, so the photographer is not named as one of the story's people.
 */
const TRAILING_PHOTO_CREDIT =
  /\s\p{Lu}{2,}(?:[ -]\p{Lu}{2,})*\s?\/\s?\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){0,3}$/u;
/** A labelled credit closing a caption: "… in Brussels on Thursday. Photograph: Jane Doe/AP". */
const TRAILING_LABELLED_CREDIT =
  /(?<=[.!?]["”’]?)\s+(?:photograph|photo|picture|image)s?\s*:\s*[^.!?]{1,80}$/iu;
/**
 * A word of a line that only says when: "Thu 16 Feb 2017 14.20 GMT", "Feb. 16, 2017 2:20 p.m. ET":
 * a day or month name, a number, a time or "am"/"pm" (or a time zone, {@link TIME_ZONE}).
 */
const DATE_TIME_WORD =
  /^(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|\d{1,4}(?:st|nd|rd|th)?|\d{1,2}[.:]\d{2}|[ap]\.?m)\.?$/i;
/** A time zone's capitals: "GMT", "ET", "BST". */
const TIME_ZONE = /^[A-Z]{2,4}$/;
/** A video player's labels inside a story: "JUST WATCHED", "Replay", "More Videos ...". */
const VIDEO_LABEL =
  /^(?:just watched|must watch|now playing|up next|replay|more videos(?:\s*(?:\.\.\.|…))?)$/i;
/** The labels after which a player names its video: the title is another story's, not this one's. */
const VIDEO_TITLE_NEXT = /^(?:just watched|now playing|up next)$/i;
/** When a page was published or updated: "Updated 4:31 PM ET, Tue July 17, 2018". */
const TIMESTAMP = /^(?:(?:last )?updated|published|posted|first published)\b.*\d/i;
/** A prompt to follow, chat with or sign up to the site elsewhere. */
const PROMO =
  /^(?:chat with us|follow us|like us on|sign up (?:for|to)|get (?:our|the) (?:newsletter|app)|download (?:our|the) app|(?:click|tap) here\b|our standards\s*:|follow\b.{1,40}\bon (?:twitter|x|facebook|instagram|telegram|threads|bluesky|linkedin|tiktok|youtube)\b)/i;
/** Who else reported: "Associated Press writer Jane Doe contributed to this report." */
const CONTRIBUTORS =
  /\bcontributed (?:to (?:this|the) (?:report|story|article)|(?:additional )?reporting\b.*)\.?$/i;
/** A caption that says so: "Image caption: …", "Caption: …", "Image caption, …", "FILE PHOTO: …". */
const CAPTION_LABEL =
  /^(?:(?:(?:image|photo|picture|video) )?caption|file (?:photo|picture|image))\s*[:,]\s*/i;

/** The first lines of a page, where a headline and its repeat stand. */
const HEADLINE_LINES = 3;

/** Whether a line says only when (see {@link DATE_TIME_WORD}): a day's or month's name, and a year or a time of day. */
function isDateTimeLine(line: string): boolean {
  const words = line.split(/[\s,]+/).filter((w) => w !== '');
  return (
    words.length >= 2 &&
    words.every((w) => DATE_TIME_WORD.test(w) || TIME_ZONE.test(w)) &&
    words.some((w) => /^\d{4}$|^\d{1,2}[.:]\d{2}$/.test(w)) &&
    words.some((w) => /\p{L}/u.test(w) && DATE_TIME_WORD.test(w))
  );
}

/** Words of a trimmed line whose white space is collapsed: one more than its spaces. */
function wordsOfCollapsed(line: string): number {
  let count = 1;
  for (let i = line.indexOf(' '); i !== -1; i = line.indexOf(' ', i + 1)) count++;
  return count;
}

/** A short line with a slash between names and no sentence punctuation: "Jane Doe/ Agency via Pool". */
function looksLikeCredit(line: string, wordCount: number): boolean {
  if (PHOTO_CREDIT.test(line)) return true;
  return wordCount <= 8 && /\p{L}\s*\/\s*\p{Lu}/u.test(line) && !/[.!?]["”’]?$/u.test(line);
}

/**
 * Removes page furniture from a scraped article with general rules: ad
 * markers, photo credits, paywall prompts, repeated headlines, agency
 * bylines, and hover-card text glued into sentences. Nothing is rewritten:
 * the result is offsets into the original text, so every statement can be
 * traced back to its exact source span.
 */
export function cleanArticle(raw: string, title = ''): CleanedArticle {
  const lines: Span[] = [];
  let lineStart = 0;
  while (lineStart <= raw.length) {
    let lineEnd = raw.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = raw.length;
    let start = lineStart;
    let end = lineEnd;
    while (start < end && /\s/.test(raw[start]!)) start++;
    while (end > start && /\s/.test(raw[end - 1]!)) end--;
    if (end > start) lines.push({ start, end });
    lineStart = lineEnd + 1;
  }

  const paragraphs: CleanParagraph[] = [];
  const dropped: DroppedLine[] = [];
  const seen = new Set<string>();
  const headlines = new Set<string>();
  const titleKey = foldText(title);
  // Hashes of the keys of the title and the first lines (headlines among them): past those
  // lines only a line that folds like one of them needs its key, and the hash rules out the rest unfolded.
  const headlineHashes = new Set([foldedTextHash(title)]);
  const keyOf = (line: string, index: number): string | null => {
    if (index < HEADLINE_LINES) {
      headlineHashes.add(foldedTextHash(line));
      return foldText(line);
    }
    return headlineHashes.has(foldedTextHash(line)) ? foldText(line) : null;
  };
  let afterCredit = false;
  let afterVideoLabel = false;
  let inTeaserList = false;
  lines.forEach((span, index) => {
    const rawLine = raw.slice(span.start, span.end);
    const line = collapseSpaces(rawLine);
    const count = wordsOfCollapsed(line);
    const drop = (reason: DroppedLine['reason']) => dropped.push({ ...span, reason });
    const videoTitle = afterVideoLabel;
    afterVideoLabel = VIDEO_TITLE_NEXT.test(line);
    if (AD_MARKER.test(line)) return drop('advertisement');
    if (VIDEO_LABEL.test(line) || (videoTitle && count <= 25)) return drop('teaser');
    // A story's links are headlines: short, and not ended like a sentence.
    inTeaserList =
      index > 0 &&
      (TEASER_HEADING.test(line) || (inTeaserList && count <= 16 && !/[.!?]["”’]?$/u.test(line)));
    if (inTeaserList) return drop('teaser');
    if (count <= 25 && EMBED_ATTRIBUTION.test(line)) return drop('byline');
    if (count <= 12 && TIMESTAMP.test(line) && !/[.!?]$/.test(line)) return drop('byline');
    if (count <= 8 && isDateTimeLine(line)) return drop('byline');
    if (count <= 25 && PROMO.test(line)) return drop('promo');
    if (looksLikeCredit(line, count)) {
      afterCredit = true;
      return drop('photo-credit');
    }
    if (count <= 25 && PAYWALL.test(line) && !REPORTING.test(line)) return drop('paywall');
    if (count <= 30 && TEASER.test(line)) return drop('teaser');
    // "4 Min Read", "5 minute read": the reading time beside the byline.
    if (count <= 4 && /^\d+\s*min(?:ute)?s?\.?\s+read$/i.test(line)) return drop('byline');
    if (count <= 40 && WIRE_CREDITS.test(line) && !REPORTING.test(line)) return drop('byline');
    if (count <= 30 && CONTRIBUTORS.test(line) && !REPORTING.test(line)) return drop('byline');
    const key = keyOf(line, index);
    // Only a headline is repeated as furniture; a body line said twice is still said.
    if (key !== null && (key === titleKey || headlines.has(key)) && seen.has(key) && count <= 30)
      return drop('repeated-headline');
    if (count <= 6 && AGENCY_BYLINE.test(line) && !/[.!?]$/.test(line)) return drop('byline');
    // "By Jane Doe, Diplomatic Correspondent · 18 July 2018": the author line, not a statement.
    if (count <= 16 && /^[Bb]y\s+\p{Lu}/u.test(line) && !/[.!?]["”’]?$/u.test(line)) return drop('byline');
    if (key !== null) seen.add(key);
    if (key !== null && index < HEADLINE_LINES) headlines.add(key);
    // A headline is the title, or a short first line that does not end like a sentence.
    const isHeadline =
      (titleKey !== '' && key === titleKey) || (index === 0 && count <= 25 && !/[.!?]["”’]?$/u.test(line));
    const cuts = findNameCards(raw, span);
    const credit = TRAILING_PHOTO_CREDIT.exec(rawLine) ?? TRAILING_LABELLED_CREDIT.exec(rawLine);
    if (credit) cuts.push({ start: span.start + credit.index + 1, end: span.end });
    // The label goes too: "FILE PHOTO" is not an organisation the caption names.
    const label = isHeadline ? null : CAPTION_LABEL.exec(rawLine);
    if (label) cuts.unshift({ start: span.start, end: span.start + label[0].length });
    const isCaption =
      label !== null ||
      (credit !== null && !isHeadline) ||
      (afterCredit &&
        !isHeadline &&
        count <= 45 &&
        !REPORTING.test(line) &&
        (line.match(/[.!?](?:\s+\p{Lu}|$)/gu) ?? []).length <= 1);
    afterCredit = false;
    const role = isHeadline ? 'headline' : isCaption ? 'caption' : 'body';
    paragraphs.push({ start: span.start, end: span.end, role, cuts });
  });
  return { paragraphs, dropped };
}

const GLUED_WORDS = /\p{Ll}\p{Lu}\p{Ll}/u;

/**
 * Finds hover "name cards" glued into a sentence by scraping, such as
 * "Secretary Jane DoeJane Q. DoeHeadline one | Headline two MORE is…": a
 * name directly followed by a longer form of the same name, then teaser
 * headlines up to an upper-case "MORE". Returns the spans to cut.
 */
export function findNameCards(raw: string, span: Span): Span[] {
  const cuts: Span[] = [];
  const text = raw.slice(span.start, span.end);
  // Cheap tests first: most paragraphs have no glued words or no "MORE" at all.
  if (!text.includes('MORE') || !GLUED_WORDS.test(text)) return cuts;
  const glue = /(\p{L}+)(?<=\p{Ll})(?=\p{Lu}\p{Ll})/gu;
  let searchFrom = 0;
  for (;;) {
    glue.lastIndex = searchFrom;
    const match = glue.exec(text);
    if (!match) break;
    const cardStart = match.index + match[0].length;
    const more = /\bMORE\b/g;
    more.lastIndex = cardStart;
    const moreMatch = more.exec(text);
    const surname = match[1]!;
    const nameAgain = text
      .slice(cardStart, cardStart + 60)
      .search(new RegExp(`\\b${surname}(?=\\P{Ll}|$)`, 'u'));
    if (moreMatch && moreMatch.index - cardStart < 600 && nameAgain > 0) {
      const end = moreMatch.index + 'MORE'.length;
      cuts.push({ start: span.start + cardStart, end: span.start + end });
      searchFrom = end;
    } else {
      searchFrom = cardStart;
    }
  }
  return cuts;
}

/** The text of a span with cut spans removed and white space folded. */
export function spanText(raw: string, span: Span, cuts: readonly Span[]): string {
  let out = '';
  let at = span.start;
  for (const cut of cuts) {
    if (cut.end <= span.start || cut.start >= span.end) continue;
    out += raw.slice(at, Math.max(at, cut.start));
    at = Math.max(at, cut.end);
  }
  out += raw.slice(at, span.end);
  return collapseSpaces(out).trim();
}
