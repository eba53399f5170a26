/**
 * Shared shapes of the engine: the corpus file (schema 1, a contract other tools
 * read) and the result of analysing a page (the `check --json` contract).
 * Plain data only, so it crosses the extension's message channel unchanged.
 */

export type EntityKind = 'person' | 'organisation' | 'place';

export interface CorpusArticle {
  id: string;
  file: string;
  outlet: string;
  title: string;
  /** ISO date (YYYY-MM-DD) or null when the source does not say. */
  published: string | null;
  url?: string;
}

export interface CorpusEntity {
  id: string;
  name: string;
  kind: EntityKind;
  aliases: string[];
  /** Role phrases the articles state beside the name ("his Russian counterpart"). */
  roles?: string[];
}

export interface CorpusStatement {
  id: string;
  article: string;
  text: string;
  /** UTF-16 offsets into the article's source file. */
  start: number;
  end: number;
  entities: string[];
  /** Where each entity is named: [start, end, entity id], offsets into `text`. */
  mentions: Array<[number, number, string]>;
  /** Titles and role phrases beside names ("Defense Secretary", "chairman of X"), offsets into `text`. */
  roles?: Array<[number, number]>;
  checkworthy: boolean;
  /** Entity id of the person quoted. */
  speaker?: string;
  /** The quoted passages, as written. */
  quotes?: string[];
  numbers?: number[];
  /** ISO dates (YYYY-MM-DD), relative ones resolved against the publication date. */
  dates?: string[];
  negated?: boolean;
  /** Source spans inside [start, end) that are page furniture, not part of `text`. */
  cuts?: Array<[number, number]>;
}

export type RelationKind = 'corroborates' | 'conflicts';
export type EvidenceRelation = RelationKind | 'related';

export type ReasonCode =
  | 'quote-match'
  | 'quote-variant'
  | 'paraphrase'
  | 'number-mismatch'
  | 'year-mismatch'
  | 'date-mismatch'
  | 'weekday-mismatch'
  | 'negation'
  | 'opposite-stance'
  | 'shared-topic';

export interface CorpusRelation {
  a: string;
  b: string;
  relation: RelationKind;
  reason: ReasonCode;
  /** Human one-liner, e.g. "says 2015 where this says 2014". */
  detail: string;
  score: number;
  /** Days between the two reports, present only when it exceeds 90. */
  gapDays?: number;
}

export interface Corpus {
  schema: 1;
  articles: CorpusArticle[];
  entities: CorpusEntity[];
  statements: CorpusStatement[];
  relations: CorpusRelation[];
}

export type Verdict = 'corroborated' | 'conflicting' | 'mixed' | 'unverified';

export interface Evidence {
  relation: EvidenceRelation;
  outlet: string;
  published: string | null;
  title: string;
  text: string;
  reason: string;
  reasonCode: ReasonCode;
  score: number;
  articleId: string;
  statementId: string;
}

export interface Mention {
  start: number;
  end: number;
}

export interface PageEntity {
  /** Corpus id when known; otherwise a stable id derived from the name. */
  id: string;
  name: string;
  kind: EntityKind;
  known: boolean;
  aliases: string[];
  mentions: Mention[];
}

export interface Claim {
  text: string;
  start: number;
  end: number;
  verdict: Verdict;
  evidence: Evidence[];
}

/** How one corpus outlet's article relates to the page. */
export interface OutletCoverage {
  articleId: string;
  outlet: string;
  title: string;
  published: string | null;
  /** Page claims this article corroborates / conflicts with. */
  corroborates: number;
  conflicts: number;
}

/** A statement on the page's story, by another outlet, that the page never makes. */
export interface OmittedStatement {
  statementId: string;
  articleId: string;
  outlet: string;
  published: string | null;
  text: string;
}

export interface PageAnalysis {
  source: string;
  /** The corpus article this page is, when it is one. */
  article: (CorpusArticle & { selfMatch: 'url' | 'text' }) | null;
  entities: PageEntity[];
  claims: Claim[];
  /** Corpus articles on the page's story, best covered first. */
  coverage: OutletCoverage[];
  /** What other outlets report on this story that the page leaves out. */
  omitted: OmittedStatement[];
}

/** One corpus article with its statements and their cross-outlet links, for the evidence viewer. */
export interface ArticleView {
  article: CorpusArticle;
  /** The cleaned article text that statement offsets point into. */
  statements: CorpusStatement[];
  links: Array<{
    statementId: string;
    relation: RelationKind;
    reason: ReasonCode;
    detail: string;
    other: { statementId: string; articleId: string; outlet: string; published: string | null; text: string };
  }>;
}

/** A summary of the corpus in use, for the options page. */
export interface CorpusInfo {
  source: 'bundled' | 'imported';
  articles: CorpusArticle[];
  statements: number;
  relations: number;
}
