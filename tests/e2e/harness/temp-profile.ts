import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** A fresh, empty browser profile folder under the OS temp dir, unique per launch. */
export function makeProfileDir(browserName: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `crosscheck-e2e-${browserName}-`));
}

/** Deletes a profile folder made by `makeProfileDir`; retries while the browser lets go of its files. */
export async function removeProfileDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}
