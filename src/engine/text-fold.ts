/**
 * Text folded for near-identity: case, punctuation and spacing ignored, so
 * "U.S. officials said" and "U.S officials  said" meet. Runs on every line of
 * every page and every claim, so plain ASCII text (with the usual typographic
 * quotes, dashes and spaces) is folded in one pass; anything else goes through
 * the Unicode-aware pattern, which gives the same result for all text.
 */
export function foldText(text: string): string {
  let out = '';
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let lower: number;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) lower = c;
    else if (c >= 0x41 && c <= 0x5a) lower = c + 0x20;
    else if (c < 0x80 || c === 0xa0 || (c >= 0x2000 && c <= 0x206f)) {
      // ASCII punctuation and spaces, no-break space, and the General Punctuation block: never letters or digits.
      gap = true;
      continue;
    } else return foldUnicode(text);
    if (gap && out !== '') out += ' ';
    gap = false;
    out += String.fromCharCode(lower);
  }
  return out;
}

function foldUnicode(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
