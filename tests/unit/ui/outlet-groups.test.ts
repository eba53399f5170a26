import { describe, expect, test } from 'vitest';
import { groupByOutlet, rankEvidence } from '../../../src/ui/outlet-groups';
import { evidence } from './fixtures';

describe('groupByOutlet', () => {
  test.each([
    { name: 'empty', outlets: [], expected: [] },
    { name: 'one outlet', outlets: ['CNN', 'CNN'], expected: [['CNN', [0, 1]]] },
    {
      name: 'outlets keep the order of their first item',
      outlets: ['The Hill', 'CNN', 'The Hill', 'TRT World', 'CNN'],
      expected: [
        ['The Hill', [0, 2]],
        ['CNN', [1, 4]],
        ['TRT World', [3]],
      ],
    },
  ])('$name', ({ outlets, expected }) => {
    const items = outlets.map((outlet, index) => ({ outlet, index }));
    const groups = groupByOutlet(items).map((group) => [group.outlet, group.items.map((item) => item.index)]);
    expect(groups).toEqual(expected);
  });
});

describe('rankEvidence', () => {
  test.each([
    {
      name: 'conflicts before corroboration before related',
      given: [
        ['related', 0.9],
        ['corroborates', 0.5],
        ['conflicts', 0.1],
      ],
      expected: [
        ['conflicts', 0.1],
        ['corroborates', 0.5],
        ['related', 0.9],
      ],
    },
    {
      name: 'higher score first within a relation',
      given: [
        ['corroborates', 0.2],
        ['conflicts', 0.3],
        ['corroborates', 0.8],
      ],
      expected: [
        ['conflicts', 0.3],
        ['corroborates', 0.8],
        ['corroborates', 0.2],
      ],
    },
  ] as const)('$name', ({ given, expected }) => {
    const input = given.map(([relation, score]) => evidence({ relation, score }));
    expect(rankEvidence(input).map((item) => [item.relation, item.score])).toEqual(expected);
    // The input is left as it was.
    expect(input.map((item) => [item.relation, item.score])).toEqual(given);
  });
});
