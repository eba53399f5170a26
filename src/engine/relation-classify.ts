import { matchesOf } from './pattern-matches';
import type { EvidenceRelation, ReasonCode } from './types';
import type { NumberFact, StatementFacts } from './statement-facts';
import { isContentTerm, type Token } from './tokenize';
import { lowerBound } from './lower-bound';
import { DENIAL_WORDS, OPPOSITE_TERMS, STOPWORDS } from './word-forms';
import { daysBetween, type DateFact } from './date-resolve';
import { TermTable, type TermSet, type TermWeight } from './term-set';

/** How one statement stands to another, with a one-line reason written from the second's side. */
export interface Classification {
  relation: EvidenceRelation;
  reason: ReasonCode;
  score: number;
  /** "says 2015 where this says 2014": what the other statement says, against this one. */
  detail: string;
}

/** Similarity thresholds, in one place so that tuning is visible. */
export const THRESHOLDS = {
  /** Below this nothing links; at or above it two statements at least share a topic. */
  related: 0.22,
  /** At or above this two statements make the same claim (unless a conflict is found). */
  same: 0.4,
  /** Quotations this similar (word overlap) are the same quotation. */
  quote: 0.8,
  /** Quotations this similar from the same speaker are the same words, changed. */
  quoteVariant: 0.5,
} as const;

/** Two weekdays further apart than this belong to different weeks, so to different events. */
const MAX_WEEKDAY_GAP_DAYS = 6;
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * What the comparisons work out about one statement, once, kept on the
 * statement itself ({@link StatementFacts.derived}). WeakMaps keyed by the
 * statements held it before, but V8's young-generation collector keeps a
 * WeakMap entry whose key is still young: every statement of every page was
 * copied and then promoted with all it derived, some 400 KB per 1,500-word
 * page, and each collection took 3-7 ms.
 */
export interface DerivedFacts {
  quotes: QuoteWords[] | undefined;
  alignment: Alignment | undefined;
  /** The weighting `terms`, `said` and `clauses` were built under: another one builds them again. */
  comparer: Comparer | undefined;
  terms: TermSet | undefined;
  said: TermSet | undefined;
  clauses: Clause[] | undefined;
}

/**
 * A class, not an object literal: V8 tracks a literal's allocation site, and once the
 * long-lived derivations of corpus statements outnumbered a page's at one collection, it
 * allocated every later page statement's in the old generation, where the young data
 * stored in them was then kept and copied as if live. Instances of a class are not tracked.
 */
class Derivations implements DerivedFacts {
  quotes: QuoteWords[] | undefined = undefined;
  alignment: Alignment | undefined = undefined;
  comparer: Comparer | undefined = undefined;
  terms: TermSet | undefined = undefined;
  said: TermSet | undefined = undefined;
  clauses: Clause[] | undefined = undefined;
}

function derivedOf(s: StatementFacts): DerivedFacts {
  return (s.derived ??= new Derivations());
}

/**
 * The term sets of the statements compared under one weighting, built once per
 * statement: its whole terms, what it says, and its clauses.
 */
class Comparer {
  readonly table: TermTable;

  constructor(weight: TermWeight) {
    this.table = new TermTable(weight);
  }

  /** What `s` derives under this weighting. */
  derived(s: StatementFacts): DerivedFacts {
    const d = derivedOf(s);
    if (d.comparer !== this) {
      d.comparer = this;
      d.terms = d.said = d.clauses = undefined;
    }
    return d;
  }

  /** The set of a statement's terms. */
  termSet(s: StatementFacts): TermSet {
    const d = this.derived(s);
    return (d.terms ??= this.table.setOf(s.terms));
  }

  /** What a whole statement says: the union of its clauses' words. */
  saidOf(s: StatementFacts): TermSet {
    const d = this.derived(s);
    return (d.said ??= this.table.setOf(clausesOf(s, this).flatMap((clause) => clause.saidTerms)));
  }

  /** Cosine-like overlap of two weighted term sets, plus the overlap relative to the smaller one, and the weight shared. */
  similarity(a: TermSet, b: TermSet): { cosine: number; containment: number; shared: number } {
    const shared = this.table.sharedWeight(a, b);
    if (a.total === 0 || b.total === 0) return { cosine: 0, containment: 0, shared };
    return {
      cosine: shared / Math.sqrt(a.total * b.total),
      containment: shared / Math.min(a.total, b.total),
      shared,
    };
  }

  /** The cosine of {@link similarity} alone, for the clause comparisons that need nothing else. */
  cosine(a: TermSet, b: TermSet): number {
    const shared = this.table.sharedWeight(a, b);
    return a.total === 0 || b.total === 0 ? 0 : shared / Math.sqrt(a.total * b.total);
  }
}

const comparers = new WeakMap<TermWeight, Comparer>();

function comparerFor(weight: TermWeight): Comparer {
  let comparer = comparers.get(weight);
  if (!comparer) comparers.set(weight, (comparer = new Comparer(weight)));
  return comparer;
}

/**
 * A looser upper bound than {@link clauseSimBound}, from what the whole
 * statements share (`shared`): no clause pair shares more than that, and none
 * weighs less than the lightest clause of each side.
 */
function looseClauseSimBound(a: StatementFacts, b: StatementFacts, c: Comparer, shared: number): number {
  const lightest = lightestClause(clausesOf(a, c)) * lightestClause(clausesOf(b, c));
  return lightest > 0 ? Math.min(1, shared / Math.sqrt(lightest)) : 1;
}

function lightestClause(clauses: readonly Clause[]): number {
  let least = Infinity;
  for (const clause of clauses) if (clause.terms.total < least) least = clause.terms.total;
  return least;
}

/**
 * An upper bound on the best clause-pair similarity of two statements,
 * without comparing clause with clause: two clauses share at most what each
 * shares with the other whole statement.
 */
function clauseSimBound(a: StatementFacts, b: StatementFacts, c: Comparer): number {
  const clausesA = clausesOf(a, c);
  const clausesB = clausesOf(b, c);
  const termsA = c.termSet(a);
  const termsB = c.termSet(b);
  const sharedA = clausesA.map((ca) => c.table.sharedWeight(ca.terms, termsB));
  let best = 0;
  for (const cb of clausesB) {
    const sharedB = c.table.sharedWeight(cb.terms, termsA);
    if (sharedB === 0) continue;
    const wb = cb.terms.total;
    for (let i = 0; i < clausesA.length; i++) {
      const bound = Math.min(sharedB, sharedA[i]!) / Math.sqrt(clausesA[i]!.terms.total * wb);
      if (bound > best) best = bound;
    }
  }
  return Math.min(1, best);
}

/** Tokens before a phrase within which a "whether" makes it a question. */
const ASKED_REACH = 4;
/** Words in a shared phrase before a negation inside it counts whatever else the statements say. */
const LONG_SHARED_PHRASE = 5;
/** A mismatched number or date in a shared context may conflict slightly below the "same" bar. */
const CONFLICT_MARGIN = 0.08;
/** Minimum content terms on the shorter side before containment alone may count. */
const MIN_TERMS_FOR_CONTAINMENT = 5;
/** How much a fully contained short statement counts against a long one that holds it. */
const CONTAINMENT_FACTOR = 0.7;
/** Bonus when both give the same number in the same context ("since 2015"). */
const SHARED_NUMBER_BONUS = 0.15;

/** How alike two clauses must say things for opposite polarity alone to be a conflict. */
const NEGATED_CLAUSE_SAID = 0.5;
/** …and share this many words, so that two short clauses cannot meet by chance. */
const NEGATED_CLAUSE_SHARED = 3;
/** …or this many, when the negation falls on one of them: "will not intervene" / "would intervene". */
const NEGATED_WORD_SHARED = 2;
const HYPOTHETICAL = /^\W*(?:if|whether|unless|should)\b/i;
/** Two clauses must say this much alike (names and titles aside) for opposite polarity to mean opposite stances. */
const STANCE_CLAUSE_SIM = 0.18;

function sameSlot(na: StatementFacts['numbers'][number], nb: StatementFacts['numbers'][number]): boolean {
  return (
    na.year === nb.year &&
    ((na.before !== '' && na.before === nb.before) || (na.after !== '' && na.after === nb.after))
  );
}

function sharedNumberSlot(a: StatementFacts, b: StatementFacts): boolean {
  return a.numbers.some((na) => b.numbers.some((nb) => sameSlot(na, nb)));
}

function sharedNumber(a: StatementFacts, b: StatementFacts): boolean {
  return a.numbers.some((na) =>
    b.numbers.some(
      (nb) =>
        nb.value === na.value &&
        ((na.before !== '' && na.before === nb.before) || (na.after !== '' && na.after === nb.after)),
    ),
  );
}

interface Clause {
  /** Content terms, names as `@id`. */
  terms: TermSet;
  /** What the clause says: content terms without names or the titles written before them. */
  said: TermSet;
  saidTerms: string[];
  tokens: Token[];
  /** Grammatical negations only: "the first … since" does not reverse a stance. */
  negations: number;
  /** The clause is what someone claimed ("X claimed that …"): reported, not asserted. */
  reported: boolean;
}

/** A class rather than a literal for the reason {@link Derivations} is: a page's clauses stay young. */
class ClauseTerms implements Clause {
  constructor(
    readonly terms: TermSet,
    readonly said: TermSet,
    readonly saidTerms: string[],
    readonly tokens: Token[],
    readonly negations: number,
    readonly reported: boolean,
  ) {}
}

/** Words that report a claim without making it: "X claimed that …", "a claim by X that …". */
const CLAIM_WORDS = new Set([
  'claim',
  'claims',
  'claimed',
  'claiming',
  'allege',
  'alleges',
  'alleged',
  'alleging',
]);

/**
 * Where clauses meet: punctuation inside a sentence, a contrastive joint, and a sentence end
 * inside a quotation ("… on a military level. But our leaders will engage …"). A full stop ends
 * one only after a word of four lower-case letters, so "Gen. Dunford" and "U.S. officials" hold.
 */
const CLAUSE_BREAK =
  /[,;:—–]|(?<=[a-z]{4}[.!?])\s(?=["“‘']?[A-Z])|\s(?=(?:but|while|although|whereas|that|whether)\s)/g;
/** A clause needs this many content words to stand alone; shorter pieces join the previous one. */
const MIN_CLAUSE_WORDS = 4;

/** Splits a statement into clauses at commas and contrastive joints, so each part of "X, but Y" is compared alone. */
function clausesOf(s: StatementFacts, c: Comparer): Clause[] {
  const derived = c.derived(s);
  if (derived.clauses) return derived.clauses;
  const bounds = [s.start];
  for (const m of matchesOf(CLAUSE_BREAK, s.text)) bounds.push(s.start + m.index);
  bounds.push(s.end + 1);
  // Tokens are in text order: the tokens before each bound, and the content words among them, are prefix counts.
  const all = s.tokens;
  const contentBefore: number[] = [0];
  for (const t of all) contentBefore.push(contentBefore[contentBefore.length - 1]! + (t.weak ? 0 : 1));
  const tokensBefore = (offset: number): number => lowerBound(all.length, (i) => all[i]!.start >= offset);
  const at = bounds.map(tokensBefore);
  const merged: number[] = [0];
  for (let i = 1; i < bounds.length; i++) {
    const content = contentBefore[at[i]!]! - contentBefore[at[merged[merged.length - 1]!]!]!;
    if (content >= MIN_CLAUSE_WORDS || i === bounds.length - 1) merged.push(i);
  }
  const clauses = new Array<Clause>();
  for (let i = 0; i + 1 < merged.length; i++) {
    const first = at[merged[i]!]!;
    const last = at[merged[i + 1]!]!;
    if (contentBefore[last]! - contentBefore[first]! < 2) continue;
    const tokens = all.slice(first, last);
    const terms: string[] = [];
    const said = new Array<string>();
    for (const t of tokens) {
      const name = s.mentions.length
        ? s.mentions.find((m) => t.start >= m.start && t.start < m.end)
        : undefined;
      if (name) {
        terms.push(`@${name.entityId}`);
        continue;
      }
      if (!isContentTerm(t)) continue;
      // Titles and role phrases beside a name ("Defense Secretary X", "X, chairman of Y,") name
      // someone; they do not say anything, so they are left out of what a clause says.
      const inRole = s.roleSpans.length > 0 && s.roleSpans.some((r) => t.start >= r.start && t.start < r.end);
      if (inRole) continue;
      terms.push(t.term);
      said.push(t.term);
    }
    // A clause that only names someone (an appositive) is not compared on its own.
    if (said.length === 0) continue;
    // What a "that" says is framed by the clause before it: "denied reports that X" denies X,
    // and "claimed that X" reports a claim of X without asserting it.
    const framing = i > 0 && tokens[0]?.lower === 'that' ? all.slice(at[merged[i - 1]!]!, first) : [];
    const denied = framing.some((t) => DENIAL_WORDS.has(t.lower));
    // …and the denial is that clause's: "X denied" itself is not X saying no.
    const framesNext = i + 2 < merged.length && all[last]?.lower === 'that';
    clauses.push(
      new ClauseTerms(
        c.table.setOf(terms),
        c.table.setOf(said),
        said,
        tokens,
        tokens.filter((t) => t.strictNeg && !(framesNext && DENIAL_WORDS.has(t.lower))).length +
          (denied ? 1 : 0),
        // "…would investigate whether the ferry was overloaded" asks; it says neither way.
        framing.some((t) => CLAIM_WORDS.has(t.lower)) || tokens[0]?.lower === 'whether',
      ),
    );
  }
  if (clauses.length === 0) clauses.push(wholeClause(s, c));
  derived.clauses = clauses;
  return clauses;
}

/** The whole statement as its one clause, when no part of it stands alone. */
function wholeClause(s: StatementFacts, c: Comparer): Clause {
  const said = withoutNames(s.terms);
  return new ClauseTerms(
    c.termSet(s),
    c.table.setOf(said),
    said,
    s.tokens,
    s.tokens.filter((t) => t.strictNeg).length,
    false,
  );
}

interface ClausePair {
  sim: number;
  /** Similarity of what the clauses say, names and titles left out; see {@link saidSimilarity}. */
  said: number | undefined;
  a: Clause;
  b: Clause;
}

/** A pair's `said` similarity, worked out on first use: most pairs never need it. */
function saidSimilarity(pair: ClausePair, c: Comparer): number {
  pair.said ??= c.cosine(pair.a.said, pair.b.said);
  return pair.said;
}

function withoutNames(terms: readonly string[]): string[] {
  return [...new Set(terms)].filter((t) => !t.startsWith('@'));
}

/** Every pair of clauses with its similarity, best first. */
function clausePairs(a: StatementFacts, b: StatementFacts, c: Comparer): ClausePair[] {
  const pairs: ClausePair[] = [];
  const clausesB = clausesOf(b, c);
  for (const ca of clausesOf(a, c)) {
    for (const cb of clausesB) {
      pairs.push({ sim: c.cosine(ca.terms, cb.terms), said: undefined, a: ca, b: cb });
    }
  }
  return pairs.sort((x, y) => y.sim - x.sim);
}

/**
 * The clause pair that says the most alike (names aside), when one side negates
 * it: "did not see military collaboration" / "open to … cooperation … militaries".
 */
function oppositeClauses(pairs: ClausePair[], c: Comparer, minShared = 2): ClausePair | undefined {
  let best: ClausePair | undefined;
  for (const p of pairs) {
    // A claim someone made, as reported, takes no side: its polarity is not the outlet's.
    if (p.a.reported || p.b.reported) continue;
    const said = saidSimilarity(p, c);
    if (!best || said > best.said!) best = p;
  }
  if (!best || best.said! < STANCE_CLAUSE_SIM || best.a.negations % 2 === best.b.negations % 2)
    return undefined;
  return TermTable.sharedCount(best.a.said, best.b.said) >= minShared ? best : undefined;
}

/**
 * Whether the negation of the pair's negated clause falls on a word the other
 * clause says plainly: "will not intervene" against "would intervene".
 */
function negatesSharedWord({ a, b }: ClausePair): boolean {
  const [negated, plain] = a.negations % 2 ? [a, b] : [b, a];
  const tokens = negated.tokens;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!tokens[i]!.strictNeg) continue;
    // The word negated is the next content word, past at most one function word ("not be allowed").
    const next = tokens[i + 1]!.weak ? tokens[i + 2] : tokens[i + 1];
    if (next && isContentTerm(next) && plain.saidTerms.includes(next.term)) return true;
  }
  return false;
}

interface QuoteWords {
  words: string[];
  bigrams: Set<string>;
}

/** Made with `new` for the reason {@link Derivations} is. */
class QuoteBigrams implements QuoteWords {
  constructor(
    readonly words: string[],
    readonly bigrams: Set<string>,
  ) {}
}

/** Each quotation's words and word bigrams, derived once per statement. */
function quotesOf(s: StatementFacts): QuoteWords[] {
  const derived = derivedOf(s);
  let cached = derived.quotes;
  if (!cached) {
    cached = derived.quotes = s.quotes.map((quote) => {
      const words = s.tokens.filter((t) => t.start >= quote.start && t.end <= quote.end).map((t) => t.lower);
      const bigrams = new Set<string>();
      for (let i = 0; i + 1 < words.length; i++) bigrams.add(`${words[i]} ${words[i + 1]}`);
      return new QuoteBigrams(words, bigrams);
    });
  }
  return cached;
}

/** Word-bigram overlap of two quotations, relative to the shorter: 1 when one contains the other. */
function quoteOverlap(a: QuoteWords, b: QuoteWords): number {
  if (a.words.length < 3 || b.words.length < 3) return 0;
  let shared = 0;
  for (const g of a.bigrams) if (b.bigrams.has(g)) shared++;
  return shared / Math.min(a.bigrams.size, b.bigrams.size);
}

/** A quotation this much shorter than the other quotes only part of it. */
const PART_QUOTE_SHARE = 0.8;

/**
 * The stretch of `longer` as long as `shorter` that shares the most of its
 * words: the part a shorter quotation quotes.
 */
function quotedPart(longer: string[], shorter: string[]): string[] {
  const wanted = new Set(shorter);
  const width = shorter.length;
  let shared = 0;
  for (let i = 0; i < width; i++) if (wanted.has(longer[i]!)) shared++;
  let best = shared;
  let bestStart = 0;
  for (let start = 1; start + width <= longer.length; start++) {
    if (wanted.has(longer[start - 1]!)) shared--;
    if (wanted.has(longer[start + width - 1]!)) shared++;
    if (shared > best) [best, bestStart] = [shared, start];
  }
  return longer.slice(bestStart, bestStart + width);
}

/**
 * The two quotations as far as both quote the same words: when one quotes only
 * part of the other, the rest of the longer one was not changed, only not quoted.
 */
function sharedStretch(quoteA: string[], quoteB: string[]): [string[], string[]] {
  return [
    quoteB.length < quoteA.length * PART_QUOTE_SHARE ? quotedPart(quoteA, quoteB) : quoteA,
    quoteA.length < quoteB.length * PART_QUOTE_SHARE ? quotedPart(quoteB, quoteA) : quoteB,
  ];
}

/**
 * Content words of `a` missing from `b` and of `b` missing from `a`, for "a word
 * changed" reasons. Empty when one quotation only quotes less of the other.
 */
function changedWords(a: string[], b: string[]): { mine: string[]; theirs: string[] } {
  const sa = new Set(a);
  const sb = new Set(b);
  const content = (w: string) => !STOPWORDS.has(w) && !/^\W*$/.test(w);
  const mine = a.filter((w) => !sb.has(w) && content(w)).slice(0, 4);
  const theirs = b.filter((w) => !sa.has(w) && content(w)).slice(0, 4);
  return mine.length && theirs.length ? { mine, theirs } : { mine: [], theirs: [] };
}

/** Negations among a quotation's words ("n't" stays on its word there). */
function negationsIn(words: readonly string[]): number {
  return words.filter((w) => /n['’]t$|^not$|^no$|^never$/.test(w)).length;
}

function compareQuotes(a: StatementFacts, b: StatementFacts): Classification | null {
  if (a.quotes.length === 0 || b.quotes.length === 0) return null;
  let best: { overlap: number; qa: string[]; qb: string[] } | null = null;
  const quotesB = quotesOf(b);
  for (const qa of quotesOf(a)) {
    for (const qb of quotesB) {
      const overlap = quoteOverlap(qa, qb);
      if (!best || overlap > best.overlap) best = { overlap, qa: qa.words, qb: qb.words };
    }
  }
  if (!best) return null;
  if (best.overlap < THRESHOLDS.quoteVariant) return null;
  const sameQuote = best.overlap >= THRESHOLDS.quote;
  // Less alike, the words are one speaker's only when both give the same speaker.
  if (!sameQuote && !(a.speaker !== undefined && a.speaker === b.speaker)) return null;
  // Words and negations are compared where both quote the same words: a negation in a sentence
  // of the speaker's that the other leaves out is not one added or dropped.
  const [qa, qb] = sharedStretch(best.qa, best.qb);
  const negA = negationsIn(qa);
  const negB = negationsIn(qb);
  if (negA % 2 !== negB % 2) {
    return {
      relation: 'conflicts',
      reason: 'negation',
      score: best.overlap,
      detail: `quotes the same words with ${negB > negA ? 'a negation added' : 'the negation dropped'}`,
    };
  }
  const { mine, theirs } = changedWords(qa, qb);
  if (sameQuote) {
    return {
      relation: 'corroborates',
      reason: 'quote-match',
      score: best.overlap,
      detail:
        mine.length || theirs.length
          ? `same quote, words differ: “${theirs.join(' ')}” for “${mine.join(' ')}”`
          : 'same quote',
    };
  }
  return {
    relation: 'corroborates',
    reason: 'quote-variant',
    score: best.overlap,
    detail: theirs.length
      ? `same speaker, different words: “${theirs.join(' ')}” for “${mine.join(' ')}”`
      : 'same speaker, part of the same words',
  };
}

function numberConflict(a: StatementFacts, b: StatementFacts): Classification | null {
  for (const na of a.numbers) {
    if (b.numbers.some((nb) => nb.value === na.value)) continue;
    for (const nb of b.numbers) {
      if (nb.year !== na.year || nb.value === na.value || a.numbers.some((x) => x.value === nb.value))
        continue;
      const sameContext =
        (na.before !== '' && na.before === nb.before) || (na.after !== '' && na.after === nb.after);
      if (!sameContext) continue;
      return {
        relation: 'conflicts',
        reason: na.year ? 'year-mismatch' : 'number-mismatch',
        score: 0,
        detail: `says ${nb.text} where this says ${na.text}`,
      };
    }
  }
  return null;
}

function dateConflict(a: StatementFacts, b: StatementFacts, sim: number): Classification | null {
  const daysA = a.dates.filter((d) => d.weekday !== undefined);
  const daysB = b.dates.filter((d) => d.weekday !== undefined);
  // Weekdays of reports weeks apart name different days, not a disputed one. Of an undated
  // report no one can tell, so there only the same claim in all but its day disputes the day.
  const sameWeek = (x: DateFact, y: DateFact) => {
    const gap = daysBetween(x.iso, y.iso);
    return gap === null ? sim >= THRESHOLDS.same : Math.abs(gap) <= MAX_WEEKDAY_GAP_DAYS;
  };
  if (
    daysA.length === 1 &&
    daysB.length === 1 &&
    daysA[0]!.weekday !== daysB[0]!.weekday &&
    sameWeek(daysA[0]!, daysB[0]!) &&
    reportDay(a, daysA[0]!) === reportDay(b, daysB[0]!)
  ) {
    return {
      relation: 'conflicts',
      reason: 'weekday-mismatch',
      score: 0,
      detail: `says ${WEEKDAY_NAMES[daysB[0]!.weekday!]} where this says ${WEEKDAY_NAMES[daysA[0]!.weekday!]}`,
    };
  }
  const calA = a.dates.filter((d) => d.weekday === undefined && d.iso && /\d/.test(d.text));
  const calB = b.dates.filter((d) => d.weekday === undefined && d.iso && /\d/.test(d.text));
  if (calA.length === 1 && calB.length === 1 && calA[0]!.iso !== calB[0]!.iso) {
    return {
      relation: 'conflicts',
      reason: 'date-mismatch',
      score: 0,
      detail: `says ${calB[0]!.text} where this says ${calA[0]!.text}`,
    };
  }
  return null;
}

/** A reporting verb right before a day: "said on Tuesday", "documents showed on Tuesday". */
const REPORTED_ON =
  /\b(?:said|says|told|showed|shows|reported|announced|confirmed|added|wrote|stated|responded)\s+(?:on\s+)?$/i;

/**
 * Whether the day is when something was said or made known, not when what it tells of happened:
 * "sentenced on Monday" and "court documents showed on Tuesday" name two days of one story.
 */
function reportDay(s: StatementFacts, day: DateFact): boolean {
  return REPORTED_ON.test(s.text.slice(Math.max(0, day.start - 24), day.start));
}

/**
 * Both statements date what they report, and no two of their dates fall in the
 * same week: they tell of different events, however alike their words.
 */
function differentDays(a: StatementFacts, b: StatementFacts): boolean {
  const da = a.dates.filter((d) => d.iso);
  const db = b.dates.filter((d) => d.iso);
  if (da.length > 0 && db.length > 0)
    return !da.some((x) => db.some((y) => Math.abs(daysBetween(x.iso, y.iso)!) <= MAX_WEEKDAY_GAP_DAYS));
  // Only one side dates what it tells: its years may still place it in another time.
  return yearsApart(a, b, db) || yearsApart(b, a, da);
}

/**
 * Whether every year `s` names, and `other` (dated `dates`, which `s` is not) does not, lies more
 * than a year away from those dates: "In 1996 more than 800 people died…" (a year after "in")
 * is a past event the story recalls, not this week's report; "the 2020 election" is not what a
 * report of July 2018 tells of, however alike the words. A year both name is compared as a fact.
 */
function yearsApart(s: StatementFacts, other: StatementFacts, dates: readonly DateFact[]): boolean {
  if (dates.length === 0) return false;
  const years = s.numbers.filter((n) => n.year);
  if (years.length === 0 || years.some((n) => other.numbers.some((o) => o.year && o.value === n.value)))
    return false;
  const yearsAfter = (n: NumberFact) => dates.map((d) => n.value - Number(d.iso!.slice(0, 4)));
  return (
    years.every((n) => n.before === 'in' && yearsAfter(n).every((gap) => gap < -1)) ||
    years.every((n) => yearsAfter(n).every((gap) => gap > 1))
  );
}

/** Token stream for alignment: auxiliaries dropped so "didn't see" and "did not see" line up. */
function alignable(tokens: Token[]): Token[] {
  return tokens.filter(
    (t) => t.term !== 'do' && t.lower !== 'have' && t.lower !== 'has' && t.lower !== 'had',
  );
}

/**
 * Finds a phrase both statements share where exactly one of them negates it:
 * "why it would be" against "why it wouldn't be". Polarity is the parity of
 * negations before the phrase within the clause, plus one right after it.
 */
interface Alignment {
  tokens: Token[];
  /** Where each pair of adjacent non-negation tokens that a negation follows starts. */
  negatedAt: number[];
  /** "term term" of each pair of adjacent non-negation tokens → where the pair starts; see {@link bigramsOf}. */
  bigrams?: Map<string, number[]>;
  /** "term term" of each pair of adjacent tokens, by where it starts; see {@link pairKeysOf}. */
  pairKeys?: string[];
}

/** Made with `new` for the reason {@link Derivations} is. */
class AlignedTokens implements Alignment {
  bigrams: Map<string, number[]> | undefined = undefined;
  pairKeys: string[] | undefined = undefined;
  constructor(
    readonly tokens: Token[],
    readonly negatedAt: number[],
  ) {}
}

function alignmentOf(s: StatementFacts): Alignment {
  const derived = derivedOf(s);
  let cached = derived.alignment;
  if (!cached) {
    const tokens = alignable(s.tokens);
    const negatedAt: number[] = [];
    for (let j = 0; j + 2 < tokens.length; j++)
      if (tokens[j + 2]!.neg && !tokens[j]!.neg && !tokens[j + 1]!.neg) negatedAt.push(j);
    cached = derived.alignment = new AlignedTokens(tokens, negatedAt);
  }
  return cached;
}

/**
 * The key of each pair of adjacent tokens, made once per statement: a page's claim is
 * looked up in the pairs of each of its candidates, and a key made afresh for every lookup
 * also had to be hashed afresh.
 */
function pairKeysOf(alignment: Alignment): string[] {
  if (alignment.pairKeys) return alignment.pairKeys;
  const { tokens } = alignment;
  const keys = new Array<string>();
  for (let j = 0; j + 1 < tokens.length; j++) keys.push(`${tokens[j]!.term} ${tokens[j + 1]!.term}`);
  return (alignment.pairKeys = keys);
}

/** The pairs by key, built only for the few statement pairs that pass {@link sharesNegatedPair}. */
function bigramsOf(alignment: Alignment): Map<string, number[]> {
  if (alignment.bigrams) return alignment.bigrams;
  const { tokens } = alignment;
  const keys = pairKeysOf(alignment);
  const bigrams = new Map<string, number[]>();
  for (let j = 0; j + 1 < tokens.length; j++) {
    if (tokens[j]!.neg || tokens[j + 1]!.neg) continue;
    const key = keys[j]!;
    const at = bigrams.get(key);
    if (at) at.push(j);
    else bigrams.set(key, [j]);
  }
  return (alignment.bigrams = bigrams);
}

/** Whether `other` has, un-negated, a pair of adjacent terms that `negated` follows with a negation. */
function sharesNegatedPair(negated: Alignment, other: Alignment): boolean {
  const t = other.tokens;
  for (const j of negated.negatedAt) {
    const first = negated.tokens[j]!.term;
    const second = negated.tokens[j + 1]!.term;
    for (let k = 0; k + 1 < t.length; k++)
      if (t[k]!.term === first && t[k + 1]!.term === second && !t[k]!.neg && !t[k + 1]!.neg) return true;
  }
  return false;
}

/** Parity of the negations up to and just after the phrase that starts at `at`. */
function polarityAt(tokens: Token[], at: number): number {
  let n = 0;
  for (let k = 0; k < at + 2; k++) if (tokens[k]!.neg) n++;
  if (tokens[at + 2]?.neg) n++;
  return n % 2;
}

/** Whether the phrase at `at` is asked rather than said: "investigate whether the ferry was overloaded". */
function asked(tokens: Token[], at: number): boolean {
  for (let k = Math.max(0, at - ASKED_REACH); k < at; k++) if (tokens[k]!.lower === 'whether') return true;
  return false;
}

function negationConflict(a: StatementFacts, b: StatementFacts, minRun: number): Classification | null {
  // Only a statement with a negation somewhere can differ from the other by one.
  if (a.negations === 0 && b.negations === 0) return null;
  const alignA = alignmentOf(a);
  const alignB = alignmentOf(b);
  // A negated shared phrase is a phrase of both that one of them follows with a negation.
  if (!sharesNegatedPair(alignA, alignB) && !sharesNegatedPair(alignB, alignA)) return null;
  const ta = alignA.tokens;
  const tb = alignB.tokens;
  const bigramsB = bigramsOf(alignB);
  const keysA = pairKeysOf(alignA);
  for (let i = 0; i + 1 < ta.length; i++) {
    if (ta[i]!.neg || ta[i + 1]!.neg) continue;
    if (ta[i]!.weak && ta[i + 1]!.weak && !ta[i + 2]?.neg) continue;
    const hits = bigramsB.get(keysA[i]!);
    if (!hits || asked(ta, i)) continue;
    for (const j of hits) {
      if (asked(tb, j)) continue;
      const negatedHere = ta[i + 2]?.neg || tb[j + 2]?.neg;
      if (!negatedHere) continue;
      // The words after the phrase must agree too ("would [not] be"), or the phrase is a coincidence.
      const nextA = ta[i + 2]?.neg ? ta[i + 3] : ta[i + 2];
      const nextB = tb[j + 2]?.neg ? tb[j + 3] : tb[j + 2];
      if (!nextA || !nextB || nextA.term !== nextB.term) continue;
      let run = 2;
      while (
        i - run + 1 >= 0 &&
        j - run + 1 >= 0 &&
        ta[i - run + 1]!.term === tb[j - run + 1]!.term &&
        !ta[i - run + 1]!.neg
      )
        run++;
      if (run - 1 < minRun) continue;
      if (polarityAt(ta, i) !== polarityAt(tb, j)) {
        const plain = `${ta[i + 1]!.lower} ${nextA.lower}`;
        const negated = `${ta[i + 1]!.lower} not ${nextA.lower}`;
        const aNeg = ta[i + 2]?.neg === true;
        return {
          relation: 'conflicts',
          reason: 'negation',
          score: 0,
          detail: aNeg
            ? `says “${plain}” where this says “${negated}”`
            : `says “${negated}” where this says “${plain}”`,
        };
      }
    }
  }
  return null;
}

/**
 * Classifies how statement `b` stands to statement `a`: the same claim
 * (corroborates), the same claim with a different number, date, weekday or
 * polarity (conflicts), only a shared topic (related), or nothing (null).
 */
export function classifyPair(
  a: StatementFacts,
  b: StatementFacts,
  weight: TermWeight,
): Classification | null {
  const quote = compareQuotes(a, b);
  if (quote) return quote;
  const c = comparerFor(weight);
  const ta = c.termSet(a);
  const tb = c.termSet(b);
  const whole = c.similarity(ta, tb);
  const contained =
    Math.min(ta.ids.length, tb.ids.length) >= MIN_TERMS_FOR_CONTAINMENT
      ? whole.containment * CONTAINMENT_FACTOR
      : 0;
  const numberBonus = sharedNumber(a, b) ? SHARED_NUMBER_BONUS : 0;
  // Most candidates fall short of "related": bound the clause similarity before comparing
  // clauses, loosely first (most are settled there), then clause by clause.
  const wholeSim = Math.max(whole.cosine, contained);
  if (wholeSim + numberBonus < THRESHOLDS.related) {
    const loose = looseClauseSimBound(a, b, c, whole.shared);
    if (Math.max(wholeSim, loose * 0.95) + numberBonus < THRESHOLDS.related) return null;
    if (Math.max(wholeSim, clauseSimBound(a, b, c) * 0.95) + numberBonus < THRESHOLDS.related) return null;
  }
  const pairs = clausePairs(a, b, c);
  // Two clauses alike only in whom they name ("Trump told reporters at the White House" and a
  // clause on Trump's election to the White House) say nothing alike: the best pair that shares
  // a word of what it says stands for the clauses.
  const clauseSim = pairs.find((p) => TermTable.sharedCount(p.a.said, p.b.said) > 0)?.sim ?? 0;
  const sim = Math.min(1, Math.max(whole.cosine, clauseSim * 0.95, contained) + numberBonus);
  // The same slot ("since 2014" / "since 2015") says both speak of the same measure.
  const slotted = sim + (sharedNumberSlot(a, b) ? SHARED_NUMBER_BONUS : 0);
  if (sim < THRESHOLDS.related) return null;

  const sharedEntities = a.entities.filter((e) => b.entities.includes(e));
  // The same claim shares what is said, not only who is named: two content words
  // (titles before names do not count), or one alongside at least two shared names.
  const sharedWords = TermTable.sharedCount(c.saidOf(a), c.saidOf(b));
  const sameProposition = sharedWords >= 2 || (sharedWords >= 1 && sharedEntities.length >= 2);
  // Whom a quotation names is what was said, not who said or did it: two outlets quoting one
  // statement name its people inside the quotation in one and outside it in the other.
  const differentPeople =
    a.subjects.length > 0 &&
    b.subjects.length > 0 &&
    !a.people.some((p) => b.people.includes(p) || b.subjects.includes(p)) &&
    !a.subjects.some((p) => b.people.includes(p) || b.subjects.includes(p));
  const differentSpeakers =
    a.quotes.length > 0 &&
    b.quotes.length > 0 &&
    a.speaker !== undefined &&
    b.speaker !== undefined &&
    a.speaker !== b.speaker;
  const related: Classification = {
    relation: 'related',
    reason: 'shared-topic',
    score: sim,
    detail: 'same topic',
  };
  // A long shared phrase that one side negates is a conflict even when the rest differs.
  const echoedNegation = negationConflict(a, b, LONG_SHARED_PHRASE);
  if (echoedNegation) return { ...echoedNegation, score: sim };
  if (differentPeople || differentSpeakers || !sameProposition || differentDays(a, b))
    return sim >= THRESHOLDS.same || sharedEntities.length > 0 ? related : null;
  if (slotted >= THRESHOLDS.same - CONFLICT_MARGIN) {
    const factConflict = numberConflict(a, b) ?? dateConflict(a, b, sim);
    if (factConflict) return { ...factConflict, score: sim };
  }
  // Stance needs the same person speaking or acting in both, outside quotations, and no "if".
  // "Esper spoke by phone with Shoigu" and "Mattis is not seeking talks with Shoigu" share Shoigu,
  // but not who acts: the person both name must lead one of them.
  const sharesSubject = a.subjects.some((p) => b.subjects.includes(p) && (p === a.lead || p === b.lead));
  // Two different quotations are two statements; their polarity says nothing about each other.
  const differentQuotes = a.quotes.length > 0 && b.quotes.length > 0;
  const asserted = !HYPOTHETICAL.test(a.text) && !HYPOTHETICAL.test(b.text) && !differentQuotes;
  const opposite =
    sharesSubject && asserted && sim >= THRESHOLDS.related ? oppositeClauses(pairs, c) : undefined;
  if (opposite) {
    return {
      relation: 'conflicts',
      reason: 'opposite-stance',
      score: sim,
      detail: opposite.b.negations % 2 ? 'denies what this says' : 'affirms what this denies',
    };
  }
  if (sim < THRESHOLDS.same) return sharedEntities.length > 0 ? related : null;
  // Without a named subject on one side, a clause that says the same thing but negated
  // ("ruled out arson" / "was arson") is a plain negation.
  const unnamed = a.subjects.length === 0 || b.subjects.length === 0;
  const negatedClause = unnamed && asserted ? oppositeClauses(pairs, c, NEGATED_WORD_SHARED) : undefined;
  if (
    negatedClause &&
    negatedClause.said! >= NEGATED_CLAUSE_SAID &&
    (TermTable.sharedCount(negatedClause.a.said, negatedClause.b.said) >= NEGATED_CLAUSE_SHARED ||
      negatesSharedWord(negatedClause))
  ) {
    return {
      relation: 'conflicts',
      reason: 'negation',
      score: sim,
      detail: negatedClause.b.negations % 2 ? 'says the same, negated' : 'says the same without the negation',
    };
  }
  const negation = negationConflict(a, b, 2);
  if (negation) return { ...negation, score: sim };
  const turned = oppositeWords(a, b);
  if (turned) return { ...turned, score: sim };
  return { relation: 'corroborates', reason: 'paraphrase', score: sim, detail: 'same claim, other words' };
}

/**
 * The same claim with one word turned to its opposite ("rates rose" / "rates
 * fell"), neither statement saying both words and both saying them with the
 * same polarity ("did not fall" agrees with "rose").
 */
function oppositeWords(a: StatementFacts, b: StatementFacts): Classification | null {
  if (a.negations % 2 !== b.negations % 2) return null;
  // Content terms first: far fewer than tokens, and most statements hold no word with an opposite.
  for (const term of a.terms) {
    const opposites = OPPOSITE_TERMS.get(term);
    if (!opposites || b.terms.includes(term)) continue;
    const ta = a.tokens.find((t) => t.term === term)!;
    const tb = b.tokens.find((t) => opposites.has(t.term) && !a.terms.includes(t.term));
    if (tb) {
      return {
        relation: 'conflicts',
        reason: 'opposite-stance',
        score: 0,
        detail: `says “${tb.lower}” where this says “${ta.lower}”`,
      };
    }
  }
  return null;
}
