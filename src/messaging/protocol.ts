import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ArticleView, CorpusInfo, PageAnalysis } from '../engine/types';
import type { PackedAnalysis, TabReport, WirePageState } from './analysis-wire';

/**
 * The one messaging contract of the extension: a method map per direction.
 * Every message is typed end to end; no stringly `{type}` switches elsewhere.
 */

/** What a content script knows about its tab; on the message channel it travels as a `WirePageState`. */
export interface PageState {
  url: string;
  status: 'not-article' | 'disabled' | 'checking' | 'done' | 'error';
  /** Present once the page has been analysed. */
  analysis?: PageAnalysis;
  marks: { entities: number; claims: number };
  error?: string;
}

export type ImportResult = { ok: true; info: CorpusInfo } | { ok: false; error: string };

/** Content script → background. */
export interface ContentToBackground {
  /**
   * Analyse an article's text against the corpus held by the background (packed: see analysis-wire).
   * A long text is sent ahead in parts (`sendTextPart`) and named here by its key and number of parts.
   */
  analyzeText(
    data: ({ text: string } | { staged: { key: string; parts: number } }) & {
      url: string;
      title: string;
      published: string | null;
    },
  ): PackedAnalysis;
  /** One part of a long article's text, ahead of `analyzeText`: one big message would hold the page's thread. */
  sendTextPart(data: { key: string; index: number; part: string }): void;
  /** Tell the background (badge) what this tab now shows; the popup asks the tab for the analysis. */
  reportState(data: TabReport): void;
  /** What each outlet of the corpus says about an entity, for a name's tooltip. */
  entityStatements(data: { entityId: string }): EntityStatement[];
  /** Open a corpus statement in the evidence viewer (a page may not navigate to an extension page). */
  openViewer(data: { articleId: string; statementId?: string }): void;
}

/** One outlet's statement that names an entity. */
export interface EntityStatement {
  outlet: string;
  published: string | null;
  articleId: string;
  statementId: string;
  text: string;
}

/** Popup, options and viewer pages → background. */
export interface PopupToBackground {
  /** The last state the tab's content script reported (without its analysis), or null. */
  getTabState(data: { tabId: number }): TabReport | null;
  /** Ask the tab's content script, through the background, for its live state. */
  pingTab(data: { tabId: number }): WirePageState | null;
  /** Scroll the tab to its claim number `index` and flash it. */
  scrollToClaim(data: { tabId: number; index: number }): boolean;
  /** Check a page that does not look like an article. */
  checkAnyway(data: { tabId: number }): WirePageState | null;
  /** A corpus article with its statements and links, for the evidence viewer. */
  getArticle(data: { articleId: string }): ArticleView | null;
  /** What corpus is in use, and a notice when a stored corpus was unreadable and the bundled one is back. */
  getCorpusInfo(): CorpusInfo & { notice?: string };
  /** Validate and store a user's corpus.json (its text); the old corpus stays on error. */
  importCorpus(data: { json: string }): ImportResult;
  /** Go back to the corpus bundled with the extension. */
  resetCorpus(): CorpusInfo;
}

/** Background (on behalf of the popup) → content script. */
export interface BackgroundToContent {
  getState(): WirePageState;
  scrollToClaim(data: { index: number }): boolean;
  checkAnyway(): WirePageState;
  /** The keyboard shortcut: hide all marks, or show them again. Returns whether marks are now shown. */
  toggleHighlights(): boolean;
}

export const contentToBackground = defineExtensionMessaging<ContentToBackground>();
export const popupToBackground = defineExtensionMessaging<PopupToBackground>();
export const backgroundToContent = defineExtensionMessaging<BackgroundToContent>();
