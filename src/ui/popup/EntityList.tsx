import type { PageEntity } from '../../engine/types';
import { tCount } from '../i18n';
import { namedPeopleAndOrganisations } from '../named-entities';
import { entityKindLabel } from '../verdict-labels';

export interface EntityListProps {
  entities: readonly PageEntity[];
  labelledBy: string;
}

/**
 * The people and organisations named on the page with how often.
 * Items carry `data-entity-id` and `data-mentions` (a test contract).
 */
export function EntityList({ entities, labelledBy }: EntityListProps) {
  return (
    <ul class="cc-entities" aria-labelledby={labelledBy}>
      {namedPeopleAndOrganisations(entities).map((entity) => (
        <li
          key={entity.id}
          class="cc-entity"
          data-entity-id={entity.id}
          data-mentions={entity.mentions.length}
        >
          <span class="cc-entity__name">{entity.name}</span>{' '}
          <span class="cc-muted">
            {entityKindLabel(entity.kind)} ·{' '}
            {tCount(entity.mentions.length, 'popupMentionsOne', 'popupMentionsMany')}
          </span>
        </li>
      ))}
    </ul>
  );
}
