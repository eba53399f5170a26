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
