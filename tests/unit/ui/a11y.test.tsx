// @vitest-environment happy-dom
import axe from 'axe-core';
import { render, type VNode } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { ArticleViewer } from '../../../src/ui/viewer/ArticleViewer';
import { OptionsView } from '../../../src/ui/options/OptionsView';
import { PopupView } from '../../../src/ui/popup/PopupView';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings';
import { Tooltip } from '../../../src/ui/Tooltip';
import { claim, corpusStatement, entity, evidence, pageState } from './fixtures';
import { installMessages } from './i18n-stub';

// Structural accessibility of each view with axe-core: names, labels, roles,
// ARIA and landmarks. Colour contrast needs a real layout engine and is left
// to the end-to-end run; the colour pairs are listed in styles/tokens.css.

beforeEach(() => {
  installMessages();
  document.documentElement.lang = 'en';
  document.title = 'Crosscheck';
});
afterEach(() => {
  render(null, document.body);
});

async function violations(view: VNode) {
  act(() => render(view, document.body));
  const results = await axe.run(document, {
    rules: { 'color-contrast': { enabled: false } },
  });
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

const noop = vi.fn();

test.each([
  [
    'popup with results',
    <PopupView
      state={pageState()}
      stalled={false}
      site={{ host: 'news.example.com', enabled: true, globallyOff: false }}
      openInTabHref="chrome-extension://id/popup.html?tabId=1"
      optionsHref="chrome-extension://id/options.html"
      onCheckAnyway={noop}
      onRefresh={noop}
      onScrollToClaim={noop}
      onSiteChange={noop}
    />,
  ],
  [
    'popup on a page that is not an article',
    <PopupView
      state={pageState({ status: 'not-article', analysis: undefined })}
      stalled={false}
      site={{ host: 'news.example.com', enabled: false, globallyOff: true }}
      openInTabHref={null}
      optionsHref="chrome-extension://id/options.html"
      onCheckAnyway={noop}
      onRefresh={noop}
      onScrollToClaim={noop}
      onSiteChange={noop}
    />,
  ],
  [
    'options',
    <OptionsView
      settings={{ ...DEFAULT_SETTINGS, allowSites: ['a.example'] }}
      repaired
      corpus={{
        source: 'imported',
        articles: [{ id: 'a', file: 'a.txt', outlet: 'CNN', title: 'Title', published: null }],
        statements: 3,
        relations: 1,
      }}
      corpusAction={{ kind: 'error', message: 'bad file' }}
      onSettingsChange={noop}
      onImport={noop}
      onReset={noop}
    />,
  ],
  [
    'viewer',
    <ArticleViewer
      statementId="s1"
      view={{
        article: { id: 'a', file: 'a.txt', outlet: 'CNN', title: 'Title', published: '2018-07-17' },
        statements: [corpusStatement('s1', 'One.', 0), corpusStatement('s2', 'Two.', 6)],
        links: [
          {
            statementId: 's1',
            relation: 'conflicts',
            reason: 'number-mismatch',
            detail: 'says 3 where this says 4',
            other: {
              statementId: 'o1',
              articleId: 'b',
              outlet: 'TRT World',
              published: null,
              text: 'Three.',
            },
          },
        ],
      }}
    />,
  ],
  [
    'claim tooltip',
    <main>
      <Tooltip
        target={{ kind: 'claim', claim: claim({ verdict: 'corroborated', evidence: [evidence()] }) }}
        onClose={noop}
      />
    </main>,
  ],
  [
    'name tooltip',
    <main>
      <Tooltip target={{ kind: 'entity', entity: entity(), statements: [evidence()] }} onClose={noop} />
    </main>,
  ],
])('%s has no axe violations', async (_name, view) => {
  expect(await violations(view)).toEqual([]);
});
