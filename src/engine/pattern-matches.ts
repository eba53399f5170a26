/**
 * Every match of a global pattern in `text`, as `String.prototype.matchAll`
 * gives them, but without the copy of the pattern and the iterator that
 * `matchAll` makes on each call: the engine scans every sentence of a page
 * with a few patterns, and those copies cost more than the scans. All
 * matches are collected before the caller sees one, so the loop body may use
 * the same pattern again.
 */
export function matchesOf(pattern: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    out.push(m);
    // An empty match would be found again at the same place.
    if (m[0] === '') pattern.lastIndex = advance(text, pattern.lastIndex, pattern.unicode);
  }
  pattern.lastIndex = 0;
  return out;
}

function advance(text: string, at: number, unicode: boolean): number {
  const c = text.charCodeAt(at);
  return unicode && c >= 0xd800 && c <= 0xdbff && at + 1 < text.length ? at + 2 : at + 1;
}
