import type { Evidence, EvidenceRelation } from '../engine/types';

/** A statement by some outlet: the part of `Evidence` or `OmittedStatement` a list shows. */
export interface OutletStatement {
  outlet: string;
  published: string | null;
  text: string;
  articleId: string;
  statementId: string;
}

/** Items by one outlet, in the order they were given. */
export interface OutletGroup<T> {
  outlet: string;
  items: T[];
}

/**
 * Groups statements by outlet. Outlets keep the order of their first item, so
 * a list sorted best-first stays best-first; no item is dropped or reordered
 * within its outlet.
 */
export function groupByOutlet<T extends { outlet: string }>(items: readonly T[]): OutletGroup<T>[] {
  const groups = new Map<string, OutletGroup<T>>();
  for (const item of items) {
    const group = groups.get(item.outlet);
    if (group) group.items.push(item);
    else groups.set(item.outlet, { outlet: item.outlet, items: [item] });
  }
  return [...groups.values()];
}

const RELATION_RANK: Record<EvidenceRelation, number> = { conflicts: 0, corroborates: 1, related: 2 };

/**
 * Orders evidence for display: conflicts first (what a reader most needs to
 * see), then corroboration, then merely related statements; higher scores
 * first within each. Returns a new array.
 */
export function rankEvidence(evidence: readonly Evidence[]): Evidence[] {
  return [...evidence].sort(
    (a, b) => RELATION_RANK[a.relation] - RELATION_RANK[b.relation] || b.score - a.score,
  );
}
