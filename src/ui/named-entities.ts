import type { PageEntity } from '../engine/types';

/** The people and organisations a page names, most mentioned first (places are left out). */
export function namedPeopleAndOrganisations(entities: readonly PageEntity[]): PageEntity[] {
  return entities
    .filter((entity) => entity.kind !== 'place' && entity.mentions.length > 0)
    .sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
}
