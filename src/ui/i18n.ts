import { browser } from 'wxt/browser';

/** A message name from `public/_locales/en/messages.json`, checked by the compiler. */
export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

/**
 * Messages without substitutions, each read from the browser once: the UI
 * language is fixed for the page's life, every lookup is a call into the
 * extension bindings, and a content script labels every claim it marks.
 */
const plainMessages = new Map<MessageKey, string>();

/**
 * Looks up a UI string from `_locales`; falls back to the key so a missing
 * message is visible instead of blank.
 */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  if (substitutions !== undefined) return browser.i18n.getMessage(key, substitutions) || key;
  let message = plainMessages.get(key);
  if (message === undefined) {
    message = browser.i18n.getMessage(key);
    if (message) plainMessages.set(key, message);
  }
  return message || key;
}

/**
 * Looks up a counted string, choosing the singular or plural message, because
 * `browser.i18n` has no plural rules of its own. The count is substitution $1.
 */
export function tCount(count: number, one: MessageKey, many: MessageKey, rest: string[] = []): string {
  return t(count === 1 ? one : many, [String(count), ...rest]);
}
