/** What every benchmark section is told about the run. */
export interface BenchContext {
  /** Smoke mode: small corpora and few runs; figures at a scale below their budget's are n/a. */
  quick: boolean;
  /** Stop measurements that run far past their budget (off: wait for the true time). */
  timeLimits: boolean;
  /** A progress line for people watching (standard error, so `--json` output stays clean). */
  progress(message: string): void;
}
