import { statsOf, type Stats } from './figure';

/** How often to run a measurement: warm-ups, then `runs` runs, fewer once `allowanceMs` is spent. */
export interface RunPlan {
  warmup: number;
  runs: number;
  /** Runs always made, whatever the allowance (default 1). */
  minRuns?: number;
  /** Stop starting new runs after this much time measuring (default: no limit). */
  allowanceMs?: number;
}

/** Whether run number `r` may start: the first `minRuns` always may, the rest only within the allowance. */
function mayRun(plan: RunPlan, r: number, started: number): boolean {
  return (
    r < (plan.minRuns ?? 1) ||
    plan.allowanceMs === undefined ||
    performance.now() - started <= plan.allowanceMs
  );
}

/**
 * Times `subjects` in alternation, run by run, so that a figure and its anchor
 * see the same machine state (thermal, other load) rather than one after the
 * other. Returns one `Stats` per subject, in milliseconds.
 */
export function timeInterleaved(subjects: ReadonlyArray<() => unknown>, plan: RunPlan): Stats[] {
  for (let i = 0; i < plan.warmup; i++) for (const run of subjects) run();
  const samples: number[][] = subjects.map(() => []);
  const started = performance.now();
  for (let r = 0; r < plan.runs && mayRun(plan, r, started); r++) {
    subjects.forEach((run, i) => {
      const t = performance.now();
      run();
      samples[i]!.push(performance.now() - t);
    });
  }
  return samples.map(statsOf);
}

/** Times one synchronous function. */
export function timeSync(run: () => unknown, plan: RunPlan): Stats {
  return timeInterleaved([run], plan)[0]!;
}

/** Times an asynchronous function; `run` may return its own duration (e.g. taken inside a page) to be used instead. */
export async function timeAsync(run: () => Promise<number | void>, plan: RunPlan): Promise<Stats> {
  for (let i = 0; i < plan.warmup; i++) await run();
  const samples: number[] = [];
  const started = performance.now();
  for (let r = 0; r < plan.runs && mayRun(plan, r, started); r++) {
    const t = performance.now();
    const own = await run();
    samples.push(typeof own === 'number' ? own : performance.now() - t);
  }
  return statsOf(samples);
}

/**
 * Sentences and words of a text by `Intl.Segmenter`, one paragraph at a
 * time: the lower bound of reading a text once, used as an anchor.
 * (Segmenting a whole long page in one call is far slower than linear in V8:
 * 80 s for 20,000 words here.)
 */
export function segmentText(text: string): { sentences: number; words: number } {
  let sentences = 0;
  let words = 0;
  for (const paragraph of text.split(/\n+/)) {
    for (const sentence of SENTENCES.segment(paragraph)) if (sentence.segment.trim()) sentences++;
    for (const w of WORDS.segment(paragraph)) if (w.isWordLike) words++;
  }
  return { sentences, words };
}

const SENTENCES = new Intl.Segmenter('en', { granularity: 'sentence' });
const WORDS = new Intl.Segmenter('en', { granularity: 'word' });
