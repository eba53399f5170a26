import type { EvidenceRelation } from '../engine/types';
import { RELATION_ICONS, relationLabel } from './verdict-labels';

export interface RelationTagProps {
  relation: EvidenceRelation;
}

/** How a statement relates to a claim ("Corroborates", "Conflicts", "Related"), with a symbol. */
export function RelationTag({ relation }: RelationTagProps) {
  return (
    <span class="cc-relation" data-relation={relation}>
      <span aria-hidden="true">{RELATION_ICONS[relation]} </span>
      {relationLabel(relation)}
    </span>
  );
}
