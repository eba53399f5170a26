import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file so tests run from any working directory. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Where `npm run build` writes; CROSSCHECK_OUT_DIR moves it (wxt.config.ts reads the same variable). */
const OUT_DIR = path.resolve(REPO_ROOT, process.env.CROSSCHECK_OUT_DIR || '.output');

/** The unpacked Chromium build that `npm run build` writes. */
export const CHROME_BUILD_DIR = path.join(OUT_DIR, 'chrome-mv3');

/** The unpacked Firefox build that `npm run build` writes. */
export const FIREFOX_BUILD_DIR = path.join(OUT_DIR, 'firefox-mv2');

/** HTML pages the fixture server hands to the browsers. */
export const FIXTURE_PAGES_DIR = path.join(REPO_ROOT, 'tests/fixtures/pages');

/** The add-on id that wxt.config.ts writes into the Firefox manifest. */
export const GECKO_ID = 'crosscheck@crosscheck.dev';

/**
 * Returns `dir` if it holds a built extension, and otherwise throws an error
 * that says how to build one. End-to-end tests load the unpacked folders,
 * never the store zips, so `npm run zip` is not needed.
 */
export function requireBuild(dir: string): string {
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`No built extension at ${dir}. Run \`npm run build\` before the end-to-end tests.`);
  }
  return dir;
}
