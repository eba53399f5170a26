import type { Claim, Evidence, PageAnalysis, PageEntity } from '../engine/types';
import type { PageState } from './protocol';
import { Numbering } from '../engine/numbering';

/**
 * The compact form of a page analysis for the message channel. Extension
 * messages are serialised on the sender's main thread and parsed on the
 * receiver's, so size is time: on a long page the same few corpus statements
 * back thousands of claims, and sending their text, title and outlet with
 * every claim made the analysis several times larger than its content.
 * Here each evidence statement is sent once and claims point at it, and
 * mention offsets travel as flat number arrays. Given the page text both
 * sides hold, a claim's own text is not sent at all: on a long page that was
 * the whole page again, 45% of the message.
 */
export interface PackedAnalysis {
  source: string;
  article: PageAnalysis['article'];
  /** Evidence statements, each once; `PackedEvidence[0]` indexes this list. */
  statements: Array<Pick<Evidence, 'statementId' | 'articleId' | 'outlet' | 'published' | 'title' | 'text'>>;
  /** Distinct [relation, reason code, reason] of the evidence, each once; `PackedEvidence[1]` indexes this list. */
  reasons: Array<[Evidence['relation'], Evidence['reasonCode'], string]>;
  entities: Array<Omit<PageEntity, 'mentions'> & { mentions: number[] }>;
  /** `text` is left out when it is the page text's `start..end`, which the receiver already has. */
  claims: Array<Omit<Claim, 'evidence' | 'text'> & { text?: string; evidence: PackedEvidence[] }>;
  coverage: PageAnalysis['coverage'];
  omitted: PageAnalysis['omitted'];
}

/** [statement index, reason index, score] */
export type PackedEvidence = [number, number, number];

/**
 * The message form of an analysis; {@link unpackAnalysis} gives back an equal
 * object. With `pageText` (the text that was analysed), claim texts that are
 * slices of it are left out, and the receiver needs the same text to unpack.
 */
export function packAnalysis(analysis: PageAnalysis, pageText?: string): PackedAnalysis {
  const statements = new Numbering<string, PackedAnalysis['statements'][number]>();
  // Most links of a long page give one of a few reasons ("same topic"): each is sent once.
  const reasons = new Numbering<string, PackedAnalysis['reasons'][number]>();
  const refOf = ({ statementId, articleId, outlet, published, title, text }: Evidence): number =>
    statements.numberOf(statementId, () => ({ statementId, articleId, outlet, published, title, text }));
  const reasonOf = ({ relation, reasonCode, reason }: Evidence): number =>
    reasons.numberOf(`${relation}\u0000${reasonCode}\u0000${reason}`, () => [relation, reasonCode, reason]);
  return {
    source: analysis.source,
    article: analysis.article,
    statements: statements.values,
    reasons: reasons.values,
    entities: analysis.entities.map((entity) => ({
      ...entity,
      mentions: entity.mentions.flatMap((m) => [m.start, m.end]),
    })),
    claims: analysis.claims.map(({ text, evidence, ...claim }) => ({
      ...(pageText?.slice(claim.start, claim.end) === text ? {} : { text }),
      ...claim,
      evidence: evidence.map((e): PackedEvidence => [refOf(e), reasonOf(e), e.score]),
    })),
    coverage: analysis.coverage,
    omitted: analysis.omitted,
  };
}

/** The analysis a {@link packAnalysis} result was made from; `pageText` is the text it was packed with. */
export function unpackAnalysis(packed: PackedAnalysis, pageText?: string): PageAnalysis {
  return {
    source: packed.source,
    article: packed.article,
    entities: packed.entities.map((entity) => {
      const mentions: PageEntity['mentions'] = [];
      for (let i = 0; i + 1 < entity.mentions.length; i += 2)
        mentions.push({ start: entity.mentions[i]!, end: entity.mentions[i + 1]! });
      return { ...entity, mentions };
    }),
    claims: packed.claims.map(({ text, ...claim }) => ({
      text: text ?? claimText(claim, pageText),
      ...claim,
      evidence: claim.evidence.map(([ref, reasonRef, score]) => {
        const s = packed.statements[ref]!;
        const [relation, reasonCode, reason] = packed.reasons[reasonRef]!;
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

function claimText(claim: { start: number; end: number }, pageText: string | undefined): string {
  if (pageText === undefined)
    throw new Error('this analysis was packed against its page text: unpack it with that text');
  return pageText.slice(claim.start, claim.end);
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
