import type { TestContext } from 'node:test';
import type { ActorContext } from '../src/platform/context.ts';
import { createJobs, type EnqueueOptions, type JobDefinition, type JobPayload, type JobStatus, type Jobs } from '../src/platform/jobs/jobs.ts';
import type { TestApp } from './helpers.ts';

const QUIET = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * The platform's real job engine (pg-boss on PostgreSQL, the jobs table on SQLite) on a test
 * app's database, with only the given job definitions and without retry delays, watched from
 * the outside: each enqueue is noted, and each run's error (null for a success) is recorded by
 * the handler the engine calls. `runAll` starts the engine and waits until every job noted so
 * far has succeeded or used its last retry.
 */
export class JobsUnderTest implements Jobs {
  readonly queued: { name: string; payload: JobPayload; id: string }[] = [];
  readonly #runs = new Map<string, (string | null)[]>();
  readonly #engine: Jobs;
  #started = false;

  constructor(app: TestApp, definitions: readonly JobDefinition[]) {
    const watched = definitions.map(
      (d): JobDefinition => ({
        ...d,
        retryDelaySeconds: 0,
        run: async (payload, job) => {
          const runs = this.#runs.get(job.id) ?? [];
          this.#runs.set(job.id, runs);
          try {
            await d.run(payload, job);
            runs.push(null);
          } catch (err) {
            runs.push(err instanceof Error ? err.message : String(err));
            throw err;
          }
        },
      }),
    );
    // Runs see the test app's own address, as they would in the app (links, SMS status callbacks).
    this.#engine = createJobs({ database: app.database, keyring: app.app.platform.keyring, logger: QUIET, definitions: watched, pollIntervalMs: 10, publicUrl: () => app.app.platform.publicUrl(), config: app.app.platform.config });
  }

  async enqueue<P extends JobPayload>(ctx: Pick<ActorContext, 'db'>, name: string, payload: P, options?: EnqueueOptions): Promise<string | null> {
    const id = await this.#engine.enqueue(ctx, name, payload, options);
    if (id) this.queued.push({ name, payload, id });
    return id;
  }

  /** Works every job noted so far to its end; returns each one's runs (the error of each, null for a success), in enqueue order. */
  async runAll(): Promise<(string | null)[][]> {
    if (!this.#started) {
      await this.#engine.start();
      this.#started = true;
    }
    const jobs = this.queued.splice(0);
    const results: (string | null)[][] = [];
    for (const job of jobs) {
      let status: JobStatus | null = null;
      for (let i = 0; i < 600; i += 1) {
        status = await this.#engine.find(job.name, job.id);
        if (status && (status.state === 'completed' || status.state === 'failed')) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      if (!status || (status.state !== 'completed' && status.state !== 'failed')) throw new Error(`job ${job.name} ${job.id} did not finish (${status?.state ?? 'not found'})`);
      results.push(this.#runs.get(job.id) ?? []);
    }
    return results;
  }

  start(): Promise<void> {
    return this.#engine.start();
  }

  stop(): Promise<void> {
    return this.#engine.stop();
  }

  find(name: string, id: string): Promise<JobStatus | null> {
    return this.#engine.find(name, id);
  }
}

/** The real job engine on the test app's database, stopped after the test. */
export function jobsUnderTest(t: TestContext, app: TestApp, definitions: readonly JobDefinition[]): JobsUnderTest {
  const jobs = new JobsUnderTest(app, definitions);
  t.after(() => jobs.stop());
  return jobs;
}
