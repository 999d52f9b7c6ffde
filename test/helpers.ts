import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import type { TestContext } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { generate } from 'otplib';
import { buildApp } from '../src/app.ts';
import { loadConfig, type RingfenceConfig } from '../src/config.ts';
import { sessionCookieName } from '../src/platform/auth/authenticate.ts';
import { hashPassword } from '../src/platform/auth/passwords.ts';
import { createSession } from '../src/platform/auth/sessions.ts';
import { sha256Hex } from '../src/platform/auth/secrets.ts';
import { unsafeEnrolKnownSecret } from '../src/platform/auth/auth.service.ts';
import { newTotpSecret } from '../src/platform/auth/totp.ts';
import { SYSTEM_SOURCE } from '../src/platform/audit/events.ts';
import { openDatabase, type Engine, type RingfenceDatabase } from '../src/platform/db/database.ts';
import { tenantDb, type TenantDb } from '../src/platform/db/tenant-db.ts';
import { unsafeCreateOrganization } from '../src/modules/organizations/organizations.service.ts';
import { newUserRow } from '../src/modules/users/user-row.ts';
import { createQueue } from '../src/modules/tasks/queues.service.ts';
import { createTask, type TaskInput } from '../src/modules/tasks/intake.service.ts';
import { createPatient, type PatientInput } from '../src/modules/patients/patients.service.ts';
import { unsafeSystemContext } from '../src/platform/system-context.ts';
import { sealAllPending } from '../src/platform/audit/chain.ts';
import { verifyOrganizationChain } from '../src/platform/audit/verify.ts';
import type { ActorContext } from '../src/platform/context.ts';
import type { JobDefinition } from '../src/platform/jobs/jobs.ts';
import { addMonths, today, todayIn } from '../src/platform/calendar.ts';
import type { BaaRow } from '../src/modules/compliance/compliance.tables.ts';

/** Which engine this run of the suite uses: `npm test` runs it once per engine. */
export const ENGINE: Engine = process.env.RINGFENCE_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
const PG_URL = process.env.RINGFENCE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Every test schema of one run starts with this; scripts/test.mjs drops that run's schemas after it. */
export const TEST_SCHEMA_PREFIX = process.env.RINGFENCE_TEST_SCHEMA_PREFIX ?? 'rf_t_';

export const TEST_PASSWORD = 'correct horse battery staple 42';

export interface TestDatabase {
  database: RingfenceDatabase;
  settings: { dataDir: string; databaseUrl: string | null; databaseSchema: string | null };
}

/**
 * Where a fresh database of this run's engine lives (a temp dir for SQLite, a new PostgreSQL
 * schema), without opening it: for a test whose server runs in another process.
 */
export function testDatabaseSettings(t: TestContext): TestDatabase['settings'] {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ringfence-test-'));
  t.after(() => rmSync(dataDir, { recursive: true, force: true }));
  // Schemas are dropped by the test runner after the whole run: dropping one while another
  // test's migrator scans the catalog makes that scan fail.
  if (ENGINE === 'postgres') return { dataDir, databaseUrl: PG_URL, databaseSchema: `${TEST_SCHEMA_PREFIX}${randomBytes(6).toString('hex')}` };
  return { dataDir, databaseUrl: null, databaseSchema: null };
}

/** A fresh, empty database of this run's engine (SQLite in a temp dir, or a PostgreSQL schema), removed after the test. */
export async function createTestDatabase(t: TestContext): Promise<TestDatabase> {
  const settings = testDatabaseSettings(t);
  const database = openDatabase(settings);
  t.after(() => database.close());
  return { database, settings };
}

/** A configuration for tests: temp data dir, a random master key, quiet logs. */
export function testConfig(settings: TestDatabase['settings'], overrides: Record<string, string> = {}): RingfenceConfig {
  return loadConfig(
    {
      RINGFENCE_DATA_DIR: settings.dataDir,
      ...(settings.databaseUrl ? { DATABASE_URL: settings.databaseUrl } : {}),
      ...(settings.databaseSchema ? { RINGFENCE_DATABASE_SCHEMA: settings.databaseSchema } : {}),
      RINGFENCE_MASTER_KEY: randomBytes(32).toString('base64'),
      RINGFENCE_LOG_LEVEL: 'silent',
      RINGFENCE_AUTH_RATE_LIMIT: '10000',
      RINGFENCE_AUDIT_SEAL_INTERVAL_MS: '60000',
      PORT: '0',
      ...overrides,
    },
    settings.dataDir,
  );
}

export interface TestApp {
  app: FastifyInstance;
  database: RingfenceDatabase;
  config: RingfenceConfig;
  /** Base URL of the real HTTP server on a loopback port. */
  url: string;
  client(): TestClient;
  /** A tenant scope for direct assertions on stored rows. */
  tenant(orgId: string): TenantDb;
}

/**
 * Builds the real app on a real database, listening on 127.0.0.1, closed after the test.
 * The web console is served only when asked for (the browser tests). `jobs` adds job
 * definitions the app knows (so a test's job can be enqueued through the app's own service).
 */
export async function buildTestApp(
  t: TestContext,
  overrides: Record<string, string> = {},
  options: { web?: boolean; pushAssignment?: boolean; jobs?: readonly JobDefinition[]; background?: boolean } = {},
): Promise<TestApp> {
  const settings = testDatabaseSettings(t);
  const database = openDatabase(settings);
  const config = testConfig(settings, overrides);
  // `background`: the job engine and the modules' background work run, as in `ringfence serve` (paging needs them).
  const app = await buildApp(config, { database, background: options.background ?? false, pushAssignment: options.pushAssignment ?? false, web: options.web ?? false, ...(options.jobs ? { jobs: options.jobs } : {}) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  // The app first (its jobs and sealer finish their work), then the database under it.
  t.after(async () => {
    await app.close();
    await database.close();
  });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { app, database, config, url, client: () => new TestClient(url), tenant: (orgId) => tenantDb(database.unsafeKysely, database.engine, orgId) };
}

export interface TestResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** A browser-like HTTP client: keeps the session cookie and sends the CSRF header on changes. */
export class TestClient {
  cookie: string | null = null;
  csrf: string | null = null;
  bearer: string | null = null;

  constructor(readonly baseUrl: string) {}

  async request<T = any>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse<T>> {
    const h: Record<string, string> = { ...headers };
    if (body !== undefined && !h['content-type']) h['content-type'] = 'application/json';
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && !['GET', 'HEAD'].includes(method)) h['x-csrf-token'] = this.csrf;
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    const payload = body === undefined ? undefined : typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body);
    const res = await fetch(this.baseUrl + url, { method, headers: h, body: payload as BodyInit | undefined });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, value] = pair!.split('=');
      if (name === sessionCookieName(false) || name === sessionCookieName(true)) this.cookie = value ? `${name}=${value}` : null;
    }
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    const result = { status: res.status, headers: res.headers, body: parsed as T, text };
    const csrf = (parsed as { csrfToken?: string } | null)?.csrfToken;
    if (typeof csrf === 'string') this.csrf = csrf;
    return result;
  }

  get<T = any>(url: string) {
    return this.request<T>('GET', url);
  }
  post<T = any>(url: string, body?: unknown) {
    return this.request<T>('POST', url, body ?? {});
  }
  patch<T = any>(url: string, body?: unknown) {
    return this.request<T>('PATCH', url, body ?? {});
  }
  put<T = any>(url: string, body?: unknown) {
    return this.request<T>('PUT', url, body ?? {});
  }
  delete<T = any>(url: string) {
    return this.request<T>('DELETE', url);
  }

  /** Signs in through the real endpoints: password, then a TOTP code. */
  async signIn(email: string, password: string, totpSecret: string): Promise<TestResponse> {
    const login = await this.post('/api/auth/login', { email, password });
    if (login.status !== 200) return login;
    return this.post('/api/auth/mfa', { code: await totpCode(totpSecret) });
  }
}

/** The current TOTP code for a secret. */
export function totpCode(secret: string, epochSeconds = Math.floor(Date.now() / 1000)): Promise<string> {
  return generate({ secret, epoch: epochSeconds });
}

let fastHash: Promise<string> | null = null;
/** One argon2 hash of TEST_PASSWORD, reused so factories do not pay for hashing per person. */
export function testPasswordHash(): Promise<string> {
  fastHash ??= hashPassword(TEST_PASSWORD);
  return fastHash;
}

export interface TestUser {
  id: string;
  email: string;
  totpSecret: string;
}

export interface TestOrg {
  orgId: string;
  admin: TestUser;
  clients: Record<string, string>;
  users: Record<string, TestUser>;
}

/**
 * Creates an organization through the real service (roles, keys, first admin), enrols the
 * admin's authenticator, then adds clients and people with roles: `{ agentA: ['agent', 'A'] }`
 * gives agentA the agent role for client A; `['compliance', null]` is organization-wide.
 */
export async function createTestOrg(
  app: TestApp,
  spec: {
    name?: string;
    clients?: string[];
    users?: Record<string, [string, string | null][] | [string, string | null] | []>;
    /** Record a signed BAA in effect for each client (default true): without one its PHI is refused. */
    baas?: boolean;
  } = {},
): Promise<TestOrg> {
  const tag = randomBytes(4).toString('hex');
  const { platform } = app.app;
  const created = await unsafeCreateOrganization(
    app.database,
    platform.keyring,
    { orgName: spec.name ?? `Test Answering Service ${tag}`, email: `owner-${tag}@example.test`, password: TEST_PASSWORD },
    SYSTEM_SOURCE,
  );
  const tenant = app.tenant(created.orgId);
  await enrolMfa(app, created.orgId, created.userId, created.totpSecret);
  await completeTestTraining(app, created.orgId, created.userId);
  const now = new Date().toISOString();
  const clients: Record<string, string> = {};
  for (const name of spec.clients ?? []) {
    clients[name] = randomUUID();
    await tenant.insertInto('clients', { id: clients[name]!, name: `Client ${name} ${tag}`, time_zone: TEST_CLIENT_ZONE, status: 'active', created_at: now, updated_at: now }).execute();
    if (spec.baas !== false) await insertTestBaa(app, created.orgId, clients[name]!);
  }
  const roles = new Map((await tenant.selectFrom('roles').select(['id', 'key']).execute()).map((r) => [r.key, r.id]));
  const users: Record<string, TestUser> = {};
  for (const [key, grantsSpec] of Object.entries(spec.users ?? {})) {
    const grants = (grantsSpec.length === 0 ? [] : Array.isArray(grantsSpec[0]) ? grantsSpec : [grantsSpec]) as [string, string | null][];
    const user = await insertTestUser(app, created.orgId, `${key.toLowerCase()}-${tag}@example.test`);
    for (const [role, client] of grants) {
      const roleId = roles.get(role);
      if (!roleId) throw new Error(`unknown role ${role}`);
      await tenant
        .insertInto('role_assignments', { id: randomUUID(), user_id: user.id, role_id: roleId, client_id: client === null ? null : clients[client]!, created_at: now, created_by: null })
        .execute();
    }
    users[key] = user;
  }
  return { orgId: created.orgId, admin: { id: created.userId, email: `owner-${tag}@example.test`, totpSecret: created.totpSecret }, clients, users };
}

/** Inserts an active person with TEST_PASSWORD and an enrolled authenticator, trained in every course unless `trained` is false. */
export async function insertTestUser(app: Pick<TestApp, 'app' | 'database' | 'tenant'>, orgId: string, email: string, options: { trained?: boolean } = {}): Promise<TestUser> {
  const tenant = app.tenant(orgId);
  const id = randomUUID();
  await tenant.insertInto('users', newUserRow({ id, email, displayName: email.split('@')[0]!, passwordHash: await testPasswordHash() })).execute();
  const secret = newTotpSecret();
  await enrolMfa(app, orgId, id, secret);
  if (options.trained !== false) await completeTestTraining(app, orgId, id);
  return { id, email, totpSecret: secret };
}

/** Gives a person one role (for one client, or every client with null); returns the assignment's id. */
export async function assignTestRole(app: Pick<TestApp, 'tenant'>, orgId: string, userId: string, roleKey: string, clientId: string | null): Promise<string> {
  const tenant = app.tenant(orgId);
  const role = await tenant.selectFrom('roles').select('id').where('key', '=', roleKey).executeTakeFirstOrThrow();
  const id = randomUUID();
  await tenant.insertInto('role_assignments', { id, user_id: userId, role_id: role.id, client_id: clientId, created_at: new Date().toISOString(), created_by: null }).execute();
  return id;
}

/** Records a signed BAA with the client, in effect from a year ago with no end date. */
/** Where the test clients are: a BAA with one is dated on this calendar. */
export const TEST_CLIENT_ZONE = 'America/Chicago';

/** Today on the test clients' calendar, the day their BAAs are judged on. */
export function clientToday(): string {
  return todayIn(TEST_CLIENT_ZONE);
}

export async function insertTestBaa(app: Pick<TestApp, 'tenant'>, orgId: string, clientId: string, fields: Partial<Omit<BaaRow, 'id' | 'org_id' | 'client_id'>> = {}): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  await app
    .tenant(orgId)
    .insertInto('baas', {
      id,
      client_id: clientId,
      vendor_id: null,
      status: 'signed',
      effective_on: addMonths(today(), -12),
      ends_on: null,
      counterparty_signer: 'Synthetic Signer',
      breach_notice_days: 30,
      termination_disposition: 'destroy',
      notes: null,
      document_enc: null,
      document_name: null,
      document_bytes: null,
      document_sha256: null,
      created_by: null,
      created_at: now,
      updated_at: now,
      ...fields,
    })
    .execute();
  return id;
}

/** Records a completion of every course of the organization for this person, dated `on` (default today). */
export async function completeTestTraining(app: Pick<TestApp, 'tenant'>, orgId: string, userId: string, on = today()): Promise<void> {
  const tenant = app.tenant(orgId);
  const courses = await tenant.selectFrom('courses').select('id').execute();
  if (courses.length === 0) return;
  const now = new Date().toISOString();
  await tenant
    .insertInto(
      'training_completions',
      courses.map((c) => ({ id: randomUUID(), user_id: userId, course_id: c.id, completed_on: on, evidence: 'Attested in the test fixture', recorded_by: null, created_at: now })),
    )
    .execute();
}

function enrolMfa(app: Pick<TestApp, 'app' | 'database'>, orgId: string, userId: string, secret: string): Promise<void> {
  return unsafeEnrolKnownSecret({ database: app.database, keyring: app.app.platform.keyring }, orgId, userId, secret);
}

/**
 * A client already signed in as this person, without going through the sign-in endpoints
 * (which have their own tests and a once-per-30-seconds TOTP rule).
 */
export async function signedInClient(app: TestApp, orgId: string, userId: string): Promise<TestClient> {
  const session = await createSession(app.tenant(orgId), userId, 'full', { ip: '127.0.0.1', userAgent: 'test' }, {
    idleMinutes: app.config.sessionIdleMinutes,
    absoluteHours: app.config.sessionAbsoluteHours,
  });
  const client = app.client();
  client.cookie = `${sessionCookieName(false)}=${session.token}`;
  client.csrf = session.csrfToken;
  return client;
}

/** Seals the organization's pending audit events (until settled) and returns its events, oldest first. */
export async function auditEvents(app: TestApp, orgId: string) {
  await sealUntilSettled(app, orgId);
  return app.tenant(orgId).selectFrom('audit_events').selectAll().orderBy('id').execute();
}

/** Runs raw SQL (tests that play an attacker with direct database access). */
export async function rawSql(app: TestApp, statement: string): Promise<void> {
  await sql.raw(statement).execute(app.database.unsafeKysely);
}

/** Inserts a live API token with these scopes (clientIds null: every client); returns its id and secret. */
export async function insertTestToken(app: Pick<TestApp, 'tenant'>, orgId: string, scopes: string[], clientIds: string[] | null = null): Promise<{ id: string; secret: string }> {
  const id = randomUUID();
  const secret = `rf_${randomBytes(32).toString('base64url')}`;
  await app
    .tenant(orgId)
    .insertInto('api_tokens', {
      id,
      name: `token ${id.slice(0, 8)}`,
      token_hash: sha256Hex(secret),
      token_prefix: secret.slice(0, 10),
      scopes: JSON.stringify(scopes),
      client_ids: clientIds ? JSON.stringify(clientIds) : null,
      created_by: null,
      created_at: new Date().toISOString(),
      expires_at: null,
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  return { id, secret };
}

/** An actor context with supervisor grants over every client of an organization, for seeding records through the real services. */
export function supervisorContext(app: Pick<TestApp, 'app' | 'database'>, orgId: string): ActorContext {
  return unsafeSystemContext(app.database, app.app.platform.keyring, orgId, 'supervisor', undefined, app.app.platform.events);
}

/** Adds a synthetic patient to a client's directory through the patient service; returns its id and reference. */
export async function insertTestPatient(app: Pick<TestApp, 'app' | 'database'>, orgId: string, clientId: string, fields: PatientInput = {}): Promise<{ id: string; ref: string }> {
  const { patient } = await createPatient(supervisorContext(app, orgId), { clientId, name: { given: 'Testy', family: 'Fixture' }, ...fields });
  return { id: patient.id, ref: patient.ref };
}

/** Adds a queue to a client through the queue service; returns its id. */
export async function insertTestQueue(app: Pick<TestApp, 'app' | 'database'>, orgId: string, clientId: string, name = `Callbacks ${randomBytes(3).toString('hex')}`): Promise<string> {
  return (await createQueue(supervisorContext(app, orgId), { clientId, name })).id;
}

/**
 * Adds a routine callback task (and its patient and queue unless given) through the task
 * service; `claimedBy` hands it to a person as claim-next would.
 */
export async function insertTestTask(
  app: Pick<TestApp, 'app' | 'database'>,
  orgId: string,
  clientId: string,
  options: { queueId?: string; patientId?: string; priority?: TaskInput['priority']; claimedBy?: string } = {},
): Promise<{ id: string; queueId: string; patientId: string }> {
  const ctx = supervisorContext(app, orgId);
  const queueId = options.queueId ?? (await insertTestQueue(app, orgId, clientId));
  const patientId = options.patientId ?? (await insertTestPatient(app, orgId, clientId)).id;
  const task = await createTask(ctx, { clientId, queueId, patientId, reasonCode: 'refill', priority: options.priority ?? 'routine', title: 'Refill request' });
  if (options.claimedBy) {
    const now = new Date().toISOString();
    await ctx.db.updateTable('tasks').set({ status: 'claimed', assignee_id: options.claimedBy, claimed_at: now }).where('id', '=', task.id).execute();
  }
  return { id: task.id, queueId, patientId };
}

/**
 * Seals until none of the organization's events is left unsealed (bounded). On PostgreSQL the
 * sealer waits for every older transaction to end, and other tests' transactions share the server.
 */
export async function sealUntilSettled(app: Pick<TestApp, 'database'>, orgId: string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    await sealAllPending(app.database);
    if ((await verifyOrganizationChain(app.database, orgId)).unsealed === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The tables of the test app's own database (its schema on PostgreSQL) with their column names.
 * Asked of the catalogue for that schema alone: Kysely's introspection reads every schema of
 * the server, and a test run on PostgreSQL holds hundreds of them.
 */
export async function schemaTables(database: RingfenceDatabase): Promise<{ name: string; columns: { name: string }[] }[]> {
  const rows =
    database.engine === 'postgres'
      ? (
          await sql<{ table: string; column: string }>`select c.table_name as "table", c.column_name as "column" from information_schema.columns c join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name where c.table_schema = ${database.schema ?? 'public'} and t.table_type = 'BASE TABLE' and c.table_name not like 'kysely_%' order by c.table_name, c.ordinal_position`.execute(database.unsafeKysely)
        ).rows
      : (await sql<{ table: string; column: string }>`select m.name as "table", p.name as "column" from sqlite_master m join pragma_table_info(m.name) p where m.type = 'table' and m.name not like 'sqlite_%' and m.name not like 'kysely_%' order by m.name, p.cid`.execute(database.unsafeKysely)).rows;
  const tables = new Map<string, { name: string; columns: { name: string }[] }>();
  for (const r of rows) {
    const table = tables.get(r.table) ?? { name: r.table, columns: [] };
    table.columns.push({ name: r.column });
    tables.set(r.table, table);
  }
  return [...tables.values()];
}

/** Every stored row of every table of the test database, as one JSON text: to prove a value was never stored. */
export async function everythingStored(app: Pick<TestApp, 'database'>): Promise<string> {
  const db = app.database.unsafeKysely;
  const tables = await schemaTables(app.database);
  const rows: unknown[] = [];
  for (const table of tables) rows.push(...(await db.selectFrom(table.name as never).selectAll().execute()));
  return JSON.stringify(rows);
}

/** The text a PDF shows, in drawing order: its compressed content streams, their hex strings decoded. */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  let text = '';
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue; // fonts and images are not text
    }
    for (const [, hex] of content.matchAll(/<([0-9a-fA-F]+)>/g)) text += Buffer.from(hex!, 'hex').toString('latin1');
    text += '\n';
  }
  return text;
}

/**
 * Waits until `probe` gives a value (anything truthy) and returns it; fails with `what` after
 * `ms`. For what a background service does in its own time (a page sent, a job run).
 */
export async function eventually<T>(what: string, probe: () => T | null | undefined | false | Promise<T | null | undefined | false>, ms = 15_000, everyMs = 100): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A new open anomaly alert of an organization (as the rules would raise one); returns its id. */
export async function insertTestAlert(app: Pick<TestApp, 'tenant'>, orgId: string): Promise<string> {
  const id = randomUUID();
  await app
    .tenant(orgId)
    .insertInto('audit_alerts', {
      id,
      rule: 'no_reason',
      severity: 'medium',
      status: 'open',
      raised_at: new Date().toISOString(),
      person_id: null,
      client_id: null,
      patient_ref: null,
      summary: 'Access to a patient with no callback of the person’s for them',
      event_ids: '[]',
      dedupe_key: `test:${id}`,
      assigned_to: null,
      assigned_at: null,
      resolved_by: null,
      resolved_at: null,
      resolution_reason: null,
      incident_id: null,
    })
    .execute();
  return id;
}
