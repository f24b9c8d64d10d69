/** Small helpers shared by the benchmarks: percentiles, timing and one table format. */

/** The p-th percentile (0..100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Milliseconds since an earlier `performance.now()`. */
export const since = (start: number) => performance.now() - start;

/** p50/p99/max of latencies in milliseconds. */
export function summarize(latenciesMs: number[]) {
  return {
    n: latenciesMs.length,
    p50: percentile(latenciesMs, 50),
    p99: percentile(latenciesMs, 99),
    max: Math.max(...latenciesMs),
  };
}

const fmt = (v: number, unit: string) => `${v < 10 ? v.toFixed(3) : v.toFixed(1)} ${unit}`;

/**
 * Prints one comparison: the project's figure, the baseline measured in the same run, their ratio,
 * and the target when one is set.
 */
export function printComparison(row: {
  what: string;
  project: number;
  baseline: number;
  unit: string;
  target?: string;
  ok?: boolean;
}): void {
  const ratio = row.project / row.baseline;
  const verdict = row.ok === undefined ? '' : row.ok ? '  [meets target]' : '  [MISSES target]';
  console.log(
    `${row.what.padEnd(44)} project ${fmt(row.project, row.unit).padStart(12)}   baseline ${fmt(row.baseline, row.unit).padStart(12)}   ratio ${ratio.toFixed(2)}x${row.target ? `   target ${row.target}` : ''}${verdict}`,
  );
}

/** Prints a single figure with its target. */
export function printFigure(what: string, value: number, unit: string, target?: string, ok?: boolean): void {
  const verdict = ok === undefined ? '' : ok ? '  [meets target]' : '  [MISSES target]';
  console.log(
    `${what.padEnd(44)} ${fmt(value, unit).padStart(12)}${target ? `   target ${target}` : ''}${verdict}`,
  );
}

/** The median of a list of numbers. */
export const median = (values: number[]) => percentile(values, 50);

/**
 * The ack figures of a burst benchmark: p50 and p99 beside the baseline's (target: p99 within 1.5x
 * of `baseline`, named in `bare`), and the slowest ack (under Discord's and Slack's 3 s).
 */
export function printAckBurst(results: { project: number[]; bare: number[] }, bare: string): void {
  const p = (values: number[], q: number) => percentile(values, q);
  printComparison({
    what: 'ack latency p50',
    project: p(results.project, 50),
    baseline: p(results.bare, 50),
    unit: 'ms',
  });
  const ratio = p(results.project, 99) / p(results.bare, 99);
  printComparison({
    what: 'ack latency p99',
    project: p(results.project, 99),
    baseline: p(results.bare, 99),
    unit: 'ms',
    target: `<= 1.5x ${bare}`,
    ok: ratio <= 1.5,
  });
  const max = Math.max(...results.project);
  printFigure('slowest ack (project)', max, 'ms', '< 3000 ms', max < 3000);
}
