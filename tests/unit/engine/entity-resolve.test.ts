import { expect, test } from 'vitest';
import { nameFold } from '../../../src/engine/entity-resolve';

test.each([
  ['US Geological Survey', 'United States Geological Survey'],
  ['U.S. Geological Survey', 'United States Geological Survey'],
  ['UN Security Council', 'United Nations Security Council'],
  ['UK Border Force', 'United Kingdom Border Force'],
  ['EU Commission', 'European Union Commission'],
  ['UN', 'United Nations'],
  ['EU', 'European Union'],
  ['Russian Defense Ministry', 'Russian Ministry of Defense'],
  ['Justice Department', 'Department of Justice'],
  ['Foreign Ministry', 'Ministry of Foreign Affairs'],
  ['Defence Ministry', 'Ministry of Defense'],
])('"%s" and "%s" are one organisation', (short, long) => {
  expect(nameFold(short)).toBe(nameFold(long));
});

test.each([
  ['Usman Institute', 'United States Institute'],
  ['Unity Party', 'United Nations Party'],
])('"%s" is not "%s": only the short form as a word is expanded', (a, b) => {
  expect(nameFold(a)).not.toBe(nameFold(b));
});

test.each([
  ['Bank of Canada', 'Canada Bank'],
  ['Russian Defense Ministry', 'Ministry of Defense'],
])('"%s" is not "%s": only a ministry or department is named either way round', (a, b) => {
  expect(nameFold(a)).not.toBe(nameFold(b));
});

test('"US" alone is the country, not a short form inside an organisation\'s name', () => {
  expect(nameFold('US')).not.toBe(nameFold('United States'));
});
