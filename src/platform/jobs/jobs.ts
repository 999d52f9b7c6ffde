/**
 * Platform jobs: named one-shot work (run at a time, with a payload) and periodic work,
 * durable in the database, retried with back-off, each run logged, run exactly once across
 * several app instances. A job is enqueued inside the caller's transaction, so a change that
 * rolls back schedules nothing.
 *
 * PostgreSQL runs them on pg-boss; SQLite (one process) on a table of the same database.
 * Modules define their jobs in their manifest and enqueue through the context they were given.
 *
 * The definitions are given when the service is built (`createJobs`), so every instance knows
 * every job before it enqueues or works; a name nobody defined is refused at enqueue.
 */
import type { RingfenceConfig } from '../../config.ts';
import type { ActorContext } from '../context.ts';
import type { KeyRing } from '../crypto/keyring.ts';
import type { RingfenceDatabase } from '../db/database.ts';
import type { DomainEventBus } from '../events/domain-events.ts';
import { PgBossJobs } from './pg-boss-jobs.ts';
import { TableJobs } from './table-jobs.ts';

/** A job's payload: plain JSON, never PHI (ids and references only). */
export type JobPayload = Record<string, string | number | boolean | null | string[]>;

/** What a job's handler is given for one run. */
export interface JobRun {
  id: string;
  name: string;
  /** 1 for the first run, 2 for the first retry… */
  attempt: number;
  database: RingfenceDatabase;
  keyring: KeyRing;
  /** The job service itself, for a job whose work enqueues more (a reminder's e-mail). */
  jobs: Jobs;
  /** Where people reach this Ringfence, for links in messages (no trailing slash). */
  publicUrl: string;
  /** The server's configuration (where recordings are stored, say); absent when the job service was built without it. */
  config: RingfenceConfig | null;
  /** The app's domain events, for a job whose work changes what live screens show. */
  events: DomainEventBus | null;
}

export interface JobDefinition<P extends JobPayload = JobPayload> {
  name: string;
  run(payload: P, job: JobRun): Promise<void>;
  /** Retries after the first failed run (default 5). */
  retryLimit?: number;
  /** Seconds before the first retry, doubled for each further one (default 30). */
  retryDelaySeconds?: number;
  /**
   * How long one run may take before it is presumed lost (its instance died) and run again
   * (default the service's, 15 minutes). A timer that must not slip (a page's next step) keeps
   * this short.
   */
  leaseSeconds?: number;
  /**
   * Periodic jobs: a cron expression in UTC (`* * * * *` every minute); one run per tick across
   * instances. pg-boss runs a periodic job at most once a minute; a seconds field (six fields)
   * is honoured on SQLite only.
   */
  cron?: string;
  /**
   * Periodic jobs: also run once this many seconds after the service starts, for work that
   * should not wait for the first tick after a restart (one such run waits at a time).
   */
  startDelaySeconds?: number;
}

export interface EnqueueOptions {
  /** Not before this time (default now). */
  runAt?: Date;
  /**
   * At most one job of this name with this key waits for its first run; a second enqueue with
   * it is dropped (returns null). Once that job has started, the key is free again.
   */
  singletonKey?: string;
}

/** Where a job stands, for operators and tests. */
export interface JobStatus {
  id: string;
  name: string;
  /** `waiting` covers both the first run and a retry not yet due. */
  state: 'waiting' | 'active' | 'completed' | 'failed' | 'cancelled';
  /** Runs started so far. */
  attempts: number;
  /** When it runs next (or last became due). */
  runAt: string;
  /** The last failure's error class and message, cut short. */
  lastError: string | null;
}

export interface Jobs {
  /** Enqueues in the context's transaction (or on its own when the context is not in one); returns the job id, or null when a singleton already waits. */
  enqueue<P extends JobPayload>(ctx: Pick<ActorContext, 'db'>, name: string, payload: P, options?: EnqueueOptions): Promise<string | null>;
  /** Starts working (background services only); enqueueing works without it. */
  start(): Promise<void>;
  /** Stops taking work and waits for runs in progress. */
  stop(): Promise<void>;
  /** The job's state, or null when no such job was enqueued (or its transaction rolled back). Completed jobs are kept about a week. */
  find(name: string, id: string): Promise<JobStatus | null>;
}

/** pino's interface (Fastify's `app.log`), as much of it as the jobs use. */
export interface JobLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface JobsOptions {
  database: RingfenceDatabase;
  keyring: KeyRing;
  logger: JobLogger;
  /** Every job this app runs; method syntax lets a definition declare its own payload type. */
  definitions: readonly JobDefinition[];
  /** Where people reach this Ringfence, for links in messages (asked at each run: the port is known once listening). */
  publicUrl?: () => string;
  /** The app's domain events, handed to each run. */
  events?: DomainEventBus;
  /** The server's configuration, handed to each run. */
  config?: RingfenceConfig;
  /** How long an idle worker waits before it looks for due jobs again (default 2000 ms; tests use a few ms). */
  pollIntervalMs?: number;
  /**
   * Runs at once in this instance (default 8): most jobs wait on the network (an SMTP relay, an
   * SMS API), and one slow send must not hold up a page's next step.
   */
  concurrency?: number;
  /** How long a run may take before it is presumed lost and run again (default 15 minutes). */
  leaseSeconds?: number;
  /** PostgreSQL: how often pg-boss's clock looks at the cron schedules and hands due runs on, in seconds (default 30 and 5; at least 1). */
  cronCheckSeconds?: number;
}

/** The jobs service for the database's engine: pg-boss on PostgreSQL, the `jobs` table on SQLite. */
export function createJobs(options: JobsOptions): Jobs {
  return options.database.engine === 'postgres' ? new PgBossJobs(options) : new TableJobs(options);
}
