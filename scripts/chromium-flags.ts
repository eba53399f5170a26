/**
 * How this repository starts Chromium: the benchmark, the demo and the
 * end-to-end tests all run Debian's build (Playwright's own browser download
 * does not work on these machines) with the same flags.
 */

/** Debian's Chromium, which CI installs with apt. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * The browser runs as root here, so without its sandbox; without a GPU; and
 * without its own background traffic (component updates, sync, first-run
 * pages, QUIC), so that the pages under test are all it asks the network for.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Loads the unpacked extension in `dir`, and no other. */
export function extensionArgs(dir: string): string[] {
  return [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`];
}
