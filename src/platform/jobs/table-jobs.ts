/**
 * Platform jobs on SQLite: the `jobs` table (migration 0013) of the app's own database and one
 * poller in the one process. The poller claims a due job (queued → active, with a lease) in a
 * short transaction, runs it outside any transaction, and records the outcome: completed, or
 * queued again after `retry_delay * 2^(attempt-1)` seconds, or failed once the retries are
 * spent. A job whose lease ran out (its process died mid-run) is claimed again.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { ActorContext } from '../context.ts';
import type { Database } from '../db/types.ts';
import type { JobsTable } from './jobs.tables.ts';
import {
  AFTER_START_KEY,
  DEFAULT_CONCURRENCY,
  DEFAULT_LEASE_SECONDS,
  Nap,
  backoffSeconds,
  definitionOf,
  definitionsByName,
  logRun,
  nextCronTime,
  outcomeOf,
  retryPolicy,
  runHandler,
} from './job-runs.ts';
import type { EnqueueOptions, JobDefinition, JobPayload, JobStatus, Jobs, JobsOptions } from './jobs.ts';

/** Completed and failed jobs are deleted this long after they finished. */
const KEEP_FINISHED_MS = 7 * 24 * 3_600_000;
/** How soon after an enqueue of a job due now the poller looks (the enqueuing transaction commits first). */
const SOON_MS = 15;
/** How often the poller deletes old finished jobs. */
const CLEANUP_EVERY_MS = 3_600_000;

type Executor = Kysely<Database> | Transaction<Database>;
type JobRow = JobsTable;

export class TableJobs implements Jobs {
  private readonly definitions: Map<string, JobDefinition>;
  private readonly pollIntervalMs: number;
  private readonly leaseSeconds: number;
  private readonly concurrency: number;
  /** Leases taken by this service: a run still going here is never claimed again by it. */
  private readonly instanceId = randomUUID();
  private readonly nap = new Nap();
  private loop: Promise<void> | null = null;
  private stopping = false;
  private lastCleanup = 0;

  constructor(private readonly options: JobsOptions) {
    this.definitions = definitionsByName(options.definitions);
    this.pollIntervalMs = options.pollIntervalMs ?? 2000;
    this.leaseSeconds = options.leaseSeconds ?? DEFAULT_LEASE_SECONDS;
    this.concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  }

  private get kysely(): Kysely<Database> {
    return this.options.database.unsafeKysely;
  }

  async enqueue<P extends JobPayload>(ctx: Pick<ActorContext, 'db'>, name: string, payload: P, options: EnqueueOptions = {}): Promise<string | null> {
    const runAt = options.runAt ?? new Date();
    const id = await this.insert(ctx.db.unsafeExecutor(), definitionOf(this.definitions, name), payload, runAt, options.singletonKey ?? null, false);
    // A job due now is looked for soon rather than at the next poll: shortly, so the enqueuing transaction has committed.
    if (id && this.loop && runAt.getTime() <= Date.now()) setTimeout(() => this.nap.interrupt(), SOON_MS).unref();
    return id;
  }

  /** Inserts a job; a waiting singleton (or periodic run) of the same name and key makes it a no-op. */
  private async insert(db: Executor, definition: JobDefinition, payload: JobPayload, runAt: Date, singletonKey: string | null, periodic: boolean): Promise<string | null> {
    const { retryLimit, retryDelaySeconds } = retryPolicy(definition);
    const id = randomUUID();
    const row = await db
      .insertInto('jobs')
      .values({
        id,
        name: definition.name,
        payload: JSON.stringify(payload),
        status: 'queued',
        attempts: 0,
        retry_limit: retryLimit,
        retry_delay_seconds: retryDelaySeconds,
        run_at: runAt.toISOString(),
        singleton_key: singletonKey,
        periodic: periodic ? 1 : 0,
        locked_by: null,
        locked_until: null,
        last_error: null,
        created_at: new Date().toISOString(),
        finished_at: null,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id ?? null;
  }

  async start(): Promise<void> {
    if (this.loop) return;
    this.stopping = false;
    const now = new Date();
    for (const definition of this.definitions.values()) {
      if (!definition.cron) continue;
      // The next tick, unless a run is already waiting (one left from before a restart runs now if it is due).
      await this.insert(this.kysely, definition, {}, nextCronTime(definition.cron, now), null, true);
      if (definition.startDelaySeconds !== undefined) {
        await this.insert(this.kysely, definition, {}, new Date(now.getTime() + definition.startDelaySeconds * 1000), AFTER_START_KEY, false);
      }
    }
    this.loop = this.work();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.nap.interrupt();
    await this.loop;
    this.loop = null;
  }

  async find(name: string, id: string): Promise<JobStatus | null> {
    const row = await this.kysely.selectFrom('jobs').selectAll().where('id', '=', id).where('name', '=', name).executeTakeFirst();
    if (!row) return null;
    return { id: row.id, name: row.name, state: row.status === 'queued' ? 'waiting' : row.status, attempts: row.attempts, runAt: row.run_at, lastError: row.last_error };
  }

  /**
   * Claims due jobs while fewer than `concurrency` run, runs them side by side, and naps when
   * nothing is due. Stopping waits for the runs in progress.
   */
  private async work(): Promise<void> {
    const running = new Set<Promise<void>>();
    while (!this.stopping) {
      if (running.size >= this.concurrency) {
        await Promise.race(running);
        continue;
      }
      let claimed: JobRow | null = null;
      try {
        await this.cleanUp();
        claimed = await this.claim();
      } catch (err) {
        this.options.logger.error({ err }, 'job poller failed');
      }
      if (claimed) {
        const run: Promise<void> = this.run(claimed)
          .catch((err: unknown) => this.options.logger.error({ err }, 'job poller failed'))
          .finally(() => {
            running.delete(run);
            // What it enqueued (a page's delivery) may be due now.
            this.nap.interrupt();
          });
        running.add(run);
        continue;
      }
      if (!this.stopping) await this.nap.sleep(this.pollIntervalMs);
    }
    await Promise.allSettled([...running]);
  }

  /**
   * Takes the next due job (or one whose lease ran out elsewhere) in one statement, so two
   * connections to the file never take the same row; a periodic run then queues the next tick.
   */
  private async claim(): Promise<JobRow | null> {
    const now = new Date();
    const nowText = now.toISOString();
    // A run that outlived its lease counts as an attempt: with none left, the job fails rather than run again.
    await this.kysely
      .updateTable('jobs')
      .set({ status: 'failed', finished_at: nowText, last_error: 'Error: the run outlived its lease', locked_by: null, locked_until: null })
      .where('status', '=', 'active')
      .where('locked_until', '<=', nowText)
      .where('locked_by', '!=', this.instanceId)
      .whereRef('attempts', '>', 'retry_limit')
      .execute();
    const claimed = await this.kysely
      .updateTable('jobs')
      .set((eb) => ({ status: 'active', attempts: eb('attempts', '+', 1), locked_by: this.instanceId, locked_until: new Date(now.getTime() + this.leaseSeconds * 1000).toISOString() }))
      .where('id', '=', (eb) =>
        eb
          .selectFrom('jobs')
          .select('id')
          .where((w) =>
            w.or([
              w.and([w('status', '=', 'queued'), w('run_at', '<=', nowText)]),
              w.and([w('status', '=', 'active'), w('locked_until', '<=', nowText), w('locked_by', '!=', this.instanceId)]),
            ]),
          )
          .orderBy('run_at')
          .orderBy('created_at')
          .limit(1),
      )
      .returningAll()
      .executeTakeFirst();
    if (!claimed) return null;
    const definition = this.definitions.get(claimed.name);
    // A definition with a lease of its own (a page's timer) is presumed lost sooner.
    if (definition?.leaseSeconds !== undefined) {
      const until = new Date(now.getTime() + definition.leaseSeconds * 1000).toISOString();
      await this.kysely.updateTable('jobs').set({ locked_until: until }).where('id', '=', claimed.id).where('locked_by', '=', this.instanceId).execute();
      claimed.locked_until = until;
    }
    if (claimed.periodic === 1 && claimed.attempts === 1 && definition?.cron) {
      await this.insert(this.kysely, definition, {}, nextCronTime(definition.cron, now), null, true);
    }
    return claimed;
  }

  private async run(job: JobRow): Promise<void> {
    const definition = this.definitions.get(job.name);
    const run = { id: job.id, name: job.name, attempt: job.attempts, database: this.options.database, keyring: this.options.keyring, jobs: this, publicUrl: this.options.publicUrl?.() ?? 'http://127.0.0.1', events: this.options.events ?? null, config: this.options.config ?? null };
    // A job of a definition this version no longer has fails at once rather than waiting forever.
    const result = definition ? await runHandler(definition, JSON.parse(job.payload) as JobPayload, run) : { error: `Error: no job named ${job.name} is defined`, ms: 0 };
    const outcome = definition ? outcomeOf(result, job.attempts, job.retry_limit) : 'failed';
    const now = new Date();
    const mine = this.kysely.updateTable('jobs').where('id', '=', job.id).where('locked_by', '=', this.instanceId).where('attempts', '=', job.attempts);
    if (outcome === 'completed') {
      await mine.set({ status: 'completed', finished_at: now.toISOString(), locked_by: null, locked_until: null }).execute();
    } else if (outcome === 'retry') {
      const runAt = new Date(now.getTime() + backoffSeconds(job.retry_delay_seconds, job.attempts) * 1000).toISOString();
      await mine.set({ status: 'queued', run_at: runAt, last_error: result.error, locked_by: null, locked_until: null }).execute();
    } else {
      await mine.set({ status: 'failed', finished_at: now.toISOString(), last_error: result.error, locked_by: null, locked_until: null }).execute();
    }
    logRun(this.options.logger, run, outcome, result);
  }

  private async cleanUp(): Promise<void> {
    if (Date.now() - this.lastCleanup < CLEANUP_EVERY_MS) return;
    this.lastCleanup = Date.now();
    const before = new Date(Date.now() - KEEP_FINISHED_MS).toISOString();
    await this.kysely.deleteFrom('jobs').where('status', 'in', ['completed', 'failed']).where('finished_at', '<', before).execute();
  }
}
