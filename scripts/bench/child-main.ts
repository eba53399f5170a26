/**
 * Entry of the benchmark's child processes (see `child-run.ts`): runs one task
 * given as JSON in argv[2] and reports each phase over IPC as it completes, so
 * that a child stopped at its time limit has still reported what it finished.
 */
import type { ChildMessage, ChildTask, PhasesOf } from './child-protocol';
import { runBuildTask } from './build-task';
import { runGenerateTask } from './generate-task';
import { runScaleTask } from './scale-task';

/** Sends one phase report to the parent and resolves once it is written. */
export type Report<T extends ChildTask> = <K extends keyof PhasesOf<T> & string>(
  name: K,
  data: PhasesOf<T>[K],
) => Promise<void>;

function send(message: ChildMessage): Promise<void> {
  if (!process.send) throw new Error('child-main.ts runs only as a child of the benchmark (child-run.ts)');
  const post = process.send.bind(process);
  return new Promise((resolve) => post(message, undefined, undefined, () => resolve()));
}

async function main(): Promise<void> {
  // The parent wrote this argument itself (child-run.ts); it is trusted.
  const task = JSON.parse(process.argv[2] ?? '{}') as ChildTask;
  const report = (name: string, data: unknown) => send({ type: 'phase', name, data });
  if (task.kind === 'build') await runBuildTask(task, report);
  else if (task.kind === 'generate') await runGenerateTask(task, report);
  else if (task.kind === 'scale') await runScaleTask(task, report);
  else throw new Error(`unknown task ${JSON.stringify(task)}`);
}

main()
  .catch(async (error: unknown) => {
    await send({
      type: 'error',
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    process.exitCode = 1;
  })
  .finally(() => process.disconnect?.());
