import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURE_PAGES_DIR, REPO_ROOT } from './build-paths';
import type { FixtureServer } from './fixture-server';

/**
 * The hostile pages of issue 7 that are too big to keep as files, or that
 * need response headers: built here and served by `registerHostilePages`.
 * The small ones are files in tests/fixtures/pages/hostile/ (see its README).
 */

/** The folder of hostile fixture pages, served at `/hostile/`. */
export const HOSTILE_DIR = path.join(FIXTURE_PAGES_DIR, 'hostile');

/**
 * Another outlet's report of the seed story (tests/fixtures/engine/pages):
 * the corpus corroborates most of its claims, so a page built from it gets
 * name and claim marks. First the headline, then the body paragraphs.
 */
export const NORTHERN_LEDGER: readonly string[] = readFileSync(
  path.join(REPO_ROOT, 'tests/fixtures/engine/pages/northern-ledger.txt'),
  'utf8',
)
  .trim()
  .split(/\n\s*\n/)
  .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim());

/** The nonce that the strict-CSP page's policy allows its one script by. */
export const CSP_NONCE = 'hostile-probe';

/** Exactly `default-src 'none'`, plus the page's own script by nonce. */
export const STRICT_CSP = `default-src 'none'; script-src 'nonce-${CSP_NONCE}'`;

/** Paths of the generated pages. */
export const HOSTILE_ROUTES = {
  strictCsp: '/hostile/csp.html',
  table: '/hostile/table.html',
  hundredThousandWords: '/hostile/100k-words.html',
  twentyThousandWords: '/hostile/20k-words.html',
} as const;

/** Rows of the big-table page. */
export const TABLE_ROWS = 5_000;

/** Words in the article of the big page. */
export const BIG_PAGE_WORDS = 100_000;

const PROBE_SOURCE = readFileSync(path.join(HOSTILE_DIR, 'probe.js'), 'utf8');

/** Text as HTML character data: `<`, `&` and quotes cannot start markup. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function page(title: string, body: string): string {
  // The probe is inlined: generated pages are also opened from file:// (no extension) for a baseline.
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(title)}</title>
  </head>
  <body>
    <header><p class="site">The Northern Ledger</p></header>
${body}
    <p id="page-status">waiting for the page script</p>
    <button id="page-button" type="button">Page button</button>
    <script>${PROBE_SOURCE}</script>
  </body>
</html>
`;
}

const FILLER_SENTENCES = [
  'The harbour office published its weekly tide tables shortly after dawn.',
  'Ferries on the western route ran to their usual timetable despite the wind.',
  'A second delivery of timber reached the northern quay before the market opened.',
  'Residents queued outside the library, which had extended its opening hours for the season.',
  'The weather service expected light rain in the afternoon and a clear evening.',
  'Workers finished painting the railings along the promenade by midday.',
  'Several cafes near the station reported a busier morning than the week before.',
  'The council reminded drivers that the bridge lanes would narrow during inspections.',
  'School buses took a longer route around the roadworks on the main avenue.',
  'Fishermen said the catch was smaller than usual for the time of year.',
  'The museum announced a new exhibition of maps drawn by local surveyors.',
  'A cyclist club met at the square to plan a ride along the coast road.',
];

/** A paragraph of plain prose that names nobody, `words` words long or a little more. */
function fillerParagraph(seed: number, words: number): string {
  const out: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i += 1) {
    const sentence = FILLER_SENTENCES[(seed * 7 + i * 5) % FILLER_SENTENCES.length] ?? '';
    out.push(sentence);
    count += sentence.split(' ').length;
  }
  return out.join(' ');
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * The article paragraphs of a page `words` words long (exactly): the Northern
 * Ledger's body over and over, each of its paragraphs carrying a sentence of
 * filler, with paragraphs of filler between the copies. No two paragraphs
 * repeat word for word: the engine reads a short line seen before as a
 * repeated headline and leaves it out, which a real article never asks of it.
 */
export function bigArticleParagraphs(words: number): string[] {
  const [, ...body] = NORTHERN_LEDGER;
  const paragraphs: string[] = [];
  let total = wordCount(NORTHERN_LEDGER[0] ?? '');
  for (let block = 0; total < words; block += 1) {
    const story = body.map(
      (paragraph, i) => `${paragraph} ${fillerParagraph(block * 11 + i, 1)} (${block + 1})`,
    );
    const filler = [0, 1, 2, 3].map((i) => fillerParagraph(block + i, 90));
    for (const paragraph of [...story, ...filler]) {
      const left = words - total;
      if (left <= 0) break;
      const paragraphWords = paragraph.split(' ');
      paragraphs.push(paragraphWords.slice(0, left).join(' '));
      total += Math.min(paragraphWords.length, left);
    }
  }
  return paragraphs;
}

/** A single article of exactly `words` words (headline included). */
export function bigArticlePage(words: number): string {
  const [headline = ''] = NORTHERN_LEDGER;
  const paragraphs = bigArticleParagraphs(words)
    .map((p) => `        <p>${escapeHtml(p)}</p>`)
    .join('\n');
  return page(
    headline,
    `    <main>
      <article>
        <h1>${escapeHtml(headline)}</h1>
${paragraphs}
      </article>
    </main>`,
  );
}

/** The names in the big table's cells, in the order the rows cycle through them. */
export const TABLE_NAMES = [
  'Vladimir Putin',
  'James Mattis',
  'Donald Trump',
  'Sergei Shoigu',
  'Valery Gerasimov',
  'Joseph Dunford',
];

/**
 * The Northern Ledger's report followed, inside the same article, by a table
 * of `rows` rows whose cells name the people of the story.
 */
export function tablePage(rows: number): string {
  const [headline = '', ...body] = NORTHERN_LEDGER;
  const lines: string[] = [];
  for (let i = 0; i < rows; i += 1) {
    const name = TABLE_NAMES[i % TABLE_NAMES.length] ?? '';
    const other = TABLE_NAMES[(i * 5 + 1) % TABLE_NAMES.length] ?? '';
    lines.push(
      // Every cell differs from every other, so no line reads as a repeated headline.
      `<tr><td>${i + 1}</td><td>${name}, entry ${i + 1}</td><td>${other} met ${name} in round ${i + 1}</td><td>${(i * 37) % 1000}</td></tr>`,
    );
  }
  return page(
    headline,
    `    <main>
      <article>
        <h1>${escapeHtml(headline)}</h1>
${body.map((p) => `        <p>${escapeHtml(p)}</p>`).join('\n')}
        <table id="big-table">
          <thead><tr><th>Row</th><th>Name</th><th>Met</th><th>Score</th></tr></thead>
          <tbody>
${lines.join('\n')}
          </tbody>
        </table>
        <script>
          // The page measures its own table as parsed, before any content script runs.
          window.__measureTable = function () {
            var table = document.getElementById('big-table');
            var box = table.getBoundingClientRect();
            var rows = table.tBodies[0].rows;
            var widths = function (row) {
              return Array.prototype.map.call(row.cells, function (cell) {
                return Math.round(cell.getBoundingClientRect().width);
              });
            };
            return {
              width: Math.round(box.width),
              height: Math.round(box.height),
              rows: rows.length,
              firstRow: widths(rows[0]),
              lastRow: widths(rows[rows.length - 1]),
            };
          };
          window.__tableAtParse = window.__measureTable();
        </script>
      </article>
    </main>`,
  );
}

/**
 * Serves the generated hostile pages on `server`: the strict-CSP page (the
 * file strict-csp.html under the header), the 5,000-row table, the
 * 100,000-word page and a 20,000-word page (long enough to analyse that a
 * service worker can be stopped in the middle).
 */
export function registerHostilePages(server: FixtureServer): void {
  server.route(HOSTILE_ROUTES.strictCsp, {
    headers: { 'content-security-policy': STRICT_CSP },
    body: readFileSync(path.join(HOSTILE_DIR, 'strict-csp.html')),
  });
  server.route(HOSTILE_ROUTES.table, { body: tablePage(TABLE_ROWS) });
  server.route(HOSTILE_ROUTES.hundredThousandWords, { body: bigArticlePage(BIG_PAGE_WORDS) });
  server.route(HOSTILE_ROUTES.twentyThousandWords, { body: bigArticlePage(20_000) });
}
