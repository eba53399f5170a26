const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Formats a corpus date (ISO `YYYY-MM-DD`) for display, e.g. "17 Jul 2018".
 * Corpus dates are calendar days, so they are read and shown in UTC to avoid
 * slipping a day in western time zones. Returns the input unchanged when it is
 * not an ISO date, so an odd value stays visible rather than becoming "Invalid Date".
 */
export function formatDate(iso: string, locale?: string): string {
  const match = ISO_DATE.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(day)) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}
