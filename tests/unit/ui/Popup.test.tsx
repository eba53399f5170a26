// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { expect, test, vi } from 'vitest';
import { popupToBackground } from '../../../src/messaging/protocol';
import type { WirePageState } from '../../../src/messaging/analysis-wire';
import { loadSettings } from '../../../src/settings/settings';
import { Popup } from '../../../src/ui/Popup';
import { wirePageState } from './fixtures';
import { offs, root, useRenderRoot, WAIT } from './render-root';

// The container through the real messaging layer, with the fake browser's
// runtime carrying messages to handlers that stand in for the background.

useRenderRoot({ resetBrowser: true });

const dataState = () => root.querySelector<HTMLElement>('[data-state]')?.dataset.state;

test('polls a checking tab until it is done, then shows its results', async () => {
  const answers: WirePageState[] = [
    wirePageState({ status: 'checking', analysis: undefined }),
    wirePageState({ status: 'checking', analysis: undefined }),
    wirePageState(),
  ];
  const asked: number[] = [];
  offs.push(
    popupToBackground.onMessage('pingTab', ({ data }) => {
      asked.push(data.tabId);
      return answers.shift() ?? wirePageState();
    }),
  );
  act(() => render(<Popup search="?tabId=5" />, root));
  await vi.waitFor(() => expect(dataState()).toBe('checking'), WAIT);
  await vi.waitFor(() => expect(dataState()).toBe('done'), { timeout: 4000 });
  expect(asked).toEqual([5, 5, 5]);
  expect(root.querySelectorAll('[data-claim-index]')).toHaveLength(4);
  // Already in a tab: no link to open itself again.
  expect(root.textContent).not.toContain('Open in a tab');
});

test('shows "unreachable" when no content script answers', async () => {
  offs.push(popupToBackground.onMessage('pingTab', () => null));
  act(() => render(<Popup search="?tabId=9" />, root));
  await vi.waitFor(() => expect(dataState()).toBe('unreachable'), WAIT);
});

test('sends a claim click to the tab and the site switch to the deny list', async () => {
  const scrolled: Array<{ tabId: number; index: number }> = [];
  // Stands in for a content script that follows the deny list.
  offs.push(
    popupToBackground.onMessage('pingTab', async () =>
      (await loadSettings()).settings.denySites.length > 0
        ? wirePageState({ status: 'disabled', analysis: undefined })
        : wirePageState(),
    ),
  );
  offs.push(
    popupToBackground.onMessage('scrollToClaim', ({ data }) => {
      scrolled.push(data);
      return true;
    }),
  );
  act(() => render(<Popup search="?tabId=3" />, root));
  await vi.waitFor(() => expect(root.querySelector('input[name="site-enabled"]')).not.toBeNull(), WAIT);

  act(() => root.querySelector<HTMLButtonElement>('[data-claim-index="1"] button')?.click());
  await vi.waitFor(() => expect(scrolled).toEqual([{ tabId: 3, index: 1 }]), WAIT);

  act(() => root.querySelector<HTMLInputElement>('input[name="site-enabled"]')?.click());
  await vi.waitFor(async () =>
    expect((await loadSettings()).settings.denySites).toEqual(['news.example.com']),
  );
  act(() => root.querySelector<HTMLInputElement>('input[name="site-enabled"]')?.click());
  await vi.waitFor(async () => expect((await loadSettings()).settings.denySites).toEqual([]), WAIT);
  await vi.waitFor(() => expect(dataState()).toBe('done'), WAIT);
});

test('"Check this page anyway" asks the tab and shows the new state', async () => {
  offs.push(
    popupToBackground.onMessage('pingTab', () =>
      wirePageState({ status: 'not-article', analysis: undefined }),
    ),
  );
  offs.push(popupToBackground.onMessage('checkAnyway', () => wirePageState()));
  act(() => render(<Popup search="?tabId=4" />, root));
  await vi.waitFor(() => expect(dataState()).toBe('not-article'), WAIT);
  act(() =>
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Check this page anyway')?.click(),
  );
  await vi.waitFor(() => expect(dataState()).toBe('done'), WAIT);
});
