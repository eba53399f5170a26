import { expect, test } from 'vitest';
import { StagedTexts } from '../../../src/background/staged-texts';

test('joins the parts of a text in their order, whatever order they arrive in, once', () => {
  const staged = new StagedTexts();
  staged.add('k', 2, 'third');
  staged.add('k', 0, 'first ');
  staged.add('k', 1, 'second ');
  expect(staged.take('k', 3)).toBe('first second third');
  expect(() => staged.take('k', 3)).toThrow(/send it again/);
});

test('a text with a part missing is refused, not analysed short', () => {
  const staged = new StagedTexts();
  staged.add('k', 0, 'first ');
  staged.add('k', 2, 'third');
  expect(() => staged.take('k', 3)).toThrow(/did not arrive whole/);
  staged.add('j', 0, 'only');
  expect(() => staged.take('j', 2)).toThrow(/did not arrive whole/);
});

test('texts a tab never asked about make way for new ones', () => {
  const staged = new StagedTexts();
  for (let n = 0; n < 9; n++) staged.add(`key${n}`, 0, `text ${n}`);
  expect(() => staged.take('key0', 1)).toThrow();
  expect(staged.take('key1', 1)).toBe('text 1');
  expect(staged.take('key8', 1)).toBe('text 8');
});
