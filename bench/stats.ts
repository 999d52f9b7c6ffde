/** Latency figures of one run, in milliseconds. */
export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
}

/** Collects operation durations (milliseconds) and summarizes them. */
export class LatencyRecorder {
  private readonly samples: number[] = [];

  record(ms: number): void {
    this.samples.push(ms);
  }

  get count(): number {
    return this.samples.length;
  }

  /** Percentiles by nearest rank: p99 of 100 samples is the 99th smallest, a value that was actually measured. */
  summary(): LatencySummary {
    const sorted = Float64Array.from(this.samples).sort();
    const n = sorted.length;
    if (n === 0) return { count: 0, p50: 0, p99: 0, mean: 0, max: 0 };
    const at = (p: number): number => sorted[Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1))]!;
    let total = 0;
    for (const v of sorted) total += v;
    return { count: n, p50: at(50), p99: at(99), mean: total / n, max: sorted[n - 1]! };
  }
}

/** Rounds a figure for display and JSON: run-to-run noise is far larger than a hundredth. */
export function round(value: number, decimals = 2): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
