import type { CorpusStatement } from '../../src/engine/types';
import { NEGATION_WORDS, OPENERS, REPORTING_WORDS, STOPWORDS } from '../../src/engine/word-forms';
import { TITLE_WORDS } from '../../src/engine/name-rules';
import { hashSeed, seededRandom, type Random } from './prng';

/**
 * Rewrites corpus statements into "the same sentence about another story":
 * every name word is replaced by an invented one, a share of the content words
 * by invented words, years, numbers and weekdays are shifted, all consistently
 * within a story. Two articles of one story therefore share names and facts
 * (so the builder finds relations, as in real coverage), while different
 * stories share only sentence shapes and function words (so blocking sees a
 * realistic, not a degenerate, vocabulary).
 */
export interface StoryOptions {
  /** Share of content words (≥ 4 letters, not function words) a story replaces with its own words. */
  remapShare: number;
  /** Chance that one article of a story reports one of its numbers differently: conflicts, as in real coverage. */
  conflictRate: number;
}

export const DEFAULT_STORY_OPTIONS: StoryOptions = { remapShare: 0.5, conflictRate: 0.05 };

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS =
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  );
/** Words a rewrite keeps: they carry the grammar, quotes, negation and dates the engine reads. */
const KEPT = new Set([
  ...STOPWORDS,
  ...OPENERS,
  ...REPORTING_WORDS,
  ...NEGATION_WORDS,
  ...TITLE_WORDS,
  ...WEEKDAYS,
  ...MONTHS,
]);
const SYLLABLES =
  'ka lo ren tis var mel dor sun bri pek zo al ne tor vi sha gru lem os ti ra ves mon da lir ku fen sar ob il ta nor bel che quin ard'.split(
    ' ',
  );
const TOKEN = /\p{L}+|\d[\d,]*(?:\.\d+)?/gu;
const TOKEN_CHAR = /[\p{L}\d]/u;

/** A statement rewritten for a story: its text and its name mentions, offsets into that text. */
export interface Rewritten {
  text: string;
  mentions: Array<[number, number, string]>;
}

/** The end of the word that starts at or before `at` in `text`. */
function tokenEndAfter(text: string, at: number): number {
  let end = at;
  while (end < text.length && /[\p{L}\d]/u.test(text[end]!)) end++;
  return end;
}

/** One story: the consistent replacements for every word, number and weekday its articles use. */
export class Story {
  private readonly words = new Map<string, string>();
  private readonly numbers = new Map<string, string>();
  private readonly yearShift: number;
  private readonly weekdayShift: number;

  /**
   * Every choice is drawn from `label` and the word it concerns, never from
   * the order of calls, so a page written later about the same story uses the
   * same replacements as the corpus articles.
   */
  constructor(
    private readonly label: string,
    private readonly options: StoryOptions = DEFAULT_STORY_OPTIONS,
  ) {
    const random = seededRandom(label);
    this.yearShift = random.int(-8, 6);
    this.weekdayShift = random.int(0, 6);
  }

  /**
   * The statement rewritten for this story, with its name mentions moved to
   * the new text. `variation` draws the choices one article makes on its own:
   * a person named by surname only, a number reported differently.
   */
  rewrite(
    statement: Pick<CorpusStatement, 'text' | 'mentions'>,
    variation: Random,
    isPerson: (entityId: string) => boolean = () => false,
  ): Rewritten {
    const text = statement.text;
    const nameAt = new Uint8Array(text.length);
    const dropped = new Uint8Array(text.length);
    for (const [start, end, id] of statement.mentions) {
      nameAt.fill(1, start, end);
      const parts = [...text.slice(start, end).matchAll(/\p{L}+/gu)];
      // Named in full here; another outlet often writes the surname alone.
      if (isPerson(id) && parts.length >= 2 && variation.chance(0.25)) {
        dropped.fill(1, start, start + parts[parts.length - 1]!.index);
      }
    }
    // Where each source offset landed in the output; dropped text lands where the next kept text starts.
    const moved = new Int32Array(text.length + 1);
    let out = '';
    let at = 0;
    const copyTo = (to: number) => {
      for (let k = at; k < to; k++) moved[k] = out.length + (k - at);
      out += text.slice(at, to);
      at = to;
    };
    for (const m of text.matchAll(TOKEN)) {
      const word = m[0];
      const from = m.index;
      copyTo(from);
      if (dropped[from]) {
        let skip = from + word.length;
        // Also skip the space (or dot and space) that followed the dropped word.
        while (skip < text.length && dropped[skip] && !/\p{L}/u.test(text[skip]!)) skip++;
        moved.fill(out.length, from, skip);
        at = skip;
        continue;
      }
      const replacement = this.replace(
        word,
        nameAt[from] === 1,
        text.slice(Math.max(0, from - 12), from),
        variation,
      );
      for (let k = from; k < from + word.length; k++) moved[k] = out.length;
      out += replacement;
      at = from + word.length;
    }
    copyTo(text.length);
    moved[text.length] = out.length;
    const mentions = statement.mentions.map(([start, end, id]): [number, number, string] => {
      // The end maps through the mention's last character, so a replaced last word is covered whole.
      const last = end - 1;
      const lastEnd = TOKEN_CHAR.test(text[last]!) ? tokenEndAfter(out, moved[last]!) : moved[last]! + 1;
      return [moved[start]!, lastEnd, id];
    });
    return { text: out, mentions };
  }

  private replace(word: string, isName: boolean, before: string, variation: Random): string {
    if (/^\d/.test(word)) return this.number(word, before, variation);
    const lower = word.toLowerCase();
    const weekday = WEEKDAYS.indexOf(lower);
    if (weekday >= 0) return withCase(WEEKDAYS[(weekday + this.weekdayShift) % 7]!, word);
    // "of" in "Ministry of Defense" stays: only the name's own words change.
    if (KEPT.has(lower) && (!isName || word === lower)) return word;
    if (!isName && word.length < 4) return word;
    if (!isName && !this.remaps(lower)) return word;
    const key = isName ? word : lower;
    let replacement = this.words.get(key);
    if (!replacement) {
      replacement = this.invent(word, isName);
      this.words.set(key, replacement);
    }
    return isName ? replacement : withCase(replacement, word);
  }

  /** Whether this story uses its own word for `lower`: decided once per word, so articles of a story agree. */
  private remaps(lower: string): boolean {
    return hashSeed(`${this.label}?${lower}`) / 4294967296 < this.options.remapShare;
  }

  private invent(word: string, isName: boolean): string {
    const random = seededRandom(`${this.label}:${word}`);
    if (word.length > 1 && word === word.toUpperCase()) {
      let acronym = '';
      for (let i = 0; i < word.length; i++) acronym += String.fromCharCode(65 + random.int(0, 25));
      return acronym;
    }
    // Names get a syllable more, so that two names of one story rarely collide.
    const syllables = Math.max(1, Math.round(word.length / 3)) + (isName ? 1 : 0);
    let invented = '';
    for (let i = 0; i < syllables; i++) invented += random.pick(SYLLABLES);
    return withCase(invented, word);
  }

  private number(raw: string, before: string, variation: Random): string {
    const value = Number(raw.replace(/,/g, ''));
    const isYear = /^\d{4}$/.test(raw) && value >= 1900 && value <= 2099;
    const previous = /(\p{L}+)\.?\s+$/u.exec(before)?.[1]?.toLowerCase();
    // "June 14" keeps its day: the date shifts with the story's weekdays and years only.
    if (value >= 1 && value <= 31 && previous !== undefined && MONTHS.includes(previous)) return raw;
    let mapped = this.numbers.get(raw);
    if (mapped === undefined) {
      mapped = isYear
        ? String(value + this.yearShift)
        : scaleNumber(raw, value, seededRandom(`${this.label}#${raw}`));
      this.numbers.set(raw, mapped);
    }
    if (variation.chance(this.options.conflictRate))
      return isYear
        ? String(Number(mapped) + variation.pick([-1, 1]))
        : scaleNumber(raw, Number(mapped.replace(/,/g, '')) + 1, variation);
    return mapped;
  }
}

function scaleNumber(raw: string, value: number, random: Random): string {
  const scaled = Math.max(1, Math.round(value * (0.5 + random.next() * 1.5)));
  return raw.includes(',') ? scaled.toLocaleString('en-US') : String(scaled);
}

function withCase(word: string, model: string): string {
  if (model.length > 1 && model === model.toUpperCase()) return word.toUpperCase();
  if (/^\p{Lu}/u.test(model)) return word[0]!.toUpperCase() + word.slice(1);
  return word;
}
