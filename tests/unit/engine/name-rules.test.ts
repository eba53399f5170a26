import { describe, expect, test } from 'vitest';
import { givenMatchKey, givenNameKey, nameKey } from '../../../src/engine/name-rules';

describe('name keys', () => {
  test.each([
    ['Sergei', 'Sergey'],
    ['Shoigu', 'Shoygu'],
    ['Aleksandr', 'Alexander'],
    ['Dmitry', 'Dmitri'],
    ['Khodorkovsky', 'Hodorkovski'],
  ])('%s and %s are one transliterated name', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  test.each([
    ['Jim', 'James'],
    ['Bob', 'Robert'],
    ['Mike', 'Michael'],
    ['Jon', 'Jonathan'],
  ])('%s is a short form of %s', (short, full) => {
    expect(givenNameKey(short)).toBe(givenNameKey(full));
  });

  test.each([
    ['James', 'John'],
    ['Sergei', 'Sergio'],
    ['Maria', 'Mario'],
  ])('%s and %s stay different names', (a, b) => {
    expect(givenNameKey(a)).not.toBe(givenNameKey(b));
  });

  test.each([
    ['Mohammed', 'Muhammad'],
    ['Mohamed', 'Muhammad'],
    ['Abdullah', 'Abdallah'],
    ['Hussein', 'Husain'],
  ])('beside a surname, %s and %s are one transliterated given name', (a, b) => {
    expect(givenMatchKey(a)).toBe(givenMatchKey(b));
  });

  test.each([
    ['Tim', 'Tom'],
    ['Dan', 'Don'],
    ['Christian', 'Christina'],
    ['Daniel', 'Daniela'],
    ['Martin', 'Martina'],
  ])('beside a surname, %s and %s stay different given names', (a, b) => {
    expect(givenMatchKey(a)).not.toBe(givenMatchKey(b));
  });
});
