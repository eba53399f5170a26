import { DateText } from './DateText';
import type { OutletStatement } from './outlet-groups';
import { OutletGroupList } from './OutletGroupList';
import { ViewerLink } from './ViewerLink';
import { Quote } from './Quote';

export interface StatementListProps {
  statements: readonly OutletStatement[];
}

/**
 * Statements by other outlets, grouped by outlet, each dated and linking to the
 * evidence viewer: what outlets say about a person, or what a page leaves out.
 */
export function StatementList({ statements }: StatementListProps) {
  return (
    <OutletGroupList
      items={statements}
      renderItem={(item) => (
        <>
          <span class="cc-statement__meta">
            <DateText date={item.published} />
          </span>
          <ViewerLink
            class="cc-statement__quote"
            to={{ articleId: item.articleId, statementId: item.statementId }}
          >
            <Quote text={item.text} />
          </ViewerLink>
        </>
      )}
    />
  );
}
