import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serializeCorpus } from '../../src/engine/corpus-schema';
import { loadSeeds, MB } from './bench-inputs';
import type { GenerateTask } from './child-protocol';
import type { Report } from './child-main';
import { syntheticCorpus } from './synthetic-articles';

/**
 * In a child process, so that its garbage never counts in a memory figure:
 * writes the synthetic corpus of `task.articles` articles to `task.file`,
 * atomically (a stopped run leaves no half-written file behind).
 */
export async function runGenerateTask(task: GenerateTask, report: Report<GenerateTask>): Promise<void> {
  const { corpus: seed } = loadSeeds();
  const t = performance.now();
  const json = serializeCorpus(syntheticCorpus(seed, task.articles));
  const generateMs = performance.now() - t;
  mkdirSync(path.dirname(task.file), { recursive: true });
  const partial = `${task.file}.${process.pid}.partial`;
  writeFileSync(partial, json);
  renameSync(partial, task.file);
  await report('written', { megabytes: Buffer.byteLength(json) / MB, generateMs });
}
