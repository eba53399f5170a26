import { fakeBrowser } from 'wxt/testing';
import messages from '../../../public/_locales/en/messages.json';

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const catalogue: Record<string, Message> = messages;

/**
 * Chrome's `i18n.getMessage` over the real `messages.json`: named placeholders
 * expand to their content, then `$1`… take the substitutions. The fake browser
 * leaves i18n unimplemented, and the views' text comes from this file.
 */
export function getMessage(name: string, substitutions?: string | string[]): string {
  const entry = catalogue[name];
  if (!entry) return '';
  const subs =
    substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const named = entry.message.replace(/\$([a-z0-9_@]+)\$/gi, (whole, key: string) => {
    const placeholder = Object.entries(entry.placeholders ?? {}).find(
      ([candidate]) => candidate.toLowerCase() === key.toLowerCase(),
    );
    return placeholder ? placeholder[1].content : whole;
  });
  return named.replace(/\$(\$|[1-9])/g, (_, which: string) =>
    which === '$' ? '$' : (subs[Number(which) - 1] ?? ''),
  );
}

/** Makes `browser.i18n.getMessage` answer from `messages.json` for this test file. */
export function installMessages(): void {
  fakeBrowser.i18n.getMessage = getMessage;
}
