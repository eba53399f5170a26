import type { Corpus, CorpusArticle, CorpusRelation, CorpusStatement, EntityKind } from './types';
import { bodySentences, prepareDocument, type PreparedDocument } from './document-prepare';
import { findNameMentions, type NameMention } from './entity-extract';
import { mergeCorpusEntities, type ResolvedMention } from './entity-resolve';
import { statementFacts, type StatementFacts } from './statement-facts';
import { classifyPair } from './relation-classify';
import { daysBetween, GAP_REPORTED_AFTER_DAYS } from './date-resolve';
import { StatementIndex, termWeights } from './statement-index';
import { wordVocabulary } from './vocabulary';
import { collapseSpaces } from './text-fold';

/** One article to add to a corpus: its metadata from sources.json and its text. */
export interface ArticleInput extends Omit<CorpusArticle, 'id'> {
  text: string;
}

/** Candidates compared per statement; enough for every outlet of a story to be reached. */
const CANDIDATES_PER_STATEMENT = 16;

function articleId(file: string): string {
  return file.replace(/\.[^.]+$/, '').replace(/[^\w-]+/g, '-');
}

/**
 * Builds a corpus from articles: cleans each, splits it into statements with
 * exact source offsets, merges the entities named across articles, and links
 * statements of different articles that corroborate or conflict. The output
 * depends only on the input, so the same articles give the same bytes.
 */
export function buildCorpus(inputs: readonly ArticleInput[]): Corpus {
  const sorted = [...inputs].sort((a, b) => a.file.localeCompare(b.file));
  const articles: CorpusArticle[] = sorted.map(({ text: _text, ...meta }) => ({
    id: articleId(meta.file),
    ...meta,
  }));
  const docs: PreparedDocument[] = sorted.map((input) => prepareDocument(input.text, input.title));
  const vocabulary = wordVocabulary(docs.map((d) => d.text));
  const mentionLists: NameMention[][] = docs.map((doc) =>
    findNameMentions(doc.text, bodySentences(doc), vocabulary.isCommonWord, vocabulary.isNameWord),
  );
  const { entities, resolved } = mergeCorpusEntities(mentionLists);
  const kinds = new Map<string, EntityKind>(entities.map((e) => [e.id, e.kind]));

  const statements: CorpusStatement[] = [];
  const facts: StatementFacts[] = [];
  // Beside the facts rather than spread into copies of them: the classifier then meets one shape of
  // facts, here and in every page analysis after, and its property reads stay fast.
  const articleOf: number[] = [];
  docs.forEach((doc, a) => {
    const mentions = resolved[a]!;
    let previousSpeaker: string | undefined;
    let mi = 0;
    doc.sentences.forEach((sentence, n) => {
      const inside: ResolvedMention[] = [];
      while (mi < mentions.length && mentions[mi]!.start < sentence.start) mi++;
      for (let k = mi; k < mentions.length && mentions[k]!.start < sentence.end; k++)
        inside.push(mentions[k]!);
      const f = statementFacts(doc.text, sentence, inside, articles[a]!.published, previousSpeaker, (id) =>
        kinds.get(id),
      );
      previousSpeaker = f.lead ?? previousSpeaker;
      const start = doc.toSource(sentence.start);
      const end = doc.toSource(sentence.end - 1) + 1;
      const cuts = doc.cutsWithin(sentence.start, sentence.end);
      const statement = toStatement(`${articles[a]!.id}:${n}`, articles[a]!.id, f, start, end, doc);
      if (cuts.length) statement.cuts = cuts.map((c) => [c.start, c.end]);
      statements.push(statement);
      facts.push(f);
      articleOf.push(a);
    });
  });

  const weight = termWeights(facts.map((f) => f.terms));
  const index = new StatementIndex(facts, weight, (i) => facts[i]!.checkworthy);
  const relations: CorpusRelation[] = [];
  const seen = new Set<string>();
  facts.forEach((f, i) => {
    if (!f.checkworthy) return;
    for (const j of index.candidates(f, CANDIDATES_PER_STATEMENT, (k) => articleOf[k] !== articleOf[i])) {
      const [lo, hi] = i < j ? [i, j] : [j, i];
      const key = `${lo}/${hi}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const result = classifyPair(facts[lo]!, facts[hi]!, weight);
      if (!result || result.relation === 'related') continue;
      const gap = daysBetween(articles[articleOf[lo]!]!.published, articles[articleOf[hi]!]!.published);
      relations.push({
        a: statements[lo]!.id,
        b: statements[hi]!.id,
        relation: result.relation,
        reason: result.reason,
        detail: result.detail,
        score: Math.round(result.score * 1000) / 1000,
        ...(gap !== null && Math.abs(gap) > GAP_REPORTED_AFTER_DAYS ? { gapDays: Math.abs(gap) } : {}),
      });
    }
  });
  relations.sort(
    (x, y) =>
      x.a.localeCompare(y.a, 'en', { numeric: true }) || x.b.localeCompare(y.b, 'en', { numeric: true }),
  );
  return { schema: 1, articles, entities, statements, relations };
}

function toStatement(
  id: string,
  article: string,
  f: StatementFacts,
  start: number,
  end: number,
  doc: PreparedDocument,
): CorpusStatement {
  // Offsets of mentions are re-based onto the folded statement text the corpus stores.
  const raw = doc.text.slice(f.start, f.end);
  const folded = foldedOffsets(raw);
  const statement: CorpusStatement = {
    id,
    article,
    text: f.text,
    start,
    end,
    entities: f.entities,
    mentions: f.mentions.map((m) => [folded(m.start - f.start), folded(m.end - f.start), m.entityId]),
    checkworthy: f.checkworthy,
  };
  const roles = f.roleSpans
    .map((r): [number, number] => [folded(r.start - f.start), folded(r.end - f.start)])
    .filter(([s, e]) => e > s);
  if (roles.length) statement.roles = roles;
  if (f.speaker) statement.speaker = f.speaker;
  if (f.quotes.length) statement.quotes = f.quotes.map((q) => collapseSpaces(doc.text.slice(q.start, q.end)));
  const numbers = f.numbers.map((n) => n.value);
  if (numbers.length) statement.numbers = numbers;
  const dates = [...new Set(f.dates.flatMap((d) => (d.iso ? [d.iso] : [])))];
  if (dates.length) statement.dates = dates;
  if (f.negations > 0) statement.negated = true;
  return statement;
}

/** Maps offsets in a string to offsets in its white-space-folded, trimmed form. */
function foldedOffsets(raw: string): (offset: number) => number {
  const map: number[] = [];
  let out = 0;
  let inSpace = true;
  for (let i = 0; i < raw.length; i++) {
    map.push(out);
    const space = /\s/.test(raw[i]!);
    if (!space) out++;
    else if (!inSpace) out++;
    inSpace = space;
  }
  map.push(out);
  return (offset) => map[Math.max(0, Math.min(offset, raw.length))]!;
}
