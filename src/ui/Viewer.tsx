import { useEffect, useState } from 'preact/hooks';
import type { ArticleView } from '../engine/types';
import { popupToBackground } from '../messaging/protocol';
import { t } from './i18n';
import { ArticleViewer } from './viewer/ArticleViewer';
import { parseViewerQuery } from './viewer-url';

export interface ViewerProps {
  /** The page's query string, `?article=ID&statement=SID`. */
  search: string;
}

type Loaded =
  | { status: 'loading' }
  | { status: 'not-found' }
  | { status: 'error' }
  | { status: 'ready'; view: ArticleView };

/**
 * The evidence viewer page: reads `?article=ID&statement=SID`, asks the
 * background for the article, and shows it. `main[data-state]` is
 * loading, ready, not-found or error (a test contract).
 */
export function Viewer({ search }: ViewerProps) {
  const query = parseViewerQuery(search);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });

  useEffect(() => {
    if (!query) {
      setLoaded({ status: 'not-found' });
      return;
    }
    popupToBackground
      .sendMessage('getArticle', { articleId: query.articleId })
      .then((view) => setLoaded(view ? { status: 'ready', view } : { status: 'not-found' }))
      .catch(() => setLoaded({ status: 'error' }));
  }, [query?.articleId]);

  useEffect(() => {
    document.title =
      loaded.status === 'ready'
        ? t('viewerDocumentTitle', loaded.view.article.title)
        : t('viewerDocumentTitle', t('viewerTitle'));
  }, [loaded]);

  if (loaded.status === 'ready')
    return <ArticleViewer view={loaded.view} statementId={query?.statementId ?? null} />;
  return (
    <main class="cc-viewer" data-state={loaded.status}>
      <h1>{t('viewerTitle')}</h1>
      <p role="status">
        {loaded.status === 'loading'
          ? t('viewerLoading')
          : loaded.status === 'error'
            ? t('viewerError')
            : t('viewerNotFound')}
      </p>
    </main>
  );
}
