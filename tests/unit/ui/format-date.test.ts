import { expect, test } from 'vitest';
import { formatDate } from '../../../src/ui/format-date';

test.each([
  ['2018-07-17', 'en-GB', '17 Jul 2018'],
  ['2017-02-16', 'en-US', 'Feb 16, 2017'],
  ['2018-01-01', 'en-GB', '1 Jan 2018'],
  ['2018-02-30', 'en-GB', '2018-02-30'],
  ['July 2018', 'en-GB', 'July 2018'],
])('formatDate(%s, %s) → %s', (iso, locale, expected) => {
  expect(formatDate(iso, locale)).toBe(expected);
});
