/**
 * `npm run check`: analyses a saved page or a text article against the corpus.
 * Checks the `--json` contract, self-exclusion for a corpus article, offsets,
 * article extraction from a saved HTML page, the report for people, and the
 * one-line errors on bad input.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Corpus, PageAnalysis } from '../../../src/engine/types';
import {
  CLI_TIMEOUT,
  ROOT,
  expectOneLineError,
  foldSpace,
  runCli,
  runClis,
  tempDir,
  type CliCall,
  type CliRun,
} from './run-cli';

const SEED = 'data/seeds/002_411b7c5d9a592519.txt';
const PAGE = 'tests/fixtures/cli/other-outlet.html';
const PAGE_OUTLET = 'The Northern Ledger';

const corpus: Corpus = JSON.parse(readFileSync(join(ROOT, 'data/corpus.json'), 'utf8'));
const articleOfStatement = new Map(corpus.statements.map((s) => [s.id, s.article]));
const corpusOutlets = new Set(corpus.articles.map((a) => a.outlet));

const VERDICTS = ['corroborated', 'conflicting', 'mixed', 'unverified'];
const RELATIONS = ['corroborates', 'conflicts', 'related'];

/** Parses `--json` output after checking that the run succeeded. */
function analysisOf(run: CliRun): PageAnalysis {
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

/** The corpus entity id for a name, so the test does not depend on how ids are spelled. */
function corpusId(name: string): string {
  const entity = corpus.entities.find((e) => e.name === name || e.aliases.includes(name));
  if (!entity) throw new Error(`the corpus does not know ${name}`);
  return entity.id;
}

function isDateOrNull(value: unknown): boolean {
  return value === null || (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value));
}

describe('--json on a seed article', () => {
  let run: CliRun;
  let analysis: PageAnalysis;
  const text = readFileSync(join(ROOT, SEED), 'utf8');
  const seedFile = SEED.split('/').pop();
  const seedArticle = corpus.articles.find((a) => a.file === seedFile);

  beforeAll(async () => {
    run = await runCli('check', [SEED, '--json']);
    analysis = analysisOf(run);
  }, CLI_TIMEOUT);

  test('exits 0 with JSON on stdout and nothing on stderr', () => {
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(analysis.source).toBe(SEED);
  });

  test('has the contract keys, with the contract types', () => {
    expect(analysis).toHaveProperty('article');
    expect(analysis.entities.length).toBeGreaterThan(0);
    for (const entity of analysis.entities) {
      expect(entity).toMatchObject({ id: expect.any(String), name: expect.any(String) });
      expect(entity.mentions.length).toBeGreaterThan(0);
      for (const mention of entity.mentions) {
        expect(mention.end).toBeGreaterThan(mention.start);
      }
    }
    expect(analysis.claims.length).toBeGreaterThan(0);
    for (const claim of analysis.claims) {
      expect(claim).toMatchObject({
        text: expect.any(String),
        start: expect.any(Number),
        end: expect.any(Number),
      });
      expect(VERDICTS).toContain(claim.verdict);
      for (const evidence of claim.evidence) {
        expect(evidence).toMatchObject({
          outlet: expect.any(String),
          text: expect.any(String),
          reason: expect.any(String),
          score: expect.any(Number),
          articleId: expect.any(String),
          statementId: expect.any(String),
        });
        expect(RELATIONS).toContain(evidence.relation);
        expect(isDateOrNull(evidence.published), `published: ${evidence.published}`).toBe(true);
      }
    }
    expect(analysis.claims.some((claim) => claim.evidence.length > 0)).toBe(true);
  });

  test("names the seed's own corpus article as the page (self-match)", () => {
    expect(seedArticle).toBeDefined();
    expect(analysis.article).toMatchObject({
      id: seedArticle?.id,
      outlet: seedArticle?.outlet,
      published: seedArticle?.published,
    });
  });

  test('never cites the page itself, or its own outlet, as evidence', () => {
    const evidence = analysis.claims.flatMap((claim) => claim.evidence);
    expect(evidence.length).toBeGreaterThan(0);
    for (const item of evidence) {
      expect(item.articleId).not.toBe(seedArticle?.id);
      expect(item.outlet).not.toBe(seedArticle?.outlet);
      // The ids point at a real corpus statement of the article they name.
      expect(articleOfStatement.get(item.statementId)).toBe(item.articleId);
    }
  });

  test('claim offsets slice the input file to the claim text (modulo white space)', () => {
    for (const claim of analysis.claims) {
      expect(foldSpace(text.slice(claim.start, claim.end))).toBe(foldSpace(claim.text));
    }
  });

  test('entity mention offsets slice the input file to a name', () => {
    for (const entity of analysis.entities) {
      // Places may be named by a demonym ("Russian"); people only by their name or an alias.
      const names = [entity.name, ...entity.aliases].map(foldSpace);
      for (const { start, end } of entity.mentions) {
        const named = text.slice(start, end);
        expect(named).toMatch(/^\p{Lu}.*\S$/su);
        if (entity.kind === 'person') expect(names, entity.id).toContain(foldSpace(named));
      }
    }
  });
});

/** Text that is on the saved page but outside the story; none of it may be checked. */
const FURNITURE = [
  { region: 'navigation', snippet: 'Chancellor promises 4 billion pounds' },
  { region: 'related-stories aside', snippet: 'Related stories' },
  { region: 'related-stories aside', snippet: 'warns Beijing over 7 island bases' },
  { region: 'related-stories aside', snippet: 'spend 2 per cent on defence by 2024' },
  { region: 'comments', snippet: 'visited Mattis in Brussels in 2016' },
  { region: 'comments', snippet: 'resigned from the Marines in 2009' },
  { region: 'comments', snippet: 'Let us see a meeting first' },
  { region: 'footer', snippet: 'company number 01234567' },
  { region: 'footer', snippet: 'photographs licensed from agencies' },
];

describe("a saved HTML page from an outlet the corpus doesn't know", () => {
  const html = readFileSync(join(ROOT, PAGE), 'utf8');
  const pageText = foldSpace(html.replace(/<[^>]*>/g, ' '));
  let analysis: PageAnalysis;
  let report: CliRun;

  beforeAll(async () => {
    const run = await runClis({ json: ['check', [PAGE, '--json']], report: ['check', [PAGE]] });
    analysis = analysisOf(run('json'));
    report = run('report');
  }, CLI_TIMEOUT);

  test('is not mistaken for a corpus article', () => {
    expect(analysis.article).toBeNull();
  });

  test.each(['James Mattis', 'Sergei Shoigu'])(
    'finds %s under his corpus id, though the page spells the name differently',
    (name) => {
      const id = corpusId(name);
      const found = analysis.entities.find((entity) => entity.id === id);
      expect(found, `entities: ${analysis.entities.map((e) => e.id).join(', ')}`).toBeDefined();
      expect(found?.mentions.length).toBeGreaterThan(0);
    },
  );

  test('corroborates at least one claim with evidence from a corpus outlet', () => {
    const corroborated = analysis.claims.filter((claim) => claim.verdict === 'corroborated');
    expect(corroborated.length).toBeGreaterThan(0);
    for (const claim of corroborated) {
      const support = claim.evidence.filter((e) => e.relation === 'corroborates');
      expect(support.length, claim.text).toBeGreaterThan(0);
      for (const item of support) {
        expect(item.outlet).not.toBe(PAGE_OUTLET);
        expect(corpusOutlets.has(item.outlet)).toBe(true);
      }
    }
  });

  test('links the "no talks since 2015" claim to a report of the same year', () => {
    const claim = analysis.claims.find((c) => c.text.includes('since 2015'));
    expect(claim, analysis.claims.map((c) => c.text).join('\n')).toBeDefined();
    // "mixed" is fair too: an earlier report dates the last military talks to 2014.
    expect(['corroborated', 'mixed']).toContain(claim?.verdict);
    const support = claim?.evidence.filter((e) => e.relation === 'corroborates') ?? [];
    expect(support.some((e) => e.text.includes('2015'))).toBe(true);
  });

  test('checks only text that is on the page', () => {
    expect(analysis.claims.length).toBeGreaterThan(0);
    for (const claim of analysis.claims) expect(pageText).toContain(foldSpace(claim.text));
  });

  test.each(FURNITURE)('checks no claim from the $region ("$snippet")', ({ snippet }) => {
    // The snippet must really be on the page, or this test proves nothing.
    expect(pageText).toContain(snippet);
    for (const claim of analysis.claims) expect(foldSpace(claim.text)).not.toContain(snippet);
  });

  test('prints a report for people with verdicts and outlet names', () => {
    expect(report.status, report.stderr).toBe(0);
    expect(report.stderr).toBe('');
    expect(report.stdout).toContain('corroborated');
    const outlets = new Set(
      analysis.claims
        .filter((claim) => claim.verdict !== 'unverified')
        .flatMap((claim) => claim.evidence.map((e) => e.outlet)),
    );
    expect(outlets.size).toBeGreaterThan(0);
    for (const outlet of outlets) expect(report.stdout).toContain(outlet);
    const shown = analysis.claims.find((claim) => claim.verdict === 'corroborated');
    expect(report.stdout).toContain(shown?.text);
    expect(() => JSON.parse(report.stdout)).toThrow();
  });
});

describe('a saved page whose paragraphs are <div>s, with a video player and a time stamp in the story', () => {
  const DIV_PAGE = 'tests/fixtures/cli/div-paragraphs.html';
  let analysis: PageAnalysis;

  beforeAll(async () => {
    analysis = analysisOf(await runCli('check', [DIV_PAGE, '--json']));
  }, CLI_TIMEOUT);

  test('checks every paragraph of the story, not only the byline <p>s', () => {
    const texts = analysis.claims.map((c) => c.text);
    expect(texts.some((t) => t.includes('willing to hold talks with Russian Defense Minister'))).toBe(true);
    expect(texts.some((t) => t.includes('annexation of Crimea'))).toBe(true);
    expect(analysis.claims.filter((c) => c.verdict === 'corroborated').length).toBeGreaterThanOrEqual(5);
  });

  test.each(['JUST WATCHED', 'More Videos', "meant to say 'wouldn't'", 'Updated 4:31 PM', 'Chat with us'])(
    'checks no claim from the furniture in the story ("%s")',
    (snippet) => {
      expect(readFileSync(join(ROOT, DIV_PAGE), 'utf8')).toContain(snippet);
      for (const claim of analysis.claims) expect(claim.text).not.toContain(snippet);
    },
  );

  test('dates the page by its "pubdate" meta tag, so reports of 2017 are 17 months earlier', () => {
    const reasons = analysis.claims.flatMap((c) => c.evidence.map((e) => e.reason));
    expect(reasons.some((r) => r.includes('reported 17 months earlier'))).toBe(true);
  });
});

describe('a saved page with lists of links, an embedded post and image credits in the story', () => {
  const LINKS_PAGE = 'tests/fixtures/cli/link-lists.html';
  let analysis: PageAnalysis;

  beforeAll(async () => {
    analysis = analysisOf(await runCli('check', [LINKS_PAGE, '--json']));
  }, CLI_TIMEOUT);

  test.each([
    'Trump says he misspoke over Russia meddling',
    'Five takeaways from the Helsinki summit',
    'What we learned',
    'Related Topics',
    '(@realDonaldTrump)',
    'Image source',
    'Image caption',
  ])('checks no claim from the furniture ("%s")', (snippet) => {
    expect(readFileSync(join(ROOT, LINKS_PAGE), 'utf8')).toContain(snippet);
    for (const claim of analysis.claims) expect(claim.text).not.toContain(snippet);
  });

  test('names no one after the furniture: no "Related Topics", no picture agency', () => {
    const names = analysis.entities.map((e) => e.name);
    expect(names).toContain('Valery Gerasimov');
    expect(names.filter((n) => /Related|Getty|Image/.test(n))).toEqual([]);
  });

  test("checks the embedded post's own words, without its attribution line", () => {
    const post = analysis.claims.find((c) =>
      c.text.includes('Great meeting with President Putin in Helsinki'),
    );
    expect(post).toBeDefined();
    expect(analysis.claims.filter((c) => c.verdict === 'corroborated').length).toBeGreaterThanOrEqual(6);
  });
});

describe('bad input', () => {
  let scratch: { dir: string; remove: () => void };
  const path = (name: string) => join(scratch.dir, name);

  const CASES: Array<{ name: string; args: () => string[]; names: () => string[] }> = [
    { name: 'a missing file', args: () => [path('missing.txt')], names: () => [path('missing.txt')] },
    { name: 'a folder', args: () => [path('folder.txt')], names: () => [path('folder.txt')] },
    { name: 'an empty .txt', args: () => [path('empty.txt')], names: () => [path('empty.txt')] },
    {
      name: 'a white-space-only .html',
      args: () => [path('blank.html'), '--json'],
      names: () => [path('blank.html')],
    },
    {
      name: '--corpus naming a missing file',
      args: () => [SEED, '--corpus', path('missing.json')],
      names: () => [path('missing.json')],
    },
    {
      name: '--corpus naming invalid JSON',
      args: () => [SEED, '--json', '--corpus', path('broken.json')],
      names: () => [path('broken.json'), 'JSON'],
    },
    {
      name: '--corpus naming JSON of the wrong shape',
      args: () => [SEED, '--corpus', path('schema-2.json')],
      names: () => [path('schema-2.json'), 'schema'],
    },
  ];
  let run: (name: string) => CliRun;

  beforeAll(async () => {
    scratch = tempDir('check-cli');
    mkdirSync(path('folder.txt'));
    writeFileSync(path('empty.txt'), '');
    writeFileSync(path('blank.html'), ' \n\t\u00a0\n  \n');
    writeFileSync(path('broken.json'), '{"schema": 1, "articles": [');
    writeFileSync(path('schema-2.json'), '{"schema":2}');
    run = await runClis(
      Object.fromEntries(CASES.map(({ name, args }): [string, CliCall] => [name, ['check', args()]])),
    );
  }, CLI_TIMEOUT);

  afterAll(() => scratch.remove());

  test.each(CASES)('$name: one line on stderr, non-zero exit, no stack trace', ({ name, names }) => {
    const result = run(name);
    expectOneLineError(result, 'check:', names());
    expect(result.stdout).toBe('');
  });
});
