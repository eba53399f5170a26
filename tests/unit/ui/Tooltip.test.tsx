// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, test, vi } from 'vitest';
import { Tooltip, type TooltipTarget } from '../../../src/ui/Tooltip';
import { claim, entity, evidence } from './fixtures';
import { root, useRenderRoot } from './render-root';

useRenderRoot();

function show(target: TooltipTarget, onClose = vi.fn(), onOpenStatement?: (ref: unknown) => void) {
  act(() => render(<Tooltip target={target} onClose={onClose} onOpenStatement={onOpenStatement} />, root));
  const dialog = root.querySelector<HTMLElement>('[role="dialog"]');
  if (!dialog) throw new Error('no dialog');
  return dialog;
}

const hostile = '<img src=x onerror=alert(1)>';

describe('Tooltip for a claim', () => {
  const target: TooltipTarget = {
    kind: 'claim',
    claim: claim({
      verdict: 'mixed',
      evidence: [
        evidence({ relation: 'corroborates', outlet: 'CNN', statementId: 'c1', articleId: 'cnn' }),
        evidence({
          relation: 'conflicts',
          outlet: 'The Hill',
          statementId: 'h1',
          reason: 'says 2015 where this says 2014',
        }),
        evidence({
          relation: 'corroborates',
          outlet: 'CNN',
          statementId: 'c2',
          articleId: 'cnn',
          text: hostile,
        }),
      ],
    }),
  };

  test('is a dialog labelled by its heading', () => {
    const dialog = show(target);
    const title = root.querySelector(`#${CSS.escape(dialog.getAttribute('aria-labelledby') ?? '')}`);
    expect(title?.textContent).toBe('What other outlets say');
    expect(dialog.dataset.kind).toBe('claim');
  });

  test('says up front which outlets corroborate and which contradict', () => {
    show(target);
    expect(root.querySelector('[data-summary="corroborates"]')?.textContent).toBe('Corroborated by CNN');
    expect(root.querySelector('[data-summary="conflicts"]')?.textContent).toBe('Contradicted by The Hill');
  });

  test('a statement that is itself a quotation keeps its own quotation marks only', () => {
    const quoted: TooltipTarget = {
      kind: 'claim',
      claim: claim({ evidence: [evidence({ statementId: 'q1', text: '“We agree,” she said.' })] }),
    };
    show(quoted);
    expect(root.querySelector('li[data-statement-id="q1"] q')?.classList.contains('cc-own-quotes')).toBe(
      true,
    );
    show(target);
    expect(root.querySelector('li[data-statement-id="c1"] q')?.classList.contains('cc-own-quotes')).toBe(
      false,
    );
  });

  test('shows the verdict as icon and word', () => {
    show(target);
    const chip = root.querySelector('.cc-verdict-line [data-verdict]');
    expect(chip?.getAttribute('data-verdict')).toBe('mixed');
    expect(chip?.textContent).toContain('Mixed');
  });

  test('groups evidence by outlet, conflicts first, with relation, date, reason and viewer link', () => {
    show(target);
    const outlets = [...root.querySelectorAll<HTMLElement>('li.cc-outlet')].map((li) => li.dataset.outlet);
    expect(outlets).toEqual(['The Hill', 'CNN']);
    const cnn = [...root.querySelectorAll('li.cc-outlet[data-outlet="CNN"] li[data-statement-id]')];
    expect(cnn.map((li) => li.getAttribute('data-statement-id'))).toEqual(['c1', 'c2']);
    const hill = root.querySelector('li[data-statement-id="h1"]');
    expect(hill?.getAttribute('data-relation')).toBe('conflicts');
    expect(hill?.textContent).toContain('Conflicts');
    expect(hill?.querySelector('time')?.getAttribute('datetime')).toBe('2018-07-17');
    expect(hill?.textContent).toContain('says 2015 where this says 2014');
    const href = hill?.querySelector('a')?.getAttribute('href') ?? '';
    expect(href).toMatch(/\/viewer\.html\?article=a1&statement=h1$/);
  });

  test('renders corpus text as text, never as markup', () => {
    show(target);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('li[data-statement-id="c2"] q')?.textContent).toBe(hostile);
  });

  test('closes on Escape and on its close button', () => {
    const onClose = vi.fn();
    const dialog = show(target, onClose);
    act(() => {
      dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(onClose).toHaveBeenCalledTimes(1);
    act(() => root.querySelector<HTMLButtonElement>('button[aria-label="Close"]')?.click());
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  test('hands evidence link clicks to the host when asked to', () => {
    const opened: unknown[] = [];
    show(target, vi.fn(), (ref) => opened.push(ref));
    const link = root.querySelector<HTMLAnchorElement>('li[data-statement-id="h1"] a');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    act(() => {
      link?.dispatchEvent(click);
    });
    expect(opened).toEqual([{ articleId: 'a1', statementId: 'h1' }]);
    expect(click.defaultPrevented).toBe(true);
  });

  test('says so when there is no evidence', () => {
    show({ kind: 'claim', claim: claim() });
    expect(root.textContent).toContain('No other outlet in the corpus reports this.');
    expect(root.querySelector('.cc-outlets')).toBeNull();
  });
});

describe('Tooltip for a name', () => {
  test('shows name, kind, other names seen and what each outlet says', () => {
    const dialog = show({
      kind: 'entity',
      entity: entity({ aliases: ['James Mattis', 'Mattis', 'Jim Mattis'] }),
      statements: [
        { outlet: 'CNN', published: null, text: `Mattis ${hostile}`, articleId: 'cnn', statementId: 'c9' },
        {
          outlet: 'TRT World',
          published: '2017-02-16',
          text: 'Mattis spoke.',
          articleId: 'trt',
          statementId: 't1',
        },
      ],
    });
    expect(dialog.dataset.kind).toBe('entity');
    expect(root.querySelector('h2')?.textContent).toBe('James Mattis');
    expect(root.textContent).toContain('Person');
    expect(root.textContent).toContain('Also named: Mattis, Jim Mattis');
    expect([...root.querySelectorAll<HTMLElement>('li.cc-outlet')].map((li) => li.dataset.outlet)).toEqual([
      'CNN',
      'TRT World',
    ]);
    expect(root.querySelector('li[data-statement-id="c9"]')?.textContent).toContain('Undated');
    expect(root.querySelector('img')).toBeNull();
  });

  test('names not in the corpus say so', () => {
    show({ kind: 'entity', entity: entity({ known: false, aliases: [] }), statements: [] });
    expect(root.textContent).toContain('not in the corpus');
    expect(root.textContent).toContain('No other outlet in the corpus mentions this name.');
  });
});
