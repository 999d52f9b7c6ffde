/**
 * Platform jobs on PostgreSQL: pg-boss 10 in a schema of its own next to the app's
 * (`<schema>_jobs`, or `pgboss` when the app uses the default search path), reached through
 * the app's own connection pool.
 *
 * - Enqueue writes pg-boss's job row with the caller's transaction (`send` with a `db` wrapper
 *   over it), so a rollback takes the job with it.
 * - pg-boss's schema is installed (or migrated) and the queues created on first use (the first
 *   enqueue or start), not when the app is built: most app builds never enqueue.
 * - Workers claim with pg-boss's `fetch` (`FOR UPDATE SKIP LOCKED`): each job is handed to one
 *   instance, however many poll. Each job is then completed or failed on its own, so one
 *   failure in a batch never marks the others.
 * - Retries: `retryLimit`, `retryDelay` and `retryBackoff` (pg-boss waits between one and two
 *   times `retryDelay * 2^(attempt-1)`, the jitter keeping instances from retrying in step).
 * - Periodic jobs: `schedule(name, cron)`; pg-boss's clock sends one run per tick across
 *   instances. pg-boss's maintenance fails runs that outlived their lease (a crashed
 *   instance's), which retries them.
 */
import { randomUUID } from 'node:crypto';
import { CompiledQuery, sql, type Kysely, type Transaction } from 'kysely';
import PgBoss from 'pg-boss';
import type { ActorContext } from '../context.ts';
import type { Database } from '../db/types.ts';
import {
  AFTER_START_KEY,
  DEFAULT_LEASE_SECONDS,
  Nap,
  definitionOf,
  definitionsByName,
  logRun,
  outcomeOf,
  retryPolicy,
  runHandler,
} from './job-runs.ts';
import type { EnqueueOptions, JobDefinition, JobPayload, JobStatus, Jobs, JobsOptions } from './jobs.ts';

/** Jobs a worker claims at once; it asks again at once while batches come back full. */
/** How often pg-boss's maintenance looks for runs that outlived their lease. */
const MAINTENANCE_SECONDS = 15;
/** Jobs of one queue claimed at once and run side by side. */
const BATCH_SIZE = 8;
/** How soon after an enqueue of a job due now the worker looks (the enqueuing transaction commits first). */
const SOON_MS = 15;

/** pg-boss's schema for an app schema: beside it, so each test schema has its own and the test runner's prefix drop takes both. */
export function jobsSchemaName(appSchema: string | null): string {
  return appSchema ? `${appSchema}_jobs` : 'pgboss';
}

/**
 * pg-boss's database interface over a Kysely connection or transaction. Outside a transaction
 * each statement runs on one pooled connection, and a statement text that opens its own
 * transaction (pg-boss's locked maintenance) is rolled back if it fails, so the connection
 * never goes back to the app's pool inside an aborted transaction. `drain()` waits for the
 * statements in flight and refuses further ones: pg-boss's timers may still fire a last
 * statement after its `stop()` resolves.
 */
function kyselyDb(executor: Kysely<Database> | Transaction<Database>): PgBoss.Db & { drain(): Promise<void> } {
  const inFlight = new Set<Promise<unknown>>();
  let closed = false;
  const execute = async (text: string, values: unknown[] | undefined): Promise<{ rows: unknown[] }> => {
    const query = CompiledQuery.raw(text, values ?? []);
    if (executor.isTransaction) return { rows: (await executor.executeQuery(query)).rows };
    return (executor as Kysely<Database>).connection().execute(async (connection) => {
      try {
        return { rows: (await connection.executeQuery(query)).rows };
      } catch (err) {
        if (/^\s*BEGIN\b/i.test(text)) await connection.executeQuery(CompiledQuery.raw('ROLLBACK')).catch(() => undefined);
        throw err;
      }
    });
  };
  return {
    executeSql(text: string, values: unknown[]) {
      if (closed) return Promise.reject(new Error('The jobs service has stopped'));
      const running = execute(text, values);
      inFlight.add(running);
      void running.finally(() => inFlight.delete(running)).catch(() => undefined);
      return running;
    },
    async drain() {
      closed = true;
      await Promise.allSettled([...inFlight]);
    },
  };
}

export class PgBossJobs implements Jobs {
  private readonly definitions: Map<string, JobDefinition>;
  private readonly schema: string;
  private readonly pollIntervalMs: number;
  private readonly leaseSeconds: number;
  /** Installs pg-boss's schema, creates the queues and schedules; runs no timers of its own. */
  private readonly admin: PgBoss;
  private installed: Promise<void> | null = null;
  private worker: { boss: PgBoss; db: ReturnType<typeof kyselyDb>; loop: Promise<void> } | null = null;
  private stopping = false;
  /** One nap per queue's worker loop; waking wakes them all. */
  private readonly naps = new Map<string, Nap>();

  constructor(private readonly options: JobsOptions) {
    this.definitions = definitionsByName(options.definitions);
    this.schema = jobsSchemaName(options.database.schema);
    this.pollIntervalMs = options.pollIntervalMs ?? 2000;
    this.leaseSeconds = options.leaseSeconds ?? DEFAULT_LEASE_SECONDS;
    this.admin = new PgBoss({ db: kyselyDb(options.database.unsafeKysely), schema: this.schema, supervise: false, schedule: false, migrate: true });
    this.admin.on('error', (err) => options.logger.error({ err }, 'job engine failed'));
  }

  /** pg-boss's options for a job of this definition: its retries, with back-off once there is a delay to double, and its lease. */
  private retryOptions(definition: JobDefinition): PgBoss.RetryOptions & PgBoss.ExpirationOptions {
    const { retryLimit, retryDelaySeconds } = retryPolicy(definition);
    return { retryLimit, retryDelay: retryDelaySeconds, retryBackoff: retryDelaySeconds > 0, expireInSeconds: definition.leaseSeconds ?? this.leaseSeconds };
  }

  /** Installs or migrates pg-boss's schema and creates a queue per definition, once per service (safe to race with other instances). */
  private install(): Promise<void> {
    this.installed ??= (async () => {
      await this.admin.start();
      // pg-boss's create_queue does partition DDL that deadlocks when two instances create one
      // queue at once: instances take turns, in one transaction under an advisory lock.
      await this.options.database.unsafeKysely.transaction().execute(async (trx) => {
        await sql`SELECT pg_advisory_xact_lock(hashtext(${`${this.schema}.queues`}))`.execute(trx);
        const queues = new PgBoss({ db: kyselyDb(trx), schema: this.schema });
        for (const definition of this.definitions.values()) {
          // `short`: at most one job per singleton key waits for its first run (see send()).
          const queue = { name: definition.name, policy: 'short' as const, ...this.retryOptions(definition) };
          await queues.createQueue(definition.name, queue);
          await queues.updateQueue(definition.name, queue);
        }
      });
    })().catch((err: unknown) => {
      this.installed = null;
      throw err;
    });
    return this.installed;
  }

  async enqueue<P extends JobPayload>(ctx: Pick<ActorContext, 'db'>, name: string, payload: P, options: EnqueueOptions = {}): Promise<string | null> {
    const definition = definitionOf(this.definitions, name);
    await this.install();
    const id = await this.send(kyselyDb(ctx.db.unsafeExecutor()), definition, payload, options);
    // A job due now is looked for soon rather than at the next poll: shortly, so the enqueuing transaction has committed.
    if (id && this.worker && (!options.runAt || options.runAt.getTime() <= Date.now())) setTimeout(() => this.naps.get(name)?.interrupt(), SOON_MS).unref();
    return id;
  }

  /**
   * pg-boss's `short` queue keeps one waiting job per singleton key, and a job without a key
   * counts as key ''. A job enqueued without a key is given its own id as key, so only the
   * jobs that ask for a key collapse (and pg-boss's periodic runs, which have none).
   */
  private send(db: PgBoss.Db, definition: JobDefinition, payload: JobPayload, options: EnqueueOptions): Promise<string | null> {
    const id = randomUUID();
    return this.admin.send(definition.name, payload, {
      id,
      singletonKey: options.singletonKey ?? id,
      ...(options.runAt ? { startAfter: options.runAt } : {}),
      ...this.retryOptions(definition),
      db,
    });
  }

  async start(): Promise<void> {
    if (this.worker) return;
    this.stopping = false;
    await this.install();
    const periodic = [...this.definitions.values()].filter((d) => d.cron);
    // Schedules are rows of pg-boss's schema: set them before the clock starts reading them, and drop those of jobs no longer periodic.
    for (const schedule of await this.admin.getSchedules()) {
      if (!this.definitions.get(schedule.name)?.cron) await this.admin.unschedule(schedule.name);
    }
    for (const definition of periodic) {
      await this.admin.schedule(definition.name, definition.cron!, {}, { tz: 'UTC', ...this.retryOptions(definition) });
    }
    const seconds = this.options.cronCheckSeconds;
    const db = kyselyDb(this.options.database.unsafeKysely);
    const boss = new PgBoss({
      db,
      schema: this.schema,
      migrate: false,
      supervise: true,
      // How soon a run whose instance died is noticed (its lease ran out) and run again.
      maintenanceIntervalSeconds: MAINTENANCE_SECONDS,
      schedule: periodic.length > 0,
      ...(seconds ? { cronMonitorIntervalSeconds: seconds, cronWorkerIntervalSeconds: seconds } : {}),
    });
    boss.on('error', (err) => {
      if (!this.stopping) this.options.logger.error({ err }, 'job engine failed');
    });
    await boss.start();
    for (const definition of periodic) {
      if (definition.startDelaySeconds === undefined) continue;
      await this.send(db, definition, {}, { runAt: new Date(Date.now() + definition.startDelaySeconds * 1000), singletonKey: AFTER_START_KEY });
    }
    this.worker = { boss, db, loop: this.work(boss) };
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.stopping = true;
    for (const nap of this.naps.values()) nap.interrupt();
    await worker.loop;
    await worker.boss.stop({ graceful: true, close: false, timeout: 1000 });
    await worker.db.drain();
    this.worker = null;
  }

  async find(name: string, id: string): Promise<JobStatus | null> {
    await this.install();
    const job = await this.admin.getJobById<JobPayload>(name, id, { includeArchive: true });
    if (!job) return null;
    const output = job.output as { error?: string } | null;
    return {
      id: job.id,
      name: job.name,
      state: job.state === 'created' || job.state === 'retry' ? 'waiting' : job.state,
      // pg-boss counts retries, from the second start on.
      attempts: job.startedOn ? job.retryCount + 1 : 0,
      runAt: new Date(job.startAfter).toISOString(),
      lastError: typeof output?.error === 'string' ? output.error : null,
    };
  }

  /** A worker loop per queue, so a slow run of one kind (a send waiting on a relay) never holds up another kind's timers. */
  private async work(boss: PgBoss): Promise<void> {
    await Promise.all([...this.definitions.values()].map((definition) => this.workQueue(boss, definition)));
  }

  /** Claims a batch of one queue's due jobs, runs them side by side, and naps when the queue came back empty. */
  private async workQueue(boss: PgBoss, definition: JobDefinition): Promise<void> {
    const nap = new Nap();
    this.naps.set(definition.name, nap);
    while (!this.stopping) {
      let found = 0;
      try {
        const jobs = await boss.fetch<JobPayload>(definition.name, { batchSize: BATCH_SIZE, includeMetadata: true });
        found = jobs.length;
        // Jobs already claimed are run even when stopping: they are this instance's until their lease ends.
        await Promise.all(jobs.map((job) => this.run(boss, definition, job)));
      } catch (err) {
        this.options.logger.error({ err, job: definition.name }, 'job worker failed');
      }
      if (found === 0 && !this.stopping) await nap.sleep(this.pollIntervalMs);
    }
    this.naps.delete(definition.name);
  }

  private async run(boss: PgBoss, definition: JobDefinition, job: PgBoss.JobWithMetadata<JobPayload>): Promise<void> {
    const run = { id: job.id, name: definition.name, attempt: job.retryCount + 1, database: this.options.database, keyring: this.options.keyring, jobs: this, publicUrl: this.options.publicUrl?.() ?? 'http://127.0.0.1', events: this.options.events ?? null, config: this.options.config ?? null };
    const result = await runHandler(definition, job.data, run);
    // The stored output is the error summary only: pg-boss would otherwise keep the error's stack.
    if (result.error === null) await boss.complete(definition.name, job.id);
    else await boss.fail(definition.name, job.id, { error: result.error });
    logRun(this.options.logger, run, outcomeOf(result, run.attempt, job.retryLimit), result);
  }
}
