import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import { buildTestApp, type TestApp } from '../helpers.ts';
import { report, scale } from './scale.ts';
import { validArbitrary, type JsonSchema } from './schema-arbitraries.ts';
import { Actors, apiRoutes, CLIENT_KEYS, CLIENT_SCOPED, createTenant, excerpt, idKindOf, restoreActors, ROLE_ACTORS, type Actor, type IdKind, type Tenant } from './tenants.ts';
import type { RegisteredRoute } from '../../src/platform/auth/authenticate.ts';
import { BUILTIN_ROLES, TOKEN_SCOPES } from '../../src/platform/authz/builtin-roles.ts';

/**
 * Foreign ids: another organization's records, and to someone who works client A only, the
 * records of client B and of client U (assigned to nobody), must be indistinguishable from
 * records that do not exist. Walking the route table, each request names a foreign id in a
 * path, body or query string, and is sent again with a random id of the same shape in that
 * place: the two answers must be the same, byte for byte once request ids and the two ids
 * themselves are set aside. In both directions between two organizations.
 */

const PER_ROUTE = scale(16, 1000);
/** Records bound to one client: these are foreign to a person who works another client of the same organization. */
const CLIENT_BOUND: IdKind[] = ['client', 'patient', 'queue', 'task'];
const SENDERS: Actor[] = [...ROLE_ACTORS, 'none', 'token'];

type Part = 'params' | 'querystring' | 'body';
type Path = (string | number)[];

interface Slot {
  part: Part;
  path: Path;
  kind: IdKind;
}

interface Probe {
  actor: Actor;
  params: Record<string, unknown>;
  query: Record<string, unknown> | null;
  body: unknown;
}

function partSchema(route: RegisteredRoute, part: Part): JsonSchema | null {
  const s = route.schema[part] as JsonSchema | undefined;
  if (s) return s;
  if (part !== 'params') return null;
  const names = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  return names.length === 0 ? null : { type: 'object', required: names, properties: Object.fromEntries(names.map((n) => [n, { type: 'string', format: 'uuid' }])) };
}

/** A request as the actor would make it about their own records: every id the actor's own (client A, or the organization's). */
function ownProbe(route: RegisteredRoute, tenant: Tenant, actor: Actor): fc.Arbitrary<Probe> {
  const ids = (name: string) => {
    const kind = idKindOf(name, route.url);
    const pool = kind ? tenant.ids[kind].A : [];
    return pool.length > 0 ? fc.constantFrom(...pool) : fc.uuid();
  };
  const arb = (part: Part) => {
    const s = partSchema(route, part);
    return s ? validArbitrary(s, ids) : fc.constant(part === 'params' ? {} : part === 'querystring' ? null : undefined);
  };
  return fc.record({ params: arb('params'), query: arb('querystring'), body: arb('body') }).map((p) => ({ actor, params: p.params as Record<string, unknown>, query: p.query as Record<string, unknown> | null, body: p.body }));
}

/** Where the probe names one of the actor's own records, and of which kind. */
function slotsOf(probe: Probe, tenant: Tenant): Slot[] {
  const kindOf = new Map<string, IdKind>();
  for (const [kind, byClient] of Object.entries(tenant.ids) as [IdKind, Record<string, string[]>][]) for (const id of byClient.A!) kindOf.set(id, kind);
  const out: Slot[] = [];
  const walk = (part: Part, value: unknown, path: Path) => {
    if (typeof value === 'string' && kindOf.has(value)) out.push({ part, path, kind: kindOf.get(value)! });
    else if (Array.isArray(value)) value.forEach((v, i) => walk(part, v, [...path, i]));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(part, v, [...path, k]);
  };
  walk('params', probe.params, []);
  walk('querystring', probe.query, []);
  walk('body', probe.body, []);
  return out;
}

function withValue(probe: Probe, slot: Slot, id: string): Probe {
  const copy = structuredClone({ params: probe.params, query: probe.query, body: probe.body }) as Record<string, unknown>;
  const key = slot.part === 'querystring' ? 'query' : slot.part;
  if (slot.path.length === 0) copy[key] = id;
  else {
    let at = copy[key] as Record<string | number, unknown>;
    for (const step of slot.path.slice(0, -1)) at = at[step] as Record<string | number, unknown>;
    at[slot.path.at(-1)!] = id;
  }
  return { actor: probe.actor, params: copy.params as Record<string, unknown>, query: copy.query as Record<string, unknown> | null, body: copy.body };
}

/**
 * Whether the actor's grants for the route's permission reach only their assigned clients. An
 * organization-wide grant sees B and U by design: an API token's `audit:read`, for one, covers
 * the whole organization's audit trail, so a client's PHI-guard figures too.
 */
function clientScopedOn(route: RegisteredRoute, actor: Actor): boolean {
  if (!CLIENT_SCOPED.includes(actor)) return false;
  const permission = route.config.permission;
  if (typeof permission !== 'object') return true;
  const grants = actor === 'token' ? Object.values(TOKEN_SCOPES).flatMap((s) => s.grants) : (BUILTIN_ROLES.find((r) => r.key === actor)?.grants ?? []);
  const matching = grants.filter((g) => g.subject === permission.subject && (g.action === permission.action || g.action === 'manage'));
  return matching.every((g) => g.scope !== 'organization');
}

/** Whether the actor's grants allow the route's permission at all: requests go mostly to those who get past the guard. */
function mayCall(route: RegisteredRoute, actor: Actor): boolean {
  const permission = route.config.permission;
  if (permission === 'public') return true;
  if (typeof permission !== 'object') return actor !== 'token';
  const grants = actor === 'token' ? Object.values(TOKEN_SCOPES).flatMap((s) => s.grants) : (BUILTIN_ROLES.find((r) => r.key === actor)?.grants ?? []);
  return grants.some((g) => g.subject === permission.subject && (g.action === permission.action || g.action === 'manage'));
}

/** The foreign ids of a kind for this actor on this route: the other organization's, and B's and U's to someone scoped to client A. */
function foreignIds(route: RegisteredRoute, kind: IdKind, actor: Actor, own: Tenant, other: Tenant): { id: string; whose: string }[] {
  const out = CLIENT_KEYS.flatMap((k) => other.ids[kind][k].map((id) => ({ id, whose: `other organization (${k})` })));
  if (clientScopedOn(route, actor) && CLIENT_BOUND.includes(kind)) out.push(...(['B', 'U'] as const).flatMap((k) => own.ids[kind][k].map((id) => ({ id, whose: `client ${k}` }))));
  return [...new Map(out.map((o) => [o.id, o])).values()];
}

function urlOf(route: RegisteredRoute, p: Probe): string {
  const path = route.url.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(String(p.params[name])));
  const query = { ...(p.query ?? {}) };
  if (route.url === '/api/events') query.wait = 0;
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (Array.isArray(v)) for (const item of v) search.append(k, typeof item === 'object' ? JSON.stringify(item) : String(item));
    else if (v !== undefined) search.append(k, typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

interface Answer {
  status: number;
  text: string;
  /** Status, content type and body with request ids and the named id replaced. */
  normal: string;
}

async function send(actors: Actors, route: RegisteredRoute, p: Probe, named: string): Promise<Answer> {
  const http = await actors.client(p.actor);
  const headers: Record<string, string> = {};
  if (http.cookie) headers.cookie = http.cookie;
  if (http.csrf && route.method !== 'GET') headers['x-csrf-token'] = http.csrf;
  if (http.bearer) headers.authorization = `Bearer ${http.bearer}`;
  let body: string | undefined;
  if (route.method !== 'GET' && route.method !== 'DELETE') {
    body = JSON.stringify(p.body === undefined ? {} : p.body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(http.baseUrl + urlOf(route, p), { method: route.method, headers, body, signal: AbortSignal.timeout(20_000) });
  const text = await res.text();
  const requestId = res.headers.get('x-request-id') ?? '';
  const normal = `${res.status} ${res.headers.get('content-type') ?? ''}\n${text.replaceAll(requestId || '\u0000', '<request-id>').replaceAll(named, '<id>')}`;
  return { status: res.status, text, normal };
}

async function walk(app: TestApp, tenants: [Tenant, Tenant], seed: number) {
  const figures = { routes: 0, comparisons: 0, requests: 0, crossOrg: 0, otherClient: 0, inPath: 0, inQuery: 0, inBody: 0, pastGuard: 0 };
  const failures: string[] = [];
  const actorsOf = tenants.map((t) => new Actors(app, t));
  let routeIndex = 0;
  for (const route of apiRoutes(app)) {
    routeIndex += 1;
    let routeCounted = false;
    for (let direction = 0; direction < 2; direction += 1) {
      const own = tenants[direction]!;
      const other = tenants[1 - direction]!;
      const actors = actorsOf[direction]!;
      const callers = SENDERS.filter((a) => mayCall(route, a));
      const senders = callers.length > 0 ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...callers) }, { weight: 1, arbitrary: fc.constantFrom(...SENDERS) }) : fc.constantFrom(...SENDERS);
      const probes = fc.sample(
        senders.chain((actor) => ownProbe(route, own, actor)),
        { numRuns: PER_ROUTE / 2, seed: seed + routeIndex * 2 + direction },
      );
      for (const [i, probe] of probes.entries()) {
        const slots = slotsOf(probe, own);
        if (slots.length === 0) continue;
        const slot = slots[i % slots.length]!;
        const choices = foreignIds(route, slot.kind, probe.actor, own, other);
        if (choices.length === 0) continue;
        const foreign = choices[(i * 7 + direction) % choices.length]!;
        const randomId = randomUUID();
        if (!routeCounted) {
          figures.routes += 1;
          routeCounted = true;
        }
        // The order alternates, so neither answer is always the first one after a change.
        const first = i % 2 === 0 ? 'foreign' : 'random';
        const answers: Record<string, Answer> = {};
        for (const which of first === 'foreign' ? ['foreign', 'random'] : ['random', 'foreign']) {
          const id = which === 'foreign' ? foreign.id : randomId;
          answers[which] = await send(actors, route, withValue(probe, slot, id), id);
          figures.requests += 1;
          if (answers[which]!.status < 300 && route.method !== 'GET') await restoreActors(app, own);
          if (answers[which]!.status === 401) actors.forget(probe.actor);
        }
        const f = answers.foreign!;
        const r = answers.random!;
        figures.comparisons += 1;
        figures[foreign.whose.startsWith('other') ? 'crossOrg' : 'otherClient'] += 1;
        figures[slot.part === 'params' ? 'inPath' : slot.part === 'querystring' ? 'inQuery' : 'inBody'] += 1;
        if (!/"type":"urn:ringfence:problem:(unauthenticated|forbidden|csrf)"/.test(f.text)) figures.pastGuard += 1;
        if (f.normal === r.normal) continue;
        if (failures.length < 60) {
          failures.push(
            `${route.method} ${route.url} as ${probe.actor} of org ${direction + 1}, ${slot.part}.${slot.path.join('.')} = ${slot.kind} of ${foreign.whose}: foreign → ${excerpt(f.normal, 260)} | random → ${excerpt(r.normal, 260)}; sent ${excerpt({ params: probe.params, query: probe.query, body: probe.body }, 300)}`,
          );
        }
      }
    }
  }
  return { figures, failures };
}

test('foreign ids get the same answer as ids that do not exist, in paths, bodies and query strings', async (t) => {
  const started = Date.now();
  const app = await buildTestApp(t);
  const tenants: [Tenant, Tenant] = [await createTenant(app), await createTenant(app)];
  const seed = Number(process.env.RINGFENCE_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const { figures, failures } = await walk(app, tenants, seed);
  report('foreign-ids', { seed, ...figures, seconds: ((Date.now() - started) / 1000).toFixed(1) });
  assert.deepEqual(failures, [], `${failures.length} differing answers with RINGFENCE_FUZZ_SEED=${seed}`);
  assert.ok(figures.routes > 40, `compared on ${figures.routes} routes`);
  assert.ok(figures.crossOrg > 0 && figures.otherClient > 0 && figures.inPath > 0 && figures.inBody > 0 && figures.inQuery > 0);
});
