import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './bench-inputs';
import type { ChildMessage, ChildTask, PhasesOf } from './child-protocol';

/** What a child reported before it finished, failed or was stopped. */
export interface ChildOutcome<T extends ChildTask> {
  phases: Partial<PhasesOf<T>>;
  /** When each phase was reported, in ms after the child was started. */
  phaseAt: Record<string, number>;
  timedOut: boolean;
  error?: string;
  elapsedMs: number;
  /** Peak resident set of the child (VmHWM), read just before it ended. */
  peakRssMB: number | null;
  /**
   * The child's GC trace: [ms since it started, MB of heap in use before the
   * collection]. A stopped child loses the trace lines still in its buffer.
   */
  gcTrace: Array<[number, number]>;
}

const CHILD_MAIN = path.join(REPO_ROOT, 'scripts/bench/child-main.ts');
/** "[pid:0x…]  1234 ms: Mark-Compact 512.3 (530.1) -> 400.2 (420.0) MB, …": time, heap in use before one GC. */
const GC_LINE = /(\d+) ms: [\w() -]+? ([\d.]+) \([\d.]+\) -> [\d.]+ \([\d.]+\) MB/;

/**
 * Runs one task in a fresh Node process (with tsx, `--expose-gc` and a GC
 * trace), collects its phase reports, and stops it after `timeoutMs` (null:
 * no limit). A stopped child still returns the phases it reported and its
 * peak memory so far.
 */
export function runChild<T extends ChildTask>(task: T, timeoutMs: number | null): Promise<ChildOutcome<T>> {
  const started = performance.now();
  const child = fork(CHILD_MAIN, [JSON.stringify(task)], {
    cwd: REPO_ROOT,
    execArgv: ['--import', 'tsx', '--expose-gc', '--max-old-space-size=8192', '--trace-gc'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const phases: Record<string, unknown> = {};
  const phaseAt: Record<string, number> = {};
  let error: string | undefined;
  let stderr = '';
  const gcs: Array<[number, number]> = [];
  let pending = '';
  let peakRssMB: number | null = null;
  const readPeak = () => {
    try {
      const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
      if (kb) peakRssMB = (Number(kb) * 1024) / 1e6;
    } catch {
      // The process is gone already; its own report (maxRSS) stands in.
    }
  };
  child.stdout!.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      const m = GC_LINE.exec(line);
      // V8 prints MiB; the budgets are in MB.
      if (m) gcs.push([Number(m[1]), (Number(m[2]) * 1024 * 1024) / 1e6]);
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  child.on('message', (message: ChildMessage) => {
    if (message.type === 'phase') {
      phases[message.name] = message.data;
      phaseAt[message.name] = performance.now() - started;
      readPeak();
    } else error = message.message;
  });
  return new Promise((resolve) => {
    let timedOut = false;
    const timer =
      timeoutMs === null
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            readPeak();
            child.kill('SIGKILL');
          }, timeoutMs);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (!timedOut && !error && code !== 0)
        error = `child ${task.kind} exited with ${signal ?? code}: ${stderr.trim().split('\n').slice(-5).join(' | ')}`;
      resolve({
        // The child reports the phases of its own task (child-main.ts); this is where they get their type back.
        phases: phases as Partial<PhasesOf<T>>,
        phaseAt,
        timedOut,
        ...(error ? { error } : {}),
        elapsedMs: performance.now() - started,
        peakRssMB,
        gcTrace: gcs,
      });
    });
  });
}
