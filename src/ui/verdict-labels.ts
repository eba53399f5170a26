import type { EntityKind, EvidenceRelation, Verdict } from '../engine/types';
import { t } from './i18n';

/** A symbol shown beside each verdict's word, so a verdict never relies on colour alone. */
export const VERDICT_ICONS: Record<Verdict, string> = {
  corroborated: '✓',
  conflicting: '✕',
  mixed: '±',
  unverified: '?',
};

/** The localised word for a verdict. */
export function verdictLabel(verdict: Verdict): string {
  switch (verdict) {
    case 'corroborated':
      return t('verdictCorroborated');
    case 'conflicting':
      return t('verdictConflicting');
    case 'mixed':
      return t('verdictMixed');
    case 'unverified':
      return t('verdictUnverified');
  }
}

/** The symbol shown beside each relation's word. */
export const RELATION_ICONS: Record<EvidenceRelation, string> = {
  corroborates: '✓',
  conflicts: '✕',
  related: '•',
};

/** The localised word for how a statement relates to a claim. */
export function relationLabel(relation: EvidenceRelation): string {
  switch (relation) {
    case 'corroborates':
      return t('relationCorroborates');
    case 'conflicts':
      return t('relationConflicts');
    case 'related':
      return t('relationRelated');
  }
}

/** The localised word for a kind of named entity. */
export function entityKindLabel(kind: EntityKind): string {
  switch (kind) {
    case 'person':
      return t('entityPerson');
    case 'organisation':
      return t('entityOrganisation');
    case 'place':
      return t('entityPlace');
  }
}
