import { BoundedMemo } from './bounded-memo';
import { matchesOf } from './pattern-matches';

/**
 * Finds calendar dates and weekdays in text and resolves relative ones
 * ("on Tuesday", "yesterday") against the publication date, the way a reader
 * of that day would.
 */

export interface DateFact {
  /** ISO date when it can be resolved, else null. */
  iso: string | null;
  /** 0 = Sunday … 6 = Saturday, when the text names a weekday. */
  weekday?: number;
  /** The words as written, for human reasons ("Tuesday", "Feb. 15, 2017"). */
  text: string;
  start: number;
  end: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH =
  '(Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sep(?:t(?:ember)?)?\\.?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)';
const MONTH_DAY = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?`, 'g');
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}(?:,?\\s+(\\d{4}))?`, 'g');
const WEEKDAY =
  /\b(?:([Ll]ast|[Nn]ext|[Tt]his|[Oo]n|[Ee]arlier on|[Ll]ate on)\s+)?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g;
const RELATIVE_DAY = /\b(yesterday|today|tomorrow)\b/gi;

function monthIndex(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase());
}

function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function parseIso(iso: string | null): Date | null {
  if (!iso) return null;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

function fullDate(year: number | null, month: number, day: number, published: Date | null): string | null {
  if (month < 0 || day < 1 || day > 31) return null;
  let y = year ?? published?.getUTCFullYear() ?? null;
  if (y === null) return null;
  // "June 14" in an article of February means last June, not a future one.
  if (year === null && published && Date.UTC(y, month, day) > published.getTime() + 31 * 86_400_000) y -= 1;
  return toIso(new Date(Date.UTC(y, month, day)));
}

/** All dates and weekdays in `text`, with offsets relative to `text`. */
export function findDates(text: string, publishedIso: string | null): DateFact[] {
  const published = parseIso(publishedIso);
  const facts = new Array<DateFact>();
  const taken: Array<[number, number]> = [];
  const free = (start: number, end: number) => taken.every(([s, e]) => end <= s || start >= e);
  // A calendar date has a digit and a weekday ends in "day": tests cheaper than the patterns,
  // which most sentences fail.
  const dated = /\d/.test(text);
  for (const m of dated ? matchesOf(MONTH_DAY, text) : []) {
    const iso = fullDate(m[3] ? Number(m[3]) : null, monthIndex(m[1]!), Number(m[2]), published);
    facts.push({ iso, text: m[0], start: m.index, end: m.index + m[0].length });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of dated ? matchesOf(DAY_MONTH, text) : []) {
    if (!free(m.index, m.index + m[0].length)) continue;
    const iso = fullDate(m[3] ? Number(m[3]) : null, monthIndex(m[2]!), Number(m[1]), published);
    facts.push({ iso, text: m[0], start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.includes('day') ? matchesOf(WEEKDAY, text) : []) {
    const weekday = WEEKDAYS.indexOf(m[2]!.toLowerCase());
    let iso: string | null = null;
    if (published) {
      const back = (published.getUTCDay() - weekday + 7) % 7;
      const modifier = m[1]?.toLowerCase();
      // News usage: a bare weekday is the most recent one (today included); "next" looks ahead.
      let shift = -back;
      if (modifier === 'next') shift = (weekday - published.getUTCDay() + 7) % 7 || 7;
      else if (modifier === 'last') shift = -(back || 7);
      iso = toIso(addDays(published, shift));
    }
    const start = m.index + m[0].length - m[2]!.length;
    facts.push({ iso, weekday, text: m[2]!, start, end: m.index + m[0].length });
  }
  for (const m of matchesOf(RELATIVE_DAY, text)) {
    const shift = { yesterday: -1, today: 0, tomorrow: 1 }[m[1]!.toLowerCase() as 'today'];
    facts.push({
      iso: published ? toIso(addDays(published, shift)) : null,
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return facts.sort((a, b) => a.start - b.start);
}

/** Whole days from `a` to `b` (positive when b is later), or null if either is unknown. */
export function daysBetween(a: string | null, b: string | null): number | null {
  const da = isoTime(a);
  const db = isoTime(b);
  if (da === null || db === null) return null;
  return Math.round((db - da) / 86_400_000);
}

/** Times of ISO dates already read: every piece of evidence compares the same few publication dates. */
const isoTimes = new BoundedMemo<string, number | null>(10_000);

function isoTime(iso: string | null): number | null {
  return iso ? isoTimes.get(iso, (date) => parseIso(date)?.getTime() ?? null) : null;
}

/** "17 months", "3 weeks", "5 days": a readable length for a gap in days. */
export function describeGap(days: number): string {
  const abs = Math.abs(days);
  if (abs >= 365 * 2) return `${Math.round(abs / 365)} years`;
  if (abs >= 60) return `${Math.round(abs / 30.44)} months`;
  if (abs >= 14) return `${Math.round(abs / 7)} weeks`;
  return `${abs} day${abs === 1 ? '' : 's'}`;
}

/** Whether a string is a real calendar date written YYYY-MM-DD (not "2018-13-45"). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Reports further apart than this get their gap stated ("reported 17 months earlier"). */
export const GAP_REPORTED_AFTER_DAYS = 90;
