import { formatDate } from './format-date';
import { t } from './i18n';

export interface DateTextProps {
  /** ISO `YYYY-MM-DD`, or null when the source gives no date. */
  date: string | null;
}

/** A corpus date as a `<time>` element, or "undated" when there is none. */
export function DateText({ date }: DateTextProps) {
  if (date === null) return <span class="cc-date cc-muted">{t('dateUnknown')}</span>;
  return (
    <time class="cc-date cc-muted" dateTime={date}>
      {formatDate(date)}
    </time>
  );
}
