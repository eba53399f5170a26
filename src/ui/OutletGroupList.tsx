import type { ComponentChildren } from 'preact';
import { groupByOutlet } from './outlet-groups';

export interface OutletGroupListProps<T extends { outlet: string; statementId: string }> {
  items: readonly T[];
  /** The content of one item's `<li>`. */
  renderItem: (item: T) => ComponentChildren;
  /** Extra attributes per item, e.g. its relation, for styling and tests. */
  itemRelation?: (item: T) => string | undefined;
}

/**
 * Statements grouped by outlet as nested lists: one `li.cc-outlet[data-outlet]`
 * per outlet holding `li[data-statement-id]` items.
 */
export function OutletGroupList<T extends { outlet: string; statementId: string }>({
  items,
  renderItem,
  itemRelation,
}: OutletGroupListProps<T>) {
  return (
    <ul class="cc-outlets">
      {groupByOutlet(items).map((group) => (
        <li key={group.outlet} class="cc-outlet" data-outlet={group.outlet}>
          <span class="cc-outlet__name">{group.outlet}</span>
          <ul class="cc-statements">
            {group.items.map((item) => (
              <li
                key={item.statementId}
                data-statement-id={item.statementId}
                data-relation={itemRelation?.(item)}
              >
                {renderItem(item)}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
