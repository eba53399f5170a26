import type { Evidence } from '../engine/types';
import { DateText } from './DateText';
import { OutletGroupList } from './OutletGroupList';
import { RelationTag } from './RelationTag';
import { ViewerLink } from './ViewerLink';
import { Quote } from './Quote';

/** The parts of `Evidence` the list shows; the viewer builds these from its links. */
export type EvidenceItem = Pick<
  Evidence,
  'relation' | 'outlet' | 'published' | 'text' | 'reason' | 'articleId' | 'statementId'
>;

export interface EvidenceListProps {
  /** Evidence in display order (see `rankEvidence`); grouping keeps that order. */
  evidence: readonly EvidenceItem[];
}

/**
 * What other outlets say about a claim, grouped by outlet: for each statement
 * its relation, date, the statement itself linking to the evidence viewer, and
 * the one-line reason. Corpus text is rendered as text, never as HTML.
 */
export function EvidenceList({ evidence }: EvidenceListProps) {
  return (
    <OutletGroupList
      items={evidence}
      itemRelation={(item) => item.relation}
      renderItem={(item) => (
        <>
          <span class="cc-statement__meta">
            <RelationTag relation={item.relation} />
            <DateText date={item.published} />
          </span>
          <ViewerLink
            class="cc-statement__quote"
            to={{ articleId: item.articleId, statementId: item.statementId }}
          >
            <Quote text={item.text} />
          </ViewerLink>
          {item.reason && <p class="cc-statement__reason">{item.reason}</p>}
        </>
      )}
    />
  );
}
