import type { Corpus } from './types';
import { isIsoDate } from './date-resolve';

/** Thrown when a corpus file does not match schema 1; the message names the field. */
export class CorpusError extends Error {
  override name = 'CorpusError';
}

function fail(path: string, expected: string): never {
  throw new CorpusError(`corpus: ${path} must be ${expected}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arrayAt(record: Record<string, unknown>, key: string, path: string): unknown[] {
  const value = record[key];
  if (!Array.isArray(value)) fail(`${path}.${key}`, 'an array');
  return value;
}

function stringAt(record: Record<string, unknown>, key: string, path: string): string {
  const value = record[key];
  if (typeof value !== 'string' || value === '') fail(`${path}.${key}`, 'a non-empty string');
  return value;
}

function numberAt(record: Record<string, unknown>, key: string, path: string): number {
  const value = record[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(`${path}.${key}`, 'a number');
  return value;
}

/**
 * Asserts that untrusted JSON (a bundled or imported corpus) is a schema-1
 * corpus. Checks every field the engine reads and the references between
 * sections, so a broken file is rejected up front instead of mid-analysis.
 */
export function assertCorpus(json: unknown): asserts json is Corpus {
  if (!isRecord(json)) fail('corpus', 'a JSON object');
  if (json.schema !== 1) fail('corpus.schema', 'the number 1');
  const articleIds = new Set<string>();
  arrayAt(json, 'articles', 'corpus').forEach((article, i) => {
    const path = `corpus.articles[${i}]`;
    if (!isRecord(article)) fail(path, 'an object');
    const id = stringAt(article, 'id', path);
    if (articleIds.has(id)) fail(`${path}.id`, `unique, but "${id}" repeats`);
    articleIds.add(id);
    stringAt(article, 'outlet', path);
    if (typeof article.title !== 'string') fail(`${path}.title`, 'a string');
    if (article.published !== null && !isIsoDate(article.published)) {
      fail(`${path}.published`, 'a YYYY-MM-DD date or null');
    }
  });
  const entityIds = new Set<string>();
  arrayAt(json, 'entities', 'corpus').forEach((entity, i) => {
    const path = `corpus.entities[${i}]`;
    if (!isRecord(entity)) fail(path, 'an object');
    entityIds.add(stringAt(entity, 'id', path));
    stringAt(entity, 'name', path);
    if (!['person', 'organisation', 'place'].includes(String(entity.kind))) {
      fail(`${path}.kind`, 'person, organisation or place');
    }
    const aliases = arrayAt(entity, 'aliases', path);
    if (!aliases.every((alias) => typeof alias === 'string')) fail(`${path}.aliases`, 'strings');
  });
  const statementIds = new Set<string>();
  arrayAt(json, 'statements', 'corpus').forEach((statement, i) => {
    const path = `corpus.statements[${i}]`;
    if (!isRecord(statement)) fail(path, 'an object');
    statementIds.add(stringAt(statement, 'id', path));
    const article = stringAt(statement, 'article', path);
    if (!articleIds.has(article)) fail(`${path}.article`, `a known article id, not "${article}"`);
    stringAt(statement, 'text', path);
    const start = numberAt(statement, 'start', path);
    if (numberAt(statement, 'end', path) < start) fail(`${path}.end`, 'at least start');
    const entities = arrayAt(statement, 'entities', path);
    for (const id of entities) {
      if (typeof id !== 'string' || !entityIds.has(id)) fail(`${path}.entities`, 'known entity ids');
    }
    const text = String(statement.text);
    arrayAt(statement, 'mentions', path).forEach((mention, j) => {
      const ok =
        Array.isArray(mention) &&
        mention.length === 3 &&
        Number.isInteger(mention[0]) &&
        Number.isInteger(mention[1]) &&
        mention[0] >= 0 &&
        mention[1] > mention[0] &&
        mention[1] <= text.length &&
        typeof mention[2] === 'string' &&
        entityIds.has(mention[2]);
      if (!ok) fail(`${path}.mentions[${j}]`, '[start, end, entity id] inside the text');
    });
    if (typeof statement.checkworthy !== 'boolean') fail(`${path}.checkworthy`, 'true or false');
    for (const key of ['cuts', 'roles'] as const) {
      if (statement[key] === undefined) continue;
      const pairs = arrayAt(statement, key, path);
      if (!pairs.every((c) => Array.isArray(c) && c.length === 2 && c.every((n) => Number.isInteger(n)))) {
        fail(`${path}.${key}`, 'pairs of offsets');
      }
    }
    for (const key of ['speaker', 'quotes', 'numbers', 'dates'] as const) {
      if (statement[key] === undefined) continue;
      if (key === 'speaker' ? !entityIds.has(String(statement[key])) : !Array.isArray(statement[key])) {
        fail(`${path}.${key}`, key === 'speaker' ? 'a known entity id' : 'an array');
      }
    }
  });
  arrayAt(json, 'relations', 'corpus').forEach((relation, i) => {
    const path = `corpus.relations[${i}]`;
    if (!isRecord(relation)) fail(path, 'an object');
    for (const side of ['a', 'b']) {
      const id = stringAt(relation, side, path);
      if (!statementIds.has(id)) fail(`${path}.${side}`, `a known statement id, not "${id}"`);
    }
    if (relation.relation !== 'corroborates' && relation.relation !== 'conflicts') {
      fail(`${path}.relation`, 'corroborates or conflicts');
    }
    stringAt(relation, 'reason', path);
    numberAt(relation, 'score', path);
  });
}

/**
 * Makes every repeated id and relation word of a parsed corpus one shared
 * string. JSON.parse gives each occurrence its own copy (V8 shares only the
 * shortest strings), and a large corpus names the same entity, article and
 * statement ids hundreds of thousands of times: a third of a 5,000-article
 * corpus's heap was these copies.
 */
function shareRepeatedStrings(corpus: Corpus): void {
  const known = new Map<string, string>();
  const share = <T extends string>(value: T): T => {
    const first = known.get(value);
    if (first !== undefined) return first as T;
    known.set(value, value);
    return value;
  };
  for (const article of corpus.articles) share(article.id);
  for (const entity of corpus.entities) share(entity.id);
  for (const statement of corpus.statements) {
    share(statement.id);
    statement.article = share(statement.article);
    if (statement.speaker !== undefined) statement.speaker = share(statement.speaker);
    const entities = statement.entities;
    for (let i = 0; i < entities.length; i++) entities[i] = share(entities[i]!);
    for (const mention of statement.mentions) mention[2] = share(mention[2]);
  }
  for (const relation of corpus.relations) {
    relation.a = share(relation.a);
    relation.b = share(relation.b);
    relation.relation = share(relation.relation);
    relation.reason = share(relation.reason);
    relation.detail = share(relation.detail);
  }
}

/**
 * Validates untrusted JSON and returns it as a corpus, or throws CorpusError.
 * The corpus is the same data, with its repeated strings shared (see above).
 */
export function parseCorpus(json: unknown): Corpus {
  assertCorpus(json);
  shareRepeatedStrings(json);
  return json;
}

/** Serialises a corpus the one way the repository stores it, so equal input gives equal bytes. */
export function serializeCorpus(corpus: Corpus): string {
  return `${JSON.stringify(corpus)}\n`;
}
