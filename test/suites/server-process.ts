import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import type { RingfenceConfig } from '../../src/config.ts';
import { createSession } from '../../src/platform/auth/sessions.ts';
import { sessionCookieName } from '../../src/platform/auth/authenticate.ts';
import { openDatabase, type RingfenceDatabase } from '../../src/platform/db/database.ts';
import { tenantDb } from '../../src/platform/db/tenant-db.ts';
import { TestClient, type TestApp, type TestDatabase } from '../helpers.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const CLI = new URL('../../src/cli/index.ts', import.meta.url).pathname;

/**
 * The settings a `ringfence serve` child process gets: the test's database and master key, a
 * loopback address on a free port. Nothing else of the test's environment reaches it (a
 * DATABASE_URL of the shell would point it at another database).
 */
export function serverEnv(settings: TestDatabase['settings'], config: RingfenceConfig, overrides: Record<string, string> = {}): Record<string, string> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k, v]) => v !== undefined && !/^(RINGFENCE_|DATABASE_URL$|PORT$|HOST$|NODE_ENV$)/.test(k))) as Record<string, string>;
  return {
    ...inherited,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    RINGFENCE_DATA_DIR: settings.dataDir,
    ...(settings.databaseUrl ? { DATABASE_URL: settings.databaseUrl } : {}),
    ...(settings.databaseSchema ? { RINGFENCE_DATABASE_SCHEMA: settings.databaseSchema } : {}),
    RINGFENCE_MASTER_KEY: config.masterKey!,
    RINGFENCE_LOG_LEVEL: 'error',
    RINGFENCE_AUTH_RATE_LIMIT: '100000',
    ...overrides,
  };
}

/** A running `ringfence serve` child process. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything it printed, for a failure message. */
  output(): string;
  /** SIGKILL: no shutdown hook, no final seal, the database as the instant left it. */
  kill(): Promise<void>;
  /** SIGTERM: the graceful shutdown; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Spawns the real CLI, `node --import tsx src/cli/index.ts serve`, and waits for the URL it prints. */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 30_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.stderr!.on('data', (d) => (out = (out + String(d)).slice(-20_000)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no URL within ${timeoutMs} ms:\n${out}`)), timeoutMs);
    child.stdout!.on('data', (d) => {
      out = (out + String(d)).slice(-20_000);
      const m = /running at (http:\/\/[^/\s]+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code}) before listening:\n${out}`));
    });
  });
  return {
    url,
    child,
    output: () => out,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/**
 * The real app in this process on the test's database, not listening: factories such as
 * createTestOrg take it to seed the organization the child server will then serve. Closed by
 * the caller before the child starts, so the child is the only process writing.
 */
export async function seedingApp(settings: TestDatabase['settings'], config: RingfenceConfig): Promise<TestApp & { close(): Promise<void> }> {
  const database: RingfenceDatabase = openDatabase(settings);
  const app: FastifyInstance = await buildApp(config, { database, background: false, pushAssignment: false, web: false });
  return {
    app,
    database,
    config,
    url: '',
    client: () => new TestClient(''),
    tenant: (orgId) => tenantDb(database.unsafeKysely, database.engine, orgId),
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** The headers of a signed-in session (made in the database, as signedInClient does), for a client of another process. */
export async function sessionHeaders(app: TestApp, orgId: string, userId: string): Promise<{ cookie: string; 'x-csrf-token': string }> {
  const session = await createSession(app.tenant(orgId), userId, 'full', { ip: '127.0.0.1', userAgent: `ringfence-suite ${randomUUID().slice(0, 8)}` }, {
    idleMinutes: app.config.sessionIdleMinutes,
    absoluteHours: app.config.sessionAbsoluteHours,
  });
  return { cookie: `${sessionCookieName(false)}=${session.token}`, 'x-csrf-token': session.csrfToken };
}
