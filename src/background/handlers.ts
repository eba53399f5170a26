import { browser } from 'wxt/browser';
import {
  backgroundToContent,
  contentToBackground,
  popupToBackground,
  type EntityStatement,
} from '../messaging/protocol';
import { analyzePage } from '../engine/analyze-page';
import { packAnalysis, tabReport, type TabReport } from '../messaging/analysis-wire';
import type { ArticleView } from '../engine/types';
import type { CorpusIndex } from '../engine/corpus-index';
import { plainStatement } from '../engine/stored-corpus';
import {
  corpusInfo,
  importCorpus,
  loadCorpus,
  reloadWhenStoredCorpusChanges,
  resetCorpus,
} from './corpus-store';
import { showBadge } from './tab-badge';
import { StagedTexts } from './staged-texts';
import { viewerUrl } from '../ui/viewer-url';

/** Statements per outlet shown in a name's tooltip. */
const STATEMENTS_PER_OUTLET = 2;

function articleView(index: CorpusIndex, articleId: string): ArticleView | null {
  const article = index.articles.get(articleId);
  if (!article) return null;
  const numbers = index.statementsOf.get(articleId) ?? [];
  // Plain copies: a stored statement reads its names from the index's columns, which do not cross the channel.
  const statements = numbers.map((i) => plainStatement(index.corpus.statements[i]!));
  const links = numbers.flatMap((i) => {
    const s = index.corpus.statements[i]!;
    return index.relationsOf(i).map(({ relation: r, other: otherNumber }) => {
      const other = index.corpus.statements[otherNumber]!;
      const otherArticle = index.articleOf[otherNumber]!;
      return {
        statementId: s.id,
        relation: r.relation,
        reason: r.reason,
        detail: r.detail,
        other: {
          statementId: other.id,
          articleId: otherArticle.id,
          outlet: otherArticle.outlet,
          published: otherArticle.published,
          text: other.text,
        },
      };
    });
  });
  return { article, statements, links };
}

function entityStatements(index: CorpusIndex, entityId: string): EntityStatement[] {
  const perOutlet = new Map<string, number>();
  const out: EntityStatement[] = [];
  // From the corpus's entity columns: asking every statement for its entities would build an array each.
  for (const i of index.corpus.statementsNaming(entityId)) {
    const s = index.corpus.statements[i]!;
    if (!s.checkworthy) continue;
    const article = index.articleOf[i]!;
    const count = perOutlet.get(article.outlet) ?? 0;
    if (count >= STATEMENTS_PER_OUTLET) continue;
    perOutlet.set(article.outlet, count + 1);
    out.push({
      outlet: article.outlet,
      published: article.published,
      articleId: article.id,
      statementId: s.id,
      text: s.text,
    });
  }
  return out;
}

/**
 * Wires the background's message handlers. Tab states live in memory only:
 * MV3 may stop the worker, and the popup then asks the tab again (pingTab).
 */
export function registerBackgroundHandlers(): void {
  // Load and warm the corpus when the worker starts, not when the first page asks.
  void loadCorpus();
  reloadWhenStoredCorpusChanges();
  const tabStates = new Map<number, TabReport>();
  const remember = (tabId: number, report: TabReport) => {
    tabStates.set(tabId, report);
    void showBadge(tabId, report);
  };
  const askTab = async <T>(ask: () => Promise<T>): Promise<T | null> => {
    try {
      return await ask();
    } catch {
      // No content script in that tab: a browser page, or one loaded before the extension.
      return null;
    }
  };

  const staged = new StagedTexts();
  contentToBackground.onMessage('sendTextPart', ({ data }) => staged.add(data.key, data.index, data.part));
  contentToBackground.onMessage('analyzeText', async ({ data }) => {
    const { url, title, published } = data;
    const text = 'text' in data ? data.text : staged.take(data.staged.key, data.staged.parts);
    return packAnalysis(analyzePage((await loadCorpus()).index, { text, url, title, published }), text);
  });
  contentToBackground.onMessage('reportState', ({ data, sender }) => {
    if (sender.tab?.id !== undefined) remember(sender.tab.id, data);
  });
  contentToBackground.onMessage('entityStatements', async ({ data }) =>
    entityStatements((await loadCorpus()).index, data.entityId),
  );

  contentToBackground.onMessage('openViewer', async ({ data, sender }) => {
    await browser.tabs.create({
      url: viewerUrl(data),
      ...(sender.tab?.index !== undefined ? { index: sender.tab.index + 1 } : {}),
    });
  });

  popupToBackground.onMessage('getTabState', ({ data }) => tabStates.get(data.tabId) ?? null);
  popupToBackground.onMessage('pingTab', async ({ data }) => {
    const state = await askTab(() => backgroundToContent.sendMessage('getState', undefined, data.tabId));
    if (state) remember(data.tabId, tabReport(state));
    return state ?? tabStates.get(data.tabId) ?? null;
  });
  popupToBackground.onMessage(
    'scrollToClaim',
    async ({ data }) =>
      (await askTab(() =>
        backgroundToContent.sendMessage('scrollToClaim', { index: data.index }, data.tabId),
      )) ?? false,
  );
  popupToBackground.onMessage('checkAnyway', async ({ data }) => {
    const state = await askTab(() => backgroundToContent.sendMessage('checkAnyway', undefined, data.tabId));
    if (state) remember(data.tabId, tabReport(state));
    return state;
  });
  popupToBackground.onMessage('getArticle', async ({ data }) =>
    articleView((await loadCorpus()).index, data.articleId),
  );
  popupToBackground.onMessage('getCorpusInfo', () => corpusInfo());
  popupToBackground.onMessage('importCorpus', ({ data }) => importCorpus(data.json));
  popupToBackground.onMessage('resetCorpus', () => resetCorpus());

  // No tabs.onUpdated or onRemoved listener: either would start this worker, and load and warm its
  // corpus, on every page load and tab close in the browser. The browser clears a tab's badge when
  // the tab navigates, and the tab states last only as long as this worker does.
  browser.commands?.onCommand.addListener(async (command) => {
    if (command !== 'toggle-highlights') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) {
      await askTab(() => backgroundToContent.sendMessage('toggleHighlights', undefined, tab.id!));
    }
  });
}
