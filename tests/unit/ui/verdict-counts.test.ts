import { expect, test } from 'vitest';
import type { Verdict } from '../../../src/engine/types';
import { countVerdicts } from '../../../src/ui/verdict-counts';

test.each<{ verdicts: Verdict[]; expected: Record<Verdict, number> }>([
  { verdicts: [], expected: { conflicting: 0, mixed: 0, corroborated: 0, unverified: 0 } },
  {
    verdicts: ['conflicting', 'corroborated', 'conflicting', 'unverified', 'mixed'],
    expected: { conflicting: 2, mixed: 1, corroborated: 1, unverified: 1 },
  },
  {
    verdicts: ['unverified', 'unverified'],
    expected: { conflicting: 0, mixed: 0, corroborated: 0, unverified: 2 },
  },
])('countVerdicts($verdicts)', ({ verdicts, expected }) => {
  expect(countVerdicts(verdicts.map((verdict) => ({ verdict })))).toEqual(expected);
});
