import { sql, type Kysely } from 'kysely';
import type { Engine } from '../platform/db/database.ts';

/**
 * Platform jobs on SQLite: one row per job (one-shot or a periodic job's next run), claimed by
 * the one process's poller with a lease. On PostgreSQL this creates nothing: pg-boss keeps the
 * jobs in a schema of its own, installed on first use (src/platform/jobs/pg-boss-jobs.ts), and
 * an unused twin table would only invite writes nobody reads.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  if (engine !== 'sqlite') return;
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // JSON of ids and references; never PHI.
    .addColumn('payload', 'text', (c) => c.notNull())
    // queued | active | completed | failed
    .addColumn('status', 'text', (c) => c.notNull())
    // Runs started so far (a retry waits queued with attempts > 0).
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retry_limit', 'integer', (c) => c.notNull())
    .addColumn('retry_delay_seconds', 'integer', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('singleton_key', 'text')
    // 1 for a periodic job's scheduled run.
    .addColumn('periodic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    // Error class and message, cut short; never a stack or a payload.
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('jobs_due_idx').on('jobs').columns(['status', 'run_at']).execute();
  // A singleton key, and a periodic job, have at most one job waiting for its first run.
  await db.schema
    .createIndex('jobs_singleton_idx')
    .on('jobs')
    .columns(['name', 'singleton_key'])
    .unique()
    .where(sql<boolean>`status = 'queued' AND attempts = 0 AND singleton_key IS NOT NULL`)
    .execute();
  await db.schema
    .createIndex('jobs_periodic_idx')
    .on('jobs')
    .column('name')
    .unique()
    .where(sql<boolean>`status = 'queued' AND attempts = 0 AND periodic = 1`)
    .execute();
}
