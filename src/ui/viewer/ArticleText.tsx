import { Fragment } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { CorpusStatement } from '../../engine/types';
import { articleParagraphs, linkKind, type StatementLink } from '../article-paragraphs';
import { t } from '../i18n';

export interface ArticleTextProps {
  statements: readonly CorpusStatement[];
  links: ReadonlyMap<string, readonly StatementLink[]>;
  /** Note numbers of statements with links, in reading order. */
  notes: ReadonlyMap<string, number>;
  /** The statement to highlight, scroll to and focus. */
  requested: string | null;
}

/** `id` of a statement's element in the viewer, for in-page links. */
export const sentenceId = (statementId: string) => `s-${statementId}`;
/** `id` of a statement's entry in the list of links, for in-page links. */
export const linksId = (statementId: string) => `links-${statementId}`;

/**
 * An article's cleaned text as paragraphs of its statements. The requested
 * statement is a focused `<mark data-requested>`; statements with links carry
 * `data-linked` (corroborates, conflicts or both) and a numbered note link.
 */
export function ArticleText({ statements, links, notes, requested }: ArticleTextProps) {
  const requestedRef = useRef<HTMLElement>(null);
  useEffect(() => {
    const element = requestedRef.current;
    if (!element) return;
    element.scrollIntoView({ block: 'center' });
    element.focus({ preventScroll: true });
  }, [requested]);

  return (
    <div class="cc-viewer__text">
      {articleParagraphs(statements).map((paragraph) => (
        <p key={paragraph[0]?.id}>
          {paragraph.map((statement, index) => {
            const own = links.get(statement.id);
            const note = notes.get(statement.id);
            const isRequested = statement.id === requested;
            const Sentence = isRequested ? 'mark' : 'span';
            return (
              <Fragment key={statement.id}>
                {index > 0 && ' '}
                <Sentence
                  ref={isRequested ? requestedRef : undefined}
                  id={sentenceId(statement.id)}
                  class="cc-sentence"
                  tabIndex={-1}
                  data-statement-id={statement.id}
                  data-linked={own ? linkKind(own) : undefined}
                  data-requested={isRequested ? 'true' : undefined}
                >
                  {statement.text}
                </Sentence>
                {note !== undefined && (
                  <sup class="cc-footnote">
                    <a href={`#${linksId(statement.id)}`}>
                      <span class="cc-visually-hidden">{t('viewerNoteLink')} </span>
                      {note}
                    </a>
                  </sup>
                )}
              </Fragment>
            );
          })}
        </p>
      ))}
    </div>
  );
}
