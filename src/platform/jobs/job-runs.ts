/**
 * What both job engines share: the defaults, the checks on definitions, the cron clock, and
 * running one job with its one log line.
 */
import cronParser from 'cron-parser';
import type { JobDefinition, JobLogger, JobPayload, JobRun } from './jobs.ts';

export const DEFAULT_RETRY_LIMIT = 5;
export const DEFAULT_RETRY_DELAY_SECONDS = 30;
/** How long a run may take before it is presumed lost (its process died) and run again: pg-boss's default expiry. */
export const DEFAULT_LEASE_SECONDS = 15 * 60;
/** Runs at once per instance when the options do not say. */
export const DEFAULT_CONCURRENCY = 8;
/** The singleton key of the one run a definition's `startDelaySeconds` asks for. */
export const AFTER_START_KEY = 'after-start';
/** A stored error is cut to this many characters. */
const ERROR_MAX_LENGTH = 200;

export interface RetryPolicy {
  retryLimit: number;
  retryDelaySeconds: number;
}

export function retryPolicy(definition: JobDefinition): RetryPolicy {
  return { retryLimit: definition.retryLimit ?? DEFAULT_RETRY_LIMIT, retryDelaySeconds: definition.retryDelaySeconds ?? DEFAULT_RETRY_DELAY_SECONDS };
}

/** Seconds before the run after failed attempt `attempt` (1, 2…): the delay doubled for each further failure. */
export function backoffSeconds(retryDelaySeconds: number, attempt: number): number {
  return retryDelaySeconds * 2 ** Math.max(0, attempt - 1);
}

/** The next tick of a cron expression (UTC) after `after`. */
export function nextCronTime(cron: string, after: Date): Date {
  return cronParser.parseExpression(cron, { currentDate: after, tz: 'UTC' }).next().toDate();
}

/** Definitions by name, refused at build time when a name repeats, is not a queue name, or a cron expression does not parse. */
export function definitionsByName(definitions: readonly JobDefinition[]): Map<string, JobDefinition> {
  const byName = new Map<string, JobDefinition>();
  for (const definition of definitions) {
    if (!/^[a-z][a-z0-9-]*$/.test(definition.name)) throw new Error(`Job name ${definition.name} must be lower-case letters, digits and hyphens`);
    if (byName.has(definition.name)) throw new Error(`Two jobs are named ${definition.name}`);
    if (definition.cron) nextCronTime(definition.cron, new Date());
    if (definition.startDelaySeconds !== undefined && !definition.cron) throw new Error(`Job ${definition.name}: startDelaySeconds is for periodic jobs`);
    byName.set(definition.name, definition);
  }
  return byName;
}

export function definitionOf(byName: Map<string, JobDefinition>, name: string): JobDefinition {
  const definition = byName.get(name);
  if (!definition) throw new Error(`No job named ${name}`);
  return definition;
}

/**
 * An error as it may be stored and logged: its class and message, cut short. Never the stack
 * (it can carry values) and never the payload; messages of Ringfence's own errors hold no PHI.
 */
export function errorSummary(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : `Error: ${String(err)}`;
  return text.length > ERROR_MAX_LENGTH ? `${text.slice(0, ERROR_MAX_LENGTH - 1)}…` : text;
}

export type RunOutcome = 'completed' | 'retry' | 'failed';

export interface RunResult {
  /** Null when the run succeeded. */
  error: string | null;
  ms: number;
}

/** Runs a job's handler once; a throw becomes the error summary, never an escaped rejection. */
export async function runHandler(definition: JobDefinition, payload: JobPayload, run: JobRun): Promise<RunResult> {
  const started = performance.now();
  try {
    await definition.run(payload, run);
    return { error: null, ms: Math.round(performance.now() - started) };
  } catch (err) {
    return { error: errorSummary(err), ms: Math.round(performance.now() - started) };
  }
}

/** What a failed attempt leads to: another run while retries remain, else the job fails. */
export function outcomeOf(result: RunResult, attempt: number, retryLimit: number): RunOutcome {
  if (result.error === null) return 'completed';
  return attempt <= retryLimit ? 'retry' : 'failed';
}

/** The one log line of a run: name, id, attempt, outcome, duration (and the error summary); never the payload. */
export function logRun(logger: JobLogger, run: Pick<JobRun, 'id' | 'name' | 'attempt'>, outcome: RunOutcome, result: RunResult): void {
  const fields = { job: run.name, jobId: run.id, attempt: run.attempt, outcome, ms: result.ms, ...(result.error ? { error: result.error } : {}) };
  const line = `job ${run.name} ${outcome} (attempt ${run.attempt}, ${result.ms}ms)`;
  if (outcome === 'completed') logger.info(fields, line);
  else if (outcome === 'retry') logger.warn(fields, line);
  else logger.error(fields, line);
}

/** A promise that resolves after `ms`, or at once when woken. */
export class Nap {
  private wake: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      this.timer = setTimeout(resolve, ms);
    });
  }

  interrupt(): void {
    if (this.timer) clearTimeout(this.timer);
    this.wake?.();
    this.wake = null;
    this.timer = null;
  }
}
