import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import messages from '../../../public/_locales/en/messages.json';
import { getMessage } from './i18n-stub';

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
const catalogue: Record<string, Message> = messages;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [readFileSync(join(dir, entry.name), 'utf8')]
        : [],
  );
}

describe('messages.json', () => {
  test.each(Object.entries(catalogue))('%s: every $NAME$ has a placeholder', (_key, entry) => {
    const named = [...entry.message.matchAll(/\$([a-z0-9_]+)\$/gi)].map((m) => m[1]?.toLowerCase());
    const declared = Object.keys(entry.placeholders ?? {}).map((name) => name.toLowerCase());
    expect(declared.sort()).toEqual([...new Set(named)].sort());
  });

  test('substitutions land where the placeholders say', () => {
    expect(getMessage('optionsCorpusCounts', ['5', '120', '40'])).toBe(
      '5 articles, 120 statements, 40 links between outlets.',
    );
    expect(getMessage('popupMentionsMany', '4')).toBe('4 mentions');
  });

  test('every UI message is used by some view', () => {
    const code = [...sources('src'), ...sources('entrypoints')].join('\n');
    const manifest = readFileSync('wxt.config.ts', 'utf8');
    const unused = Object.keys(catalogue).filter(
      (key) => !code.includes(`'${key}'`) && !manifest.includes(`__MSG_${key}__`),
    );
    expect(unused).toEqual([]);
  });
});
