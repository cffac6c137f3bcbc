/** One benchmark metric over its runs, as `bench/results/latest.json` holds it. */
export interface Metric {
  name: string;
  unit: string;
  median: number;
  p95: number;
  max: number;
  runs: number;
  /** The budget this metric must meet, if any (at most `limit`, or at least with `atLeast`), and whether it holds. */
  budget?: { limit: number; stat: 'median' | 'p90' | 'p95' | 'max'; holds: boolean; atLeast?: boolean };
}

/** The `q`-quantile (0–1) of ascending `sorted`, by the nearest-rank method. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Summarises samples (after warm-up) into a metric; `budget` checks one statistic against a limit. */
export function summarise(name: string, unit: string, samples: readonly number[], budget?: { limit: number; stat: 'median' | 'p90' | 'p95' | 'max' }): Metric {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  const metric: Metric = { name, unit, median: round(quantile(sorted, 0.5)), p95: round(quantile(sorted, 0.95)), max: round(sorted.at(-1) ?? Number.NaN), runs: sorted.length };
  if (budget) {
    const value = budget.stat === 'p90' ? quantile(sorted, 0.9) : budget.stat === 'median' ? metric.median : budget.stat === 'p95' ? metric.p95 : metric.max;
    metric.budget = { ...budget, holds: value <= budget.limit };
  }
  return metric;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times, returning each run's milliseconds. */
export async function time(runs: number, warmup: number, fn: () => unknown | Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return samples;
}

/** The metrics as a plain-text table, with each budget's verdict. */
export function table(metrics: readonly Metric[]): string {
  const rows = metrics.map((m) => [m.name, m.unit, String(m.median), String(m.p95), String(m.max), String(m.runs), m.budget ? `${m.budget.holds ? 'holds' : 'MISSED'} (${m.budget.stat} ${m.budget.atLeast ? '≥' : '≤'} ${m.budget.limit})` : '']);
  const head = ['metric', 'unit', 'median', 'p95', 'max', 'runs', 'budget'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 2 && i <= 5 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
