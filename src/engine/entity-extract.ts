import { WordPattern } from './pattern-matches';
import type { EntityKind } from './types';
import type { Span } from './sentence-split';
import {
  COUNTRY_OF,
  ORGANISATION_HEADS,
  PLACE_HEADS,
  REGION_WORDS,
  SURNAME_PARTICLES,
  TITLE_WORDS,
} from './name-rules';
import { OPENERS, STOPWORDS } from './word-forms';

/** A name found in text, before it is merged with other mentions of the same entity. */
export interface NameMention {
  start: number;
  end: number;
  /** The name without titles or possessive: "James Mattis", "Ministry of Defense". */
  name: string;
  kind: EntityKind | 'unknown';
  /** For people: given name (when written) and surname. */
  given?: string;
  surname?: string;
  /** Title or role stated with the name: "Defense Secretary", "his Russian counterpart". */
  role?: string;
  /** Where a title or role phrase before the name starts ("Defense Secretary James Mattis", "his counterpart, X"). */
  roleStart?: number;
  /** Where a role phrase in apposition after the name ends ("X, chairman of the board,"). */
  roleEnd?: number;
  /** The name was introduced by a title or honorific, so it is certainly a person. */
  titled: boolean;
  /** Index of the sentence it occurs in. */
  sentence: number;
}

interface Word {
  text: string;
  start: number;
  end: number;
  cap: boolean;
  /** First word of its sentence or of a quotation. */
  initial: boolean;
  possessive: boolean;
  /** `bare(text)`, worked out on first use (see {@link lowerOf}): most words are never asked. */
  lower: string | undefined;
}

const WORD_PATTERN = new WordPattern(
  /(?:\p{L}\.){2,}|\p{L}[\p{L}\p{M}]*(?:['’-][\p{L}\p{M}]+)*\.?|\d[\d,.]*/gu,
);
/** Lower-case words that join two capitalised parts of one name: "Secretary of Defense", "von der Leyen". */
const CONNECTORS = new Set(['of', 'the', 'y', ...SURNAME_PARTICLES]);
const CALENDAR = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july ' +
    'august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'
  ).split(' '),
);
const LOCATIVE = new Set(['in', 'at', 'near', 'outside']);
/** Common nouns that, written just before a name, say it is an organisation's. */
const ORGANISATION_NOUNS = new Set(
  (
    'newspaper newspapers paper daily weekly magazine broadcaster agency channel network website outlet ' +
    'station company firm group carrier airline bank insurer manufacturer maker retailer party'
  ).split(' '),
);
// "al-Assad", "bin-Salman": a lower-case particle glued to a capitalised name.
const PARTICLE_NAME = /^(?:al|el|ad|as|bin|ibn|abu|de|di|da|van|von|le|la)-\p{Lu}/u;

const POSSESSIVE = /^(.*?)(?:['’]s|(?<=s)['’])$/u;
/**
 * What follows the city of a dateline: "KYIV, Ukraine (AP) — ", "LONDON (Reuters) - ",
 * "OSAKA, Japan — ". The city is a place, not an acronym's organisation.
 */
const DATELINE_AFTER = /^(?:,\s*[\p{L}.]+(?: [\p{L}.]+)?)?(?:\s*\([^()\n]{1,30}\))?\s+[—–-]\s/u;
/** The gap before a word that opens a sentence, a quotation or a clause after a colon or dash. */
const SENTENCE_GAP = /[“"‘:—.!?]\s*$/u;

/** A word's bare lower-case form: the name rules ask for it of one word several times. */
function lowerOf(word: Word): string {
  return (word.lower ??= bare(word.text));
}

function bare(word: string): string {
  return (word.endsWith('.') ? word.slice(0, -1) : word).toLowerCase();
}

function isAcronym(word: string): boolean {
  return /^(?:\p{Lu}\.?){2,6}$/u.test(word);
}

function readWords(text: string, span: Span): Word[] {
  const words: Word[] = [];
  const slice = text.slice(span.start, span.end);
  let previousEnd = 0;
  for (const match of WORD_PATTERN.matches(slice)) {
    let raw = match[0];
    // The gap runs from the end of the previous word as kept, so a full stop the
    // previous word gave back ("level. But") counts as ending its sentence.
    // Most words follow a single space, which never starts a sentence; only other gaps need reading.
    const gapStart = previousEnd;
    const plainGap = match.index - gapStart === 1 && slice.charCodeAt(gapStart) === 0x20;
    let possessive = false;
    const last = raw.charCodeAt(raw.length - 1);
    // Only a word ending in s or an apostrophe can be possessive; skip the pattern for the rest.
    const owner = last === 0x73 || last === 0x27 || last === 0x2019 ? POSSESSIVE.exec(raw) : null;
    if (owner && owner[1]) {
      raw = owner[1];
      possessive = true;
    }
    // A trailing period is kept only on abbreviations such as "Gen." or "U.S.".
    if (raw.endsWith('.') && !/^(?:\p{L}\.)+$/u.test(raw) && !TITLE_WORDS.has(bare(raw)))
      raw = raw.slice(0, -1);
    previousEnd = match.index + raw.length;
    const first = raw[0] ?? '';
    words.push({
      text: raw,
      start: span.start + match.index,
      end: span.start + match.index + raw.length,
      cap: first !== first.toLowerCase() || (raw.includes('-') && PARTICLE_NAME.test(raw)),
      initial: words.length === 0 || (!plainGap && SENTENCE_GAP.test(slice.slice(gapStart, match.index))),
      possessive,
      lower: undefined,
    });
  }
  return words;
}

/** Whether only spaces (or a hyphen inside a word) separate two words, so they can form one name. */
function adjacent(text: string, left: Word, right: Word): boolean {
  return !left.possessive && /^[ \u00a0]+$/.test(text.slice(left.end, right.start));
}

/**
 * Finds names of people, organisations and places in the given sentences by
 * general rules: runs of capitalised words, titles and ranks, organisation and
 * place head words, countries and demonyms. `isCommonWord` tells whether a
 * word is ordinary vocabulary (seen lower-case), to skip capitalised sentence openers.
 */
export function findNameMentions(
  text: string,
  sentences: Span[],
  isCommonWord: (lower: string) => boolean,
  isNameWord: (word: string) => boolean,
): NameMention[] {
  const mentions: NameMention[] = [];
  sentences.forEach((span, sentenceIndex) => {
    const words = readWords(text, span);
    let i = 0;
    while (i < words.length) {
      if (!words[i]!.cap || CALENDAR.has(lowerOf(words[i]!))) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < words.length && adjacent(text, words[j - 1]!, words[j]!)) {
        const word = words[j]!;
        if (word.cap && !CALENDAR.has(lowerOf(word))) {
          j++;
          continue;
        }
        // A lower-case connector joins two capitalised parts ("Secretary of Defense", "von der Leyen").
        let k = j;
        while (k < words.length && CONNECTORS.has(words[k]!.text) && adjacent(text, words[k - 1]!, words[k]!))
          k++;
        if (k > j && k < words.length && words[k]!.cap && adjacent(text, words[k - 1]!, words[k]!)) {
          j = k + 1;
          continue;
        }
        break;
      }
      const run = words.slice(i, j);
      const before = words[i - 1];
      i = j;
      for (const part of splitCompound(run)) {
        const mention = classifyRun(text, part, before, sentenceIndex, isCommonWord, isNameWord);
        if (mention) mentions.push(mention);
      }
    }
  });
  attachRoles(text, mentions);
  return mentions;
}

/** "Trump-Putin" names two people; split such a single hyphenated token. */
function splitCompound(run: Word[]): Word[][] {
  if (run.length !== 1) return [run];
  const word = run[0]!;
  const parts = word.text.split('-');
  if (parts.length < 2 || !parts.every((p) => /^\p{Lu}(?:\p{Ll}|\p{Lu}+$)/u.test(p))) return [run];
  const out: Word[][] = [];
  let offset = word.start;
  for (const part of parts) {
    out.push([
      { ...word, text: part, start: offset, end: offset + part.length, initial: false, lower: undefined },
    ]);
    offset += part.length + 1;
  }
  return out;
}

function classifyRun(
  text: string,
  run: Word[],
  before: Word | undefined,
  sentence: number,
  isCommonWord: (lower: string) => boolean,
  isNameWord: (word: string) => boolean,
): NameMention | null {
  let words = run;
  // A capitalised sentence opener is ordinary unless it is a name seen elsewhere.
  while (words.length > 0) {
    const first = words[0]!;
    const lower = lowerOf(first);
    const opener =
      first.initial &&
      !COUNTRY_OF.has(lower) &&
      !TITLE_WORDS.has(lower) &&
      // "De La Cruz said …": a particle opening a name, however common the word.
      !(SURNAME_PARTICLES.has(lower) && words.length > 1);
    if (opener && (STOPWORDS.has(lower) || OPENERS.has(lower) || isCommonWord(lower))) {
      words = words.slice(1);
    } else if (lower === 'the' || first.text === 'A' || first.text === 'An' || CONNECTORS.has(first.text)) {
      // "A Manila court", after a dateline's dash rather than a sentence end: an article, not a name.
      words = words.slice(1);
    } else if (REGION_WORDS.has(lower) && words.length > 1 && isCountry(words[1]!)) {
      // "Eastern Morocco" is a part of Morocco: the country is named, the region word is not a name.
      words = words.slice(1);
    } else break;
  }
  if (words.length === 0) return null;
  const last = words[words.length - 1]!;
  const lastLower = lowerOf(last);

  if (words.length === 1 && (words[0]!.text.length < 2 || /^\d/.test(words[0]!.text))) return null;

  // "United Nations Secretary-General António Guterres", "European Commission President Ursula
  // von der Leyen": a title after an organisation's name, then a name, names a person.
  const titleAt = titlesBeforeName(words);
  if (titleAt > 0) {
    const person = classifyRun(text, words.slice(titleAt), before, sentence, isCommonWord, isNameWord);
    if (person?.kind === 'person') {
      person.role = text.slice(words[0]!.start, person.start).trim();
      person.roleStart = words[0]!.start;
      return person;
    }
  }

  if (words.length === 1 && before === undefined && DATELINE_AFTER.test(text.slice(last.end, last.end + 48)))
    return mention(words, textOf(text, words), 'place', sentence, false);
  if (
    words.some((w) => ORGANISATION_HEADS.has(lowerOf(w))) ||
    (words.length === 1 && isAcronym(last.text) && !isCountry(last))
  ) {
    return mention(words, textOf(text, words), 'organisation', sentence, false);
  }
  if (PLACE_HEADS.has(lastLower) && words.length > 1)
    return mention(words, textOf(text, words), 'place', sentence, false);

  // Strip titles, ranks and leading demonyms: "US Defense Secretary James Mattis" → "James Mattis".
  let n = 0;
  let titled = false;
  while (n < words.length - 1) {
    const next = words[n + 1]!;
    if (isTitle(words[n]!)) {
      titled = true;
      n++;
    } else if (CONNECTORS.has(words[n]!.text)) {
      n++;
    } else if (isCountry(words[n]!) || (isAcronym(words[n]!.text) && TITLE_WORDS.has(lowerOf(next)))) {
      n++;
    } else break;
  }
  // "the Italian newspaper Il Giornale", "the news agency Interfax": the noun before names the kind.
  if (n === 0 && before && ORGANISATION_NOUNS.has(lowerOf(before)))
    return mention(words, textOf(text, words), 'organisation', sentence, false);
  const role = n > 0 ? textOf(text, words.slice(0, n)) : undefined;
  const roleStart = n > 0 ? words[0]!.start : undefined;
  const nameWords = words.slice(n);
  if (nameWords.every((w) => TITLE_WORDS.has(lowerOf(w)))) return null;
  const name = textOf(text, nameWords);
  const nameLower = name.toLowerCase();

  const countryName = COUNTRY_OF.get(nameLower) ?? COUNTRY_OF.get(nameLower.replace(/\.$/, ''));
  if (countryName) return mention(nameWords, countryName, 'place', sentence, false, { role });
  if (nameWords.length === 1) {
    const single = nameWords[0]!;
    if (single.initial && !titled && !isNameWord(single.text)) return null;
    const kind: NameMention['kind'] = titled
      ? 'person'
      : before && LOCATIVE.has(before.text.toLowerCase())
        ? 'place'
        : 'unknown';
    return mention(nameWords, name, kind, sentence, titled, {
      surname: kind === 'person' ? name : undefined,
      role,
      roleStart,
    });
  }
  if (nameWords.length > 5) return null;
  // A run of two to five capitalised words without an organisation or place head is a person's name.
  // A particle starts the surname in any case ("Ramon De La Cruz"); a name that opens with one
  // ("De La Cruz received …") is a surname alone.
  const particle = nameWords.findIndex((w) => SURNAME_PARTICLES.has(w.text.toLowerCase()));
  const surnameWords = particle >= 0 ? nameWords.slice(particle) : nameWords.slice(-1);
  const given = particle === 0 ? undefined : nameWords[0]!.text;
  return mention(nameWords, name, 'person', sentence, titled, {
    given: given === undefined || /^\p{Lu}\.$/u.test(given) ? undefined : given,
    surname: textOf(text, surnameWords),
    role,
    roleStart,
  });
}

function isTitle(word: Word): boolean {
  const lower = lowerOf(word);
  return TITLE_WORDS.has(lower) || (lower.includes('-') && lower.split('-').every((p) => TITLE_WORDS.has(p)));
}

/**
 * Where the titles before a closing name begin, when words that are neither
 * titles nor countries come before them (an organisation's name); else -1.
 * "UN Secretary-General António Guterres" → 1; "Defense Secretary James Mattis" → -1.
 */
function titlesBeforeName(words: Word[]): number {
  // An organisation's name, a title and a name take three words at least.
  if (words.length < 3) return -1;
  let end = words.length - 1;
  while (end > 0 && !isTitle(words[end - 1]!)) end--;
  // Every word after the titles is part of the name: no organisation head, no further title.
  if (end <= 1 || end >= words.length) return -1;
  if (words.slice(end).some((w) => ORGANISATION_HEADS.has(lowerOf(w)) || isTitle(w))) return -1;
  let start = end - 1;
  while (start > 0 && (isTitle(words[start - 1]!) || CONNECTORS.has(words[start - 1]!.text))) start--;
  const prefix = words.slice(0, start);
  const qualifies = prefix.some((w) => !isCountry(w) && !isAcronym(w.text) && !CONNECTORS.has(w.text));
  return qualifies ? start : -1;
}

/** The text a run of words spans, spaces between them included. */
function textOf(text: string, words: Word[]): string {
  return text.slice(words[0]!.start, words[words.length - 1]!.end);
}

function isCountry(word: Word): boolean {
  return COUNTRY_OF.has(word.text.toLowerCase()) || COUNTRY_OF.has(lowerOf(word));
}

/**
 * A mention with every field present, unset ones undefined: mentions made with
 * and without a role or given name then share one shape, and the code that reads
 * them on every page stays monomorphic instead of falling back to slow lookups.
 */
function mention(
  words: Word[],
  name: string,
  kind: NameMention['kind'],
  sentence: number,
  titled: boolean,
  stated: Pick<NameMention, 'given' | 'surname' | 'role' | 'roleStart'> = {},
): NameMention {
  return {
    start: words[0]!.start,
    end: words[words.length - 1]!.end,
    name,
    kind,
    given: stated.given,
    surname: stated.surname,
    role: stated.role,
    roleStart: stated.roleStart,
    roleEnd: undefined,
    titled,
    sentence,
  };
}

const ROLE_BEFORE =
  /(?:^|[,;(—]\s*|\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Tt]he|[Aa]n?)\s+)((?:[\p{L}'’-]+\s+){0,5}[\p{L}'’-]+),\s*$/u;
/** A title in lower case right before a name, with a word that qualifies it: "transport minister Isack Kamwelwe". */
const LOWER_TITLE_BEFORE = /(?:^|[\s(])((?:[\p{L}'’-]+\s+)?(\p{Ll}[\p{Ll}-]*))\s+$/u;
const ROLE_AFTER = /^,\s*(?:the\s+|a\s+|an\s+)?((?:[\p{L}'’.-]+\s+){0,7}[\p{L}'’.-]+)\s*[,.;]/u;
const NOT_A_ROLE =
  /^(?:who|which|that|whose|where|when|and|but|or|said|says|told|he|she|it|they|according)\b/i;

const WHITE_SPACE = /\s/;

/** The word in lower-case letters (and hyphens) that ends right before `end` and a space, or ''. */
function lowerWordBefore(text: string, end: number): string {
  let k = end - 1;
  if (text.charCodeAt(k) !== 0x20) return '';
  while (k > 0 && text.charCodeAt(k - 1) === 0x20) k--;
  const wordEnd = k;
  while (k > 0 && LOWER_OR_HYPHEN.test(text[k - 1]!)) k--;
  return text.slice(k, wordEnd);
}

const LOWER_OR_HYPHEN = /[\p{Ll}-]/u;

/** Whether a comma, then only white space, comes right before `end`. */
function commaBefore(text: string, end: number): boolean {
  let k = end - 1;
  while (k >= 0 && WHITE_SPACE.test(text[k]!)) k--;
  return text[k] === ',';
}

/**
 * Reads role phrases that the text states beside a person's name:
 * "his Russian counterpart, Sergei Shoigu" and "Jim Mattis, the US Defence Secretary,".
 */
function attachRoles(text: string, mentions: NameMention[]): void {
  for (const m of mentions) {
    if (m.kind !== 'person') continue;
    const windowStart = Math.max(0, m.start - 80);
    // The pattern ends in a comma; most names follow none, and the pattern tries every start in the window.
    const before = commaBefore(text, m.start) ? ROLE_BEFORE.exec(text.slice(windowStart, m.start)) : null;
    const candidate = before?.[1];
    if (candidate && !NOT_A_ROLE.test(candidate) && /\p{Ll}/u.test(candidate) && m.roleStart === undefined) {
      m.role ??= candidate.trim();
      m.roleStart = windowStart + before!.index + before![0].lastIndexOf(candidate);
    }
    // Most names follow no title in lower case: the word before is read first, the pattern only
    // then (when it matches, its last word is that title).
    const titled =
      m.roleStart === undefined && TITLE_WORDS.has(lowerWordBefore(text, m.start))
        ? LOWER_TITLE_BEFORE.exec(text.slice(windowStart, m.start))
        : null;
    if (titled) {
      // "said defence secretary X": the word before the title qualifies it only if it is not a function word.
      const qualifier = titled[1]!.slice(0, titled[1]!.length - titled[2]!.length).trim();
      const role =
        qualifier && !STOPWORDS.has(qualifier.toLowerCase()) && !/^(?:said|says|told)$/i.test(qualifier)
          ? titled[1]!
          : titled[2]!;
      m.role ??= role;
      m.roleStart = windowStart + titled.index + titled[0].lastIndexOf(role);
    }
    const after = ROLE_AFTER.exec(text.slice(m.end, m.end + 100));
    const following = after?.[1];
    if (following && !NOT_A_ROLE.test(following)) {
      m.role ??= following.trim();
      m.roleEnd = m.end + after!.index + after![0].length - 1;
    }
  }
}
