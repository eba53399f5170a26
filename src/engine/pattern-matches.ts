import { isPlainText } from './text-fold';

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

/**
 * A pattern over words, compiled twice: as written, with Unicode
 * letter and mark classes, and with those classes narrowed to ASCII for plain
 * text ({@link isPlainText}), whose only letters are ASCII and which has no
 * marks, so both forms find the same matches there. V8 runs the ASCII form
 * about three times faster, and nearly all English news is plain text.
 */
export class WordPattern {
  private readonly ascii: RegExp;

  constructor(private readonly unicode: RegExp) {
    this.ascii = asciiForm(unicode);
  }

  /** {@link matchesOf} with the form that suits `text`. */
  matches(text: string): RegExpExecArray[] {
    return matchesOf(isPlainText(text) ? this.ascii : this.unicode, text);
  }

  /** The first match, with the form that suits `text`; for a pattern without the g flag. */
  exec(text: string): RegExpExecArray | null {
    return (isPlainText(text) ? this.ascii : this.unicode).exec(text);
  }
}

/** `pattern` with `\p{L}` as ASCII letters and `\p{M}` as nothing, without the u flag. */
export function asciiForm(pattern: RegExp): RegExp {
  let inClass = false;
  const source = pattern.source.replace(/\\p\{([^}]*)\}|\\.|\[|\]/g, (token, property?: string) => {
    if (property === undefined) {
      if (token === '[') inClass = true;
      else if (token === ']') inClass = false;
      return token;
    }
    if (property === 'L') return inClass ? 'A-Za-z' : '[A-Za-z]';
    if (property === 'M') return inClass ? '' : '[]';
    throw new Error(`asciiForm: \\p{${property}} has no ASCII form here`);
  });
  return new RegExp(source, pattern.flags.replace('u', ''));
}
