import { describe, expect, test } from 'vitest';
import { popupDisplayState, tabIdFromQuery, type PopupInput } from '../../../src/ui/popup-state';
import { analysis, claim, pageState } from './fixtures';

describe('popupDisplayState', () => {
  const bare = { ...analysis(), coverage: [], claims: [claim()] };
  test.each<{ name: string; input: PopupInput; expected: string }>([
    { name: 'loading', input: 'loading', expected: 'loading' },
    { name: 'no content script', input: null, expected: 'unreachable' },
    {
      name: 'not an article',
      input: pageState({ status: 'not-article', analysis: undefined }),
      expected: 'not-article',
    },
    { name: 'disabled', input: pageState({ status: 'disabled', analysis: undefined }), expected: 'disabled' },
    { name: 'checking', input: pageState({ status: 'checking', analysis: undefined }), expected: 'checking' },
    { name: 'error', input: pageState({ status: 'error', error: 'boom' }), expected: 'error' },
    { name: 'done with coverage', input: pageState(), expected: 'done' },
    { name: 'done without analysis', input: pageState({ analysis: undefined }), expected: 'no-coverage' },
    {
      name: 'done, no outlet, all unverified',
      input: pageState({ analysis: bare }),
      expected: 'no-coverage',
    },
  ])('$name → $expected', ({ input, expected }) => {
    expect(popupDisplayState(input)).toBe(expected);
  });
});

describe('tabIdFromQuery', () => {
  test.each([
    ['?tabId=42', 42],
    ['?tabId=0', 0],
    ['', undefined],
    ['?tabId=', undefined],
    ['?tabId=-3', undefined],
    ['?tabId=4.5', undefined],
    ['?tabId=abc', undefined],
    ['?tabId=99999999999999999999', undefined],
  ])('%s → %s', (search, expected) => {
    expect(tabIdFromQuery(search)).toBe(expected);
  });
});
