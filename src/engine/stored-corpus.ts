import { Numbering } from './numbering';
import type {
  Corpus,
  CorpusArticle,
  CorpusEntity,
  CorpusRelation,
  CorpusStatement,
  ReasonCode,
  RelationKind,
} from './types';

/**
 * The corpus as an index keeps it: the same data in far fewer objects. Parsed
 * JSON gives every name mention its own three-element array and every
 * relation its own object; at 5,000 articles that was 450,000 mention arrays
 * (43 MB) and 270,000 relation objects (26 MB). Here statements' entities and
 * mentions, and all relations, sit in typed-array columns; a statement builds
 * its `entities` and `mentions` arrays when asked (the engine asks once per
 * statement a page is compared with; the viewer once per article it shows).
 */
export interface StoredCorpus {
  articles: CorpusArticle[];
  entities: CorpusEntity[];
  /** Statements in corpus order; their `entities` and `mentions` are read from the columns. */
  statements: CorpusStatement[];
  relationCount: number;
  /** The relations statement `i` takes part in, in corpus order, each with the other statement's number. */
  relationsOf(i: number): StatementLink[];
  /** Numbers, ascending, of the statements that name the entity (from the columns, without building arrays). */
  statementsNaming(entityId: string): number[];
}

/** A relation seen from one of its statements. */
export interface StatementLink {
  relation: CorpusRelation;
  /** Number of the relation's other statement. */
  other: number;
}

/** Per-statement lists as offsets into one array: row `i` is `list[starts[i]..starts[i + 1]]`. */
interface Rows {
  starts: Uint32Array;
  list: Uint32Array;
}

/** Rows of `width` numbers each per item, built from each item's list. */
function rowsOf<T>(
  items: readonly T[],
  width: number,
  fill: (item: T, push: (n: number) => void) => void,
): Rows {
  const starts = new Uint32Array(items.length + 1);
  const values: number[] = [];
  items.forEach((item, i) => {
    fill(item, (n) => values.push(n));
    starts[i + 1] = values.length / width;
  });
  return { starts, list: Uint32Array.from(values) };
}

interface StatementColumns {
  entityIds: readonly string[];
  /** Entity numbers named by each statement. */
  entities: Rows;
  /** [start, end, entity number] per mention, three numbers per row entry. */
  mentions: Rows;
}

/** A corpus statement whose entity and mention lists live in shared columns. */
class StoredStatement implements CorpusStatement {
  id: string;
  article: string;
  text: string;
  start: number;
  end: number;
  checkworthy: boolean;
  speaker?: string;
  roles?: Array<[number, number]>;
  quotes?: string[];
  numbers?: number[];
  dates?: string[];
  negated?: boolean;
  cuts?: Array<[number, number]>;
  readonly #columns: StatementColumns;
  readonly #row: number;

  constructor(s: CorpusStatement, columns: StatementColumns, row: number) {
    this.id = s.id;
    this.article = s.article;
    this.text = s.text;
    this.start = s.start;
    this.end = s.end;
    this.checkworthy = s.checkworthy;
    // Optional fields only when present, so a stored statement has the keys its JSON had.
    if (s.speaker !== undefined) this.speaker = s.speaker;
    if (s.roles !== undefined) this.roles = s.roles;
    if (s.quotes !== undefined) this.quotes = s.quotes;
    if (s.numbers !== undefined) this.numbers = s.numbers;
    if (s.dates !== undefined) this.dates = s.dates;
    if (s.negated !== undefined) this.negated = s.negated;
    if (s.cuts !== undefined) this.cuts = s.cuts;
    this.#columns = columns;
    this.#row = row;
  }

  get entities(): string[] {
    const { entityIds, entities } = this.#columns;
    const out: string[] = [];
    for (let k = entities.starts[this.#row]!; k < entities.starts[this.#row + 1]!; k++) {
      out.push(entityIds[entities.list[k]!]!);
    }
    return out;
  }

  get mentions(): Array<[number, number, string]> {
    const { entityIds, mentions } = this.#columns;
    const out: Array<[number, number, string]> = [];
    for (let k = mentions.starts[this.#row]!; k < mentions.starts[this.#row + 1]!; k++) {
      out.push([mentions.list[3 * k]!, mentions.list[3 * k + 1]!, entityIds[mentions.list[3 * k + 2]!]!]);
    }
    return out;
  }

  /** The plain statement, as the corpus file has it: for the message channel and JSON. */
  toJSON(): CorpusStatement {
    return plainStatement(this);
  }
}

/**
 * A plain-object copy of a statement, with every field its own: what crosses
 * the message channel (Firefox's structured clone copies own fields only, so a
 * stored statement's `entities` and `mentions` would not survive it).
 */
export function plainStatement(s: CorpusStatement): CorpusStatement {
  const { id, article, text, start, end, entities, mentions, checkworthy } = s;
  const plain: CorpusStatement = { id, article, text, start, end, entities, mentions, checkworthy };
  for (const key of ['roles', 'speaker', 'quotes', 'numbers', 'dates', 'negated', 'cuts'] as const) {
    if (s[key] !== undefined) Object.assign(plain, { [key]: s[key] });
  }
  return plain;
}

const RELATION_KINDS: readonly RelationKind[] = ['corroborates', 'conflicts'];

/** The relations as columns, and each statement's relations as rows of relation numbers. */
function storeRelations(
  relations: readonly CorpusRelation[],
  statementIndex: ReadonlyMap<string, number>,
  statements: readonly CorpusStatement[],
): (i: number) => StatementLink[] {
  const n = relations.length;
  const a = new Uint32Array(n);
  const b = new Uint32Array(n);
  const kind = new Uint8Array(n);
  const reason = new Uint32Array(n);
  const detail = new Uint32Array(n);
  const score = new Float64Array(n);
  const gapDays = new Float64Array(n);
  const reasons = new Numbering<ReasonCode>();
  const details = new Numbering<string>();
  relations.forEach((r, k) => {
    a[k] = statementIndex.get(r.a)!;
    b[k] = statementIndex.get(r.b)!;
    kind[k] = RELATION_KINDS.indexOf(r.relation);
    reason[k] = reasons.numberOf(r.reason);
    detail[k] = details.numberOf(r.detail);
    score[k] = r.score;
    gapDays[k] = r.gapDays ?? NaN;
  });
  const relation = (k: number): CorpusRelation => {
    const r: CorpusRelation = {
      a: statements[a[k]!]!.id,
      b: statements[b[k]!]!.id,
      relation: RELATION_KINDS[kind[k]!]!,
      reason: reasons.values[reason[k]!]!,
      detail: details.values[detail[k]!]!,
      score: score[k]!,
    };
    if (!Number.isNaN(gapDays[k])) r.gapDays = gapDays[k]!;
    return r;
  };
  // Each relation belongs to the rows of both its statements, so the rows are filled by statement, not by relation.
  const starts = new Uint32Array(statements.length + 1);
  for (let k = 0; k < n; k++) {
    starts[a[k]! + 1]!++;
    starts[b[k]! + 1]!++;
  }
  for (let i = 0; i < statements.length; i++) starts[i + 1]! += starts[i]!;
  const next = starts.slice(0, -1);
  const list = new Uint32Array(2 * n);
  for (let k = 0; k < n; k++) {
    list[next[a[k]!]!++] = k;
    list[next[b[k]!]!++] = k;
  }
  return (i) =>
    Array.from(list.subarray(starts[i], starts[i + 1]), (k) => ({
      relation: relation(k),
      other: a[k] === i ? b[k]! : a[k]!,
    }));
}

/**
 * Moves a validated corpus into columns. The parsed corpus can be dropped
 * afterwards; nothing here refers back to its statement or relation objects.
 */
export function storeCorpus(corpus: Corpus): StoredCorpus {
  const statementIndex = new Map(corpus.statements.map((s, i) => [s.id, i]));
  const entityIds = corpus.entities.map((e) => e.id);
  const entityNumber = new Map(entityIds.map((id, n) => [id, n]));
  const columns: StatementColumns = {
    entityIds,
    entities: rowsOf(corpus.statements, 1, (s, push) => {
      for (const id of s.entities) push(entityNumber.get(id)!);
    }),
    mentions: rowsOf(corpus.statements, 3, (s, push) => {
      for (const [start, end, id] of s.mentions) {
        push(start);
        push(end);
        push(entityNumber.get(id)!);
      }
    }),
  };
  const statements = corpus.statements.map((s, i) => new StoredStatement(s, columns, i));
  return {
    articles: corpus.articles,
    entities: corpus.entities,
    statements,
    relationCount: corpus.relations.length,
    statementsNaming(entityId) {
      const n = entityNumber.get(entityId);
      const { starts, list } = columns.entities;
      const found: number[] = [];
      if (n === undefined) return found;
      for (let i = 0; i < statements.length; i++) {
        for (let k = starts[i]!; k < starts[i + 1]!; k++) {
          if (list[k] === n) {
            found.push(i);
            break;
          }
        }
      }
      return found;
    },
    relationsOf: storeRelations(corpus.relations, statementIndex, statements),
  };
}
