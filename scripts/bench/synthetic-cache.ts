import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { serializeCorpus } from '../../src/engine/corpus-schema';
import { loadSeeds, REPO_ROOT, RESULTS_DIR } from './bench-inputs';
import type { GenerateTask } from './child-protocol';
import { runChild } from './child-run';

const CACHE_DIR = path.join(RESULTS_DIR, 'cache');
/** The files whose code decides the synthetic corpus's bytes. */
const GENERATOR_SOURCES = ['prng.ts', 'story-rewrite.ts', 'synthetic-articles.ts'].map((f) =>
  path.join(REPO_ROOT, 'scripts/bench', f),
);

/**
 * The path of the synthetic corpus of `articles` articles, generating it in a
 * child process when it is not cached yet. The cache key covers the seed
 * corpus the engine builds today and the generator's code, so a change to
 * either makes a new file (and the stale ones are removed). Generation is
 * deterministic: a cached file has the bytes a fresh one would have.
 */
export async function syntheticCorpusFile(
  articles: number,
  timeoutMs: number | null,
): Promise<{ file: string; cached: boolean; generateMs: number | null }> {
  const hash = createHash('sha256');
  hash.update(String(articles));
  hash.update(serializeCorpus(loadSeeds().corpus));
  for (const source of GENERATOR_SOURCES) hash.update(readFileSync(source));
  const key = hash.digest('hex').slice(0, 16);
  const prefix = `synthetic-${articles}-`;
  const file = path.join(CACHE_DIR, `${prefix}${key}.json`);
  if (existsSync(file)) return { file, cached: true, generateMs: null };
  if (existsSync(CACHE_DIR))
    for (const stale of readdirSync(CACHE_DIR).filter((f) => f.startsWith(prefix)))
      rmSync(path.join(CACHE_DIR, stale), { force: true });
  const outcome = await runChild<GenerateTask>({ kind: 'generate', articles, file }, timeoutMs);
  if (outcome.error) throw new Error(outcome.error);
  if (!outcome.phases.written || !existsSync(file))
    throw new Error(
      `generating the ${articles}-article corpus stopped after ${Math.round(outcome.elapsedMs / 1000)} s`,
    );
  return { file, cached: false, generateMs: outcome.phases.written.generateMs };
}
