import { fakeBrowser } from 'wxt/testing';
import { beforeEach, expect, test } from 'vitest';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  settingsItem,
  takeRepairNotice,
} from '../../../src/settings/settings';

beforeEach(() => fakeBrowser.reset());

test('a repair made by any reader (a page) is noticed once, by whoever takes the notice (the options page)', async () => {
  await settingsItem.setValue({ highlightMode: 'sparkles', tooltipDelay: 'soon' });
  const read = await loadSettings();
  expect(read).toEqual({ settings: DEFAULT_SETTINGS, repaired: true });
  // A later read finds sound settings, and says nothing of the earlier repair.
  expect((await loadSettings()).repaired).toBe(false);
  expect(await takeRepairNotice()).toBe(true);
  expect(await takeRepairNotice()).toBe(false);
});

test('sound settings raise no notice', async () => {
  await loadSettings();
  expect(await takeRepairNotice()).toBe(false);
});
