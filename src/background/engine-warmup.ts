import { analyzePage } from '../engine/analyze-page';
import type { CorpusIndex } from '../engine/corpus-index';

/** Warm-up analyses per worker lifetime: enough for V8 to optimise the engine's hot paths. */
export const WARMUP_RUNS = 8;
/** Words per warm-up text: about one news article. */
const WARMUP_WORDS = 1200;
/**
 * Pause before each warm-up run. In Chrome's service worker, a chain of
 * zero-delay timers ran ahead of an extension message that was already
 * waiting: a page's request was handled after six or seven of the eight runs.
 * A timer that is not due yet lets the waiting message go first.
 */
const RUN_GAP_MS = 5;

/**
 * Article-sized texts made of the corpus's own statements, one per article
 * in turn, for warming the engine. They are analysed as pages without a URL,
 * so they exercise the whole path: cleaning, names, facts and evidence.
 */
export function warmupTexts(index: CorpusIndex, count = WARMUP_RUNS): string[] {
  const articles = [...index.statementsOf.values()].filter((list) => list.length > 0);
  const texts: string[] = [];
  for (let n = 0; n < count && articles.length > 0; n++) {
    const statements = articles[n % articles.length]!;
    const lines: string[] = [];
    let words = 0;
    for (const i of statements) {
      const text = index.corpus.statements[i]!.text;
      lines.push(text);
      words += text.split(' ').length;
      if (words >= WARMUP_WORDS) break;
    }
    texts.push(lines.join('\n'));
  }
  return texts;
}

/**
 * Runs the engine on warm-up texts, one per macrotask, so that a page's
 * first real analysis does not pay for V8's cold, unoptimised code. Each
 * run yields to the event loop, so a page's request waits for at most one.
 */
export async function warmEngine(index: CorpusIndex, signal?: AbortSignal): Promise<void> {
  for (const text of warmupTexts(index)) {
    if (signal?.aborted) return;
    await new Promise<void>((resolve) => setTimeout(resolve, RUN_GAP_MS));
    analyzePage(index, { text });
  }
}
