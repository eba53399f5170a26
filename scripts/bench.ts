/**
 * `npm run bench [-- --json] [-- --quick]`: every speed and size figure of
 * Crosscheck, each as median/min/max beside an anchor measured in the same
 * run, judged against its budget (issues 3, 4, 5 and 7). Prints a table (or
 * JSON with --json) and writes bench-results/latest.json. A figure over its
 * budget is reported, not fatal: the exit code is 0 unless a section crashes.
 * See scripts/bench/README.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { RESULTS_DIR } from './bench/bench-inputs';
import type { BenchContext } from './bench/bench-context';
import { bundleFigures } from './bench/bundle-figures';
import { corpusFigures } from './bench/corpus-figures';
import { engineFigures, type SeedPageTimes } from './bench/engine-figures';
import { formatSummary, formatTable, type Figure } from './bench/figure';

const SECTIONS = ['bundle', 'corpus', 'engine', 'scale', 'page'] as const;
type Section = (typeof SECTIONS)[number];

const USAGE = `usage: npm run bench [-- options]
  --json            print the figures as JSON instead of a table
  --quick           smoke mode (< 60 s): small corpora, few runs; scaled figures are n/a
  --only LIST       comma-separated sections: ${SECTIONS.join(', ')}
  --no-browser      skip the page figures (same as leaving "page" out of --only)
  --no-time-limits  wait for measurements that run far past their budget instead of stopping them`;

function options(): { json: boolean; quick: boolean; timeLimits: boolean; sections: Set<Section> } {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      'no-browser': { type: 'boolean', default: false },
      'no-time-limits': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const wanted = values.only ? values.only.split(',').map((s) => s.trim()) : [...SECTIONS];
  const unknown = wanted.filter((s) => !SECTIONS.some((known) => known === s));
  if (unknown.length) throw new UsageError(`unknown section(s): ${unknown.join(', ')}\n${USAGE}`);
  const sections = new Set(
    SECTIONS.filter((s) => wanted.includes(s) && !(s === 'page' && values['no-browser'])),
  );
  return { json: values.json, quick: values.quick, timeLimits: !values['no-time-limits'], sections };
}

class UsageError extends Error {}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

async function main(): Promise<number> {
  const opts = options();
  const started = performance.now();
  // Other work on the machine slows every figure; the report says how busy it was.
  const loadAtStart = os.loadavg()[0]!;
  const ctx: BenchContext = {
    quick: opts.quick,
    timeLimits: opts.timeLimits,
    progress: (message) =>
      process.stderr.write(
        `[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}\n`,
      ),
  };
  const figures: Figure[] = [];
  const errors: string[] = [];
  let seedPage: SeedPageTimes | null = null;
  const run: Record<Section, () => Promise<Figure[]>> = {
    bundle: async () => bundleFigures(),
    corpus: () => corpusFigures(ctx),
    engine: async () => {
      const result = await engineFigures(ctx);
      seedPage = result.seedPage;
      return result.figures;
    },
    // Loaded when their sections run, after the engine's: playwright-core alone adds some 40 MB
    // to this process's heap, and with it each young-generation collection of the engine took
    // about twice as long (the 1,500-word article read 10-15% slower than in a process of its own,
    // the long-lived background worker's situation).
    scale: async () => (await import('./bench/scale-figures')).scaleFigures(ctx, seedPage),
    page: async () => (await import('./bench/page-figures')).pageFigures(ctx),
  };
  for (const section of SECTIONS) {
    if (!opts.sections.has(section)) continue;
    try {
      figures.push(...(await run[section]()));
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      errors.push(`${section}: ${message.split('\n')[0]}`);
      process.stderr.write(`bench: section "${section}" crashed:\n${message}\n`);
    }
  }
  const durationS = (performance.now() - started) / 1000;
  ctx.progress('done');

  const cpus = os.cpus();
  const report = {
    schema: 1,
    date: new Date().toISOString(),
    mode: opts.quick ? 'quick' : 'full',
    durationS: Math.round(durationS * 10) / 10,
    machine: {
      cpus: cpus.length,
      cpu: cpus[0]?.model ?? 'unknown',
      memoryGB: Math.round(os.totalmem() / 1e8) / 10,
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      loadAverage: { start: round2(loadAtStart), end: round2(os.loadavg()[0]!) },
    },
    figures,
    errors,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  writeFileSync(path.join(RESULTS_DIR, 'latest.json'), json);
  writeFileSync(path.join(RESULTS_DIR, `bench-${report.date.replace(/[:.]/g, '-')}.json`), json);

  if (opts.json) process.stdout.write(json);
  else {
    console.log(
      `\nCrosscheck benchmark (${report.mode}) · ${report.machine.cpus}× ${report.machine.cpu} · ` +
        `Node ${process.version} · ${report.durationS} s · load average ${report.machine.loadAverage.start} → ` +
        `${report.machine.loadAverage.end}\n`,
    );
    console.log(formatTable(figures));
    console.log(`\n${formatSummary(figures, errors)}`);
    console.log(`\nSaved bench-results/latest.json`);
  }
  return errors.length ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`bench: ${error.message}`);
      process.exitCode = 2;
      return;
    }
    console.error('bench: crashed:', error);
    process.exitCode = 1;
  },
);
