/**
 * Runs Crosscheck's command-line tools as the npm scripts do (tsx over
 * `src/cli/NAME.ts`, from the repository root, stdin closed) and checks the
 * shape of their error output.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';

/** The repository root: the CLIs resolve their default paths against it. */
export const ROOT = resolve(__dirname, '../../..');

/**
 * `node --import tsx FILE` runs the same loader as `node_modules/.bin/tsx FILE`
 * (what the npm scripts call) without the second Node process that the tsx
 * binary starts, which halves the cost of each run.
 */
const LOADER = ['--import', 'tsx'];

/** Generous per-test limit: each run starts Node and tsx, which takes seconds on a busy 2-core machine. */
export const CLI_TIMEOUT = 60_000;

/** What one CLI run printed and how it exited. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** One invocation: which CLI, with which arguments. */
export type CliCall = ['corpus' | 'check', string[]];

/** Runs `src/cli/<name>.ts` with `args`, stdin closed, and returns its exit status and output. */
export function runCli(name: CliCall[0], args: string[]): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...LOADER, `src/cli/${name}.ts`, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      timeout: CLI_TIMEOUT,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolvePromise({ status, stdout, stderr }));
  });
}

/**
 * Runs named invocations a few at a time and returns a lookup of each result by
 * name. Each run is mostly Node and tsx starting up, so running them side by
 * side keeps the suite fast without starting dozens of processes at once.
 */
export async function runClis<K extends string>(calls: Record<K, CliCall>): Promise<(name: K) => CliRun> {
  const queue: Array<[string, CliCall]> = Object.entries(calls);
  const results = new Map<string, CliRun>();
  const worker = async (): Promise<void> => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [name, call] = next;
      results.set(name, await runCli(...call));
    }
  };
  await Promise.all(Array.from({ length: availableParallelism() + 1 }, worker));
  return (name) => {
    const result = results.get(name);
    if (!result) throw new Error(`no CLI run named "${name}"`);
    return result;
  };
}

/**
 * Asserts the bad-input contract: a non-zero exit and exactly one line on
 * stderr, starting with `prefix` and containing every one of `names`, with no
 * stack trace. Returns that line.
 */
export function expectOneLineError(run: CliRun, prefix: string, names: string[]): string {
  expect(run.status, `exit status; stderr: ${run.stderr}`).not.toBe(0);
  expect(run.status).not.toBeNull();
  expect(run.stderr).not.toContain('    at ');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines, 'stderr must be exactly one line').toHaveLength(1);
  const [line = ''] = lines;
  expect(line.startsWith(prefix), `"${line}" should start with "${prefix}"`).toBe(true);
  for (const name of names) expect(line).toContain(name);
  return line;
}

/** Folds runs of white space (U+00A0 included) to one space and trims, as the span contract allows. */
export function foldSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A fresh temporary folder and the function that removes it. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `crosscheck-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
