import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { installMessages } from './i18n-stub';

/** Room for a loaded CI machine; vi.waitFor's default is one second. */
export const WAIT = { timeout: 5_000 };

/** The element the current test renders into: a live binding, a new element for each test. */
export let root: HTMLElement;

/** What the current test must undo once it ends (message handlers it registered). */
export const offs: Array<() => void> = [];

/**
 * Gives each test of the calling file a fresh element in the document to
 * render into, with the UI strings installed and, with `resetBrowser`, WXT's
 * fake browser reset; after the test, unmounts the view, removes the element
 * and runs `offs`.
 */
export function useRenderRoot(options: { resetBrowser?: boolean } = {}): void {
  beforeEach(() => {
    if (options.resetBrowser) fakeBrowser.reset();
    installMessages();
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
    offs.splice(0).forEach((off) => off());
  });
}
