import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { ENGINE, testConfig, testDatabaseSettings } from '../../../test/helpers.ts';
import { openKeyRing } from '../crypto/key-provider.ts';
import { openDatabase, type RingfenceDatabase } from '../db/database.ts';
import { PLATFORM_MIGRATIONS } from '../../migrations/index.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { backoffSeconds, nextCronTime } from './job-runs.ts';
import { createJobs, type JobDefinition, type JobLogger, type Jobs, type JobsOptions } from './jobs.ts';

/** Every log line the jobs wrote, as pino would get it. */
class LogLines implements JobLogger {
  readonly lines: { level: string; fields: Record<string, unknown>; message: string }[] = [];
  info(fields: object, message: string) {
    this.lines.push({ level: 'info', fields: fields as Record<string, unknown>, message });
  }
  warn(fields: object, message: string) {
    this.lines.push({ level: 'warn', fields: fields as Record<string, unknown>, message });
  }
  error(fields: object, message: string) {
    this.lines.push({ level: 'error', fields: fields as Record<string, unknown>, message });
  }
  runs(name: string) {
    return this.lines.filter((l) => l.fields.job === name && 'outcome' in l.fields);
  }
}

/**
 * One database of this run's engine, which the test may open several times (a restart, a
 * second instance), and jobs services over it: all stopped, then closed, after the test.
 */
function jobsFixture(t: TestContext) {
  const settings = testDatabaseSettings(t);
  const { keyring } = openKeyRing(testConfig(settings));
  const databases: RingfenceDatabase[] = [];
  const services: Jobs[] = [];
  const loggers: LogLines[] = [];
  t.after(async () => {
    for (const service of services) await service.stop();
    for (const database of databases) await database.close();
    // Failed runs log errors; nothing else (the engine, the poller) may have.
    const failures = loggers.flatMap((l) => l.lines).filter((l) => l.level === 'error' && !('outcome' in l.fields));
    assert.deepEqual(failures, []);
  });
  return {
    async open(): Promise<RingfenceDatabase> {
      const database = openDatabase(settings);
      databases.push(database);
      // SQLite's jobs table comes with the migrations; pg-boss installs its own schema.
      if (database.engine === 'sqlite') await migrateToLatest(database, PLATFORM_MIGRATIONS);
      return database;
    },
    /** Closes a database before the test ends (a restart). */
    async close(database: RingfenceDatabase): Promise<void> {
      databases.splice(databases.indexOf(database), 1);
      await database.close();
    },
    service(database: RingfenceDatabase, definitions: JobDefinition[], options: Partial<JobsOptions> = {}): Jobs {
      const logger = options.logger instanceof LogLines ? options.logger : new LogLines();
      loggers.push(logger);
      const jobs = createJobs({ database, keyring, definitions, pollIntervalMs: 20, cronCheckSeconds: 1, ...options, logger });
      services.push(jobs);
      return jobs;
    },
    /** A caller's context: any organization's tenant scope (enqueue needs only its connection). */
    ctx(database: RingfenceDatabase) {
      return { db: tenantDb(database.unsafeKysely, database.engine, 'org-jobs-test') };
    },
  };
}

/** Waits until check() holds; a job engine that never gets there fails the test after `timeoutMs`. */
async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A definition whose runs are recorded: payload and attempt of each. */
function recorded(name: string, extra: Partial<JobDefinition> = {}, fail?: (attempt: number) => boolean) {
  const runs: { id: string; payload: unknown; attempt: number }[] = [];
  const definition: JobDefinition = {
    name,
    retryDelaySeconds: 0,
    ...extra,
    async run(payload, job) {
      runs.push({ id: job.id, payload, attempt: job.attempt });
      if (fail?.(job.attempt)) throw new Error(`practice system refused the call (attempt ${job.attempt})`);
    },
  };
  return { definition, runs };
}

test(`[${ENGINE}] a job runs once with its payload, and its run is logged without the payload`, async (t) => {
  const f = jobsFixture(t);
  const database = await f.open();
  const { definition, runs } = recorded('send-summary');
  const logger = new LogLines();
  const jobs = f.service(database, [definition], { logger });
  const id = await jobs.enqueue(f.ctx(database), 'send-summary', { taskId: 'task-7', marker: 'payload-marker-31337' });
  assert.ok(id);
  await jobs.start();
  await until(async () => (await jobs.find('send-summary', id))?.state === 'completed', 'the job completed');
  assert.deepEqual(runs, [{ id, payload: { taskId: 'task-7', marker: 'payload-marker-31337' }, attempt: 1 }]);
  const [line, ...more] = logger.runs('send-summary');
  assert.equal(more.length, 0, 'one line per run');
  assert.deepEqual(Object.keys(line!.fields).sort(), ['attempt', 'job', 'jobId', 'ms', 'outcome']);
  assert.deepEqual({ ...line!.fields, ms: 0 }, { job: 'send-summary', jobId: id, attempt: 1, outcome: 'completed', ms: 0 });
  assert.doesNotMatch(JSON.stringify(logger.lines), /payload-marker|task-7/);
  await assert.rejects(jobs.enqueue(f.ctx(database), 'nobody-defined-this', {}), /No job named nobody-defined-this/);
  assert.throws(() => f.service(database, [{ name: 'bad-cron', cron: 'every minute', run: async () => {} }]));
});

test(`[${ENGINE}] a job enqueued in a transaction that rolls back is never scheduled`, async (t) => {
  const f = jobsFixture(t);
  const database = await f.open();
  const { definition, runs } = recorded('notify-agent');
  const jobs = f.service(database, [definition]);
  let rolledBack: string | null = null;
  await assert.rejects(
    f.ctx(database).db.transaction(async (tx) => {
      rolledBack = await jobs.enqueue({ db: tx }, 'notify-agent', { step: 'rolled back' });
      throw new Error('the change failed');
    }),
    /the change failed/,
  );
  assert.ok(rolledBack);
  const committed = await f.ctx(database).db.transaction((tx) => jobs.enqueue({ db: tx }, 'notify-agent', { step: 'committed' }));
  await jobs.start();
  await until(() => runs.length === 1, 'the committed job ran');
  await jobs.stop();
  assert.deepEqual(
    runs.map((r) => [r.id, r.payload]),
    [[committed, { step: 'committed' }]],
  );
  assert.equal(await jobs.find('notify-agent', rolledBack), null, 'the rolled-back job does not exist');
});

test(`[${ENGINE}] a waiting job survives a restart of the service and of the database connection`, async (t) => {
  const f = jobsFixture(t);
  const first = await f.open();
  const before = recorded('export-report');
  const jobsBefore = f.service(first, [before.definition]);
  const id = await jobsBefore.enqueue(f.ctx(first), 'export-report', { reportId: 'r-1' });
  await jobsBefore.stop();
  await f.close(first);

  const second = await f.open();
  const after = recorded('export-report');
  const jobsAfter = f.service(second, [after.definition]);
  await jobsAfter.start();
  await until(() => after.runs.length === 1, 'the job ran after the restart');
  assert.deepEqual(after.runs, [{ id, payload: { reportId: 'r-1' }, attempt: 1 }]);
  assert.equal(before.runs.length, 0);
});

test(`[${ENGINE}] a failing job is retried, the handler seeing each attempt, until it succeeds`, async (t) => {
  const f = jobsFixture(t);
  const database = await f.open();
  const { definition, runs } = recorded('sync-practice', { retryLimit: 3 }, (attempt) => attempt < 3);
  const logger = new LogLines();
  const jobs = f.service(database, [definition], { logger });
  const id = (await jobs.enqueue(f.ctx(database), 'sync-practice', { linkId: 'l-1' }))!;
  await jobs.start();
  await until(async () => (await jobs.find('sync-practice', id))?.state === 'completed', 'the job completed');
  assert.deepEqual(
    runs.map((r) => r.attempt),
    [1, 2, 3],
  );
  assert.deepEqual(
    logger.runs('sync-practice').map((l) => [l.fields.attempt, l.fields.outcome]),
    [
      [1, 'retry'],
      [2, 'retry'],
      [3, 'completed'],
    ],
  );
  const status = await jobs.find('sync-practice', id);
  assert.equal(status?.attempts, 3);
});

test(`[${ENGINE}] a job that keeps failing gives up after its retry limit and keeps the last error, without a stack`, async (t) => {
  const f = jobsFixture(t);
  const database = await f.open();
  const { definition, runs } = recorded('sync-practice', { retryLimit: 2 }, () => true);
  const logger = new LogLines();
  const jobs = f.service(database, [definition], { logger });
  const id = (await jobs.enqueue(f.ctx(database), 'sync-practice', { linkId: 'l-2' }))!;
  await jobs.start();
  await until(async () => (await jobs.find('sync-practice', id))?.state === 'failed', 'the job failed');
  await jobs.stop();
  assert.deepEqual(
    runs.map((r) => r.attempt),
    [1, 2, 3],
    'the first run and two retries, then no more',
  );
  const status = await jobs.find('sync-practice', id);
  assert.equal(status?.attempts, 3);
  assert.equal(status?.lastError, 'Error: practice system refused the call (attempt 3)');
  assert.deepEqual(
    logger.runs('sync-practice').map((l) => [l.level, l.fields.outcome, l.fields.error]),
    [
      ['warn', 'retry', 'Error: practice system refused the call (attempt 1)'],
      ['warn', 'retry', 'Error: practice system refused the call (attempt 2)'],
      ['error', 'failed', 'Error: practice system refused the call (attempt 3)'],
    ],
  );
});

test(`[${ENGINE}] a retry waits its back-off, doubled for each further failure`, async (t) => {
  assert.deepEqual(
    [1, 2, 3, 4].map((attempt) => backoffSeconds(60, attempt)),
    [60, 120, 240, 480],
  );
  const f = jobsFixture(t);
  const database = await f.open();
  const { definition, runs } = recorded('sync-practice', { retryLimit: 3, retryDelaySeconds: 60 }, () => true);
  const jobs = f.service(database, [definition]);
  const id = (await jobs.enqueue(f.ctx(database), 'sync-practice', { linkId: 'l-3' }))!;
  await jobs.start();
  await until(async () => (await jobs.find('sync-practice', id))?.lastError !== null, 'the first run failed');
  const failedBy = Date.now();
  await jobs.stop();
  const status = (await jobs.find('sync-practice', id))!;
  assert.equal(status.state, 'waiting');
  assert.equal(status.attempts, 1);
  assert.equal(runs.length, 1, 'not retried before its time');
  // SQLite waits exactly the delay, pg-boss up to twice it (jitter); a minute either way, not the next poll.
  const wait = Date.parse(status.runAt) - failedBy;
  assert.ok(wait > 55_000 && wait <= 120_000, `the retry is due ${wait} ms after the failure`);
});

test(`[${ENGINE}] a job due later is not run before its time`, async (t) => {
  const f = jobsFixture(t);
  const database = await f.open();
  const { definition, runs } = recorded('follow-up');
  const jobs = f.service(database, [definition]);
  const runAt = new Date(Date.now() + 3_600_000);
  const later = (await jobs.enqueue(f.ctx(database), 'follow-up', { when: 'later' }, { runAt }))!;
  const now = await jobs.enqueue(f.ctx(database), 'follow-up', { when: 'now' });
  await jobs.start();
  await until(() => runs.length === 1, 'the due job ran');
  await jobs.stop();
  assert.deepEqual(
    runs.map((r) => r.id),
    [now],
  );
  const status = await jobs.find('follow-up', later);
  assert.equal(status?.state, 'waiting');
  assert.equal(status?.attempts, 0);
  assert.equal(status?.runAt, runAt.toISOString());
});

test(`[${ENGINE}] a singleton key keeps one job waiting; once it has run the key is free`, async (t) => {
  const f = jobsFixture(t);
  const database = await f.open();
  const { definition, runs } = recorded('rebuild-index');
  const jobs = f.service(database, [definition]);
  const ctx = f.ctx(database);
  const first = await jobs.enqueue(ctx, 'rebuild-index', { n: 1 }, { singletonKey: 'org-1' });
  assert.ok(first);
  assert.equal(await jobs.enqueue(ctx, 'rebuild-index', { n: 2 }, { singletonKey: 'org-1' }), null, 'a second one with the key is dropped');
  const other = await jobs.enqueue(ctx, 'rebuild-index', { n: 3 }, { singletonKey: 'org-2' });
  const keyless = [await jobs.enqueue(ctx, 'rebuild-index', { n: 4 }), await jobs.enqueue(ctx, 'rebuild-index', { n: 5 })];
  assert.ok(other && keyless.every(Boolean), 'other keys, and jobs without a key, are not affected');
  await jobs.start();
  await until(() => runs.length === 4, 'the four jobs ran');
  const again = await jobs.enqueue(ctx, 'rebuild-index', { n: 6 }, { singletonKey: 'org-1' });
  assert.ok(again, 'the key is free once its job ran');
  await until(() => runs.length === 5, 'the new singleton ran');
  assert.deepEqual(runs.map((r) => (r.payload as { n: number }).n).sort(), [1, 3, 4, 5, 6]);
});

test(`[${ENGINE}] a periodic job runs on its schedule, and one asks for a run soon after start`, async (t) => {
  assert.equal(nextCronTime('0 * * * *', new Date('2026-03-01T10:30:00Z')).toISOString(), '2026-03-01T11:00:00.000Z');
  const f = jobsFixture(t);
  const database = await f.open();
  // Every second (SQLite honours it; pg-boss runs it at most once a minute, the first soon after start).
  const ticking = recorded('tick', { cron: '* * * * * *' });
  // Hourly, and once right after start: the reminders' shape.
  const hourly = recorded('hourly-sweep', { cron: '0 * * * *', startDelaySeconds: 0 });
  const jobs = f.service(database, [ticking.definition, hourly.definition]);
  await jobs.start();
  await until(() => ticking.runs.length >= 1 && hourly.runs.length === 1, 'the periodic jobs ran');
  await jobs.stop();
  assert.equal(hourly.runs.length, 1, 'one run after start, the next on the hour');
  assert.deepEqual(ticking.runs[0]!.payload, {});
});

test(`[${ENGINE}] two instances on one database run each of 200 jobs exactly once`, async (t) => {
  const f = jobsFixture(t);
  // On PostgreSQL each instance has its own pool; SQLite is one process's, so its two pollers share
  // the connection (two connections in one process would block each other's busy waits).
  const first = await f.open();
  const databases = [first, ENGINE === 'postgres' ? await f.open() : first];
  const counts = new Map<string, number>();
  const byInstance = [0, 0];
  const services = databases.map((database, instance) =>
    f.service(database, [
      {
        name: 'deliver',
        retryDelaySeconds: 0,
        async run(_payload, job) {
          counts.set(job.id, (counts.get(job.id) ?? 0) + 1);
          byInstance[instance]! += 1;
          // Long enough for the instances' claims to interleave.
          await new Promise((resolve) => setTimeout(resolve, 2));
        },
      },
    ]),
  );
  await Promise.all(services.map((s) => s.start()));
  const ids: string[] = [];
  for (let batch = 0; batch < 4; batch++) {
    const db = f.ctx(databases[batch % 2]!).db;
    ids.push(...(await db.transaction(async (tx) => Promise.all(Array.from({ length: 50 }, (_, i) => services[batch % 2]!.enqueue({ db: tx }, 'deliver', { n: batch * 50 + i }))))).map(String));
  }
  await until(() => counts.size === 200, 'every job ran', 30_000);
  // Stopping waits for runs in progress: a second run of any job would be counted by now.
  await Promise.all(services.map((s) => s.stop()));
  assert.equal(new Set(ids).size, 200);
  assert.deepEqual([...counts.keys()].sort(), [...ids].sort());
  assert.deepEqual([...new Set(counts.values())], [1], 'no job ran twice');
  t.diagnostic(`runs per instance: ${byInstance.join(' / ')}`);
});
