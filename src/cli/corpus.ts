import { existsSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCorpus } from '../engine/corpus-build';
import { assertCorpus, serializeCorpus } from '../engine/corpus-schema';
import { readSources, SourcesError } from './corpus-sources';
import { DEFAULT_IN, DEFAULT_OUT } from './corpus-paths';

function main(): number {
  let values: { in?: string; out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { in: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    console.error(`corpus: ${(error as Error).message}`);
    return 2;
  }
  if (values.help) {
    console.log(
      `usage: npm run corpus -- [--in DIR] [--out FILE]\n  defaults: --in ${DEFAULT_IN} --out ${DEFAULT_OUT}`,
    );
    return 0;
  }
  const inDir = values.in ?? DEFAULT_IN;
  const outFile = values.out ?? DEFAULT_OUT;
  try {
    const started = performance.now();
    const outDir = dirname(outFile);
    if (!existsSync(outDir) || !statSync(outDir).isDirectory()) {
      throw new SourcesError(`${outFile}: the folder ${outDir} does not exist`);
    }
    const { articles, warnings } = readSources(inDir);
    for (const warning of warnings) console.warn(`warning: ${warning}`);
    const corpus = buildCorpus(articles);
    assertCorpus(corpus);
    // Write beside the target, then rename: a failed build never leaves half a file.
    const temp = join(dirname(outFile), `.${Date.now()}.corpus.tmp`);
    writeFileSync(temp, serializeCorpus(corpus));
    renameSync(temp, outFile);
    const counts = `${corpus.articles.length} articles, ${corpus.statements.length} statements, ${corpus.entities.length} entities, ${corpus.relations.length} relations`;
    console.log(`wrote ${outFile}: ${counts} in ${Math.round(performance.now() - started)} ms`);
    return 0;
  } catch (error) {
    if (error instanceof SourcesError) {
      console.error(`corpus: ${error.message}`);
      return 1;
    }
    console.error(`corpus: ${(error as Error).message ?? String(error)}`);
    return 1;
  }
}

process.exitCode = main();
