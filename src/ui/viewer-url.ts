import { browser } from 'wxt/browser';

/** Where a corpus statement lives: enough to open it in the evidence viewer. */
export interface StatementRef {
  articleId: string;
  statementId?: string;
}

/**
 * The evidence viewer's URL for an article, optionally scrolled to one of its
 * statements: `viewer.html?article=ID&statement=SID` (a contract tests read).
 */
export function viewerUrl(ref: StatementRef): string {
  const query = new URLSearchParams({ article: ref.articleId });
  if (ref.statementId !== undefined) query.set('statement', ref.statementId);
  return `${browser.runtime.getURL('/viewer.html')}?${query.toString()}`;
}

/** Reads the viewer's `?article=ID&statement=SID`; null when no article is named. */
export function parseViewerQuery(search: string): { articleId: string; statementId: string | null } | null {
  const query = new URLSearchParams(search);
  const articleId = query.get('article');
  if (!articleId) return null;
  return { articleId, statementId: query.get('statement') || null };
}
