import { describe, expect, test } from 'vitest';
import { daysBetween, describeGap, findDates } from '../../../src/engine/date-resolve';

describe('findDates', () => {
  // 2018-07-17 was a Tuesday.
  test.each([
    ['Earlier on Tuesday, he spoke.', '2018-07-17', '2018-07-17'],
    ['They met Monday in the capital.', '2018-07-17', '2018-07-16'],
    ['The generals spoke on June 14.', '2018-07-17', '2018-06-14'],
    ['In Oslo, Feb. 15, 2017, they met.', '2018-07-17', '2017-02-15'],
    ['It happened on 3 March 2020.', null, '2020-03-03'],
    ['He left yesterday.', '2018-07-17', '2018-07-16'],
    ['They meet again next Friday.', '2018-07-17', '2018-07-20'],
    ['A December 30 deadline passed.', '2018-02-01', '2017-12-30'],
  ])('%s (published %s) → %s', (text, published, iso) => {
    expect(findDates(text, published).map((d) => d.iso)).toContain(iso);
  });

  test('a weekday without a publication date is kept, unresolved', () => {
    const [fact] = findDates('It started on Monday.', null);
    expect(fact).toMatchObject({ iso: null, weekday: 1, text: 'Monday' });
  });
});

describe('gaps', () => {
  test.each([
    ['2017-02-16', '2018-07-17', 516, '17 months'],
    ['2018-07-17', '2018-07-18', 1, '1 day'],
    ['2018-07-01', '2018-07-29', 28, '4 weeks'],
  ])('%s → %s is %i days, "%s"', (a, b, days, text) => {
    expect(daysBetween(a, b)).toBe(days);
    expect(describeGap(days)).toBe(text);
  });

  test('an unknown date gives no gap', () => {
    expect(daysBetween(null, '2018-07-17')).toBeNull();
  });
});
