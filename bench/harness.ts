import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { loadConfig, type RingfenceConfig } from '../src/config.ts';
import { SYSTEM_SOURCE } from '../src/platform/audit/events.ts';
import { sessionCookieName } from '../src/platform/auth/authenticate.ts';
import { createSession } from '../src/platform/auth/sessions.ts';
import { openDatabase, type Engine, type RingfenceDatabase } from '../src/platform/db/database.ts';
import { tenantDb, type TenantDb } from '../src/platform/db/tenant-db.ts';
import { unsafeCreateOrganization } from '../src/modules/organizations/organizations.service.ts';
import { TEST_PASSWORD, insertTestUser } from '../test/helpers.ts';

/** The password of every person a benchmark creates. */
export const BENCH_PASSWORD = TEST_PASSWORD;

/** What one benchmark reports. */
export interface BenchResult {
  ops_per_s: number;
  p50_ms: number;
  p99_ms: number;
  /** The benchmark's own figures, printed after the common ones. */
  figures?: Record<string, number | boolean | string>;
  /** Set when the benchmark ran but a check failed: its figures do not count. */
  failure?: string;
}

/** One named benchmark; bench/run.ts lists them all. */
export interface Benchmark {
  name: string;
  description: string;
  run(env: BenchEnv): Promise<BenchResult>;
}

export interface BenchSettings {
  engine: Engine;
  /** The PostgreSQL server (each database gets its own schema on it); null on SQLite. */
  databaseUrl: string | null;
  durationMs: number;
  warmupMs: number;
}

export interface BenchApp {
  app: FastifyInstance;
  database: RingfenceDatabase;
  config: RingfenceConfig;
  tenant(orgId: string): TenantDb;
}

/**
 * The resources of one benchmark run: every database it opens is fresh (a SQLite file in a
 * temporary directory, or a PostgreSQL schema of its own) and is removed by `dispose()`.
 */
export class BenchEnv {
  private readonly cleanups: (() => Promise<void> | void)[] = [];

  constructor(readonly settings: BenchSettings) {}

  get engine(): Engine {
    return this.settings.engine;
  }

  /** Registers a cleanup; they run last-in first-out. */
  defer(cleanup: () => Promise<void> | void): void {
    this.cleanups.push(cleanup);
  }

  /** Builds the real app on a fresh database; `overrides` are environment-style settings; background work only when asked. */
  async startApp(overrides: Record<string, string> = {}, options: { background?: boolean } = {}): Promise<BenchApp> {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ringfence-bench-'));
    this.defer(() => rmSync(dataDir, { recursive: true, force: true }));
    const url = this.settings.engine === 'postgres' ? this.settings.databaseUrl : null;
    const schema = url ? `rf_bench_${randomBytes(6).toString('hex')}` : null;
    if (url && schema) this.defer(() => dropSchema(url, schema));

    const config = loadConfig(
      {
        RINGFENCE_DATA_DIR: dataDir,
        ...(url && schema ? { DATABASE_URL: url, RINGFENCE_DATABASE_SCHEMA: schema } : {}),
        RINGFENCE_MASTER_KEY: randomBytes(32).toString('base64'),
        RINGFENCE_LOG_LEVEL: 'silent',
        // The highest the configuration accepts; sign-in benchmarks must never meet the limit.
        RINGFENCE_AUTH_RATE_LIMIT: '100000',
        PORT: '0',
        ...overrides,
      },
      dataDir,
    );
    // As the server runs it: the write-ahead log is copied back on a thread of its own.
    const database = openDatabase(config, { backgroundCheckpoints: true });
    this.defer(() => database.close());
    // `background`: the job engine and the modules' background work run, as in `ringfence serve`.
    const app = await buildApp(config, { database, background: options.background ?? false, web: false });
    this.defer(() => app.close());
    return { app, database, config, tenant: (orgId) => tenantDb(database.unsafeKysely, database.engine, orgId) };
  }

  /** Runs every cleanup, even when one fails; reports the failures on stderr. */
  async dispose(): Promise<void> {
    while (this.cleanups.length > 0) {
      const cleanup = this.cleanups.pop()!;
      try {
        await cleanup();
      } catch (err) {
        console.error(`bench: cleanup failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/** Starts listening on a loopback port and returns the base URL. */
export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('the app is not listening on a TCP port');
  return `http://127.0.0.1:${address.port}`;
}

export interface BenchOrg {
  orgId: string;
  adminId: string;
  adminEmail: string;
  /** Everyone, the administrator first. */
  userIds: string[];
}

/**
 * Creates an organization through the real service (roles, data key, administrator), then
 * adds `extraPeople` more people with the test fixtures' shared password hash: hashing is
 * what auth.signin measures, not what setup should pay for.
 */
export async function createBenchOrg(bench: BenchApp, extraPeople = 0): Promise<BenchOrg> {
  const tag = randomBytes(4).toString('hex');
  const adminEmail = `owner-${tag}@example.test`;
  const created = await unsafeCreateOrganization(
    bench.database,
    bench.app.platform.keyring,
    { orgName: `Bench Answering Service ${tag}`, email: adminEmail, password: BENCH_PASSWORD },
    SYSTEM_SOURCE,
  );
  const userIds = [created.userId];
  for (let i = 0; i < extraPeople; i += 1) userIds.push((await insertTestUser(bench, created.orgId, `person${i}-${tag}@example.test`)).id);
  return { orgId: created.orgId, adminId: created.userId, adminEmail, userIds };
}

/** Adds an active client (a practice the answering service works for) to the organization; returns its id. */
export async function createBenchClient(bench: BenchApp, orgId: string, name = `Bench Practice ${randomBytes(4).toString('hex')}`): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  await bench.tenant(orgId).insertInto('clients', { id, name, time_zone: 'America/Chicago', status: 'active', created_at: now, updated_at: now }).execute();
  return id;
}

/** Gives a person one of the organization's roles (its key: 'agent', 'supervisor'…), for one client or, with null, for all. */
export async function assignBenchRole(bench: BenchApp, orgId: string, userId: string, roleKey: string, clientId: string | null): Promise<void> {
  const tenant = bench.tenant(orgId);
  const role = await tenant.selectFrom('roles').select('id').where('key', '=', roleKey).executeTakeFirst();
  if (!role) throw new Error(`the organization has no role ${roleKey}`);
  await tenant
    .insertInto('role_assignments', { id: randomUUID(), user_id: userId, role_id: role.id, client_id: clientId, created_at: new Date().toISOString(), created_by: null })
    .execute();
}

export interface BenchSession {
  /** The `cookie` header value. */
  cookie: string;
  /** The `x-csrf-token` header value every request but GET, HEAD and OPTIONS must carry. */
  csrfToken: string;
}

/** A fully signed-in session, made without the sign-in endpoints (and their TOTP step). */
export async function benchSession(bench: BenchApp, orgId: string, userId: string): Promise<BenchSession> {
  const { config } = bench;
  const session = await createSession(bench.tenant(orgId), userId, 'full', { ip: '127.0.0.1', userAgent: 'ringfence-bench' }, {
    idleMinutes: config.sessionIdleMinutes,
    absoluteHours: config.sessionAbsoluteHours,
  });
  return { cookie: `${sessionCookieName(bench.app.platform.cookieSecure)}=${session.token}`, csrfToken: session.csrfToken };
}

/** A `cookie` header value for a fully signed-in session, made without the sign-in endpoints (and their TOTP step). */
export async function sessionCookie(bench: BenchApp, orgId: string, userId: string): Promise<string> {
  return (await benchSession(bench, orgId, userId)).cookie;
}

/** One JSON answer: the status and the parsed body (null when empty). */
export interface JsonAnswer {
  status: number;
  body: unknown;
  text: string;
}

/**
 * A lean HTTP client for requests timed one at a time: one kept-alive connection through
 * node:http. `fetch` costs about a millisecond of the process's own time per request, and here
 * that time is taken from the server being measured, which shares the event loop.
 */
export function jsonClient(base: string, headers: Record<string, string>): { request(method: string, path: string, body?: unknown): Promise<JsonAnswer>; close(): void } {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return {
    request(method, path, body) {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      return new Promise<JsonAnswer>((resolve, reject) => {
        const req = http.request(
          base + path,
          { method, agent, headers: { ...headers, ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }) } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => {
              const text = Buffer.concat(chunks).toString('utf8');
              try {
                resolve({ status: res.statusCode ?? 0, body: text === '' ? null : JSON.parse(text), text });
              } catch (err) {
                reject(err instanceof Error ? err : new Error(String(err)));
              }
            });
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(payload);
      });
    },
    close: () => agent.destroy(),
  };
}
