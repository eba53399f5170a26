import { describe, expect, test } from 'vitest';
import {
  articleParagraphs,
  linkKind,
  linksByStatement,
  type StatementLink,
} from '../../../src/ui/article-paragraphs';
import { corpusStatement } from './fixtures';

const statement = (id: string, start: number, end: number) =>
  corpusStatement(id, 'x'.repeat(end - start), start);

describe('articleParagraphs', () => {
  test.each([
    { name: 'no statements', given: [], expected: [] },
    {
      name: 'sentences one space apart share a paragraph',
      given: [statement('s1', 0, 10), statement('s2', 11, 20)],
      expected: [['s1', 's2']],
    },
    {
      name: 'a blank line starts a paragraph',
      given: [statement('s1', 0, 10), statement('s2', 12, 20), statement('s3', 21, 30)],
      expected: [['s1'], ['s2', 's3']],
    },
    {
      name: 'statements out of order are sorted by offset',
      given: [statement('s2', 11, 20), statement('s1', 0, 10)],
      expected: [['s1', 's2']],
    },
  ])('$name', ({ given, expected }) => {
    expect(articleParagraphs(given).map((p) => p.map((s) => s.id))).toEqual(expected);
  });
});

const link = (statementId: string, relation: StatementLink['relation']): StatementLink => ({
  statementId,
  relation,
  reason: 'paraphrase',
  detail: '',
  other: { statementId: `o-${statementId}`, articleId: 'b', outlet: 'CNN', published: null, text: '' },
});

describe('links', () => {
  test('grouped by statement, conflicts first', () => {
    const grouped = linksByStatement([
      link('s1', 'corroborates'),
      link('s2', 'conflicts'),
      link('s1', 'conflicts'),
    ]);
    expect([...grouped.keys()]).toEqual(['s1', 's2']);
    expect(grouped.get('s1')?.map((l) => l.relation)).toEqual(['conflicts', 'corroborates']);
  });

  test.each([
    [['corroborates'], 'corroborates'],
    [['conflicts', 'conflicts'], 'conflicts'],
    [['conflicts', 'corroborates'], 'both'],
  ] as const)('linkKind(%j) → %s', (relations, expected) => {
    expect(linkKind(relations.map((relation) => link('s', relation)))).toBe(expected);
  });
});
