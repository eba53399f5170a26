import { beforeEach, expect, test, vi } from 'vitest';
import { StagedTexts } from '../../../src/background/staged-texts';

// The background's side of the channel, in this process: parts are staged as the worker stages them.
const staged = new StagedTexts();
const sent: Array<{ type: string; data: Record<string, unknown> }> = [];
vi.mock('../../../src/messaging/protocol', () => ({
  contentToBackground: {
    sendMessage: vi.fn(async (type: string, data: Record<string, unknown>) => {
      sent.push({ type, data });
      if (type === 'sendTextPart') staged.add(data.key as string, data.index as number, data.part as string);
      if (type !== 'analyzeText') return undefined;
      const s = data.staged as { key: string; parts: number } | undefined;
      return { text: s ? staged.take(s.key, s.parts) : data.text };
    }),
  },
}));

const { requestAnalysis, TEXT_PART_CHARS } = await import('../../../src/page/analysis-request');
const about = { url: 'https://news.example/a', title: 'A', published: null };

beforeEach(() => {
  sent.length = 0;
});

test('an article of ordinary length goes in one message', async () => {
  const nextTask = vi.fn(async () => undefined);
  const reply = await requestAnalysis('Talks began on Monday.', about, nextTask);
  expect(reply).toEqual({ text: 'Talks began on Monday.' });
  expect(sent.map((m) => m.type)).toEqual(['analyzeText']);
  expect(sent[0]!.data).toMatchObject({ text: 'Talks began on Monday.', ...about });
  expect(nextTask).not.toHaveBeenCalled();
});

test('a long article goes in parts, a task each, and arrives whole', async () => {
  const text = Array.from({ length: 2.5 * TEXT_PART_CHARS }, (_, i) =>
    String.fromCharCode(97 + (i % 26)),
  ).join('');
  const nextTask = vi.fn(async () => undefined);
  const reply = await requestAnalysis(text, about, nextTask);
  expect(reply).toEqual({ text });
  expect(sent.map((m) => m.type)).toEqual(['sendTextPart', 'sendTextPart', 'sendTextPart', 'analyzeText']);
  expect(sent.slice(0, 3).every((m) => (m.data.part as string).length <= TEXT_PART_CHARS)).toBe(true);
  expect(sent[3]!.data).not.toHaveProperty('text');
  expect(sent[3]!.data).toMatchObject({ staged: { parts: 3 }, ...about });
  // The page gets its thread back between parts.
  expect(nextTask).toHaveBeenCalledTimes(2);
});
