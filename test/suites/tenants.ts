import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { RegisteredRoute } from '../../src/platform/auth/authenticate.ts';
import { createTestOrg, insertTestBaa, insertTestPatient, insertTestQueue, insertTestTask, insertTestToken, insertTestUser, schemaTables, signedInClient, type TestApp, type TestClient, type TestOrg } from '../helpers.ts';

/**
 * A populated organization for the route-table suites: three clients (A, which the
 * client-scoped people work; B, worked by someone else; U, assigned to nobody), a person for
 * every built-in role, an API token for client A, and records of every kind for each client.
 */

export const ROLE_ACTORS = ['admin', 'compliance', 'supervisor', 'agent', 'clinical_agent', 'provider'] as const;
export type Actor = (typeof ROLE_ACTORS)[number] | 'none' | 'token' | 'anonymous';
export const ACTORS: Actor[] = [...ROLE_ACTORS, 'none', 'token', 'anonymous'];
/** Actors whose grants reach only client A: to them B's and U's records must look absent. */
export const CLIENT_SCOPED: Actor[] = ['supervisor', 'agent', 'clinical_agent', 'provider', 'token'];

export type IdKind = 'client' | 'patient' | 'queue' | 'task' | 'user' | 'assignment' | 'token' | 'vendor' | 'baa' | 'reminder' | 'review' | 'reviewItem' | 'course';
export type ClientKey = 'A' | 'B' | 'U';
export const CLIENT_KEYS: ClientKey[] = ['A', 'B', 'U'];

export interface Tenant {
  org: TestOrg;
  /** Ids by kind and by the client they belong to (org-level kinds under every key). */
  ids: Record<IdKind, Record<ClientKey, string[]>>;
  /** The API token's secret (scoped to client A). */
  tokenSecret: string;
  tokenId: string;
  /** The people who send requests: never a target of the requests themselves. */
  actorUserIds: string[];
}

/** Builds one populated organization. */
export async function createTenant(app: TestApp): Promise<Tenant> {
  const org = await createTestOrg(app, {
    clients: ['A', 'B', 'U'],
    users: {
      admin: ['admin', null],
      compliance: ['compliance', null],
      supervisor: ['supervisor', 'A'],
      agent: ['agent', 'A'],
      clinical_agent: ['clinical_agent', 'A'],
      provider: ['provider', 'A'],
      none: [],
      staffB: [
        ['agent', 'B'],
        ['supervisor', 'B'],
      ],
    },
  });
  const tenant = app.tenant(org.orgId);
  const empty = () => ({ A: [] as string[], B: [] as string[], U: [] as string[] });
  const ids = Object.fromEntries((['client', 'patient', 'queue', 'task', 'user', 'assignment', 'token', 'vendor', 'baa', 'reminder', 'review', 'reviewItem', 'course'] as IdKind[]).map((k) => [k, empty()])) as Tenant['ids'];
  const now = new Date().toISOString();
  for (const key of CLIENT_KEYS) {
    const clientId = org.clients[key]!;
    ids.client[key].push(clientId);
    const queueId = await insertTestQueue(app, org.orgId, clientId);
    ids.queue[key].push(queueId);
    for (let i = 0; i < 2; i += 1) ids.patient[key].push((await insertTestPatient(app, org.orgId, clientId)).id);
    ids.task[key].push((await insertTestTask(app, org.orgId, clientId, { queueId, patientId: ids.patient[key][0]! })).id);
    // A claimed task: by the agent on A, by B's own staff elsewhere.
    const claimer = key === 'A' ? org.users.agent!.id : org.users.staffB!.id;
    ids.task[key].push((await insertTestTask(app, org.orgId, clientId, { queueId, patientId: ids.patient[key][1]!, claimedBy: claimer })).id);
    ids.baa[key].push(await insertTestBaa(app, org.orgId, clientId, { status: 'draft' }));
    await tenant.insertInto('practice_links', { client_id: clientId, base_url: 'http://127.0.0.1:9/fhir', auth_type: 'none', credentials_enc: null, updated_by: null, updated_at: now }).execute();
  }
  const orgLevel = (kind: IdKind, id: string) => CLIENT_KEYS.forEach((k) => ids[kind][k].push(id));
  const agentRole = (await tenant.selectFrom('roles').select('id').where('key', '=', 'agent').executeTakeFirstOrThrow()).id;
  for (let i = 0; i < 2; i += 1) {
    const victim = await insertTestUser(app, org.orgId, `victim-${randomBytes(4).toString('hex')}@example.test`);
    orgLevel('user', victim.id);
    const assignmentId = randomUUID();
    await tenant.insertInto('role_assignments', { id: assignmentId, user_id: victim.id, role_id: agentRole, client_id: org.clients.B!, created_at: now, created_by: null }).execute();
    orgLevel('assignment', assignmentId);
  }
  orgLevel('token', (await insertTestToken(app, org.orgId, ['tasks:read'])).id);
  const vendorId = randomUUID();
  await tenant.insertInto('vendors', { id: vendorId, name: `Vendor ${randomBytes(4).toString('hex')}`, services: '["sms"]', handles_phi: 1, status: 'active', notes: null, created_at: now, updated_at: now }).execute();
  orgLevel('vendor', vendorId);
  const reminderId = randomUUID();
  await tenant
    .insertInto('reminders', { id: reminderId, kind: 'baa_ending', subject_key: randomUUID(), user_id: null, threshold_days: 30, due_on: '2027-01-31', created_at: now, acknowledged_by: null, acknowledged_at: null })
    .execute();
  orgLevel('reminder', reminderId);
  const reviewId = randomUUID();
  await tenant.insertInto('access_reviews', { id: reviewId, name: 'Quarterly review', status: 'open', due_on: null, created_by: null, created_at: now, closed_by: null, closed_at: null }).execute();
  orgLevel('review', reviewId);
  const itemId = randomUUID();
  await tenant
    .insertInto('access_review_items', {
      id: itemId,
      review_id: reviewId,
      assignment_id: ids.assignment.A[0]!,
      user_id: ids.user.A[0]!,
      role_key: 'agent',
      client_id: org.clients.B!,
      reviewer_id: org.users.supervisor!.id,
      decision: null,
      decided_by: null,
      decided_at: null,
      note: null,
    })
    .execute();
  orgLevel('reviewItem', itemId);
  for (const c of await tenant.selectFrom('courses').select('id').execute()) orgLevel('course', c.id);
  const token = await insertTestToken(app, org.orgId, ['tasks:create', 'tasks:read', 'clients:read', 'audit:read'], [org.clients.A!]);
  return { org, ids, tokenSecret: token.secret, tokenId: token.id, actorUserIds: [org.admin.id, ...Object.values(org.users).map((u) => u.id)] };
}

/** Keeps one signed-in HTTP client per actor, signing in again when a request ended the session. */
export class Actors {
  private readonly clients = new Map<Actor, TestClient>();

  constructor(
    private readonly app: TestApp,
    private readonly tenant: Tenant,
  ) {}

  async client(actor: Actor): Promise<TestClient> {
    const known = this.clients.get(actor);
    if (known) return known;
    let client: TestClient;
    if (actor === 'anonymous') client = this.app.client();
    else if (actor === 'token') {
      client = this.app.client();
      client.bearer = this.tenant.tokenSecret;
    } else client = await signedInClient(this.app, this.tenant.org.orgId, this.tenant.org.users[actor]!.id);
    this.clients.set(actor, client);
    return client;
  }

  /** Forgets the actor's session (signed out, or refused as expired): the next request signs in afresh. */
  forget(actor: Actor): void {
    this.clients.delete(actor);
  }
}

/**
 * Undoes what an accepted request may have done to the people and clients the suites rely
 * on (a client made inactive, an actor deactivated, locked or stripped of the token), so
 * later requests still reach past the guard.
 */
export async function restoreActors(app: TestApp, tenant: Tenant): Promise<void> {
  const db = app.tenant(tenant.org.orgId);
  await db.updateTable('clients').set({ status: 'active' }).where('id', 'in', Object.values(tenant.org.clients)).execute();
  await db.updateTable('users').set({ status: 'active', failed_attempts: 0, locked_until: null }).where('id', 'in', tenant.actorUserIds).execute();
  await db.updateTable('api_tokens').set({ revoked_at: null }).where('id', '=', tenant.tokenId).execute();
}

/**
 * Tables whose rows change by design on refused requests too: session touches, audited
 * refusals and their seals, and a client's data keys, provisioned on first use whatever the
 * request's outcome (they hold nothing from the request).
 */
const VOLATILE_TABLES = new Set(['sessions', 'audit_events', 'audit_chain', 'audit_chain_heads', 'audit_seal_cursor', 'data_keys']);
/** Columns that refused requests change by design: the lockout counter of a refused sign-in, the last use of a token refused a route. */
const VOLATILE_COLUMNS = new Set(['failed_attempts', 'locked_until', 'last_used_at']);

const tableLists = new WeakMap<object, Promise<string[]>>();

/** A fingerprint of every stored row of every table except the volatile ones, per table: equal before and after a refused request. */
export async function storedFingerprint(app: TestApp): Promise<Map<string, string>> {
  const db = app.database.unsafeKysely;
  let listed = tableLists.get(app.database);
  if (!listed) {
    listed = schemaTables(app.database).then((all) => all.filter((t) => !VOLATILE_TABLES.has(t.name) && !t.name.startsWith('kysely_')).map((t) => t.name));
    tableLists.set(app.database, listed);
  }
  const tables = await listed;
  const out = new Map<string, string>();
  if (app.database.engine === 'postgres') {
    // One round trip: each table hashed by the server, volatile columns left out.
    const drop = sql.raw(`ARRAY[${[...VOLATILE_COLUMNS].map((c) => `'${c}'`).join(',')}]`);
    const selects = tables.map((t) => sql`(SELECT count(*) || ':' || md5(coalesce(string_agg((to_jsonb(r) - ${drop})::text, ',' ORDER BY (to_jsonb(r) - ${drop})::text), '')) FROM ${sql.table(t)} r) AS ${sql.ref(t)}`);
    const { rows } = await sql<Record<string, string>>`SELECT ${sql.join(selects)}`.execute(db);
    for (const t of tables) out.set(t, rows[0]![t]!);
    return out;
  }
  const dumps = await Promise.all(tables.map((t) => db.selectFrom(t as never).selectAll().execute()));
  tables.forEach((t, i) => {
    const rows = dumps[i]!.map((r) => JSON.stringify(Object.entries(r as Record<string, unknown>).filter(([k]) => !VOLATILE_COLUMNS.has(k)), (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
    rows.sort();
    out.set(t, createHash('sha256').update(`${rows.length}\n${rows.join('\n')}`).digest('hex'));
  });
  return out;
}

/** The tables whose stored rows differ between two fingerprints. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((t) => before.get(t) !== after.get(t)).sort();
}

/** The routes the suites walk: every registered route except the interactive documentation. */
export function apiRoutes(app: TestApp): RegisteredRoute[] {
  return app.app.registeredRoutes.filter((r) => !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json');
}

/** What kind of record a uuid field or path parameter names, from its name and the path segment before it. */
export function idKindOf(name: string, url: string): IdKind | null {
  const byName: Record<string, IdKind> = {
    clientId: 'client',
    clientIds: 'client',
    patientId: 'patient',
    duplicateId: 'patient',
    queueId: 'queue',
    queueIds: 'queue',
    userId: 'user',
    assignmentId: 'assignment',
    vendorId: 'vendor',
    itemId: 'reviewItem',
    courseId: 'course',
    taskId: 'task',
  };
  if (name in byName) return byName[name]!;
  if (name !== 'id') return null;
  const segment = /\/api\/(?:training\/)?([a-z-]+)\/:id/.exec(url)?.[1];
  const bySegment: Record<string, IdKind> = {
    users: 'user',
    people: 'user',
    clients: 'client',
    patients: 'patient',
    queues: 'queue',
    tasks: 'task',
    tokens: 'token',
    vendors: 'vendor',
    baas: 'baa',
    reminders: 'reminder',
    'access-reviews': 'review',
  };
  return segment ? (bySegment[segment] ?? null) : null;
}

/** Request bodies and answers as one line each, for failure lists. */
export function excerpt(value: unknown, max = 160): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return (text ?? String(value)).length > max ? `${(text ?? '').slice(0, max)}…(${(text ?? '').length})` : (text ?? String(value));
}
