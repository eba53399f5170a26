// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing';
import { describe, expect, test, vi } from 'vitest';
import type { CorpusInfo } from '../../../src/engine/types';
import { popupToBackground } from '../../../src/messaging/protocol';
import { DEFAULT_SETTINGS, loadSettings, settingsItem } from '../../../src/settings/settings';
import { Options } from '../../../src/ui/Options';
import { OptionsView, type OptionsViewProps } from '../../../src/ui/options/OptionsView';
import { offs, root, useRenderRoot, WAIT } from './render-root';

useRenderRoot({ resetBrowser: true });

const bundled: CorpusInfo = {
  source: 'bundled',
  articles: [
    {
      id: 'a0',
      file: '000.txt',
      outlet: 'CNN',
      title: 'Defense secretary open to talks',
      published: '2018-07-17',
    },
    { id: 'a3', file: '003.txt', outlet: 'The Monitor', title: 'Mattis: not in a position', published: null },
  ],
  statements: 120,
  relations: 30,
};

function showView(over: Partial<OptionsViewProps> = {}) {
  const props: OptionsViewProps = {
    settings: { ...DEFAULT_SETTINGS, denySites: ['b.example'] },
    repaired: false,
    corpus: bundled,
    corpusAction: { kind: 'idle' },
    onSettingsChange: vi.fn(),
    onImport: vi.fn(),
    onReset: vi.fn(),
    ...over,
  };
  act(() => render(<OptionsView {...props} />, root));
  return props;
}

function chooseFile(file: File) {
  const input = root.querySelector<HTMLInputElement>('input[name="corpus-file"]');
  if (!input) throw new Error('no file input');
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('OptionsView', () => {
  test('highlight mode is a labelled radio group', () => {
    const props = showView();
    const radios = [...root.querySelectorAll<HTMLInputElement>('input[name="highlight-mode"]')];
    expect(radios.map((r) => [r.value, r.checked])).toEqual([
      ['all', true],
      ['evidence', false],
      ['names', false],
      ['off', false],
    ]);
    expect(root.querySelector('fieldset legend')?.textContent).toBe('What to mark on news pages');
    act(() => radios[2]?.click());
    expect(props.onSettingsChange).toHaveBeenCalledWith({ highlightMode: 'names' });
  });

  test('tooltip delay saves valid values and flags invalid ones', () => {
    const props = showView();
    const input = root.querySelector<HTMLInputElement>('input[name="tooltip-delay"]');
    if (!input) throw new Error('no delay input');
    const commit = (value: string) =>
      act(() => {
        input.value = value;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
    commit('750');
    expect(props.onSettingsChange).toHaveBeenCalledWith({ tooltipDelay: 750 });
    commit('9000');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(root.textContent).toContain('Enter a whole number from 0 to 5000.');
    expect(props.onSettingsChange).toHaveBeenCalledTimes(1);
  });

  test('site lists add a normalised host and remove one', () => {
    const props = showView();
    const deny = root.querySelector('[data-site-list="deny"]');
    expect(
      [...(deny?.querySelectorAll('[data-host]') ?? [])].map((li) => li.getAttribute('data-host')),
    ).toEqual(['b.example']);
    const input = deny?.querySelector<HTMLInputElement>('input[name="deny-site"]');
    act(() => {
      if (!input) return;
      input.value = 'https://A.example/news';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => {
      deny?.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(props.onSettingsChange).toHaveBeenLastCalledWith({ denySites: ['a.example', 'b.example'] });
    act(() => deny?.querySelector<HTMLButtonElement>('[data-host="b.example"] button')?.click());
    expect(props.onSettingsChange).toHaveBeenLastCalledWith({ denySites: [] });
  });

  test('a site that is not a host is refused with a message', () => {
    const props = showView();
    const allow = root.querySelector('[data-site-list="allow"]');
    const input = allow?.querySelector<HTMLInputElement>('input[name="allow-site"]');
    act(() => {
      if (!input) return;
      input.value = 'not a site';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => {
      allow?.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(props.onSettingsChange).not.toHaveBeenCalled();
    expect(input?.getAttribute('aria-invalid')).toBe('true');
    const errorId = input?.getAttribute('aria-describedby') ?? '';
    expect(root.querySelector(`#${CSS.escape(errorId)}`)?.textContent).toContain('Enter a site name');
  });

  test('shows the corpus in use as a table of outlet, title and date', () => {
    showView();
    const rows = [...root.querySelectorAll('table[data-corpus-articles] tbody tr')];
    expect(rows.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent))).toEqual([
      ['CNN', 'Defense secretary open to talks', expect.stringContaining('2018')],
      ['The Monitor', 'Mattis: not in a position', 'Undated'],
    ]);
    expect(root.querySelector('[data-corpus-source]')?.textContent).toContain('2 articles, 120 statements');
  });

  test('shows a notice when settings were repaired', () => {
    showView({ repaired: true });
    expect(root.querySelector('[data-settings-repaired]')?.textContent).toContain('reset to their defaults');
  });

  test.each([
    ['Alt+Shift+H', 'Keyboard shortcut to show or hide highlights: Alt+Shift+H'],
    [null, 'No keyboard shortcut is set'],
  ])('names the show/hide shortcut (%s)', (shortcut, text) => {
    showView({ shortcut });
    expect(root.querySelector('[data-shortcut]')?.textContent).toContain(text);
  });

  test('shows why the corpus changed by itself', () => {
    showView({ corpusNotice: 'Your imported corpus could not be read; using the bundled one.' });
    expect(root.querySelector('[data-corpus-notice]')?.textContent).toContain('could not be read');
  });

  test('a chosen file goes to onImport', () => {
    const props = showView();
    const file = new File(['{}'], 'corpus.json', { type: 'application/json' });
    chooseFile(file);
    expect(props.onImport).toHaveBeenCalledWith(file);
  });
});

describe('Options container', () => {
  test('a bad corpus gives a clear error and the old corpus stays listed', async () => {
    offs.push(popupToBackground.onMessage('getCorpusInfo', () => bundled));
    offs.push(
      popupToBackground.onMessage('importCorpus', ({ data }) =>
        data.json === 'not json' ? { ok: false, error: 'not valid JSON.' } : { ok: true, info: bundled },
      ),
    );
    act(() => render(<Options />, root));
    await vi.waitFor(() => expect(root.querySelectorAll('table tbody tr')).toHaveLength(2), WAIT);
    chooseFile(new File(['not json'], 'corpus.json'));
    const action = () => root.querySelector<HTMLElement>('[data-corpus-action]');
    await vi.waitFor(() => expect(action()?.dataset.corpusAction).toBe('error'), WAIT);
    expect(action()?.textContent).toBe('Import failed: not valid JSON. The corpus in use has not changed.');
    expect(action()?.getAttribute('role')).toBe('status');
    expect(root.querySelectorAll('table tbody tr')).toHaveLength(2);
  });

  test('a good corpus replaces the listed one; reset goes back', async () => {
    const imported: CorpusInfo = { ...bundled, source: 'imported', articles: bundled.articles.slice(0, 1) };
    offs.push(popupToBackground.onMessage('getCorpusInfo', () => bundled));
    offs.push(popupToBackground.onMessage('importCorpus', () => ({ ok: true, info: imported })));
    offs.push(popupToBackground.onMessage('resetCorpus', () => bundled));
    act(() => render(<Options />, root));
    await vi.waitFor(() => expect(root.querySelectorAll('table tbody tr')).toHaveLength(2), WAIT);
    chooseFile(new File(['{"schema":1}'], 'corpus.json'));
    await vi.waitFor(() => expect(root.querySelectorAll('table tbody tr')).toHaveLength(1), WAIT);
    expect(root.querySelector('[data-corpus-action]')?.textContent).toContain(
      'Imported a corpus of 1 article.',
    );
    act(() =>
      [...root.querySelectorAll('button')]
        .find((b) => b.textContent === 'Reset to the bundled corpus')
        ?.click(),
    );
    await vi.waitFor(() => expect(root.querySelectorAll('table tbody tr')).toHaveLength(2), WAIT);
    expect(root.querySelector<HTMLElement>('[data-corpus-action]')?.dataset.corpusAction).toBe('reset');
  });

  test('reads the shortcut of the toggle command', async () => {
    offs.push(popupToBackground.onMessage('getCorpusInfo', () => bundled));
    fakeBrowser.commands.getAll = async () => [{ name: 'toggle-highlights', shortcut: 'Alt+Shift+H' }];
    act(() => render(<Options />, root));
    await vi.waitFor(() => expect(root.querySelector('[data-shortcut="Alt+Shift+H"]')).not.toBeNull(), WAIT);
  });

  test('repairs corrupt settings, says so, and saves changes', async () => {
    offs.push(popupToBackground.onMessage('getCorpusInfo', () => bundled));
    await settingsItem.setValue({ highlightMode: 'sparkles', tooltipDelay: 200 });
    act(() => render(<Options />, root));
    await vi.waitFor(() => expect(root.querySelector('[data-settings-repaired]')).not.toBeNull(), WAIT);
    act(() =>
      root.querySelector<HTMLInputElement>('input[name="highlight-mode"][value="evidence"]')?.click(),
    );
    await vi.waitFor(
      async () => expect((await loadSettings()).settings.highlightMode).toBe('evidence'),
      WAIT,
    );
    expect((await loadSettings()).settings.tooltipDelay).toBe(200);
  });
});
