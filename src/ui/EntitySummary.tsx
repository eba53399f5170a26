import type { PageEntity } from '../engine/types';
import { t } from './i18n';
import type { OutletStatement } from './outlet-groups';
import { StatementList } from './StatementList';
import { entityKindLabel } from './verdict-labels';

export interface EntitySummaryProps {
  entity: PageEntity;
  /** Corpus statements naming the entity. */
  statements: readonly OutletStatement[];
}

/** Who a named person or body is: kind, the other names seen for them, and what each outlet says. */
export function EntitySummary({ entity, statements }: EntitySummaryProps) {
  const aliases = entity.aliases.filter((alias) => alias !== entity.name);
  return (
    <>
      <p class="cc-entity-kind cc-muted">
        {entityKindLabel(entity.kind)}
        {!entity.known && ` · ${t('tooltipEntityUnknown')}`}
      </p>
      {aliases.length > 0 && <p class="cc-entity-aliases">{t('tooltipAliases', aliases.join(', '))}</p>}
      {statements.length > 0 ? (
        <StatementList statements={statements} />
      ) : (
        <p class="cc-muted">{t('tooltipNoStatements')}</p>
      )}
    </>
  );
}
