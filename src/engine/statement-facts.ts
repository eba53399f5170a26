import { matchesOf } from './pattern-matches';
import type { EntityKind } from './types';
import type { ResolvedMention } from './entity-resolve';
import { findDates, type DateFact } from './date-resolve';
import { isContentTerm, isYearToken, tokenize, type Token } from './tokenize';
import type { Span } from './sentence-split';
import type { DerivedFacts } from './relation-classify';
import { collapseSpaces } from './text-fold';

/** A number as the sentence uses it, with the word that tells what it counts or when. */
export interface NumberFact {
  value: number;
  year: boolean;
  /** Comparable term of the nearest word before it ("since", "killed") or after it ("people"). */
  before: string;
  after: string;
  text: string;
}

/** Words that multiply the number before them: "1.2 million", "three thousand". */
const SCALE_WORDS = new Map([
  ['hundred', 100],
  ['thousand', 1_000],
  ['million', 1_000_000],
  ['billion', 1_000_000_000],
  ['trillion', 1_000_000_000_000],
]);

/**
 * Determiners before a number word that make it point back rather than count: "the two
 * countries", "their three sons" name what the story already holds. Matched as numbers, every
 * "the two countries" of a story met every other and lifted unrelated statements to the same claim.
 */
const REFERRING_DETERMINERS = new Set(['the', 'these', 'those', 'their', 'its', 'his', 'her', 'our']);

/** Scale suffixes written onto a number: "5bn", "2.3tn"; "m" and "k" only after a currency sign. */
const SCALE_SUFFIXES = new Map([
  ['bn', 1_000_000_000],
  ['mn', 1_000_000],
  ['tn', 1_000_000_000_000],
  ['trn', 1_000_000_000_000],
]);
const CURRENCY_SCALE_SUFFIXES = new Map([
  ['m', 1_000_000],
  ['k', 1_000],
  ['b', 1_000_000_000],
]);

/** The scale of a suffix written right after a number ("5bn", "$2m"), if `next` is one. */
function scaleSuffix(text: string, number: Token, next: Token): number | undefined {
  if (next.start !== number.end) return undefined;
  const scale = SCALE_SUFFIXES.get(next.lower);
  if (scale) return scale;
  return /[$€£¥]/.test(text[number.start - 1] ?? '') ? CURRENCY_SCALE_SUFFIXES.get(next.lower) : undefined;
}

/** Everything the matcher compares about one sentence. Offsets are into the document's clean text. */
export interface StatementFacts extends Span {
  text: string;
  tokens: Token[];
  /** Content terms with entity mentions replaced by `@entity-id`. */
  terms: string[];
  entities: string[];
  people: string[];
  /** People named outside quotations, plus the speaker: who the statement is about. */
  subjects: string[];
  /** Who acts or speaks in it, as far as word order tells: the speaker, else the first of `subjects` named. */
  lead: string | undefined;
  mentions: ResolvedMention[];
  /** Titles and role phrases written beside names ("Defense Secretary", ", chairman of X,"). */
  roleSpans: Span[];
  quotes: Span[];
  speaker: string | undefined;
  numbers: NumberFact[];
  dates: DateFact[];
  negations: number;
  checkworthy: boolean;
  /** What the relation classifier works out about this statement, filled in as it compares it. */
  derived: DerivedFacts | undefined;
}

/**
 * The facts as an instance of a class, not an object literal. V8 tracks where literals are made,
 * and the facts of corpus statements live as long as the corpus: with a large corpus it began
 * allocating every page statement's facts in the old generation, where each kept all it pointed to
 * alive through young collections after the page had let it go. Instances of a class are not
 * tracked that way. For the same reason, the arrays that facts and what is derived from them keep
 * are made with `new Array()` rather than `[]`: V8 does not move those to the old generation early.
 */
class Facts implements StatementFacts {
  // Declared in one order and set in place, so that every instance has one shape.
  start!: number;
  end!: number;
  text!: string;
  tokens!: Token[];
  terms!: string[];
  entities!: string[];
  people!: string[];
  subjects!: string[];
  lead: string | undefined;
  mentions!: ResolvedMention[];
  roleSpans!: Span[];
  quotes!: Span[];
  speaker: string | undefined;
  numbers!: NumberFact[];
  dates!: DateFact[];
  negations!: number;
  checkworthy!: boolean;
  derived: DerivedFacts | undefined;
}

const SPEECH_VERB =
  /\b(?:said|says|told|tells|added|adds|stated|states|responded|commented|insisted|wrote|explained|argued|warned|declared|asked|replied|noted)\b/;
const PRONOUN_SPEAKER = /^(?:he|she|they|the \w+)\s+(?:said|says|told|stated|added|commented|responded)\b/i;

const QUOTED = /[“"]([^“”"]*)(?:[”"]|$)/g;
/**
 * Single curly quotes, as British outlets quote speech (‘We will…’), and
 * guillemets. A closing ’ followed by a letter is an apostrophe (don’t, Russia’s).
 */
const SINGLE_QUOTED = /(?<![\p{L}\d])(?:‘([^‘]*?)’(?!\p{L})|«\s?([^«»]*?)\s?»)/gu;

/**
 * Quoted passages: curly or straight double quotes, single curly quotes and
 * guillemets, at least three words; an unclosed double quote runs to the end.
 */
export function findQuotes(text: string, offset: number): Span[] {
  const quotes = new Array<Span>();
  const add = (index: number, inner: string) => {
    if (inner.trim().split(/\s+/).length < 3) return;
    const start = offset + index;
    // A quotation inside another is part of it.
    if (quotes.some((q) => start >= q.start && start < q.end)) return;
    quotes.push({ start, end: start + inner.length });
  };
  for (const m of matchesOf(QUOTED, text)) add(m.index + 1, m[1]!);
  if (text.includes('‘') || text.includes('«')) {
    for (const m of matchesOf(SINGLE_QUOTED, text)) {
      const inner = m[1] ?? m[2]!;
      add(m.index + m[0].indexOf(inner), inner);
    }
    quotes.sort((a, b) => a.start - b.start);
  }
  return quotes;
}

function inAny(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some((s) => start >= s.start && end <= s.end);
}

/**
 * Derives the comparable facts of one sentence: tokens, entity terms,
 * numbers with their context, dates resolved against the publication date,
 * quotations and who said them, negation count and whether it is check-worthy.
 */
export function statementFacts(
  documentText: string,
  span: Span & { role?: string },
  mentions: ResolvedMention[],
  published: string | null,
  previousSpeaker: string | undefined,
  kinds: (entityId: string) => EntityKind | undefined,
  storedRoleSpans?: Span[],
): StatementFacts {
  const text = documentText.slice(span.start, span.end);
  const roleSpans =
    storedRoleSpans ??
    mentions.flatMap((m) => [
      ...(m.roleStart !== undefined ? [{ start: m.roleStart, end: m.start }] : []),
      ...(m.roleEnd !== undefined ? [{ start: m.end, end: m.roleEnd }] : []),
    ]);
  const tokens = tokenize(text, span.start);
  const quotes = findQuotes(text, span.start);
  const terms = new Array<string>();
  const entitySet = new Set<string>();
  const people = new Set<string>();
  let mi = 0;
  for (const m of mentions) {
    entitySet.add(m.entityId);
    if (kinds(m.entityId) === 'person') people.add(m.entityId);
  }
  for (const token of tokens) {
    while (mi < mentions.length && mentions[mi]!.end <= token.start) mi++;
    const m = mentions[mi];
    if (m && token.start >= m.start && token.start < m.end) continue;
    if (isContentTerm(token)) terms.push(token.term);
  }
  for (const id of entitySet) terms.push(`@${id}`);

  const numbers: NumberFact[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.value === undefined) continue;
    const isWord = !/^\d/.test(token.lower);
    if (isWord && i > 0 && REFERRING_DETERMINERS.has(tokens[i - 1]!.lower)) continue;
    const before = tokens
      .slice(Math.max(0, i - 2), i)
      .reverse()
      .find((t) => t.value === undefined);
    // "1.2 million" is one number, 1,200,000, not 1.2 and a million; so are "$5bn" and "€1.2m".
    const next = tokens[i + 1];
    const scale = next && (SCALE_WORDS.get(next.lower) ?? scaleSuffix(documentText, token, next));
    const last = scale ? i + 1 : i;
    const after = tokens[last + 1];
    numbers.push({
      value: scale ? Math.round(token.value * scale * 1000) / 1000 : token.value,
      year: !scale && isYearToken(token),
      before: before?.term ?? '',
      after: after && after.value === undefined ? after.term : '',
      text: scale ? documentText.slice(token.start, tokens[last]!.end) : token.lower,
    });
    i = last;
  }

  const dates = findDates(text, published);
  // Numbers inside a date ("June 14", "2017" of "Feb. 15, 2017") are part of the date, not counts.
  const dateNumbers = new Set<number>();
  for (const d of dates) for (const n of d.text.match(/\d+/g) ?? []) dateNumbers.add(Number(n));
  const countable = numbers.filter((n) => n.year || !dateNumbers.has(n.value));

  const speaker = findSpeaker(text, span.start, quotes, mentions, people, previousSpeaker);
  const words = tokens.length;
  // An attributed statement ("investigators said …") is a claim someone can check, named or not.
  const attributed = SPEECH_VERB.test(text) || /\baccording to\b/i.test(text);
  const hasFacts =
    entitySet.size > 0 || countable.length > 0 || dates.length > 0 || quotes.length > 0 || attributed;
  const f = new Facts();
  f.start = span.start;
  f.end = span.end;
  f.text = collapseSpaces(text);
  f.tokens = tokens;
  f.terms = terms;
  f.entities = [...entitySet].sort();
  f.people = [...people].sort();
  const named = mentions
    .filter((m) => people.has(m.entityId) && !inAny(quotes, m.start, m.end))
    .map((m) => m.entityId);
  f.subjects = [...new Set([...named, ...(speaker ? [speaker] : [])])].sort();
  f.lead = speaker ?? named[0];
  f.mentions = mentions;
  f.roleSpans = roleSpans;
  f.quotes = quotes;
  f.speaker = speaker;
  f.numbers = countable;
  f.dates = dates;
  f.negations = tokens.filter((t) => t.neg).length;
  f.checkworthy = (span.role ?? 'body') === 'body' && words >= 6 && !/\?["”’]?$/.test(text) && hasFacts;
  f.derived = undefined;
  return f;
}

function findSpeaker(
  text: string,
  offset: number,
  quotes: Span[],
  mentions: ResolvedMention[],
  people: Set<string>,
  previousSpeaker: string | undefined,
): string | undefined {
  if (quotes.length === 0) return undefined;
  const outside = mentions.filter((m) => people.has(m.entityId) && !inAny(quotes, m.start, m.end));
  const verb = SPEECH_VERB.exec(text);
  if (outside.length > 0) {
    if (!verb) return outside[0]!.entityId;
    const verbAt = offset + verb.index;
    return outside.reduce((best, m) =>
      Math.abs(m.start - verbAt) < Math.abs(best.start - verbAt) ? m : best,
    ).entityId;
  }
  // "He said: “…”" or a quote that continues the previous speaker's words.
  const lead = text.slice(0, Math.max(0, (quotes[0]?.start ?? offset) - offset - 1)).trim();
  if (
    PRONOUN_SPEAKER.test(lead) ||
    lead === '' ||
    /^(?:he|she|they)\b/i.test(text.slice(quotes[0]!.end - offset + 1).trim())
  ) {
    return previousSpeaker;
  }
  return undefined;
}
