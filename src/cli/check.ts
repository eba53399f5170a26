import { existsSync, readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { analyzePage } from '../engine/analyze-page';
import { indexCorpus } from '../engine/corpus-index';
import { parseCorpus } from '../engine/corpus-schema';
import type { PageAnalysis, Verdict } from '../engine/types';
import { DEFAULT_OUT } from './corpus-paths';

const USAGE = 'usage: npm run check -- FILE [--json] [--all] [--corpus CORPUS.json]';

/** A problem the user can fix; printed as one line, never as a stack trace. */
class CheckError extends Error {}

const VERDICT_LABEL: Record<Verdict, string> = {
  corroborated: '✔ corroborated',
  conflicting: '✖ conflicting ',
  mixed: '± mixed       ',
  unverified: '· unverified  ',
};

function loadCorpusFile(path: string) {
  if (!existsSync(path)) throw new CheckError(`corpus ${path} not found`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CheckError(`corpus ${path} is not valid JSON (${(error as Error).message})`);
  }
  try {
    return indexCorpus(parseCorpus(json));
  } catch (error) {
    throw new CheckError(`${path}: ${(error as Error).message}`);
  }
}

/** The report for people: claims with evidence first, grouped by verdict, evidence grouped by outlet. */
export function formatReport(file: string, analysis: PageAnalysis, all: boolean): string {
  const lines: string[] = [];
  const count = (v: Verdict) => analysis.claims.filter((c) => c.verdict === v).length;
  lines.push(
    `${file}: ${analysis.claims.length} claims checked — ${count('corroborated')} corroborated, ` +
      `${count('conflicting')} conflicting, ${count('mixed')} mixed, ${count('unverified')} unverified`,
  );
  if (analysis.article) {
    lines.push(
      `This page is ${analysis.article.outlet}'s article (${analysis.article.published ?? 'undated'}); its own statements are not used as evidence.`,
    );
  }
  const named = analysis.entities.filter((e) => e.kind !== 'place').slice(0, 12);
  if (named.length)
    lines.push(
      `Named: ${named.map((e) => `${e.name}${e.known ? '' : ' (new)'} ×${e.mentions.length}`).join(', ')}`,
    );
  if (analysis.coverage.length) {
    lines.push(
      `Coverage: ${analysis.coverage.map((c) => `${c.outlet} (+${c.corroborates} / −${c.conflicts})`).join(', ')}`,
    );
  }
  const order: Verdict[] = ['conflicting', 'mixed', 'corroborated', 'unverified'];
  for (const verdict of order) {
    for (const claim of analysis.claims.filter((c) => c.verdict === verdict)) {
      if (verdict === 'unverified' && !all) continue;
      lines.push('', `${VERDICT_LABEL[verdict]}  ${claim.text}`);
      const byOutlet = new Map<string, typeof claim.evidence>();
      for (const e of claim.evidence) byOutlet.set(e.outlet, [...(byOutlet.get(e.outlet) ?? []), e]);
      for (const [outlet, items] of byOutlet) {
        lines.push(`    ${outlet}${items[0]!.published ? ` (${items[0]!.published})` : ''}`);
        for (const e of items) lines.push(`      ${e.relation}: ${e.reason}`, `        “${e.text}”`);
      }
    }
  }
  if (!all && count('unverified') > 0)
    lines.push('', `(${count('unverified')} unverified claims not shown; add --all to list them)`);
  if (analysis.omitted.length) {
    lines.push('', 'Not mentioned here, reported elsewhere:');
    for (const o of analysis.omitted) lines.push(`  ${o.outlet}: “${o.text}”`);
  }
  return lines.join('\n');
}

async function main(): Promise<number> {
  let parsed: ReturnType<
    typeof parseArgs<{
      options: {
        json: { type: 'boolean' };
        all: { type: 'boolean' };
        corpus: { type: 'string' };
        help: { type: 'boolean'; short: 'h' };
      };
      allowPositionals: true;
    }>
  >;
  try {
    parsed = parseArgs({
      options: {
        json: { type: 'boolean' },
        all: { type: 'boolean' },
        corpus: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    });
  } catch (error) {
    console.error(`check: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    console.error(`check: expected one FILE\n${USAGE}`);
    return 2;
  }
  try {
    if (!existsSync(file)) throw new CheckError(`${file} not found`);
    if (!statSync(file).isFile()) throw new CheckError(`${file} is not a file`);
    const index = loadCorpusFile(values.corpus ?? DEFAULT_OUT);
    let page;
    try {
      // Loaded only when needed: the DOM it brings costs a second at start-up.
      const { extractPage } = await import('./page-extract');
      page = extractPage(file);
    } catch (error) {
      throw new CheckError(`${file} could not be read (${(error as Error).message})`);
    }
    if (page.text.trim() === '') throw new CheckError(`${file} has no article text to check`);
    const analysis = analyzePage(index, {
      text: page.text,
      title: page.title,
      url: page.url,
      published: page.published,
    });
    console.log(
      values.json
        ? JSON.stringify({ ...analysis, source: file }, null, 2)
        : formatReport(file, analysis, values.all ?? false),
    );
    return 0;
  } catch (error) {
    console.error(
      `check: ${error instanceof CheckError ? error.message : `unexpected error: ${(error as Error).message}`}`,
    );
    return 1;
  }
}

process.exitCode = await main();
