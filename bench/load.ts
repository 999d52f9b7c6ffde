import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { LatencyRecorder, type LatencySummary } from './stats.ts';

export interface ClosedLoopOptions {
  /** Operations in flight at once: each worker starts its next operation when its last one ends. */
  concurrency: number;
  durationMs: number;
  /** Runs this long first without recording, so JIT compilation and cold caches do not count. */
  warmupMs: number;
}

export interface ClosedLoopResult {
  operations: number;
  opsPerSecond: number;
  latency: LatencySummary;
}

/**
 * Runs `operation` from `concurrency` workers through the warm-up and then the measured
 * window. The first failure stops every worker and is thrown: a benchmark whose operations
 * fail measures nothing.
 */
export async function runClosedLoop(options: ClosedLoopOptions, operation: (worker: number) => Promise<void>): Promise<ClosedLoopResult> {
  const recorder = new LatencyRecorder();
  const measureFrom = performance.now() + options.warmupMs;
  const stopAt = measureFrom + options.durationMs;
  // Asserted, not annotated: the workers set it, which TypeScript's narrowing cannot see.
  let failure = null as { error: unknown } | null;

  const worker = async (id: number): Promise<void> => {
    while (!failure) {
      const started = performance.now();
      if (started >= stopAt) return;
      try {
        await operation(id);
      } catch (error) {
        failure ??= { error };
        return;
      }
      const ended = performance.now();
      // Throughput counts completions inside the window: the warm-up's last operations count and the
      // window's unfinished ones do not, which cancel out in a steady state.
      if (ended >= measureFrom && ended < stopAt) recorder.record(ended - started);
      // Requests reach a server through I/O, so timers (the audit sealer) get their turn between them.
      // Synchronous SQLite resolves every query in microtasks: without this, the loop would starve them.
      await nextTurn();
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, i) => worker(i)));
  if (failure) throw failure.error;
  return { operations: recorder.count, opsPerSecond: (recorder.count * 1000) / options.durationMs, latency: recorder.summary() };
}
