// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { injectMarkStyles, markStyles } from '../../../src/page/mark-styles';
import { buildTextMap } from '../../../src/page/text-map';
import { loadHtml } from './dom-helpers';

/** Every selector of every style rule (inside @media too), comments removed. */
function selectors(css: string): string[] {
  const found: string[] = [];
  const clean = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const match of clean.matchAll(/([^{}]+)\{/g)) {
    const prelude = (match[1] ?? '').trim();
    if (prelude.startsWith('@')) continue;
    found.push(...prelude.split(',').map((s) => s.trim()));
  }
  return found;
}

/** The declarations of the rule whose selector list contains exactly `selector`. */
function declarations(css: string, selector: string): string {
  const clean = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const match of clean.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const list = (match[1] ?? '').split(',').map((s) => s.trim());
    if (list.includes(selector)) return match[2] ?? '';
  }
  return '';
}

describe('markStyles', () => {
  test.each([['subtle' as const], ['hidden' as const]])(
    'every selector targets only our marks (%s)',
    (unverified) => {
      const all = selectors(markStyles({ unverified }));
      expect(all.length).toBeGreaterThan(10);
      for (const selector of all) expect(selector).toMatch(/^crosscheck-mark(?=[\s[:]|$)/);
    },
  );

  test.each([
    ['corroborated', 'solid'],
    ['conflicting', 'wavy'],
    ['mixed', 'dashed'],
    ['unverified', 'dotted'],
  ])('%s claims differ by underline style, not colour alone (%s)', (verdict, style) => {
    const css = markStyles();
    const rule = declarations(css, `crosscheck-mark[data-kind="claim"][data-verdict="${verdict}"]`);
    expect(rule).toContain(`text-decoration-style: ${style}`);
  });

  test('lines use the text colour, so they contrast like the page text in light and dark themes', () => {
    const css = markStyles();
    expect(declarations(css, 'crosscheck-mark[data-kind="claim"]')).toContain(
      'text-decoration-color: currentColor',
    );
    expect(declarations(css, 'crosscheck-mark[data-kind="entity"]')).toContain('currentColor');
    expect(declarations(css, 'crosscheck-mark[tabindex]:focus-visible')).toContain(
      'outline: 2px solid currentColor',
    );
  });

  test('unverified claims can be hidden', () => {
    const rule = declarations(
      markStyles({ unverified: 'hidden' }),
      'crosscheck-mark[data-kind="claim"][data-verdict="unverified"]',
    );
    expect(rule).toContain('text-decoration: none');
  });
});

describe('injectMarkStyles', () => {
  const blank = () => loadHtml('<!doctype html><html><head></head><body><p>Maria Keller</p></body></html>');
  const ours = (doc: Document) => doc.querySelectorAll('style[data-crosscheck-ui]');

  test('adds one stylesheet to <head>, and a second call reuses it', () => {
    const doc = blank();
    injectMarkStyles(doc);
    injectMarkStyles(doc, { unverified: 'hidden' });
    expect(ours(doc)).toHaveLength(1);
    expect(ours(doc)[0]?.parentElement).toBe(doc.head);
    expect(ours(doc)[0]?.textContent).toBe(markStyles({ unverified: 'hidden' }));
  });

  test('update rewrites it and puts it back if the page removed it; remove takes it out', () => {
    const doc = blank();
    const handle = injectMarkStyles(doc);
    ours(doc)[0]?.remove();
    handle.update({ unverified: 'hidden' });
    expect(ours(doc)).toHaveLength(1);
    expect(ours(doc)[0]?.textContent).toContain('text-decoration: none');
    handle.remove();
    expect(ours(doc)).toHaveLength(0);
  });

  test('is tagged as our UI, so the text map and the DOM watcher pass over it', () => {
    const doc = blank();
    doc.head.remove();
    injectMarkStyles(doc);
    const style = ours(doc)[0];
    expect(style?.parentElement).toBe(doc.documentElement);
    expect(buildTextMap(doc.documentElement).text).toBe('Maria Keller');
  });

  test('parses as CSS', () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(markStyles());
    expect(sheet.cssRules.length).toBeGreaterThan(10);
  });
});
