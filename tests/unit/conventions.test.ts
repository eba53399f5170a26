/**
 * The repository's own conventions, checked like refined-github's
 * `build/features.test.ts`: the bundled corpus is fresh, every statement is
 * traceable to its exact source span, the corpus stays small, and every file in
 * `entrypoints/` is a real WXT entrypoint that only wires things up.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { DEFAULT_IN, DEFAULT_OUT } from '../../src/cli/corpus-paths';
import { readSources } from '../../src/cli/corpus-sources';
import { buildCorpus } from '../../src/engine/corpus-build';
import { parseCorpus, serializeCorpus } from '../../src/engine/corpus-schema';
import type { Corpus, CorpusStatement } from '../../src/engine/types';

const ROOT = resolve(__dirname, '../..');
const SEEDS = join(ROOT, DEFAULT_IN);
const CORPUS_FILE = join(ROOT, DEFAULT_OUT);
const ENTRYPOINTS = join(ROOT, 'entrypoints');
const MAX_CORPUS_BYTES = 80_000;

const committed = readFileSync(CORPUS_FILE, 'utf8');
// Parsed without validation here, so a schema error fails one test, not the whole file.
const corpus: Corpus = JSON.parse(committed);

/** Folds runs of white space (U+00A0 included) to one space and trims. */
const fold = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe(`the bundled corpus (${DEFAULT_OUT})`, () => {
  test(`is fresh: a rebuild from ${DEFAULT_IN} gives the same bytes`, () => {
    const fresh = serializeCorpus(buildCorpus(readSources(SEEDS).articles));
    if (fresh === committed) return;
    let at = 0;
    while (fresh[at] === committed[at]) at += 1;
    expect.fail(
      `${DEFAULT_OUT} is stale against ${DEFAULT_IN} or the engine (first difference at byte ${at}: ` +
        `committed "${committed.slice(at, at + 60)}", fresh "${fresh.slice(at, at + 60)}"). ` +
        'Run `npm run corpus` and commit the result.',
    );
  }, 30_000);

  test('passes the schema-1 check the extension runs on it', () => {
    expect(() => parseCorpus(JSON.parse(committed))).not.toThrow();
  });

  test(`is at most ${MAX_CORPUS_BYTES / 1000} KB`, () => {
    expect(statSync(CORPUS_FILE).size).toBeLessThanOrEqual(MAX_CORPUS_BYTES);
  });

  test('gives every article an outlet and a YYYY-MM-DD date or an explicit null', () => {
    expect(corpus.articles.length).toBeGreaterThan(0);
    for (const article of corpus.articles) {
      expect(article.outlet.trim(), article.id).not.toBe('');
      expect(Object.hasOwn(article, 'published'), `${article.id} has no "published" key`).toBe(true);
      if (article.published !== null) {
        expect(article.published, article.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(new Date(`${article.published}T00:00:00Z`).toISOString().slice(0, 10)).toBe(article.published);
      }
      expect(existsSync(join(SEEDS, article.file)), `${article.file} is not in ${DEFAULT_IN}`).toBe(true);
    }
  });

  test('has unique statement ids', () => {
    const ids = corpus.statements.map((statement) => statement.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  const articles = new Map(corpus.articles.map((article) => [article.id, article]));
  const sources = new Map<string, string>();
  const sourceOf = (statement: CorpusStatement): string => {
    const file = articles.get(statement.article)?.file;
    if (file === undefined) throw new Error(`${statement.id}: no article "${statement.article}"`);
    if (!sources.has(file)) sources.set(file, readFileSync(join(SEEDS, file), 'utf8'));
    return sources.get(file) ?? '';
  };

  test.each(corpus.statements.map((statement) => [statement.id, statement] as const))(
    'statement %s is its exact source span, less its cuts',
    (_id, statement) => {
      const source = sourceOf(statement);
      expect(statement.start).toBeGreaterThanOrEqual(0);
      expect(statement.end).toBeGreaterThan(statement.start);
      expect(statement.end).toBeLessThanOrEqual(source.length);
      let at = statement.start;
      let text = '';
      const cuts = [...(statement.cuts ?? [])].sort((a, b) => a[0] - b[0]);
      for (const [cutStart, cutEnd] of cuts) {
        expect(cutStart, 'cuts lie inside the span, in order, without overlap').toBeGreaterThanOrEqual(at);
        expect(cutEnd).toBeGreaterThan(cutStart);
        expect(cutEnd).toBeLessThanOrEqual(statement.end);
        text += source.slice(at, cutStart);
        at = cutEnd;
      }
      text += source.slice(at, statement.end);
      expect(fold(text)).toBe(fold(statement.text));
    },
  );

  test('names only known entities, at mentions that slice to text', () => {
    const entityIds = new Set(corpus.entities.map((entity) => entity.id));
    const problems: string[] = [];
    for (const statement of corpus.statements) {
      for (const id of statement.entities) {
        if (!entityIds.has(id)) problems.push(`${statement.id}: unknown entity ${id}`);
      }
      for (const [start, end, id] of statement.mentions) {
        if (!entityIds.has(id)) problems.push(`${statement.id}: mention of unknown entity ${id}`);
        if (statement.text.slice(start, end).trim() === '' || end > statement.text.length || start < 0) {
          problems.push(`${statement.id}: mention [${start}, ${end}] of ${id} slices to no text`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test('relates only existing statements of different articles', () => {
    const statements = new Map(corpus.statements.map((statement) => [statement.id, statement]));
    const problems: string[] = [];
    for (const { a, b } of corpus.relations) {
      const left = statements.get(a);
      const right = statements.get(b);
      if (!left || !right) problems.push(`${a} ~ ${b}: unknown statement`);
      else if (left.article === right.article) problems.push(`${a} ~ ${b}: same article`);
    }
    expect(corpus.relations.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});

const DEFINE_FOR_SCRIPT = ['defineBackground', 'defineContentScript', 'defineUnlistedScript'];

/** The `define…` call WXT expects for a script entrypoint, from its name (as WXT reads it). */
function expectedDefine(name: string): string {
  if (name === 'background') return 'defineBackground';
  if (name === 'content' || name.endsWith('.content')) return 'defineContentScript';
  return 'defineUnlistedScript';
}

/**
 * Problems with an entrypoint script's top level. WXT imports entrypoints in
 * Node to read their options, so the only statements allowed are imports,
 * types and one `export default define…(…)`; all work belongs in its callback.
 */
function topLevelProblems(source: string, define: string): string[] {
  const file = ts.createSourceFile('entrypoint.ts', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const problems: string[] = [];
  let defaults = 0;
  for (const statement of file.statements) {
    if (
      ts.isImportDeclaration(statement) ||
      ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement)
    ) {
      continue;
    }
    if (ts.isExportAssignment(statement) && !statement.isExportEquals) {
      defaults += 1;
      const call = statement.expression;
      const callee =
        ts.isCallExpression(call) && ts.isIdentifier(call.expression) ? call.expression.text : '';
      if (callee !== define) problems.push(`export default must call ${define}(…), not "${call.getText()}"`);
      continue;
    }
    const { line } = file.getLineAndCharacterOfPosition(statement.getStart());
    problems.push(`line ${line + 1} runs at top level: "${statement.getText().split('\n')[0]}"`);
  }
  if (defaults !== 1) problems.push(`needs exactly one \`export default ${define}(…)\`, found ${defaults}`);
  return problems;
}

describe('the entrypoint scan', () => {
  test.each([
    {
      name: 'imports and the default export',
      problems: 0,
      source: "import x from './x';\nexport default defineBackground(() => x());\n",
    },
    {
      name: 'types',
      problems: 0,
      source: 'type A = 1;\ninterface B {}\nexport default defineBackground({ main() {} });\n',
    },
    {
      name: 'a top-level call',
      problems: 1,
      source: "console.log('start');\nexport default defineBackground(() => {});\n",
    },
    {
      name: 'top-level state',
      problems: 1,
      source: 'const state = new Map();\nexport default defineBackground(() => state);\n',
    },
    {
      name: 'a named export',
      problems: 1,
      source: 'export const helper = 1;\nexport default defineBackground(() => {});\n',
    },
    {
      name: 'the wrong define for the name',
      problems: 1,
      source: 'export default defineContentScript({ main() {} });\n',
    },
    { name: 'a plain object export', problems: 1, source: 'export default { main() {} };\n' },
    { name: 'no default export', problems: 1, source: "import './side-effect';\n" },
    {
      name: 'a define call only in a comment',
      problems: 2,
      source: '/* export default defineBackground( */ void 0;\n',
    },
  ])('finds $problems problem(s) in an entrypoint with $name', ({ source, problems }) => {
    expect(topLevelProblems(source, 'defineBackground')).toHaveLength(problems);
  });
});

/** Files an HTML entrypoint loads by relative path (`<script src>`, `<link href>`). */
function localReferences(html: string): string[] {
  const found = [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)\s*=\s*["']([^"']+)["']/gi)];
  return found.map((match) => match[1] ?? '').filter((ref) => !/^(?:[a-z]+:|\/\/|\/|#)/i.test(ref));
}

describe('entrypoints/', () => {
  const entries = readdirSync(ENTRYPOINTS, { withFileTypes: true })
    .map((entry) => ({ name: entry.name, folder: entry.isDirectory() }))
    .sort((a, b) => a.name.localeCompare(b.name));

  test('holds entrypoints', () => {
    expect(entries.map((entry) => entry.name)).toEqual(
      expect.arrayContaining(['background.ts', 'content.ts']),
    );
  });

  test.each(entries.filter((entry) => !entry.folder).map((entry) => entry.name))(
    '%s is a script entrypoint with no top-level side effects',
    (name) => {
      expect(['.ts', '.tsx'], `${name} is not an entrypoint script`).toContain(extname(name));
      const source = readFileSync(join(ENTRYPOINTS, name), 'utf8');
      expect(source).toMatch(new RegExp(`\\b(?:${DEFINE_FOR_SCRIPT.join('|')})\\(`));
      expect(topLevelProblems(source, expectedDefine(basename(name, extname(name))))).toEqual([]);
    },
  );

  test.each(entries.filter((entry) => entry.folder).map((entry) => entry.name))(
    '%s/ is an entrypoint folder with no stray files',
    (name) => {
      const folder = join(ENTRYPOINTS, name);
      const files = readdirSync(folder).sort();
      if (files.includes('index.ts')) {
        const source = readFileSync(join(folder, 'index.ts'), 'utf8');
        expect(topLevelProblems(source, expectedDefine(name))).toEqual([]);
        return;
      }
      expect(files, `entrypoints/${name}/ needs an index.html`).toContain('index.html');
      const references = localReferences(readFileSync(join(folder, 'index.html'), 'utf8')).map((ref) =>
        join(folder, ref),
      );
      expect(references.length, 'index.html loads no script').toBeGreaterThan(0);
      for (const path of references) expect(existsSync(path), `index.html loads missing ${path}`).toBe(true);
      const stray = files.filter((file) => file !== 'index.html' && !references.includes(join(folder, file)));
      expect(stray, `files in entrypoints/${name}/ that index.html does not load`).toEqual([]);
    },
  );
});
