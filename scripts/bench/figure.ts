/**
 * The shape of one benchmark figure, how it is judged against its budget, and
 * how the figures are printed for people and serialised for tools.
 */

/** Median, minimum and maximum of a measurement repeated `runs` times. */
export interface Stats {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export interface Budget {
  op: '<' | '<=' | '>=';
  value: number;
}

export type Status = 'PASS' | 'FAIL' | 'n/a' | 'info';

/** A reference measurement taken in the same run, so a figure can be read against this machine's speed. */
export interface Anchor {
  name: string;
  stats: Stats | null;
  unit: string;
}

export interface Figure {
  /** Stable key for tools, e.g. `engine.seed.page1500`. */
  id: string;
  section: string;
  name: string;
  unit: string;
  stats: Stats | null;
  budget?: Budget;
  /** The true value is at least `stats` (the measurement was stopped at a time limit). */
  atLeast?: boolean;
  status: Status;
  anchor: Anchor | null;
  /** Why a figure is n/a, how it was derived, or what to read it with. */
  note?: string;
}

/** The statistics of a list of samples. */
export function statsOf(samples: readonly number[]): Stats {
  if (samples.length === 0) throw new Error('statsOf: no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

/** One value measured once (a file size, a count). */
export function single(value: number): Stats {
  return { median: value, min: value, max: value, runs: 1 };
}

/** Multiplies every statistic, e.g. to change units. */
export function scaled(stats: Stats | null, factor: number): Stats | null {
  return (
    stats && { ...stats, median: stats.median * factor, min: stats.min * factor, max: stats.max * factor }
  );
}

/** A figure before it is judged. */
export type FigureSpec = Omit<Figure, 'status'>;

/**
 * A figure with its status: n/a without a measurement, info without a budget,
 * otherwise PASS or FAIL by the median. A figure stopped at a time limit
 * fails when the limit already breaks an upper budget.
 */
export function figure(spec: FigureSpec): Figure {
  let status: Status;
  if (!spec.stats) status = 'n/a';
  else if (!spec.budget) status = 'info';
  else status = meets(spec.stats.median, spec.budget) ? 'PASS' : 'FAIL';
  if (spec.atLeast && spec.stats && spec.budget && spec.budget.op !== '>=' && status === 'PASS')
    status = 'n/a';
  return { ...spec, status };
}

/** A figure measured below the scale its budget is for (quick mode): shown, but not judged. */
export function belowScale(f: Figure, why: string): Figure {
  const note = [why, f.note].filter(Boolean).join('; ');
  return { ...f, status: f.status === 'info' ? 'info' : 'n/a', note };
}

/** A figure that could not be measured, with the reason shown in its place. */
export function notAvailable(
  spec: Omit<Figure, 'status' | 'stats' | 'anchor'> & { anchor?: Anchor | null },
): Figure {
  return { anchor: null, ...spec, stats: null, status: 'n/a' };
}

function meets(value: number, budget: Budget): boolean {
  if (budget.op === '<') return value < budget.value;
  if (budget.op === '<=') return value <= budget.value;
  return value >= budget.value;
}

/** A number printed with a precision that suits its size. */
export function formatNumber(value: number): string {
  const abs = Math.abs(value);
  if (Number.isInteger(value) || abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 0.1) return value.toFixed(2);
  if (abs === 0) return '0';
  return value.toPrecision(2);
}

function formatBudget(budget: Budget | undefined, unit: string): string {
  if (!budget) return '—';
  const op = budget.op === '<=' ? '≤' : budget.op === '>=' ? '≥' : '<';
  return `${op} ${formatNumber(budget.value)} ${unit}`;
}

function formatAnchor(anchor: Anchor | null): string {
  if (!anchor) return '';
  if (!anchor.stats) return `${anchor.name}: n/a`;
  const s = anchor.stats;
  const spread = s.runs > 1 ? ` [${formatNumber(s.min)}–${formatNumber(s.max)}]` : '';
  return `${anchor.name}: ${formatNumber(s.median)}${spread} ${anchor.unit}`;
}

/** The human table: one block per section, one line per figure, with its anchor and note beneath. */
export function formatTable(figures: readonly Figure[]): string {
  const header = ['figure', 'median', 'min', 'max', 'unit', 'runs', 'budget', 'status'];
  const rows = figures.map((f) => {
    const s = f.stats;
    const prefix = f.atLeast ? '>' : '';
    return [
      f.name,
      s ? prefix + formatNumber(s.median) : 'n/a',
      s ? prefix + formatNumber(s.min) : '',
      s ? prefix + formatNumber(s.max) : '',
      f.unit,
      s ? String(s.runs) : '',
      formatBudget(f.budget, f.unit),
      f.status,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const right = new Set([1, 2, 3, 5]);
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out: string[] = [line(header), widths.map((w) => '─'.repeat(w)).join('  ')];
  let section = '';
  figures.forEach((f, i) => {
    if (f.section !== section) {
      section = f.section;
      out.push('', `■ ${section}`);
    }
    out.push(line(rows[i]!));
    const anchor = formatAnchor(f.anchor);
    if (anchor) out.push(`    ↳ anchor  ${anchor}`);
    if (f.note) out.push(`    ↳ note    ${f.note}`);
  });
  return out.join('\n');
}

/** The closing summary: counts by status and every failing figure with how far it is from its budget. */
export function formatSummary(figures: readonly Figure[], errors: readonly string[]): string {
  const count = (status: Status) => figures.filter((f) => f.status === status).length;
  const out = [
    `Summary: ${count('PASS')} PASS, ${count('FAIL')} FAIL, ${count('n/a')} n/a, ${count('info')} info` +
      (errors.length ? `, ${errors.length} section error(s)` : ''),
  ];
  for (const f of figures.filter((x) => x.status === 'FAIL')) {
    const b = f.budget!;
    const v = f.stats!.median;
    const factor = b.op === '>=' ? b.value / v : v / b.value;
    // "× over" says nothing against a budget of zero (or a value of zero).
    const how =
      b.value === 0 || v === 0 ? '' : ` (${formatNumber(factor)}× ${b.op === '>=' ? 'short' : 'over'})`;
    out.push(
      `  FAIL ${f.name}: ${f.atLeast ? '>' : ''}${formatNumber(v)} ${f.unit} against ${formatBudget(b, f.unit)}${how}`,
    );
  }
  for (const f of figures.filter((x) => x.status === 'n/a'))
    out.push(`  n/a  ${f.name}: ${f.note ?? 'not measured'}`);
  for (const e of errors) out.push(`  ERROR ${e}`);
  return out.join('\n');
}
