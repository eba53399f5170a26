import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './bench-inputs';

/** The page figures' own build of the extension (gitignored, as every `.output*` folder is). */
const OUT_DIR = '.output-bench';

/** The Chrome build's folder, or why there is none. */
export type PhaseBuild = { dir: string; problem: null } | { dir: null; problem: string };

/**
 * Builds the extension the page figures load: the release code with its
 * phase marks on (`WXT_PHASE_MARKS=1`, see `src/page/phase-marks.ts`), so
 * that each figure can say where its time went and count from the content
 * script's first statement. The release build makes no marks, because they
 * would land in every page's own performance timeline.
 */
export function buildWithPhaseMarks(): PhaseBuild {
  const result = spawnSync(path.join(REPO_ROOT, 'node_modules/.bin/wxt'), ['build'], {
    cwd: REPO_ROOT,
    env: { ...process.env, WXT_PHASE_MARKS: '1', CROSSCHECK_OUT_DIR: OUT_DIR },
    encoding: 'utf8',
  });
  const dir = path.join(REPO_ROOT, OUT_DIR, 'chrome-mv3');
  if (result.status === 0 && existsSync(path.join(dir, 'manifest.json'))) return { dir, problem: null };
  const why = (result.error?.message ?? result.stderr ?? result.stdout ?? '').trim().split('\n')[0];
  return {
    dir: null,
    problem: `the bench's build of the extension failed: ${why || `exit ${result.status}`}`,
  };
}
