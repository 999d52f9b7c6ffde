import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { test } from 'node:test';
import type { RegisteredRoute } from '../src/platform/auth/authenticate.ts';
import { BUILTIN_ROLES, TOKEN_SCOPES, type PermissionGrant } from '../src/platform/authz/builtin-roles.ts';
import { PHI_CATEGORIES, SUBJECTS, type Action, type DataCategory, type SubjectType } from '../src/platform/authz/catalogue.ts';
import { VAULT_TEXT } from '../src/platform/http/schemas.ts';
import { createUrgentMessage } from '../src/modules/oncall/urgent.service.ts';
import { addTaskMessage } from '../src/modules/tasks/messages.service.ts';
import { startFhirServer } from './fhir/start.ts';
import { buildTestApp, clientToday, insertTestPatient, insertTestTask, supervisorContext, type TestApp } from './helpers.ts';
import { report } from './suites/scale.ts';
import { Actors, apiRoutes, createTenant, excerpt, idKindOf, ROLE_ACTORS, type Actor, type Tenant } from './suites/tenants.ts';

/**
 * Audit coverage, proven from the route table: every route whose response schema can carry a
 * PHI field (vault text, or a field the catalogue puts in a PHI category for the route's
 * subject, as the field filter reads it) is called as every actor, with synthetic records that
 * make the answer carry PHI. Every answer that carries PHI must have a `phi.read` audit event
 * of the same request id naming each PHI field it returned. Every other read (GET routes, and
 * POSTs whose permission is a read) is called as well by each actor that may call it, and the
 * seeded PHI values must not turn up in any answer except through the fields the response
 * schemas mark, audited the same way. Who may call a route comes from the role grants and the
 * token's scopes for its declared permission.
 */

type JsonSchema = Record<string, unknown>;
type Permission = RegisteredRoute['config']['permission'];

/** Every actor of the populated organization: the built-in roles, a person without roles, the API token, and nobody. */
const ACTORS: Actor[] = [...ROLE_ACTORS, 'none', 'token', 'anonymous'];

// ---------------------------------------------------------------------------------------------
// Which response fields are PHI, from the schemas and the catalogue.

const isPhiCategory = (c: unknown): c is DataCategory => typeof c === 'string' && (PHI_CATEGORIES as readonly string[]).includes(c);
const list = (s: JsonSchema, key: string) => (Array.isArray(s[key]) ? (s[key] as JsonSchema[]) : []);
const variants = (s: JsonSchema) => [...list(s, 'anyOf'), ...list(s, 'oneOf'), ...list(s, 'allOf')];
const properties = (s: JsonSchema) => (s.properties && typeof s.properties === 'object' ? Object.entries(s.properties as Record<string, JsonSchema>) : []);

/** Whether a schema can hold text: a string anywhere in it (a count of replies is not their content). */
function carriesText(s: JsonSchema): boolean {
  if (s.type === 'string') return true;
  if (s.items && carriesText(s.items as JsonSchema)) return true;
  return properties(s).some(([, v]) => carriesText(v)) || variants(s).some(carriesText);
}

/**
 * The PHI category a response schema gives the property `key`: its vault-text keyword, or the
 * catalogue's category of a field of that name of the route's subject (what `filterFields`
 * goes by) when the property can hold text. Null: not PHI.
 */
function phiCategory(s: JsonSchema, key: string | null, subject: SubjectType | null): DataCategory | null {
  if (isPhiCategory(s[VAULT_TEXT])) return s[VAULT_TEXT];
  if (key === null || subject === null || !carriesText(s)) return null;
  const category = (SUBJECTS[subject].fields as Record<string, DataCategory>)[key];
  return isPhiCategory(category) ? category : null;
}

interface SchemaField {
  path: string;
  field: string;
  category: DataCategory;
}

/**
 * The PHI fields of a response schema, each named by its outermost PHI property
 * (`fields.name.given` is the patient's `name`). A list's items and a map's values are named by
 * the property that holds them.
 */
function schemaPhiFields(s: JsonSchema, subject: SubjectType | null, path = '', key: string | null = null, out: SchemaField[] = []): SchemaField[] {
  const category = key === null ? null : phiCategory(s, key, subject);
  if (category && key !== null) {
    out.push({ path, field: key, category });
    return out;
  }
  for (const [k, v] of properties(s)) schemaPhiFields(v, subject, path ? `${path}.${k}` : k, k, out);
  if (s.items) schemaPhiFields(s.items as JsonSchema, subject, `${path}[]`, key, out);
  if (s.additionalProperties && typeof s.additionalProperties === 'object') schemaPhiFields(s.additionalProperties as JsonSchema, subject, `${path}.*`, key, out);
  for (const v of variants(s)) schemaPhiFields(v, subject, path, key, out);
  return out;
}

/** Whether an answer's value holds something: not null, not blank, not an empty list or object. */
function holdsValue(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.some(holdsValue);
  if (typeof v === 'object') return Object.values(v).some(holdsValue);
  return true;
}

/** The PHI fields an answer actually carries (present and holding a value), walked with its schema as `schemaPhiFields` walks it. */
function answeredPhiFields(s: JsonSchema, value: unknown, subject: SubjectType | null, key: string | null = null, out = new Set<string>()): Set<string> {
  if (value === null || value === undefined) return out;
  if (key !== null && phiCategory(s, key, subject)) {
    if (holdsValue(value)) out.add(key);
    return out;
  }
  if (Array.isArray(value)) {
    if (s.items) for (const item of value) answeredPhiFields(s.items as JsonSchema, item, subject, key, out);
  } else if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const declared = new Map(properties(s));
    for (const [k, v] of declared) if (k in record) answeredPhiFields(v, record[k], subject, k, out);
    const rest = s.additionalProperties && typeof s.additionalProperties === 'object' ? (s.additionalProperties as JsonSchema) : null;
    if (rest) for (const [k, v] of Object.entries(record)) if (!declared.has(k)) answeredPhiFields(rest, v, subject, key, out);
  }
  for (const v of variants(s)) answeredPhiFields(v, value, subject, key, out);
  return out;
}

/** The route's success response schemas (2xx). */
function successSchemas(route: RegisteredRoute): JsonSchema[] {
  const response = (route.schema as { response?: Record<string, JsonSchema> }).response ?? {};
  return Object.entries(response)
    .filter(([status]) => /^2/.test(status))
    .map(([, s]) => s);
}

const subjectOf = (route: RegisteredRoute): SubjectType | null => (typeof route.config.permission === 'object' ? route.config.permission.subject : null);
const keyOf = (route: RegisteredRoute) => `${route.method} ${route.url}`;

// ---------------------------------------------------------------------------------------------
// Who may call a route, from the role grants and the token scopes.

function grantsOf(actor: Actor, tokenScopes: string[]): PermissionGrant[] {
  if (actor === 'token') return tokenScopes.flatMap((s) => TOKEN_SCOPES[s]?.grants ?? []);
  return BUILTIN_ROLES.find((r) => r.key === actor)?.grants ?? [];
}

const grants = (actor: Actor, tokenScopes: string[], action: Action, subject: SubjectType) =>
  grantsOf(actor, tokenScopes).filter((g) => g.subject === subject && (g.action === action || g.action === 'manage'));

/** Whether the actor gets past the route guard: its grants allow the permission, and a token's scopes list the route. */
function mayCall(route: RegisteredRoute, actor: Actor, tokenScopes: string[]): boolean {
  const permission: Permission = route.config.permission;
  if (permission === 'public') return true;
  if (actor === 'anonymous') return false;
  if (typeof permission !== 'object') return actor !== 'token';
  if (grants(actor, tokenScopes, permission.action, permission.subject).length === 0) return false;
  return actor !== 'token' || tokenScopes.some((s) => TOKEN_SCOPES[s]?.routes.includes(keyOf(route)));
}

/** The data categories the actor's grants give on the route's subject, for its action or for reading. */
function categoriesFor(route: RegisteredRoute, actor: Actor, tokenScopes: string[]): Set<DataCategory> {
  const permission = route.config.permission;
  if (typeof permission !== 'object') return new Set();
  return new Set([...grants(actor, tokenScopes, permission.action, permission.subject), ...grants(actor, tokenScopes, 'read', permission.subject)].flatMap((g) => g.categories));
}

// ---------------------------------------------------------------------------------------------
// Requests, built from each route's schemas.

interface Seeds {
  tenant: Tenant;
  urgentId: string;
  replyId: string;
}

/** The seeded record a uuid field or path parameter names: the synthetic ones first, then the populated organization's (client A). */
function idFor(name: string, url: string, seeds: Seeds): string {
  if (name === 'replyId') return seeds.replyId;
  if (name === 'id' && url.startsWith('/api/urgent-messages/')) return seeds.urgentId;
  const kind = idKindOf(name, url);
  return (kind && seeds.tenant.ids[kind].A[0]) || randomUUID();
}

interface Builder {
  route: RegisteredRoute;
  seeds: Seeds;
  /** The categories the sender may see: a list naming fields of the route's subject asks for those. */
  categories: Set<DataCategory>;
}

/** A value the schema requires, as simple as it can be; ids name seeded records. */
function build(s: JsonSchema, name: string, b: Builder): unknown {
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum)) return s.enum[0];
  const options = variants(s);
  if (options.length > 0) return build(options.find((o) => o.type !== 'null') ?? options[0]!, name, b);
  switch (s.type) {
    case 'object': {
      const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
      return Object.fromEntries(properties(s).flatMap(([k, v]) => (required.has(k) ? [[k, build(v, k, b)]] : [])));
    }
    case 'array': {
      const items = (s.items ?? {}) as JsonSchema;
      const literals = variants(items).map((o) => o.const);
      const subject = subjectOf(b.route);
      const fields = subject ? (SUBJECTS[subject].fields as Record<string, DataCategory>) : {};
      // A list of the subject's field names (a reveal): the fields the sender's categories reach.
      if (literals.length > 0 && literals.every((l) => typeof l === 'string' && l in fields)) {
        const reachable = (literals as string[]).filter((l) => b.categories.has(fields[l]!));
        return reachable.length > 0 ? reachable : literals.slice(0, Math.max(1, Number(s.minItems ?? 1)));
      }
      return Array.from({ length: Number(s.minItems ?? 0) }, () => build(items, name, b));
    }
    case 'string': {
      if (s.format === 'uuid') return idFor(name, b.route.url, b.seeds);
      if (s.format === 'date-time') return new Date(Date.now() + (name === 'to' ? 86_400_000 : 0)).toISOString();
      if (s.format === 'email') return `synthetic-${randomBytes(3).toString('hex')}@example.test`;
      if (s.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return clientToday();
      return 'synthetic'.padEnd(Number(s.minLength ?? 0), 'x');
    }
    case 'integer':
    case 'number':
      return s.default ?? s.minimum ?? 0;
    case 'boolean':
      return false;
    default:
      return null;
  }
}

interface Probe {
  url: string;
  body: unknown;
}

function probeOf(route: RegisteredRoute, b: Builder): Probe {
  const params = route.schema.params ? (build(route.schema.params as JsonSchema, '', b) as Record<string, unknown>) : {};
  const path = route.url.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(String(params[name] ?? idFor(name, route.url, b.seeds))));
  const querySchema = route.schema.querystring as JsonSchema | undefined;
  const query = querySchema ? (build(querySchema, '', b) as Record<string, unknown>) : {};
  // A stream ends at once rather than after its default wait.
  if (querySchema && properties(querySchema).some(([k]) => k === 'wait')) query.wait = 0;
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) for (const item of Array.isArray(v) ? v : [v]) search.append(k, String(item));
  const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : { ...((route.schema.body ? build(route.schema.body as JsonSchema, '', b) : {}) as object), ...EXTRA_BODY[keyOf(route)] };
  return { url: search.size > 0 ? `${path}?${search}` : path, body };
}

interface Answer {
  status: number;
  requestId: string | null;
  text: string;
  json: unknown;
}

async function send(actors: Actors, actor: Actor, route: RegisteredRoute, probe: Probe): Promise<Answer> {
  const http = await actors.client(actor);
  const headers: Record<string, string> = {};
  if (http.cookie) headers.cookie = http.cookie;
  if (http.csrf && route.method !== 'GET') headers['x-csrf-token'] = http.csrf;
  if (http.bearer) headers.authorization = `Bearer ${http.bearer}`;
  if (probe.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(http.baseUrl + probe.url, { method: route.method, headers, body: probe.body === undefined ? undefined : JSON.stringify(probe.body), signal: AbortSignal.timeout(20_000) });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, requestId: res.headers.get('x-request-id'), text, json };
}

// ---------------------------------------------------------------------------------------------
// Synthetic PHI.

/** A per-run tag of letters (so names stay names), making every seeded value unique to this run. */
const TAG = Array.from(randomBytes(6), (b) => String.fromCharCode(97 + (b % 26))).join('');
const T = TAG.toUpperCase();

const PATIENT = {
  name: { given: `Synthia${TAG}`, family: `Fixturepatient${TAG}` },
  phones: [{ number: '+13125550148', type: 'mobile' as const }],
  email: `synthetic.patient.${TAG}@example.test`,
  callbackWindow: `Weekdays after 16:00 synthetic ${T}`,
  dateOfBirth: '1937-06-29',
  address: { line1: `1 Synthetic Lane ${T}`, city: `Faketown${TAG}`, state: 'ZZ', postalCode: '00000' },
  mrn: `SYN-MRN-${T}`,
  identifiers: [{ system: 'urn:oid:2.16.840.1.113883.3.9999.7', value: `SYN-ID-${T}` }],
  fhirPatientId: `syn-fhir-${TAG}`,
  notes: `Synthetic clinical note ${T}: no real patient`,
};
const MESSAGES = [`Synthetic clinical message ${T} one`, `Synthetic clinical message ${T} two`];
const URGENT_BODY = `Synthetic urgent question ${T} for the provider`;
const REPLY_BODY = `Synthetic provider reply ${T}: take with food`;

/** Each seeded PHI value, with the field an answer carries it in. */
const SEEDED: [string, string][] = [
  [PATIENT.name.given, 'name'],
  [PATIENT.name.family, 'name'],
  [PATIENT.phones[0]!.number, 'phones'],
  [PATIENT.email, 'email'],
  [PATIENT.callbackWindow, 'callbackWindow'],
  [PATIENT.dateOfBirth, 'dateOfBirth'],
  [PATIENT.address.line1, 'address'],
  [PATIENT.address.city, 'address'],
  [PATIENT.mrn, 'mrn'],
  [PATIENT.identifiers[0]!.value, 'identifiers'],
  [PATIENT.fhirPatientId, 'fhirPatientId'],
  [PATIENT.notes, 'notes'],
  ...MESSAGES.map((m): [string, string] => [m, 'body']),
  [URGENT_BODY, 'body'],
  [REPLY_BODY, 'replies'],
];

/**
 * What a route needs beyond what its schema requires to do its work: each search needs one
 * criterion (the schema makes each optional). The directory search looks up the synthetic
 * patient by phone (its answer must carry references only); the practice-system search asks
 * for two of the test FHIR server's synthetic patients. Each key must be a route of the table.
 */
const EXTRA_BODY: Record<string, Record<string, unknown>> = {
  'POST /api/patients/search': { phone: PATIENT.phones[0]!.number },
  'POST /api/patients/practice-search': { family: 'Adeyemi', birthDate: '2001-11-23' },
};

/**
 * Client A's synthetic patient with every field a built-in role may record (none records billing),
 * a task of theirs with clinical messages, and an urgent message with the provider's reply.
 */
async function seedPhi(app: TestApp, tenant: Tenant, fhirBaseUrl: string): Promise<Seeds> {
  const { orgId } = tenant.org;
  const clientA = tenant.org.clients.A!;
  const patient = await insertTestPatient(app, orgId, clientA, PATIENT);
  const task = await insertTestTask(app, orgId, clientA, { queueId: tenant.ids.queue.A[0]!, patientId: patient.id });
  const ctx = supervisorContext(app, orgId);
  for (const m of MESSAGES) await addTaskMessage(ctx, task.id, m);
  const message = await createUrgentMessage(ctx, app.app.platform.jobs, { taskId: task.id, body: URGENT_BODY });
  // Paged to the provider (the chain's first step, which needs the job engine, is recorded directly).
  await app
    .tenant(orgId)
    .insertInto('urgent_message_recipients', { message_id: message.id, user_id: tenant.org.users.provider!.id, role: 'primary', first_notified_at: new Date().toISOString(), opened_at: null, read_at: null, acknowledged_at: null })
    .execute();
  const actors = new Actors(app, tenant);
  const reply = await (await actors.client('provider')).post(`/api/urgent-messages/${message.id}/replies`, { body: REPLY_BODY });
  assert.equal(reply.status, 201, reply.text);
  // Client A's practice system is the test FHIR server.
  await app.tenant(orgId).updateTable('practice_links').set({ base_url: fhirBaseUrl, auth_type: 'none', credentials_enc: null }).where('client_id', '=', clientA).execute();
  tenant.ids.patient.A.unshift(patient.id);
  tenant.ids.task.A.unshift(task.id);
  return { tenant, urgentId: message.id, replyId: reply.body.id as string };
}

// ---------------------------------------------------------------------------------------------

test('every answer that carries PHI has a phi.read audit event of its request naming the fields returned', async (t) => {
  const started = Date.now();
  const fhir = await startFhirServer({}, t);
  const app = await buildTestApp(t);
  const tenant = await createTenant(app);
  const seeds = await seedPhi(app, tenant, fhir.baseUrl);
  const actors = new Actors(app, tenant);
  const db = app.tenant(tenant.org.orgId);
  // The API token's scopes, as stored: what it may call is read from the authorization data.
  const tokenScopes = JSON.parse((await db.selectFrom('api_tokens').select('scopes').where('id', '=', tenant.tokenId).executeTakeFirstOrThrow()).scopes) as string[];

  const routes = apiRoutes(app);
  const keys = new Set(routes.map(keyOf));
  for (const key of Object.keys(EXTRA_BODY)) assert.ok(keys.has(key), `EXTRA_BODY names ${key}, which is not a route`);

  const phiRoutes = routes.filter((r) => successSchemas(r).some((s) => schemaPhiFields(s, subjectOf(r)).length > 0));
  const phiKeys = new Set(phiRoutes.map(keyOf));
  // PHI routes are sent by every actor (those refused must answer without PHI); the other reads (GET
  // routes, and POSTs whose permission is a read, such as a directory search) by those who may call them.
  const isRead = (r: RegisteredRoute) => r.method === 'GET' || (typeof r.config.permission === 'object' && r.config.permission.action === 'read');
  const walked = routes.filter((r) => phiKeys.has(keyOf(r)) || isRead(r));

  const failures: string[] = [];
  const figures = { callers: 0, requests: 0, phiResponses: 0, audited: 0 };
  const callersOf = new Map<string, Actor[]>();
  const reachedPhi = new Map<string, Actor[]>();
  for (const route of walked) {
    const key = keyOf(route);
    const subject = subjectOf(route);
    const isPhiRoute = phiKeys.has(key);
    const callers = ACTORS.filter((a) => mayCall(route, a, tokenScopes));
    callersOf.set(key, callers);
    figures.callers += callers.length;
    for (const actor of isPhiRoute ? ACTORS : callers) {
      const probe = probeOf(route, { route, seeds, categories: categoriesFor(route, actor, tokenScopes) });
      const answer = await send(actors, actor, route, probe);
      figures.requests += 1;
      if (answer.status === 401) actors.forget(actor);
      const who = `${key} as ${actor}`;

      const bySchema = answer.status < 300 ? successSchemas(route).reduce((acc, s) => answeredPhiFields(s, answer.json, subject, null, acc), new Set<string>()) : new Set<string>();
      const seeded = SEEDED.filter(([value]) => answer.text.includes(value));
      const outside = [...new Set(seeded.map(([, field]) => field))].filter((f) => !bySchema.has(f));
      if (outside.length > 0) failures.push(`${who} (${answer.status}): seeded PHI values of ${outside.join(', ')} outside the PHI fields its response schema marks: ${excerpt(answer.text, 200)}`);
      const returned = new Set([...bySchema, ...seeded.map(([, field]) => field)]);
      if (returned.size === 0) continue;

      figures.phiResponses += 1;
      if (callers.includes(actor)) reachedPhi.set(key, [...(reachedPhi.get(key) ?? []), actor]);
      if (!answer.requestId) {
        failures.push(`${who}: an answer with PHI (${[...returned].join(', ')}) has no x-request-id`);
        continue;
      }
      const events = await db.selectFrom('audit_events').select(['action', 'outcome', 'fields']).where('request_id', '=', answer.requestId).execute();
      const reads = events.filter((e) => e.action === 'phi.read' && e.outcome === 'success');
      // An audited field path names the field (`messages.body` is the body of the task's messages).
      const named = reads.flatMap((e) => (e.fields ? (JSON.parse(e.fields) as string[]) : []));
      const missing = [...returned].filter((f) => !named.some((n) => n === f || n.endsWith(`.${f}`)));
      if (reads.length === 0) failures.push(`${who}: returned PHI fields ${[...returned].join(', ')} with no phi.read audit event for request ${answer.requestId} (events: ${events.map((e) => e.action).join(', ') || 'none'})`);
      else if (missing.length > 0) failures.push(`${who}: the phi.read event of request ${answer.requestId} names ${named.join(', ') || 'no fields'}; missing ${missing.join(', ')}`);
      else figures.audited += 1;
    }
  }

  // Not vacuous: each PHI route gave PHI to at least one actor allowed to call it.
  for (const route of phiRoutes) {
    const key = keyOf(route);
    if (!reachedPhi.has(key)) failures.push(`${key}: no actor allowed to call it (${(callersOf.get(key) ?? []).join(', ') || 'none'}) got an answer carrying PHI; seed or drive it so its audit is checked`);
  }
  const reached = [...reachedPhi.entries()].map(([k, a]) => `${k}:${a.join('+')}`);
  report('audit-coverage', {
    routes: routes.length,
    phiRoutes: phiRoutes.length,
    walked: walked.length,
    actors: ACTORS.length,
    ...figures,
    seconds: ((Date.now() - started) / 1000).toFixed(1),
  });
  t.diagnostic(`PHI routes and the actors who received PHI: ${reached.join(' ')}`);
  assert.ok(phiRoutes.length > 0, 'no route of the table has a response schema that can carry PHI: the walk found nothing to check');
  assert.deepEqual(failures, [], `${failures.length} answers with PHI not audited as returned`);
  assert.equal(figures.audited, figures.phiResponses);
});
