// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, test, vi } from 'vitest';
import type { PageState } from '../../../src/messaging/protocol';
import { PopupView, type PopupViewProps } from '../../../src/ui/popup/PopupView';
import type { PopupInput } from '../../../src/ui/popup-state';
import { analysis, pageState } from './fixtures';
import { root, useRenderRoot } from './render-root';

useRenderRoot();

function show(state: PopupInput, over: Partial<PopupViewProps> = {}) {
  const props: PopupViewProps = {
    state,
    stalled: false,
    site: { host: 'news.example.com', enabled: true, globallyOff: false },
    openInTabHref: 'chrome-extension://id/popup.html?tabId=7',
    optionsHref: 'chrome-extension://id/options.html',
    onCheckAnyway: vi.fn(),
    onRefresh: vi.fn(),
    onScrollToClaim: vi.fn(),
    onSiteChange: vi.fn(),
    ...over,
  };
  act(() => render(<PopupView {...props} />, root));
  return props;
}

const status = () => root.querySelector<HTMLElement>('[role="status"][data-state]');

describe('PopupView status', () => {
  test.each<{ state: PopupInput; expected: string; text: string }>([
    { state: 'loading', expected: 'loading', text: 'Loading…' },
    { state: null, expected: 'unreachable', text: 'cannot read this page' },
    {
      state: pageState({ status: 'not-article', analysis: undefined }),
      expected: 'not-article',
      text: 'Not a news article here.',
    },
    {
      state: pageState({ status: 'checking', analysis: undefined }),
      expected: 'checking',
      text: 'Checking…',
    },
    {
      state: pageState({ status: 'disabled', analysis: undefined }),
      expected: 'disabled',
      text: 'switched off',
    },
    {
      state: pageState({ status: 'error', error: 'corpus failed' }),
      expected: 'error',
      text: 'corpus failed',
    },
    {
      state: pageState({ analysis: { ...analysis(), coverage: [], claims: [] } }),
      expected: 'no-coverage',
      text: 'No corpus coverage',
    },
    { state: pageState(), expected: 'done', text: 'Checked 4 claims' },
  ])('$expected', ({ state, expected, text }) => {
    show(state);
    expect(status()?.dataset.state).toBe(expected);
    expect(status()?.textContent).toContain(text);
  });

  test('offers "Check this page anyway" on a page that is not an article', () => {
    const props = show(pageState({ status: 'not-article', analysis: undefined }));
    const button = [...root.querySelectorAll('button')].find(
      (b) => b.textContent === 'Check this page anyway',
    );
    act(() => button?.click());
    expect(props.onCheckAnyway).toHaveBeenCalledOnce();
  });

  test('offers a refresh once checking has stalled', () => {
    const props = show(pageState({ status: 'checking', analysis: undefined }), { stalled: true });
    expect(status()?.textContent).toContain('Still checking');
    act(() => root.querySelector<HTMLButtonElement>('button')?.click());
    expect(props.onRefresh).toHaveBeenCalledOnce();
  });
});

describe('PopupView results', () => {
  test('counts by verdict match the claims', () => {
    const state = pageState();
    show(state);
    const claims = state.analysis?.claims ?? [];
    for (const verdict of ['conflicting', 'mixed', 'corroborated', 'unverified'] as const) {
      const item = root.querySelector<HTMLElement>(`[data-count-verdict="${verdict}"]`);
      const expected = claims.filter((c) => c.verdict === verdict).length;
      expect(item?.dataset.count).toBe(String(expected));
      expect(item?.querySelector('.cc-count__n')?.textContent).toBe(String(expected));
    }
  });

  test('lists claims in page order with chips and their strongest evidence', () => {
    show(pageState());
    const items = [...root.querySelectorAll<HTMLElement>('[data-claim-index]')];
    expect(items.map((li) => li.dataset.claimIndex)).toEqual(['0', '1', '2', '3']);
    expect(
      items.map((li) => li.querySelector('button [data-verdict]')?.getAttribute('data-verdict')),
    ).toEqual(['conflicting', 'corroborated', 'unverified', 'conflicting']);
    // Claim 1 has two pieces of evidence: the higher-scored one is shown, the other counted.
    expect(items[1]?.querySelectorAll('li[data-statement-id]')).toHaveLength(1);
    expect(items[1]?.querySelector('li[data-statement-id]')?.getAttribute('data-statement-id')).toBe('a1-s3');
    expect(items[1]?.textContent).toContain('1 more source');
    expect(items[2]?.querySelector('.cc-outlets')).toBeNull();
  });

  test('clicking a claim asks to scroll to it by index', () => {
    const props = show(pageState());
    act(() => root.querySelector<HTMLButtonElement>('[data-claim-index="3"] button')?.click());
    expect(props.onScrollToClaim).toHaveBeenCalledWith(3);
  });

  test('names people and organisations with mention counts, not places', () => {
    show(pageState());
    const names = [...root.querySelectorAll<HTMLElement>('[data-entity-id]')];
    expect(names.map((li) => [li.dataset.entityId, li.dataset.mentions])).toEqual([
      ['e-mattis', '3'],
      ['e-pentagon', '1'],
    ]);
    expect(names[0]?.textContent).toContain('3 mentions');
    expect(names[1]?.textContent).toContain('1 mention');
  });

  test('shows coverage per outlet and what the page leaves out', () => {
    show(pageState());
    const hill = root.querySelector<HTMLElement>('[data-coverage-article="a1"]');
    expect(hill?.dataset.corroborates).toBe('1');
    expect(hill?.dataset.conflicts).toBe('1');
    expect(hill?.textContent).toContain('corroborates 1 claim');
    expect(hill?.querySelector('a')?.getAttribute('href')).toMatch(/viewer\.html\?article=a1$/);
    const omitted = [...root.querySelectorAll('section')].find(
      (s) => s.querySelector('h2')?.textContent === 'Not mentioned here',
    );
    expect(omitted?.querySelector('li[data-statement-id="a0-s7"]')?.textContent).toContain(
      'The Kremlin did not reply.',
    );
  });

  test('renders page text as text', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const state: PageState = pageState();
    const base = state.analysis ?? analysis();
    show({ ...state, analysis: { ...base, claims: base.claims.map((c) => ({ ...c, text: hostile })) } });
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('[data-claim-index="0"] .cc-claim__text')?.textContent).toBe(hostile);
  });
});

describe('PopupView controls', () => {
  test('the site switch reports the new value', () => {
    const props = show(pageState());
    const input = root.querySelector<HTMLInputElement>('input[name="site-enabled"]');
    expect(input?.checked).toBe(true);
    expect(root.querySelector(`label[for="${input?.id}"]`)?.textContent).toContain('Highlight on this site');
    act(() => input?.click());
    expect(props.onSiteChange).toHaveBeenCalledWith(false);
  });

  test('links open in a tab and to the options', () => {
    show(pageState());
    const links = [...root.querySelectorAll<HTMLAnchorElement>('nav a')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Open in a tab', 'chrome-extension://id/popup.html?tabId=7'],
      ['Options', 'chrome-extension://id/options.html'],
    ]);
  });

  test('no site switch on a page without a host', () => {
    show(null, { site: null, openInTabHref: null });
    expect(root.querySelector('input[name="site-enabled"]')).toBeNull();
    expect(root.textContent).not.toContain('Open in a tab');
  });
});
