import { BoundedMemo } from './bounded-memo';
import type { Corpus, CorpusArticle, CorpusStatement, EntityKind } from './types';
import { EntityLookup, resolvedMention, type ResolvedMention } from './entity-resolve';
import { FuzzyNames } from './fuzzy-names';
import { statementFacts, type StatementFacts } from './statement-facts';
import { StatementIndex, termWeights } from './statement-index';
import type { TermWeight } from './term-set';
import { isContentTerm, tokenize } from './tokenize';
import { SameTextIndex } from './same-text-index';
import { storeCorpus, type StatementLink, type StoredCorpus } from './stored-corpus';
import { wordVocabulary, type Vocabulary } from './vocabulary';

/** A corpus prepared for fast page analysis. Built once per corpus and shared by every page. */
export interface CorpusIndex {
  corpus: StoredCorpus;
  /** Full comparable facts of statement `i`, derived on first use and kept. */
  factsOf(i: number): StatementFacts;
  articleOf: CorpusArticle[];
  articles: Map<string, CorpusArticle>;
  /** Statement indices of each article, in order. */
  statementsOf: Map<string, number[]>;
  /** Corpus statements by their folded text, to recognise a page that copies a corpus article. */
  sameText: SameTextIndex;
  /** The corpus relations statement `i` takes part in, in corpus order, each with the other statement's number. */
  relationsOf(i: number): StatementLink[];
  weight: TermWeight;
  terms: StatementIndex;
  entities: EntityLookup;
  fuzzyNames: FuzzyNames;
  vocabulary: Vocabulary;
}

function storedMentions(
  statement: CorpusStatement,
  kindOf: (id: string) => EntityKind | undefined,
): ResolvedMention[] {
  return statement.mentions.map(([start, end, entityId]) => {
    const kind = kindOf(entityId) ?? 'organisation';
    const name = statement.text.slice(start, end);
    // Through the same maker as a page's mentions, so that both have one shape.
    return resolvedMention({ start, end, name, kind, titled: false, sentence: 0 }, entityId, kind);
  });
}

/**
 * The terms the index blocks on, without the rest of the facts: names as
 * `@id`, other content words as comparable terms, numbers as `#n`.
 */
function indexTerms(statement: CorpusStatement): { terms: string[]; numbers: Array<{ value: number }> } {
  const terms: string[] = [];
  const numbers: Array<{ value: number }> = [];
  let mi = 0;
  const mentions = statement.mentions;
  for (const token of tokenize(statement.text)) {
    while (mi < mentions.length && mentions[mi]![1] <= token.start) mi++;
    const m = mentions[mi];
    if (m && token.start >= m[0] && token.start < m[1]) continue;
    if (token.value !== undefined) numbers.push({ value: token.value });
    if (isContentTerm(token)) terms.push(token.term);
  }
  for (const id of statement.entities) terms.push(`@${id}`);
  return { terms, numbers };
}

/**
 * Statements whose facts are kept for later pages. Each page meets hundreds of
 * statements of a large corpus, and kept without end their facts grew the
 * worker by about 1 MB per page.
 */
const FACTS_KEPT = 5_000;

/**
 * Prepares a validated corpus for fast page analysis. Only the terms the index
 * blocks on are derived up front; a statement's full facts are derived from its
 * text the first time a page compares against it, so a large corpus costs
 * memory only for the statements pages actually meet. The page and corpus
 * sides are compared by exactly the same code.
 */
export function indexCorpus(corpus: Corpus, options: { factsKept?: number } = {}): CorpusIndex {
  // Blocking terms from the parsed statements, whose mentions are arrays already.
  const blocking = corpus.statements.map(indexTerms);
  return indexStored(storeCorpus(corpus), blocking, options.factsKept ?? FACTS_KEPT);
}

/** The rest of {@link indexCorpus}, on the stored corpus only, so that nothing keeps the parsed one alive. */
function indexStored(
  corpus: StoredCorpus,
  blocking: ReturnType<typeof indexTerms>[],
  factsKept: number,
): CorpusIndex {
  const entities = new EntityLookup(corpus.entities);
  const kindOf = (id: string) => entities.byId.get(id)?.kind;
  const articles = new Map(corpus.articles.map((a) => [a.id, a]));
  const articleOf = corpus.statements.map((s) => articles.get(s.article)!);
  const weight = termWeights(blocking.map((b) => b.terms));
  const statementsOf = new Map<string, number[]>();
  corpus.statements.forEach((s, i) => {
    if (!statementsOf.has(s.article)) statementsOf.set(s.article, []);
    statementsOf.get(s.article)!.push(i);
  });
  const deriveFacts = (i: number): StatementFacts => {
    const s = corpus.statements[i]!;
    const f = statementFacts(
      s.text,
      { start: 0, end: s.text.length, role: s.checkworthy ? 'body' : 'caption' },
      storedMentions(s, kindOf),
      articleOf[i]!.published,
      s.speaker,
      kindOf,
      (s.roles ?? []).map(([start, end]) => ({ start, end })),
    );
    // Set on the object rather than spread into a copy: corpus and page facts keep one shape.
    f.checkworthy = s.checkworthy;
    return f;
  };
  const facts = new BoundedMemo<number, StatementFacts>(factsKept);
  const factsOf = (i: number): StatementFacts => facts.get(i, deriveFacts);
  return {
    corpus,
    factsOf,
    articleOf,
    articles,
    statementsOf,
    sameText: new SameTextIndex(corpus.statements.map((s) => s.text)),
    relationsOf: corpus.relationsOf,
    weight,
    terms: new StatementIndex(blocking, weight, (i) => corpus.statements[i]!.checkworthy),
    entities,
    fuzzyNames: new FuzzyNames(corpus.entities),
    vocabulary: wordVocabulary(corpus.statements.map((s) => s.text)),
  };
}
