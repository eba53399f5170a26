import { describe, expect, test } from 'vitest';
import { planMarks } from '../../../src/page/page-marks';
import type { PageAnalysis } from '../../../src/engine/types';

const analysis: PageAnalysis = {
  source: '',
  article: null,
  entities: [
    {
      id: 'jane-doe',
      name: 'Jane Doe',
      kind: 'person',
      known: true,
      aliases: [],
      mentions: [{ start: 0, end: 8 }],
    },
    {
      id: 'new:person:x',
      name: 'X Y',
      kind: 'person',
      known: false,
      aliases: [],
      mentions: [{ start: 30, end: 33 }],
    },
    { id: 'oslo', name: 'Oslo', kind: 'place', known: true, aliases: [], mentions: [{ start: 20, end: 24 }] },
  ],
  claims: [
    { text: 'Jane Doe spoke in Oslo.', start: 0, end: 25, verdict: 'corroborated', evidence: [] },
    { text: 'Nothing else.', start: 26, end: 39, verdict: 'unverified', evidence: [] },
  ],
  coverage: [],
  omitted: [],
};

const kinds = (marks: ReturnType<typeof planMarks>) =>
  marks.map((m) => `${m.attrs['data-kind']}:${m.attrs['data-entity'] ?? m.attrs['data-verdict']}`);

describe('planMarks', () => {
  test.each([
    ['all', true, ['claim:corroborated', 'entity:jane-doe', 'claim:unverified']],
    ['evidence', true, ['claim:corroborated', 'entity:jane-doe']],
    ['names', true, ['entity:jane-doe']],
    ['off', true, []],
    ['all', false, ['entity:jane-doe']],
  ] as const)('mode %s, claims allowed %s', (mode, claimsAllowed, expected) => {
    expect(kinds(planMarks(analysis, mode, claimsAllowed))).toEqual(expected);
  });

  test('a claim comes before the names inside it, so it wraps them', () => {
    const [first, second] = planMarks(analysis, 'all', true);
    expect(first!.start).toBe(second!.start);
    expect(first!.end).toBeGreaterThan(second!.end);
    expect(first!.attrs['data-kind']).toBe('claim');
  });

  test('marks only people and organisations the corpus knows', () => {
    const ids = planMarks(analysis, 'names', true).map((m) => m.attrs['data-entity']);
    expect(ids).not.toContain('new:person:x');
    expect(ids).not.toContain('oslo');
  });

  test('every claim is a keyboard stop, and each name once, at its first mention', () => {
    const twice = {
      ...analysis,
      entities: analysis.entities.map((e) =>
        e.id === 'jane-doe' ? { ...e, mentions: [{ start: 40, end: 48 }, ...e.mentions] } : e,
      ),
    };
    const stops = planMarks(twice, 'all', true).map((m) => [m.attrs['data-kind'], m.start, m.focusable]);
    expect(stops).toEqual([
      ['claim', 0, true],
      ['entity', 0, true],
      ['claim', 26, true],
      ['entity', 40, false],
    ]);
  });

  test('claim marks carry their index for the popup to scroll to', () => {
    const claims = planMarks(analysis, 'all', true).filter((m) => m.subject.kind === 'claim');
    expect(claims.map((m) => m.attrs['data-claim-index'])).toEqual(['0', '1']);
  });
});

test('claims of content added later continue the page numbering', () => {
  const later = planMarks(analysis, 'all', true, 4).filter((m) => m.subject.kind === 'claim');
  expect(later.map((m) => m.attrs['data-claim-index'])).toEqual(['4', '5']);
});
