import type { PageAnalysis } from '../../../src/engine/types';

/** A fixture page and the links its key statements must have, as the expectations.json files list them. */
export interface KeyLinkPage {
  file: string;
  published: string;
  key: Array<{ claim: string; relation: 'corroborates' | 'conflicts'; outlets: string[] }>;
}

/** The key links of `page` that `analysis` lacks, as "claim → relation outlet", and how many it lists. */
export function missedKeyLinks(
  analysis: PageAnalysis,
  page: KeyLinkPage,
): { missed: string[]; total: number } {
  const missed: string[] = [];
  let total = 0;
  for (const key of page.key) {
    const claim = analysis.claims.find((c) => c.text.includes(key.claim));
    for (const outlet of key.outlets) {
      total++;
      if (!claim?.evidence.some((e) => e.outlet === outlet && e.relation === key.relation))
        missed.push(`${key.claim} → ${key.relation} ${outlet}`);
    }
  }
  return { missed, total };
}
