import type { ArticleView, CorpusStatement, RelationKind } from '../engine/types';

/**
 * The largest gap, in source characters, between two statements of one
 * paragraph. Sentences are joined by one space or newline; a blank line (two or
 * more characters) or skipped page furniture starts a new paragraph.
 */
const SAME_PARAGRAPH_GAP = 1;

/**
 * Splits an article's statements into paragraphs, in source order. The viewer
 * has the statements but not the raw file, so paragraph breaks are inferred
 * from the gaps between statement offsets.
 */
export function articleParagraphs(statements: readonly CorpusStatement[]): CorpusStatement[][] {
  const ordered = [...statements].sort((a, b) => a.start - b.start);
  const paragraphs: CorpusStatement[][] = [];
  let previous: CorpusStatement | undefined;
  for (const statement of ordered) {
    const current = paragraphs.at(-1);
    if (current && previous && statement.start - previous.end <= SAME_PARAGRAPH_GAP) current.push(statement);
    else paragraphs.push([statement]);
    previous = statement;
  }
  return paragraphs;
}

export type StatementLink = ArticleView['links'][number];

/** A statement's links to other outlets, conflicts first, keyed by statement id. */
export function linksByStatement(links: readonly StatementLink[]): Map<string, StatementLink[]> {
  const rank: Record<RelationKind, number> = { conflicts: 0, corroborates: 1 };
  const byStatement = new Map<string, StatementLink[]>();
  for (const link of links) {
    const list = byStatement.get(link.statementId);
    if (list) list.push(link);
    else byStatement.set(link.statementId, [link]);
  }
  for (const list of byStatement.values()) list.sort((a, b) => rank[a.relation] - rank[b.relation]);
  return byStatement;
}

/** Which relations a statement has, for its mark: one kind, or 'both'. */
export function linkKind(links: readonly StatementLink[]): RelationKind | 'both' {
  const kinds = new Set(links.map((link) => link.relation));
  return kinds.size > 1 ? 'both' : (links[0]?.relation ?? 'corroborates');
}
