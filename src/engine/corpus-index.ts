import type { Corpus, CorpusArticle, CorpusRelation, CorpusStatement, EntityKind } from './types';
import { EntityLookup, type ResolvedMention } from './entity-resolve';
import { FuzzyNames } from './fuzzy-names';
import { statementFacts, type StatementFacts } from './statement-facts';
import { StatementIndex, termWeights } from './statement-index';
import type { TermWeight } from './relation-classify';
import { wordVocabulary, type Vocabulary } from './vocabulary';

/** A corpus prepared for analysis: facts per statement, a term index, entity lookups. Built once, shared. */
export interface CorpusIndex {
  corpus: Corpus;
  facts: StatementFacts[];
  articleOf: CorpusArticle[];
  statementIndex: Map<string, number>;
  articles: Map<string, CorpusArticle>;
  relationsOf: Map<string, CorpusRelation[]>;
  weight: TermWeight;
  terms: StatementIndex;
  entities: EntityLookup;
  fuzzyNames: FuzzyNames;
  vocabulary: Vocabulary;
}

function storedMentions(statement: CorpusStatement, kinds: Map<string, EntityKind>): ResolvedMention[] {
  return statement.mentions.map(([start, end, entityId]) => ({
    start,
    end,
    entityId,
    name: statement.text.slice(start, end),
    kind: kinds.get(entityId) ?? 'organisation',
    titled: false,
    sentence: 0,
  }));
}

/**
 * Prepares a validated corpus for fast page analysis. The facts are derived
 * again from each statement's text, so the corpus file stays small and the
 * page and corpus sides are compared by exactly the same code.
 */
export function indexCorpus(corpus: Corpus): CorpusIndex {
  const kinds = new Map(corpus.entities.map((e) => [e.id, e.kind]));
  const articles = new Map(corpus.articles.map((a) => [a.id, a]));
  const articleOf = corpus.statements.map((s) => articles.get(s.article)!);
  const facts = corpus.statements.map((s, i) => {
    const f = statementFacts(
      s.text,
      { start: 0, end: s.text.length, role: s.checkworthy ? 'body' : 'caption' },
      storedMentions(s, kinds),
      articleOf[i]!.published,
      s.speaker,
      (id) => kinds.get(id),
      (s.roles ?? []).map(([start, end]) => ({ start, end })),
    );
    return { ...f, checkworthy: s.checkworthy };
  });
  const weight = termWeights(facts.map((f) => f.terms));
  const relationsOf = new Map<string, CorpusRelation[]>();
  for (const r of corpus.relations) {
    for (const id of [r.a, r.b]) {
      if (!relationsOf.has(id)) relationsOf.set(id, []);
      relationsOf.get(id)!.push(r);
    }
  }
  return {
    corpus,
    facts,
    articleOf,
    statementIndex: new Map(corpus.statements.map((s, i) => [s.id, i])),
    articles,
    relationsOf,
    weight,
    terms: new StatementIndex(facts, weight, (i) => facts[i]!.checkworthy),
    entities: new EntityLookup(corpus.entities),
    fuzzyNames: new FuzzyNames(corpus.entities),
    vocabulary: wordVocabulary(corpus.statements.map((s) => s.text)),
  };
}
