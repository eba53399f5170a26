import type { Claim, PageAnalysis, PageEntity } from '../engine/types';
import type { HighlightMode } from '../settings/settings';
import { compareMarks, type MarkSpec } from './highlighter';

/** What a mark stands for, so the tooltip can show it. */
export type MarkSubject =
  | { kind: 'claim'; claim: Claim; index: number }
  | { kind: 'entity'; entity: PageEntity };

export interface PlannedMark extends MarkSpec {
  subject: MarkSubject;
  /** A keyboard stop: every claim, and each name's first mention (not one stop per mention). */
  focusable: boolean;
}

/**
 * Turns an analysis into the marks to draw, sorted for the highlighter.
 * Names are marked for the people and organisations the corpus knows; claims
 * as the user's highlight mode says; no claims on pages not in English,
 * where the engine's language rules do not apply.
 */
export function planMarks(
  analysis: PageAnalysis,
  mode: HighlightMode,
  claimsAllowed: boolean,
  /** Claims already marked on the page, so indices stay unique when content is added later. */
  claimOffset = 0,
): PlannedMark[] {
  if (mode === 'off') return [];
  const marks: PlannedMark[] = [];
  for (const entity of analysis.entities) {
    if (!entity.known || entity.kind === 'place') continue;
    for (const m of entity.mentions) {
      marks.push({
        start: m.start,
        end: m.end,
        attrs: { 'data-kind': 'entity', 'data-entity': entity.id },
        subject: { kind: 'entity', entity },
        focusable: false,
      });
    }
  }
  if (claimsAllowed && mode !== 'names') {
    analysis.claims.forEach((claim, index) => {
      if (mode === 'evidence' && claim.verdict === 'unverified') return;
      marks.push({
        start: claim.start,
        end: claim.end,
        attrs: {
          'data-kind': 'claim',
          'data-verdict': claim.verdict,
          'data-claim-index': String(claimOffset + index),
        },
        subject: { kind: 'claim', claim, index },
        focusable: true,
      });
    });
  }
  marks.sort(compareMarks);
  const stops = new Set<string>();
  for (const mark of marks) {
    if (mark.subject.kind !== 'entity' || stops.has(mark.subject.entity.id)) continue;
    stops.add(mark.subject.entity.id);
    mark.focusable = true;
  }
  return marks;
}
