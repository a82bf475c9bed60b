/** What one target did at one concurrency level: how many, how fast, and the latency spread. */
export interface LatencySummary {
  requests: number;
  errors: number;
  seconds: number;
  /** Completed requests per second of wall time. */
  throughput: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
}

/**
 * Nearest-rank percentile of sorted values (`p` in 0..100). Nearest-rank, not interpolation, so a
 * reported p99 is a latency some request really had.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

/** Summarises latencies (ms) gathered over `seconds` of wall time, with the failed requests counted apart. */
export function summarise(latenciesMs: readonly number[], errors: number, seconds: number): LatencySummary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    requests: sorted.length,
    errors,
    seconds,
    throughput: seconds > 0 ? sorted.length / seconds : 0,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    meanMs: sorted.length > 0 ? total / sorted.length : Number.NaN,
    maxMs: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/** `a / b`, or NaN when `b` is not a positive number (so a broken run shows as "n/a", not Infinity). */
export function ratio(a: number, b: number): number {
  return b > 0 && Number.isFinite(a) ? a / b : Number.NaN;
}

/** The nearest-rank median of unsorted values. */
export function median(values: readonly number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

/** A count as people write it in a heading: 10000 → "10k". */
export function thousands(count: number): string {
  return count % 1000 === 0 ? `${count / 1000}k` : String(count);
}
