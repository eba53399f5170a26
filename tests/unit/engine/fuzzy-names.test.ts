import { describe, expect, test } from 'vitest';
import { FuzzyNames } from '../../../src/engine/fuzzy-names';
import type { CorpusEntity } from '../../../src/engine/types';

const ENTITIES: CorpusEntity[] = [
  { id: 'p-gerasimov', name: 'Valery Gerasimov', kind: 'person', aliases: ['Gerasimov'] },
  { id: 'p-shoigu', name: 'Sergei Shoigu', kind: 'person', aliases: ['Shoigu'] },
  { id: 'o-pentagon', name: 'Pentagon', kind: 'organisation', aliases: [] },
];

/** Misspellings and names to look up, with the entity each should find. */
const LOOKUPS: Array<[string, CorpusEntity['kind'], string | undefined]> = [
  ['Gerassimov', 'person', 'p-gerasimov'],
  ['Shoigou', 'person', 'p-shoigu'],
  ['Pentagonn', 'organisation', 'o-pentagon'],
  ['Shoigou', 'organisation', undefined],
  ['Hartmann', 'person', undefined],
];

describe('FuzzyNames', () => {
  test('finds a misspelt name among names of its kind, and nothing for an unknown name', () => {
    const names = new FuzzyNames(ENTITIES);
    for (const [name, kind, id] of LOOKUPS) expect(names.find(name, kind)).toBe(id);
  });

  test('gives the same answers when it keeps only one searcher and one answer at a time', () => {
    const forgetful = new FuzzyNames(ENTITIES, { searchers: 1, answers: 1 });
    // Twice round, so every lookup comes after the caches started afresh.
    for (const [name, kind, id] of [...LOOKUPS, ...LOOKUPS]) expect(forgetful.find(name, kind)).toBe(id);
  });
});
