import { contentToBackground } from '../messaging/protocol';
import type { PackedAnalysis } from '../messaging/analysis-wire';

/** Longest text sent in one message; the serialisation of 650 KB took about 50 ms of the page's thread. */
export const TEXT_PART_CHARS = 100_000;

/** What the engine is told about the page besides its text. */
export interface PageAbout {
  url: string;
  title: string;
  published: string | null;
}

function randomKey(): string {
  // getRandomValues, not randomUUID: content scripts also run on pages that are not secure contexts.
  return Array.from(crypto.getRandomValues(new Uint32Array(4)), (n) => n.toString(36)).join('');
}

/**
 * Asks the background to analyse an article's text. A message is serialised
 * on the sender's thread, so a long text goes ahead in parts, each sent in a
 * task of its own (`nextTask` gives the page its thread back in between), and
 * the analysis request names them.
 */
export async function requestAnalysis(
  text: string,
  about: PageAbout,
  nextTask: () => Promise<void>,
): Promise<PackedAnalysis> {
  if (text.length <= TEXT_PART_CHARS)
    return contentToBackground.sendMessage('analyzeText', { text, ...about });
  const key = randomKey();
  const parts = Math.ceil(text.length / TEXT_PART_CHARS);
  const sent: Array<Promise<void>> = [];
  for (let index = 0; index < parts; index++) {
    if (index > 0) await nextTask();
    const part = text.slice(index * TEXT_PART_CHARS, (index + 1) * TEXT_PART_CHARS);
    sent.push(contentToBackground.sendMessage('sendTextPart', { key, index, part }));
  }
  await Promise.all(sent);
  return contentToBackground.sendMessage('analyzeText', { staged: { key, parts }, ...about });
}
