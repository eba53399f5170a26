import { analyzePage } from '../engine/analyze-page';
import type { CorpusIndex } from '../engine/corpus-index';

/**
 * Warm-up analyses per worker lifetime. V8 optimises the engine's functions
 * gradually: in Node a 1,500-word page took 46 ms after 8 warm-up runs and
 * 15 ms after 24, and a short article 7 ms against 2 ms (about 20 ms of the
 * worker's time per run, so some 0.5 s once per worker start).
 */
export const WARMUP_RUNS = 24;
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
 * Pause before the first warm-up run. A page that wakes a stopped worker sends
 * its report and then its text, and the browser hands them over once the
 * worker has started: in a trace the text came 5-10 ms after the corpus was
 * indexed, just after the first run's timer was due, and waited 76 ms for
 * that run (cold, as the page's own analysis then was too).
 */
const FIRST_RUN_DELAY_MS = 100;

/**
 * Article-sized texts made of the corpus's own statements, for warming the
 * engine. Each text takes the articles in turn, a statement from each, so it
 * reads as another outlet's page about the corpus's stories: it is not taken
 * for one of the corpus's articles (whose own statements are never evidence),
 * and its claims meet evidence from every outlet, as a reader's pages do.
 * Texts start at different articles and statements, so no two are the same.
 * They are analysed as pages without a URL.
 */
export function warmupTexts(index: CorpusIndex, count = WARMUP_RUNS): string[] {
  const articles = [...index.statementsOf.values()].filter((list) => list.length > 0);
  const texts: string[] = [];
  for (let n = 0; n < count && articles.length > 0; n++) {
    const lines: string[] = [];
    let words = 0;
    // Every statement has a word, so the words run out first; the bound is for empty texts.
    for (let j = 0; words < WARMUP_WORDS && j < WARMUP_WORDS; j++) {
      const statements = articles[(n + j) % articles.length]!;
      const i = statements[(n + Math.floor(j / articles.length)) % statements.length]!;
      const text = index.corpus.statements[i]!.text;
      lines.push(text);
      words += text.split(' ').length;
    }
    texts.push(lines.join('\n\n'));
  }
  return texts;
}

/**
 * Runs the engine on warm-up texts, one per macrotask, so that a page's
 * first real analysis does not pay for V8's cold, unoptimised code. Each
 * run yields to the event loop, so a page's request waits for at most one.
 */
export async function warmEngine(index: CorpusIndex, signal?: AbortSignal): Promise<void> {
  let gap = FIRST_RUN_DELAY_MS;
  for (const text of warmupTexts(index)) {
    if (signal?.aborted) return;
    await new Promise<void>((resolve) => setTimeout(resolve, gap));
    gap = RUN_GAP_MS;
    analyzePage(index, { text });
  }
}
