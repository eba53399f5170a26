import type { Claim, Evidence, PageAnalysis, PageEntity } from '../engine/types';
import type { PageState } from './protocol';

/**
 * The compact form of a page analysis for the message channel. Extension
 * messages are serialised on the sender's main thread and parsed on the
 * receiver's, so size is time: on a long page the same few corpus statements
 * back thousands of claims, and sending their text, title and outlet with
 * every claim made the analysis several times larger than its content.
 * Here each evidence statement is sent once and claims point at it, and
 * mention offsets travel as flat number arrays.
 */
export interface PackedAnalysis {
  source: string;
  article: PageAnalysis['article'];
  /** Evidence statements, each once; `PackedEvidence[0]` indexes this list. */
  statements: Array<Pick<Evidence, 'statementId' | 'articleId' | 'outlet' | 'published' | 'title' | 'text'>>;
  entities: Array<Omit<PageEntity, 'mentions'> & { mentions: number[] }>;
  claims: Array<Omit<Claim, 'evidence'> & { evidence: PackedEvidence[] }>;
  coverage: PageAnalysis['coverage'];
  omitted: PageAnalysis['omitted'];
}

/** [statement index, relation, reason code, reason, score] */
export type PackedEvidence = [number, Evidence['relation'], Evidence['reasonCode'], string, number];

/** The message form of an analysis; {@link unpackAnalysis} gives back an equal object. */
export function packAnalysis(analysis: PageAnalysis): PackedAnalysis {
  const statements: PackedAnalysis['statements'] = [];
  const refs = new Map<string, number>();
  const refOf = (e: Evidence): number => {
    let ref = refs.get(e.statementId);
    if (ref === undefined) {
      ref = statements.length;
      refs.set(e.statementId, ref);
      const { statementId, articleId, outlet, published, title, text } = e;
      statements.push({ statementId, articleId, outlet, published, title, text });
    }
    return ref;
  };
  return {
    source: analysis.source,
    article: analysis.article,
    statements,
    entities: analysis.entities.map((entity) => ({
      ...entity,
      mentions: entity.mentions.flatMap((m) => [m.start, m.end]),
    })),
    claims: analysis.claims.map((claim) => ({
      ...claim,
      evidence: claim.evidence.map(
        (e): PackedEvidence => [refOf(e), e.relation, e.reasonCode, e.reason, e.score],
      ),
    })),
    coverage: analysis.coverage,
    omitted: analysis.omitted,
  };
}

/** The analysis a {@link packAnalysis} result was made from. */
export function unpackAnalysis(packed: PackedAnalysis): PageAnalysis {
  return {
    source: packed.source,
    article: packed.article,
    entities: packed.entities.map((entity) => {
      const mentions: PageEntity['mentions'] = [];
      for (let i = 0; i + 1 < entity.mentions.length; i += 2)
        mentions.push({ start: entity.mentions[i]!, end: entity.mentions[i + 1]! });
      return { ...entity, mentions };
    }),
    claims: packed.claims.map((claim) => ({
      ...claim,
      evidence: claim.evidence.map(([ref, relation, reasonCode, reason, score]) => {
        const s = packed.statements[ref]!;
        return {
          relation,
          outlet: s.outlet,
          published: s.published,
          title: s.title,
          text: s.text,
          reason,
          reasonCode,
          score,
          articleId: s.articleId,
          statementId: s.statementId,
        };
      }),
    })),
    coverage: packed.coverage,
    omitted: packed.omitted,
  };
}

/** A tab's state as it crosses the message channel: its analysis packed. */
export type WirePageState = Omit<PageState, 'analysis'> & { analysis?: PackedAnalysis };

export function stateToWire(state: PageState): WirePageState {
  const { analysis, ...rest } = state;
  return analysis ? { ...rest, analysis: packAnalysis(analysis) } : rest;
}

export function stateFromWire(wire: WirePageState): PageState {
  const { analysis, ...rest } = wire;
  return analysis ? { ...rest, analysis: unpackAnalysis(analysis) } : rest;
}

/**
 * What a tab reports to the background on every change of state: no
 * analysis, because a long page's analysis is megabytes to serialise on the
 * page's main thread, and the popup asks the tab itself for it. `flagged`
 * (conflicting and mixed claims) is what the badge shows.
 */
export type TabReport = Omit<PageState, 'analysis'> & { flagged: number };

export function tabReport(state: PageState | WirePageState): TabReport {
  const { analysis, ...rest } = state;
  const flagged = (analysis?.claims ?? []).filter(
    (c) => c.verdict === 'conflicting' || c.verdict === 'mixed',
  ).length;
  return { ...rest, flagged };
}
