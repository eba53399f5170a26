import path from 'node:path';
import { build } from 'esbuild';
import type { BrowserContext } from 'playwright-core';
import { analyzePage } from '../../src/engine/analyze-page';
import type { CorpusIndex } from '../../src/engine/corpus-index';
import { planMarks } from '../../src/page/page-marks';
import { REPO_ROOT } from './bench-inputs';
import { statsOf, type Stats } from './figure';
import type { NameMark } from './name-marking-page';

const PAGE_ENTRY = path.join(REPO_ROOT, 'scripts/bench/name-marking-page.ts');
/** Global the page bundle is exposed under (the benchmark page has no other scripts). */
const GLOBAL = '__crosscheckNameMarking';

/** The page half as one script for the page's main world. */
async function pageBundle(): Promise<string> {
  const result = await build({
    entryPoints: [PAGE_ENTRY],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** The name marks the content script would draw for an analysis, with its keyboard stops and labels. */
function nameMarks(index: CorpusIndex, text: string): NameMark[] {
  return planMarks(analyzePage(index, { text }), 'names', false).flatMap(
    ({ start, end, attrs, focusable, subject }) =>
      // The content script labels a name's keyboard stop with the name.
      subject.kind === 'entity' ? [{ start, end, attrs, focusable, label: subject.entity.name }] : [],
  );
}

export interface NameMarking {
  /** Wrapping every name, in one task. */
  mark: Stats;
  /** The forced layout right after. */
  layout: Stats;
  marks: number;
}

export interface NameMarker {
  /** One timed run: a fresh page, every name marked in one task, then forced layout. */
  run(): Promise<void>;
  /** The runs so far. */
  result(): NameMarking;
}

/**
 * The extension's highlighter marking the names on a page, timed as the
 * mark.js anchor is: given what to mark, wrap it all in one task, then force
 * layout. mark.js is given the 15 commonest names and finds them itself; the
 * highlighter is given the offsets of every person and organisation the
 * engine found (the engine runs in the background worker, off the page's
 * thread, so its time is in the "all marks" figure, not here). The extension
 * itself draws the same marks in 16 ms slices; one task is the like-for-like
 * comparison of the work. Runs are made one at a time, so that the page
 * figures alternate them with mark.js's and both see the same machine.
 */
export function nameMarker(context: BrowserContext, html: string, index: CorpusIndex): NameMarker {
  let script: Promise<string> | undefined;
  const mark: number[] = [];
  const layout: number[] = [];
  let marks: NameMark[] | null = null;
  let marked = 0;
  return {
    async run() {
      script ??= pageBundle();
      const page = await context.newPage();
      try {
        // about:blank with the page written in: the content script does not run there.
        await page.setContent(html, { waitUntil: 'load' });
        await page.addScriptTag({ content: await script });
        const text = await page.evaluate<string>(`${GLOBAL}.articleText()`);
        marks ??= nameMarks(index, text);
        const result = await page.evaluate<{ markMs: number; layoutMs: number; marked: number }>(
          `${GLOBAL}.markNames(${JSON.stringify(marks)})`,
        );
        mark.push(result.markMs);
        layout.push(result.layoutMs);
        marked = result.marked;
      } finally {
        await page.close();
      }
    },
    result: () => ({ mark: statsOf(mark), layout: statsOf(layout), marks: marked }),
  };
}
