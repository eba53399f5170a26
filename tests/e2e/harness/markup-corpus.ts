import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from './build-paths';

const run = promisify(execFile);

/** Markup that must only ever show as text: an image whose error handler would run, and a script. */
export const IMG_MARKUP = '<img src=x onerror=alert(1)>';
export const SCRIPT_MARKUP = '<script>alert(1)</script>';

/**
 * Three short reports of one small story (tests/fixtures/pages/hostile/
 * corpus-markup.html tells it too), whose statements quote markup. Written
 * for the test; the names are invented.
 */
const ARTICLES = [
  {
    file: 'harbour-gazette.txt',
    outlet: 'Harbour Gazette',
    title: 'Harbour bridge to reopen on Friday, mayor says',
    published: '2025-03-03',
    text: `Harbour bridge to reopen on Friday, mayor says

Mayor Anna Lindqvist said on Monday that the council had received a letter that read ${IMG_MARKUP} in its subject line.

Council leader Tomas Berg said the city would reopen the harbour bridge on Friday after a ${SCRIPT_MARKUP} string was found in the ticket system.

Lindqvist told reporters that repairs to the harbour bridge cost 2.4 million euros.
`,
  },
  {
    file: 'coastal-times.txt',
    outlet: 'Coastal Times',
    title: 'Bridge repairs finished early, council says',
    published: '2025-03-03',
    text: `Bridge repairs finished early, council says

Anna Lindqvist, the mayor, said the council received a letter reading ${IMG_MARKUP} in its subject line on Monday.

Tomas Berg, the council leader, said the harbour bridge would reopen on Friday after a ${SCRIPT_MARKUP} string turned up in the ticket system.

The mayor said the repairs to the harbour bridge cost 2.4 million euros.
`,
  },
  {
    file: 'quayside-post.txt',
    outlet: 'Quayside Post',
    title: 'City to reopen harbour bridge',
    published: '2025-03-04',
    text: `City to reopen harbour bridge

The council received a letter whose subject line read ${IMG_MARKUP}, Mayor Anna Lindqvist said on Monday.

The harbour bridge will reopen on Friday, council leader Tomas Berg said, after a ${SCRIPT_MARKUP} string was found in the ticket system.

Repairs to the harbour bridge cost 3.1 million euros, Lindqvist said.
`,
  },
];

/** A corpus.json built from the markup articles, and how to delete it. */
export interface BuiltCorpus {
  file: string;
  remove(): Promise<void>;
}

/**
 * Writes the three markup articles and their sources.json to a temporary
 * folder and builds them with the project's own CLI (`npm run corpus`), as a
 * user would before importing the result on the options page.
 */
export async function buildMarkupCorpus(): Promise<BuiltCorpus> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'crosscheck-markup-corpus-'));
  const articles = path.join(dir, 'articles');
  await mkdir(articles);
  for (const article of ARTICLES) await writeFile(path.join(articles, article.file), article.text);
  const sources = ARTICLES.map(({ file, outlet, title, published }) => ({ file, outlet, title, published }));
  await writeFile(path.join(articles, 'sources.json'), JSON.stringify({ sources }, null, 2));
  const file = path.join(dir, 'corpus.json');
  await run('npm', ['run', '--silent', 'corpus', '--', '--in', articles, '--out', file], {
    cwd: REPO_ROOT,
    timeout: 60_000,
  });
  return { file, remove: () => rm(dir, { recursive: true, force: true }) };
}
