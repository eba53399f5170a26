import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  REPO_ROOT,
  claimMarks,
  entityMarks,
  pointOnMark,
  readMarks,
  seedArticles,
  squash,
  useBrowserSuite,
  type DrivenTab,
  type MarksReport,
} from './harness';

// Issue 6, end to end in both browsers: the options page's corpus import and
// reset, the evidence viewer (opened by URL and from a tooltip), and axe-core
// on both pages.

const SEEDS = seedArticles();
const SEED_IDS = SEEDS.map((seed) => seed.id).sort();
const HARBOUR_DIR = path.join(REPO_ROOT, 'tests/fixtures/corpora/harbour-fire');

interface CorpusStatement {
  id: string;
  article: string;
  text: string;
  checkworthy: boolean;
}

let workDir: string;
let files: { notJson: string; brokenReference: string; harbour: string };
let harbourIds: string[];
let bundledStatements: CorpusStatement[];

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'crosscheck-views-'));
  const bundled = JSON.parse(await readFile(path.join(REPO_ROOT, 'data/corpus.json'), 'utf8')) as {
    statements: CorpusStatement[];
  };
  bundledStatements = bundled.statements;
  // A corpus that parses and looks right but names an article it does not have.
  const broken = structuredClone(bundled) as { statements: { article: string }[] };
  broken.statements[0]!.article = 'no-such-article';
  files = {
    notJson: path.join(workDir, 'not-json.json'),
    brokenReference: path.join(workDir, 'broken-reference.json'),
    harbour: path.join(workDir, 'harbour-fire.json'),
  };
  await writeFile(files.notJson, '{ "schema": 1, "articles": [ this is not JSON');
  await writeFile(files.brokenReference, JSON.stringify(broken));
  // The real corpus CLI, as a user would build their own corpus.
  await promisify(execFile)('npm', ['run', 'corpus', '--', '--in', HARBOUR_DIR, '--out', files.harbour], {
    cwd: REPO_ROOT,
  });
  const sources = JSON.parse(await readFile(path.join(HARBOUR_DIR, 'sources.json'), 'utf8')) as {
    sources: { file: string }[];
  };
  harbourIds = sources.sources.map((source) => source.file.replace(/\.txt$/, '')).sort();
}, 60_000);

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** The options page's corpus panel as a reader sees it. */
function readCorpusPanel(options: DrivenTab) {
  return options.evaluate(() => ({
    action: document.querySelector('[data-corpus-action]')?.getAttribute('data-corpus-action') ?? null,
    message: document.querySelector('[data-corpus-action]')?.textContent?.trim() ?? '',
    source: document.querySelector('[data-corpus-source]')?.getAttribute('data-corpus-source') ?? null,
    articles: Array.from(document.querySelectorAll('table[data-corpus-articles] tr[data-article-id]'))
      .map((row) => row.getAttribute('data-article-id') ?? '')
      .sort(),
  }));
}

/** Clicks the options page's “Reset to the bundled corpus” button, found by its label. */
async function clickReset(options: DrivenTab): Promise<void> {
  await options.evaluate(() => {
    const reset = Array.from(document.querySelectorAll('button')).find((b) =>
      /reset/i.test(b.textContent ?? ''),
    );
    reset?.setAttribute('data-test-reset', '');
  });
  await options.click('button[data-test-reset]');
}

const CORPUS_TABLE = 'table[data-corpus-articles] tr[data-article-id]';

describe.each([{ name: 'chromium' as const }, { name: 'firefox' as const }])(
  'options and evidence viewer in $name',
  ({ name }) => {
    const suite = useBrowserSuite(name);
    const { track, openPage, pageErrors } = suite;
    const openOptions = async () =>
      track(await suite.browser.openExtensionPage('options.html', CORPUS_TABLE));
    /** The evidence verdicts (anything but unverified) of the ledger page under the corpus in use. */
    const ledgerVerdicts = async () => {
      const tab = await openPage('/other-outlet-ledger.html');
      await tab.waitFor('html[data-crosscheck="done"]');
      return claimMarks(await readMarks(tab))
        .map((claim) => claim.verdict)
        .filter((verdict) => verdict !== 'unverified');
    };

    test('options lists the bundled corpus: the five seed articles', async () => {
      const options = await openOptions();
      const panel = await readCorpusPanel(options);
      expect(panel.source).toBe('bundled');
      expect(panel.articles).toEqual(SEED_IDS);
      expect(panel.action).toBe('idle');
    });

    test.each([
      { file: 'notJson' as const, what: 'a file that is not JSON', checkPage: false },
      {
        file: 'brokenReference' as const,
        what: 'a corpus whose statement names a missing article',
        checkPage: true,
      },
    ])('importing $what shows an error and keeps the corpus in use', async ({ file, checkPage }) => {
      const options = await openOptions();
      await options.setInputFiles('input[name="corpus-file"]', [files[file]]);
      await options.waitFor('[data-corpus-action="error"]');
      const panel = await readCorpusPanel(options);
      expect(panel.message.length).toBeGreaterThan(10);
      expect(panel.source).toBe('bundled');
      expect(panel.articles).toEqual(SEED_IDS);

      // Still the bundled corpus after a reload, and still the one pages are checked against.
      const reopened = await readCorpusPanel(await openOptions());
      expect(reopened.source).toBe('bundled');
      expect(reopened.articles).toEqual(SEED_IDS);
      if (checkPage) expect(await ledgerVerdicts()).toContain('corroborated');
    });

    test('importing a good corpus switches to it; “Reset to the bundled corpus” restores the seeds', async () => {
      const options = await openOptions();
      try {
        await options.setInputFiles('input[name="corpus-file"]', [files.harbour]);
        await options.waitFor('[data-corpus-action="imported"]', 20_000);
        const imported = await readCorpusPanel(options);
        expect(imported.source).toBe('imported');
        expect(imported.articles).toEqual(harbourIds);

        // Stored: a fresh options page shows it, and pages are checked against it
        // (the harbour-fire corpus says nothing about the ledger's story).
        expect((await readCorpusPanel(await openOptions())).articles).toEqual(harbourIds);
        expect(await ledgerVerdicts()).toEqual([]);

        await clickReset(options);
        await options.waitFor('[data-corpus-action="reset"]', 20_000);
        const reset = await readCorpusPanel(options);
        expect(reset.source).toBe('bundled');
        expect(reset.articles).toEqual(SEED_IDS);
        expect(await ledgerVerdicts()).toContain('corroborated');
      } finally {
        // Leave the bundled corpus in use for the other tests, whatever failed above.
        const check = await openOptions();
        if ((await readCorpusPanel(check)).source !== 'bundled') {
          await clickReset(check);
          await check.waitFor('[data-corpus-action="reset"]', 20_000);
        }
      }
    });

    test('the highlight mode chosen in options changes the marks on an open page', async () => {
      const tab = await openPage('/other-outlet-ledger.html');
      await tab.waitFor('html[data-crosscheck="done"]');
      // What a reader sees of each mark; keyboard stops and splits depend on what else is marked.
      const shape = (report: MarksReport) =>
        report.marks.map(({ kind, entity, verdict, text }) => ({ kind, entity, verdict, text }));
      const all = await readMarks(tab);
      const unverified = claimMarks(all).filter((claim) => claim.verdict === 'unverified');
      expect(unverified.length, 'the page has unverified claims to hide').toBeGreaterThan(0);
      const options = await openOptions();
      const choose = (mode: string) => options.click(`input[name="highlight-mode"][value="${mode}"]`);
      try {
        // A rescan first clears the page while its status still says done, so
        // wait for the whole expected set of marks, not just for the status.
        const showing = async (status: string, marks: MarksReport['marks'], what: string) => {
          const claims = marks.filter((mark) => mark.kind === 'claim').length;
          const entities = marks.length - claims;
          await tab.waitUntil(
            ([s, c, e]: [string, number, number]) => {
              const ids = (kind: string) =>
                new Set(
                  Array.from(document.querySelectorAll(`crosscheck-mark[data-kind="${kind}"]`)).map((el) =>
                    el.getAttribute('data-mark-id'),
                  ),
                ).size;
              return (
                document.documentElement.getAttribute('data-crosscheck') === s &&
                ids('claim') === c &&
                ids('entity') === e
              );
            },
            [status, claims, entities],
            { message: what },
          );
          expect(shape(await readMarks(tab)), what).toEqual(shape({ ...all, marks }));
        };

        await choose('evidence');
        await showing(
          'done',
          all.marks.filter((mark) => mark.verdict !== 'unverified'),
          'only claims with evidence',
        );
        await choose('names');
        await showing('done', entityMarks(all), 'names only');
        await choose('off');
        await showing('disabled', [], 'no marks with highlighting off');
        expect((await suite.browser.storedSettings())?.highlightMode).toBe('off');
        await choose('all');
        await showing('done', all.marks, 'every mark again');
      } finally {
        await suite.browser.updateSettings({ highlightMode: 'all' });
      }
    });

    test('the viewer highlights, scrolls to and focuses the requested statement', async () => {
      const seed = SEEDS[3]!;
      const statements = bundledStatements.filter((statement) => statement.article === seed.id);
      // One near the end, so that showing it needs a scroll.
      const requested = statements.filter((statement) => statement.checkworthy).at(-2)!;
      const viewer = track(
        await suite.browser.openExtensionPage(
          `viewer.html?article=${encodeURIComponent(seed.id)}&statement=${encodeURIComponent(requested.id)}`,
          'main[data-state="ready"]',
        ),
      );
      const shown = await viewer.waitUntil(
        () => {
          const marks = document.querySelectorAll('mark[data-requested="true"]');
          const mark = marks[0];
          if (!mark || document.activeElement !== mark) return null;
          const rect = mark.getBoundingClientRect();
          return {
            count: marks.length,
            id: mark.getAttribute('data-statement-id'),
            text: mark.textContent ?? '',
            inView: rect.top >= 0 && rect.top < window.innerHeight,
            outlet: document.querySelector('.cc-viewer__outlet')?.textContent ?? '',
            title: document.querySelector('h1')?.textContent ?? '',
            sentences: document.querySelectorAll('.cc-sentence[data-statement-id]').length,
          };
        },
        undefined,
        { message: 'the requested statement, highlighted and focused' },
      );
      expect(shown).toMatchObject({ count: 1, id: requested.id, inView: true, outlet: seed.outlet });
      expect(squash(shown.text)).toBe(squash(requested.text));
      expect(squash(shown.title)).toBe(squash(seed.title));
      expect(shown.sentences).toBe(statements.length);

      const missing = track(
        await suite.browser.openExtensionPage('viewer.html?article=no-such-article', 'main[data-state]'),
      );
      await missing.waitFor('main[data-state="not-found"]');
    });

    test('a tooltip’s evidence link opens the viewer at that statement', async () => {
      const tab = await openPage('/other-outlet-ledger.html');
      await tab.waitFor('html[data-crosscheck="done"]');
      await tab.bringToFront();
      const claim = claimMarks(await readMarks(tab)).find((mark) => mark.verdict === 'corroborated');
      expect(claim).toBeDefined();
      const point = await pointOnMark(tab, claim!.markId);
      await tab.mouseMove(point!.x, point!.y);
      const link = await tab.waitUntil(
        () => {
          const root = document.querySelector('crosscheck-tooltip')?.shadowRoot;
          const anchor = root?.querySelector<HTMLElement>(
            'li[data-relation="corroborates"] a[data-statement-id]',
          );
          if (!anchor) return null;
          const rect = anchor.getBoundingClientRect();
          return {
            statementId: anchor.getAttribute('data-statement-id') ?? '',
            text: anchor.textContent ?? '',
            x: rect.left + Math.min(rect.width / 2, 30),
            y: rect.top + Math.min(rect.height / 2, 8),
          };
        },
        undefined,
        { message: 'an evidence link in the tooltip' },
      );
      const viewer = track(
        await suite.browser.waitForNewTab('/viewer.html', async () => {
          // Move within the tooltip first, as a reader does, so it stays open.
          await tab.mouseMove(link.x, link.y);
          await tab.mouseClick(link.x, link.y);
        }),
      );
      await viewer.waitFor('main[data-state="ready"]');
      const requested = await viewer.waitUntil(
        () => {
          const mark = document.querySelector('mark[data-requested="true"]');
          return mark && document.activeElement === mark
            ? { id: mark.getAttribute('data-statement-id'), text: mark.textContent ?? '' }
            : null;
        },
        undefined,
        { message: 'the linked statement, highlighted and focused' },
      );
      expect(requested.id).toBe(link.statementId);
      expect(squash(requested.text)).toBe(squash(link.text));
    });

    test('axe-core finds no accessibility violations in options and the viewer', async () => {
      const options = await openOptions();
      expect(await options.axeViolations(), 'options.html').toEqual([]);
      const seed = SEEDS[0]!;
      const statement = bundledStatements.find((s) => s.article === seed.id && s.checkworthy)!;
      const viewer = track(
        await suite.browser.openExtensionPage(
          `viewer.html?article=${encodeURIComponent(seed.id)}&statement=${encodeURIComponent(statement.id)}`,
          'mark[data-requested="true"]',
        ),
      );
      expect(await viewer.axeViolations(), 'viewer.html').toEqual([]);
    });

    test('no page raised an error, and nothing left 127.0.0.1', () => {
      expect(pageErrors).toEqual([]);
      expect(suite.browser.session.leaks()).toEqual([]);
    });
  },
);
