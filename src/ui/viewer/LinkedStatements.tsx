import type { CorpusStatement } from '../../engine/types';
import type { StatementLink } from '../article-paragraphs';
import { EvidenceList, type EvidenceItem } from '../EvidenceList';
import { linksId, sentenceId } from './ArticleText';
import { Quote } from '../Quote';

export interface LinkedStatementsProps {
  /** Statements that have links, in reading order. */
  statements: readonly CorpusStatement[];
  links: ReadonlyMap<string, readonly StatementLink[]>;
  notes: ReadonlyMap<string, number>;
  requested: string | null;
  labelledBy: string;
}

function asEvidence(link: StatementLink): EvidenceItem {
  return {
    relation: link.relation,
    outlet: link.other.outlet,
    published: link.other.published,
    text: link.other.text,
    reason: link.detail,
    articleId: link.other.articleId,
    statementId: link.other.statementId,
  };
}

/**
 * For each statement with links, what other outlets' statements corroborate or
 * conflict with it, each linking to its own place in the viewer. Items carry
 * `data-links-for` (the statement id).
 */
export function LinkedStatements({ statements, links, notes, requested, labelledBy }: LinkedStatementsProps) {
  return (
    <ol class="cc-links" aria-labelledby={labelledBy}>
      {statements.map((statement) => (
        <li
          key={statement.id}
          id={linksId(statement.id)}
          data-links-for={statement.id}
          data-requested={statement.id === requested ? 'true' : undefined}
        >
          <p class="cc-links__this">
            <a href={`#${sentenceId(statement.id)}`}>
              {notes.get(statement.id)}. <Quote text={statement.text} />
            </a>
          </p>
          <EvidenceList evidence={(links.get(statement.id) ?? []).map(asEvidence)} />
        </li>
      ))}
    </ol>
  );
}
