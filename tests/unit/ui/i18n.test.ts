import { fakeBrowser } from 'wxt/testing';
import { expect, test, vi } from 'vitest';
import { t } from '../../../src/ui/i18n';
import { getMessage } from './i18n-stub';

test('reads a plain message from the browser once, and one with substitutions every time', () => {
  const lookup = vi.fn(getMessage);
  fakeBrowser.i18n.getMessage = lookup;
  expect(t('verdictCorroborated')).toBe(getMessage('verdictCorroborated'));
  expect(t('verdictCorroborated')).toBe(getMessage('verdictCorroborated'));
  expect(lookup.mock.calls.filter(([key]) => key === 'verdictCorroborated')).toHaveLength(1);

  expect(t('popupDoneMany', ['3'])).toBe(getMessage('popupDoneMany', ['3']));
  expect(t('popupDoneMany', ['4'])).toBe(getMessage('popupDoneMany', ['4']));
  expect(t('popupDoneMany', ['3'])).not.toBe(t('popupDoneMany', ['4']));
  expect(lookup.mock.calls.filter(([key]) => key === 'popupDoneMany')).toHaveLength(4);
});

test('does not remember a missing message: a message that appears later is found', () => {
  fakeBrowser.i18n.getMessage = () => '';
  expect(t('verdictMixed')).toBe('verdictMixed');
  fakeBrowser.i18n.getMessage = getMessage;
  expect(t('verdictMixed')).toBe(getMessage('verdictMixed'));
});
