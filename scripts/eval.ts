/**
 * `npm run eval`: scores Crosscheck on the expected cross-outlet relations of
 * the seed articles (`../shared/eval/seed-relations.json`), twice: the
 * relations the corpus builder stores, and the links the page engine finds
 * when each seed is opened as a page. Exits non-zero below the targets.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseCorpus } from '../src/engine/corpus-schema';
import { buildCorpus } from '../src/engine/corpus-build';
import { indexCorpus } from '../src/engine/corpus-index';
import { analyzePage } from '../src/engine/analyze-page';
import { readSources } from '../src/cli/corpus-sources';
import {
  corpusLink,
  locateQuote,
  scoreRelations,
  type EvalOutcome,
  type ExpectedRelation,
} from '../src/cli/seed-eval';

const { values } = parseArgs({
  options: {
    relations: { type: 'string', default: '../shared/eval/seed-relations.json' },
    seeds: { type: 'string', default: 'data/seeds' },
    json: { type: 'boolean', default: false },
  },
});

if (!existsSync(values.relations)) {
  console.error(`eval: ${values.relations} not found (pass --relations FILE)`);
  process.exit(2);
}
const expected: ExpectedRelation[] = (
  JSON.parse(readFileSync(values.relations, 'utf8')) as { relations: ExpectedRelation[] }
).relations;
const { articles } = readSources(values.seeds);
const sources = new Map(articles.map((a) => [a.file, a.text]));
const corpus = parseCorpus(JSON.parse(JSON.stringify(buildCorpus(articles))));
const index = indexCorpus(corpus);

const corpusScores = scoreRelations(expected, (a, b) => corpusLink(corpus, sources, a, b));

const pages = new Map(
  articles.map((a) => [a.file, analyzePage(index, { text: a.text, title: a.title, published: a.published })]),
);
const pageLink = (from: ExpectedRelation['a'], to: ExpectedRelation['b']): EvalOutcome['found'] => {
  const page = pages.get(from.seed);
  const span = locateQuote(sources.get(from.seed) ?? '', from.quote);
  const target = articles.find((a) => a.file === to.seed);
  const targetSpan = locateQuote(sources.get(to.seed) ?? '', to.quote);
  if (!page || !span || !target || !targetSpan) return 'none';
  const targetIds = new Set(
    corpus.statements
      .filter(
        (s) =>
          s.article === target.file.replace(/\.[^.]+$/, '') &&
          s.start < targetSpan.end &&
          s.end > targetSpan.start,
      )
      .map((s) => s.id),
  );
  let found: EvalOutcome['found'] = 'none';
  for (const claim of page.claims) {
    if (claim.start >= span.end || claim.end <= span.start) continue;
    for (const e of claim.evidence) {
      if (!targetIds.has(e.statementId)) continue;
      if (e.relation === 'conflicts') return 'conflicts';
      if (e.relation === 'corroborates' || found === 'none') found = e.relation;
    }
  }
  return found;
};
const rank = { conflicts: 3, corroborates: 2, related: 1, none: 0 } as const;
const pageScores = scoreRelations(expected, (a, b) => {
  const ab = pageLink(a, b);
  const ba = pageLink(b, a);
  return rank[ab] >= rank[ba] ? ab : ba;
});

const TARGET = { corroborates: 14, conflicts: 3 };
const meets = (s: typeof corpusScores.summary) =>
  s.corroborates.ok >= TARGET.corroborates &&
  s.conflicts.ok >= TARGET.conflicts &&
  s.unrelated.ok === s.unrelated.total;

if (values.json) {
  console.log(JSON.stringify({ corpus: corpusScores, page: pageScores }, null, 2));
} else {
  for (const [label, scores] of [
    ['corpus relations', corpusScores],
    ['page engine', pageScores],
  ] as const) {
    console.log(`\n${label}`);
    for (const o of scores.outcomes)
      console.log(
        `  ${o.ok ? 'ok  ' : 'MISS'} ${o.id.padEnd(28)} expected ${o.expected.padEnd(12)} found ${o.found}`,
      );
    const s = scores.summary;
    console.log(
      `  corroborations ${s.corroborates.ok}/${s.corroborates.total} (target ≥ ${TARGET.corroborates}), ` +
        `conflicts ${s.conflicts.ok}/${s.conflicts.total} (target ${TARGET.conflicts}), ` +
        `unrelated pairs linked ${s.unrelated.total - s.unrelated.ok}/${s.unrelated.total} (target 0)`,
    );
  }
}
process.exitCode = meets(corpusScores.summary) && meets(pageScores.summary) ? 0 : 1;
