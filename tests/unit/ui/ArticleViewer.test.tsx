// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, test, vi } from 'vitest';
import type { ArticleView } from '../../../src/engine/types';
import { popupToBackground } from '../../../src/messaging/protocol';
import { Viewer } from '../../../src/ui/Viewer';
import { ArticleViewer } from '../../../src/ui/viewer/ArticleViewer';
import { corpusStatement } from './fixtures';
import { offs, root, useRenderRoot, WAIT } from './render-root';

useRenderRoot({ resetBrowser: true });

const statement = (id: string, text: string, start: number) => corpusStatement(id, text, start, 'hill');

const first = 'Mattis is open to talks.';
const second = 'He said so on Tuesday <b>loudly</b>.';
const third = 'The Pentagon declined to comment.';
const view: ArticleView = {
  article: {
    id: 'hill',
    file: '001.txt',
    outlet: 'The Hill',
    title: 'Mattis open to meeting',
    published: '2018-07-17',
  },
  statements: [
    statement('h3', third, first.length + 1 + second.length + 2),
    statement('h1', first, 0),
    statement('h2', second, first.length + 1),
  ],
  links: [
    {
      statementId: 'h2',
      relation: 'conflicts',
      reason: 'weekday-mismatch',
      detail: 'says Monday where this says Tuesday',
      other: {
        statementId: 'c5',
        articleId: 'cnn',
        outlet: 'CNN',
        published: '2018-07-17',
        text: 'He spoke on Monday.',
      },
    },
    {
      statementId: 'h2',
      relation: 'corroborates',
      reason: 'paraphrase',
      detail: 'same statement in other words',
      other: {
        statementId: 't1',
        articleId: 'trt',
        outlet: 'TRT World',
        published: null,
        text: 'He said so.',
      },
    },
    {
      statementId: 'h1',
      relation: 'corroborates',
      reason: 'quote-match',
      detail: 'same quote',
      other: {
        statementId: 'c1',
        articleId: 'cnn',
        outlet: 'CNN',
        published: '2018-07-17',
        text: 'Open to talks.',
      },
    },
  ],
};

describe('ArticleViewer', () => {
  test('shows outlet, title and date, and the text as paragraphs of statements in order', () => {
    act(() => render(<ArticleViewer view={view} statementId={null} />, root));
    expect(root.querySelector('h1')?.textContent).toBe('Mattis open to meeting');
    expect(root.querySelector('header')?.textContent).toContain('The Hill');
    expect(root.querySelector('header time')?.getAttribute('datetime')).toBe('2018-07-17');
    const paragraphs = [...root.querySelectorAll('.cc-viewer__text p')].map((p) =>
      [...p.querySelectorAll('[data-statement-id]')].map((s) => s.getAttribute('data-statement-id')),
    );
    expect(paragraphs).toEqual([['h1', 'h2'], ['h3']]);
    expect(root.querySelector('[data-statement-id="h2"]')?.textContent).toBe(second);
    expect(root.querySelector('b')).toBeNull();
  });

  test('highlights, focuses and scrolls to the requested statement', () => {
    const scrolled = vi.spyOn(HTMLElement.prototype, 'scrollIntoView');
    act(() => render(<ArticleViewer view={view} statementId="h2" />, root));
    const requested = root.querySelector<HTMLElement>('[data-requested="true"].cc-sentence');
    expect(requested?.tagName).toBe('MARK');
    expect(requested?.dataset.statementId).toBe('h2');
    expect(document.activeElement).toBe(requested);
    expect(scrolled.mock.contexts[0]).toBe(requested);
    expect(root.querySelectorAll('mark')).toHaveLength(1);
    scrolled.mockRestore();
  });

  test('marks statements with links and lists the other outlets, each linking to its place', () => {
    act(() => render(<ArticleViewer view={view} statementId={null} />, root));
    const marks = [...root.querySelectorAll<HTMLElement>('.cc-sentence')].map((s) => [
      s.dataset.statementId,
      s.dataset.linked,
    ]);
    expect(marks).toEqual([
      ['h1', 'corroborates'],
      ['h2', 'both'],
      ['h3', undefined],
    ]);
    const entry = root.querySelector('[data-links-for="h2"]');
    const links = [...(entry?.querySelectorAll<HTMLAnchorElement>('li[data-statement-id] a') ?? [])];
    expect(links.map((a) => a.getAttribute('href')?.replace(/^.*\/viewer\.html/, 'viewer.html'))).toEqual([
      'viewer.html?article=cnn&statement=c5',
      'viewer.html?article=trt&statement=t1',
    ]);
    expect(entry?.textContent).toContain('says Monday where this says Tuesday');
    // The note after a linked statement leads to its entry, and the entry back to the statement.
    expect(root.querySelector('.cc-footnote a')?.getAttribute('href')).toBe('#links-h1');
    expect(entry?.querySelector('.cc-links__this a')?.getAttribute('href')).toBe('#s-h2');
  });

  test('says so when the requested statement is not in the article', () => {
    act(() => render(<ArticleViewer view={view} statementId="nope" />, root));
    expect(root.textContent).toContain('The requested statement is not in this article');
    expect(root.querySelector('mark')).toBeNull();
  });
});

describe('Viewer container', () => {
  test('loads the article named in the query', async () => {
    offs.push(
      popupToBackground.onMessage('getArticle', ({ data }) => (data.articleId === 'hill' ? view : null)),
    );
    act(() => render(<Viewer search="?article=hill&statement=h1" />, root));
    await vi.waitFor(() => expect(root.querySelector('main')?.dataset.state).toBe('ready'), WAIT);
    expect(root.querySelector('mark')?.getAttribute('data-statement-id')).toBe('h1');
    // The title is set in an effect, after the paint that shows the article.
    await vi.waitFor(() => expect(document.title).toBe('Mattis open to meeting · Crosscheck'), WAIT);
  });

  test.each(['?article=unknown&statement=x', '', '?statement=x'])('handles %j gracefully', async (search) => {
    offs.push(popupToBackground.onMessage('getArticle', () => null));
    act(() => render(<Viewer search={search} />, root));
    await vi.waitFor(() => expect(root.querySelector('main')?.dataset.state).toBe('not-found'), WAIT);
    expect(root.querySelector('h1')?.textContent).toBe('Evidence viewer');
    expect(root.textContent).toContain('This article is not in the corpus in use.');
  });
});
