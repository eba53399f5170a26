import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PageAnalysis } from '../engine/types';

/**
 * The one messaging contract of the extension: a method map per direction.
 * Every message is typed end to end; no stringly `{type}` switches elsewhere.
 */

/** What a content script reports about its tab. */
export interface PageState {
  url: string;
  status: 'not-article' | 'disabled' | 'checking' | 'done' | 'error';
  /** Present once the page has been analysed. */
  analysis?: PageAnalysis;
  marks: { entities: number; claims: number };
  error?: string;
}

/** Content script → background. */
export interface ContentToBackground {
  /** Analyse an article's text against the corpus held by the background. */
  analyzeText(data: { text: string; url: string; title: string }): PageAnalysis;
  /** Tell the background (badge, popup) what this tab now shows. */
  reportState(data: PageState): void;
}

/** Popup or other extension pages → background. */
export interface PopupToBackground {
  /** The last state the tab's content script reported, or null. */
  getTabState(data: { tabId: number }): PageState | null;
  /** Ask the tab's content script, through the background, for its live state. */
  pingTab(data: { tabId: number }): PageState | null;
}

/** Background (on behalf of the popup) → content script. */
export interface BackgroundToContent {
  getState(): PageState;
  scrollToClaim(data: { index: number }): boolean;
  checkAnyway(): PageState;
}

export const contentToBackground = defineExtensionMessaging<ContentToBackground>();
export const popupToBackground = defineExtensionMessaging<PopupToBackground>();
export const backgroundToContent = defineExtensionMessaging<BackgroundToContent>();
