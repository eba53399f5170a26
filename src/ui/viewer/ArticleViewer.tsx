import type { ArticleView } from '../../engine/types';
import { linksByStatement } from '../article-paragraphs';
import { DateText } from '../DateText';
import { t } from '../i18n';
import { Section } from '../Section';
import { ArticleText } from './ArticleText';
import { LinkedStatements } from './LinkedStatements';

export interface ArticleViewerProps {
  view: ArticleView;
  /** The statement named in `?statement=`, or null. */
  statementId: string | null;
}

/**
 * A corpus article in the evidence viewer: outlet, title and date, its full
 * text with the requested statement highlighted and focused, and, for every
 * statement with links, what other outlets say. Presentational.
 */
export function ArticleViewer({ view, statementId }: ArticleViewerProps) {
  const { article, statements } = view;
  const links = linksByStatement(view.links);
  const ordered = [...statements].sort((a, b) => a.start - b.start);
  const linked = ordered.filter((statement) => links.has(statement.id));
  const notes = new Map(linked.map((statement, index) => [statement.id, index + 1]));
  const missing = statementId !== null && !statements.some((statement) => statement.id === statementId);
  return (
    <main class="cc-viewer" data-state="ready" data-article-id={article.id}>
      <article aria-labelledby="cc-article-title">
        <header>
          <p class="cc-viewer__outlet">{article.outlet}</p>
          <h1 id="cc-article-title">{article.title}</h1>
          <p class="cc-viewer__meta">
            <DateText date={article.published} />
            {article.url && <span>{article.url}</span>}
          </p>
        </header>
        {missing && (
          <p class="cc-notice" data-tone="error" role="status">
            {t('viewerStatementMissing')}
          </p>
        )}
        {statements.length === 0 ? (
          <p class="cc-muted">{t('viewerNoText')}</p>
        ) : (
          <ArticleText statements={ordered} links={links} notes={notes} requested={statementId} />
        )}
      </article>
      <Section title={t('viewerLinksHeading')}>
        {(id) =>
          linked.length > 0 ? (
            <LinkedStatements
              statements={linked}
              links={links}
              notes={notes}
              requested={statementId}
              labelledBy={id}
            />
          ) : (
            <p class="cc-muted">{t('viewerNoLinks')}</p>
          )
        }
      </Section>
    </main>
  );
}
