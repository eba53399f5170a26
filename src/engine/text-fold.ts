/**
 * Text folded for near-identity: case, punctuation and spacing ignored, so
 * "U.S. officials said" and "U.S officials  said" meet. Runs on every line of
 * every page and every claim. Text of plain ASCII with the usual typographic
 * quotes, dashes and spaces (nearly all English news) is folded with an ASCII
 * pattern; anything else with the Unicode-aware one, which gives the same
 * result for all text.
 */
export function foldText(text: string): string {
  return isPlainText(text) ? foldAscii(text) : foldUnicode(text);
}

/** Text with its combining marks (accents and the like) taken off: "Erdoğan" → "Erdogan". */
export function withoutMarks(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/** ASCII, no-break spaces and the General Punctuation block, which holds no letters or digits. */
export function isPlainText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && c !== 0xa0 && (c < 0x2000 || c > 0x206f)) return false;
  }
  return true;
}

function foldAscii(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function foldUnicode(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** White space other than a plain space, or two spaces in a row. */
const UNEVEN_SPACE = /[^\S ]| {2}/;

/**
 * Runs of white space as one plain space. A text already spaced that way
 * (nearly every sentence) is returned as it is: the replace would copy it.
 */
export function collapseSpaces(text: string): string {
  return UNEVEN_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text;
}

/** Every white-space character as a plain space, one for one, so offsets stay the same. */
export function plainSpaces(text: string): string {
  return /[^\S ]/.test(text) ? text.replace(/\s/g, ' ') : text;
}

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
 * folded copy: every line and every claim of a page is compared with a few
 * others (headlines, corpus statements) that nearly none equals, so the folded
 * string is made only when a hash matches.
 */
export function foldedTextHash(text: string): number {
  const plain = plainFoldedHash(text);
  return plain >= 0 ? plain : textHash(foldText(text));
}

/**
 * The folded hash of plain text, or -1 at the first character that is not plain.
 * A function of its own: with the Unicode fold called from inside the same function,
 * V8 ran the loop about three times slower (130 against 45 µs for 58 sentences).
 */
function plainFoldedHash(text: string): number {
  let hash = FNV_OFFSET;
  let gap = false;
  let started = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
      if (gap) hash = Math.imul(hash ^ SPACE, FNV_PRIME);
      hash = Math.imul(hash ^ c, FNV_PRIME);
      gap = false;
      started = true;
    } else if (c < 0x80 || c === 0xa0 || (c >= 0x2000 && c <= 0x206f)) {
      gap = started;
    } else {
      return -1;
    }
  }
  return hash >>> 0;
}
