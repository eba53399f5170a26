import { BoundedMemo } from './bounded-memo';
import { WordPattern } from './pattern-matches';
import { NEGATION_WORDS, STOPWORDS, REPORTING_WORDS, termOf } from './word-forms';

export interface Token {
  /** Comparable form (see `termOf`); `not` for every negation cue; a number's digits. */
  term: string;
  /** The token as written, lower-cased, contraction and possessive removed. */
  lower: string;
  start: number;
  end: number;
  /** Written with a leading capital letter. */
  cap: boolean;
  neg: boolean;
  /** A function or reporting word: kept for alignment, ignored for similarity. */
  weak: boolean;
  /** A grammatical negation (not, no, n't…), as opposed to a cue such as "the first … since". */
  strictNeg?: boolean;
  /** Numeric value when the token is a number (digits or a number word). */
  value?: number | undefined;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
  thousand: 1000,
  million: 1_000_000,
  billion: 1_000_000_000,
};

// Words, initialisms ("U.S."), hyphen and apostrophe compounds, and numbers with
// separators. The trailing-dot branch only applies to initialisms.
const TOKEN_PATTERN = new WordPattern(
  /(?:\p{L}\.){2,}|\p{L}[\p{L}\p{M}]*(?:['’-][\p{L}\p{M}]+)*|\d+(?:,\d{3})*(?:\.\d+)?%?/gu,
);
const CONTRACTION_NOT = /^(.+?)n['’]t$/;
/** Verbs that, before "to", say the act did not happen. */
const DID_NOT_TO = /^(?:refus(?:e|es|ed|ing)|declin(?:es|ed|ing)|fail(?:s|ed|ing)?)$/;
const IRREGULAR_NOT: Record<string, string> = { won: 'will', can: 'can', ca: 'can', sha: 'shall' };
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'been', 'being', 'am', 'be']);
// Weekdays are compared as dates, not as words.
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const AUXILIARIES = new Set(['do', 'does', 'did', 'have', 'has', 'had']);
/** Tokens after a negation within which a "since" makes it one of time. */
const SINCE_REACH = 20;
/** A clause break: a "since" past one is another clause's (", since it was raining"). */
const CLAUSE_PUNCTUATION = /[,;:—–]/;

interface WordInfo {
  term: string;
  weak: boolean;
  neg: boolean;
  value: number | undefined;
}

/**
 * What a lower-case word is to the matcher; words repeat, so each is worked out
 * once. 20,000 words hold a page's many times over; a large corpus's whole
 * vocabulary, met once when it is indexed, held some 15 MB at 5,000 articles.
 */
const wordInfos = new BoundedMemo<string, WordInfo>(20_000);

function wordInfo(lower: string): WordInfo {
  return wordInfos.get(lower, workOutWordInfo);
}

function workOutWordInfo(lower: string): WordInfo {
  if (NEGATION_WORDS.has(lower)) return { term: 'not', weak: true, neg: true, value: undefined };
  const term = BE_FORMS.has(lower) ? 'be' : AUXILIARIES.has(lower) ? 'do' : termOf(lower);
  const weak =
    STOPWORDS.has(lower) ||
    REPORTING_WORDS.has(lower) ||
    WEEKDAYS.has(lower) ||
    term === 'be' ||
    term === 'do';
  const value = Object.hasOwn(NUMBER_WORDS, lower) ? NUMBER_WORDS[lower] : undefined;
  return { term, weak, neg: false, value };
}

function pushWord(tokens: Token[], lower: string, start: number, end: number, cap: boolean): void {
  const info = wordInfo(lower);
  // Every token has the same shape, so the loops that read them stay monomorphic.
  tokens.push({
    term: info.term,
    lower,
    start,
    end,
    cap,
    neg: info.neg,
    weak: info.weak,
    strictNeg: info.neg,
    value: info.value,
  });
}

/**
 * Splits text into comparable tokens with their offsets. Contractions become
 * two tokens ("wouldn't" → would + not) so that negation is explicit, and
 * "the first … since" is flagged as a negation cue because it states that
 * nothing happened in between.
 */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (const match of TOKEN_PATTERN.matches(text)) {
    const raw = match[0];
    const start = offset + match.index;
    const end = start + raw.length;
    const first = raw.charCodeAt(0);
    if (first >= 48 && first <= 57) {
      const digits = raw.replace(/[,%]/g, '');
      const value = Number(digits);
      tokens.push({
        term: digits,
        lower: raw,
        start,
        end,
        cap: false,
        neg: false,
        weak: false,
        strictNeg: false,
        value,
      });
      continue;
    }
    let lower = raw.toLowerCase();
    const cap = raw.charCodeAt(0) !== lower.charCodeAt(0);
    // Most words have no apostrophe: only those need the possessive and contraction patterns.
    const apostrophe = lower.includes("'") || lower.includes('’');
    if (apostrophe) lower = lower.replace(/['’]s$/, '');
    const contraction = apostrophe ? CONTRACTION_NOT.exec(lower) : null;
    if (contraction) {
      const base = IRREGULAR_NOT[contraction[1]!] ?? contraction[1]!;
      pushWord(tokens, base, start, end, cap);
      tokens.push({
        term: 'not',
        lower: 'not',
        start,
        end,
        cap: false,
        neg: true,
        weak: true,
        strictNeg: true,
        value: undefined,
      });
      continue;
    }
    if (apostrophe) lower = lower.replace(/['’](re|ve|ll|d|m)$/, '');
    pushWord(tokens, lower, start, end, cap);
  }
  for (let i = 0; i + 1 < tokens.length; i++) {
    // "ruled out X" denies X as plainly as "not X".
    if (tokens[i + 1]!.lower === 'out' && /^rul(e|es|ed|ing)$/.test(tokens[i]!.lower)) {
      tokens[i + 1] = { ...tokens[i + 1]!, term: 'not', neg: true, strictNeg: true, weak: true };
    }
    // "refused to sign", "declined to comment", "failed to approve": the act did not happen.
    if (tokens[i + 1]!.lower === 'to' && DID_NOT_TO.test(tokens[i]!.lower)) {
      tokens[i] = { ...tokens[i]!, term: 'not', neg: true, strictNeg: true, weak: true };
    }
  }
  for (let i = tokens.length - 2; i >= 0; i--) {
    // "no longer open" negates "open": the "longer" would keep the negation from its word.
    if (tokens[i]!.lower === 'no' && tokens[i + 1]!.lower === 'longer') tokens.splice(i + 1, 1);
    // "right now" says "now": its "right" matched the "right now" of any other remark.
    else if (tokens[i]!.lower === 'right' && tokens[i + 1]!.lower === 'now') tokens.splice(i, 1);
  }
  // "have not met since 2015" says when they last met, as "the first … since" and "the last time
  // … was in 2015" do, and denies nothing: the negation is not a stance to set against theirs.
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i]!.strictNeg) continue;
    for (let j = i + 1; j < Math.min(tokens.length, i + SINCE_REACH); j++) {
      if (tokens[j]!.lower !== 'since') continue;
      if (!CLAUSE_PUNCTUATION.test(text.slice(tokens[i]!.end - offset, tokens[j]!.start - offset)))
        tokens[i] = { ...tokens[i]!, strictNeg: false };
      break;
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.term !== '~first') continue;
    for (let j = i + 1; j < Math.min(tokens.length, i + 13); j++) {
      if (tokens[j]!.lower === 'since') {
        tokens[i]!.neg = true;
        break;
      }
    }
  }
  return tokens;
}

/**
 * Whether a token is a content term, what statements are compared on: not a
 * function or reporting word, not a negation, and longer than one character.
 */
export function isContentTerm(token: Token): boolean {
  return !token.weak && !token.strictNeg && token.term.length > 1;
}

/** True for a token that looks like a calendar year. */
export function isYearToken(token: Token): boolean {
  return (
    token.value !== undefined && /^\d{4}$/.test(token.term) && token.value >= 1800 && token.value <= 2100
  );
}
