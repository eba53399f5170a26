import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROME_BUILD, KB, REPO_ROOT } from './bench-inputs';
import { figure, formatNumber, notAvailable, single, type Figure } from './figure';

const SECTION = 'Extension bundle (Chromium build)';
const CONTENT_BUDGET_KB = 40;
const MARK_JS = path.join(REPO_ROOT, 'node_modules/mark.js/dist/mark.min.js');

function gzippedKB(file: string): { gz: number; raw: number } {
  const bytes = readFileSync(file);
  return { gz: gzipSync(bytes).length / KB, raw: bytes.length / KB };
}

/**
 * Sizes of the built scripts, gzipped as a store or a network would serve
 * them: the content script (injected into every page, budgeted) and the
 * background worker (for context). mark.js, a one-purpose marking library,
 * is the anchor.
 */
export function bundleFigures(): Figure[] {
  const content = path.join(CHROME_BUILD, 'content-scripts/content.js');
  const background = path.join(CHROME_BUILD, 'background.js');
  const markJs = existsSync(MARK_JS) ? gzippedKB(MARK_JS) : null;
  const anchor = { name: 'mark.js 8.11.1 minified, gzipped', stats: markJs && single(markJs.gz), unit: 'KB' };
  const missing = 'run npm run build first';
  const figures: Figure[] = [];
  if (!existsSync(content)) {
    figures.push(
      notAvailable({
        id: 'bundle.contentGzKB',
        section: SECTION,
        name: 'content script, gzipped',
        unit: 'KB',
        budget: { op: '<=', value: CONTENT_BUDGET_KB },
        anchor,
        note: `${path.relative(REPO_ROOT, content)} missing: ${missing}`,
      }),
    );
  } else {
    const size = gzippedKB(content);
    figures.push(
      figure({
        id: 'bundle.contentGzKB',
        section: SECTION,
        name: 'content script, gzipped',
        unit: 'KB',
        stats: single(size.gz),
        budget: { op: '<=', value: CONTENT_BUDGET_KB },
        anchor,
        note: `${formatNumber(size.raw)} KB raw; zlib default level; KB = 1,000 bytes`,
      }),
    );
  }
  if (!existsSync(background)) {
    figures.push(
      notAvailable({
        id: 'bundle.backgroundGzKB',
        section: SECTION,
        name: 'background worker, gzipped',
        unit: 'KB',
        note: `${path.relative(REPO_ROOT, background)} missing: ${missing}`,
      }),
    );
  } else {
    const size = gzippedKB(background);
    figures.push(
      figure({
        id: 'bundle.backgroundGzKB',
        section: SECTION,
        name: 'background worker, gzipped',
        unit: 'KB',
        stats: single(size.gz),
        anchor: { name: 'raw size', stats: single(size.raw), unit: 'KB' },
        note: 'for context: it carries the corpus and fuse.js, loaded once per session',
      }),
    );
  }
  return figures;
}
