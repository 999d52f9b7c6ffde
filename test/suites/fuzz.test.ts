import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { buildTestApp, type TestApp } from '../helpers.ts';
import { report, scale } from './scale.ts';
import { malformedArbitrary, validArbitrary, type JsonSchema, type Mutated } from './schema-arbitraries.ts';
import { ACTORS, Actors, apiRoutes, CLIENT_KEYS, createTenant, excerpt, idKindOf, restoreActors, storedFingerprint, changedTables, type Actor, type Tenant } from './tenants.ts';
import type { RegisteredRoute } from '../../src/platform/auth/authenticate.ts';

/**
 * Fuzzing from the schemas: for every route, inputs derived from the schemas it declares
 * (valid ones full of odd Unicode, values at and over their bounds, wrong types, missing and
 * extra fields, prototype-pollution keys, NUL bytes, huge strings, deep nesting), sent over
 * real HTTP as every role. Whatever arrives, the answer is never a 5xx, never carries a stack
 * trace or a file path, every error is problem+json, a NUL byte is refused naming its field,
 * and a refused request stores nothing.
 */

const PER_ROUTE = scale(5, 240);
/** Stack frames, source paths and driver wording that must never reach a caller. */
const LEAK = /\n\s+at |\bat [\w.<>]+ \(|(?:\/work\/|\/src\/|node_modules|file:\/\/)|\.[cm]?[jt]s:\d+|SQLITE_|syntax error at|invalid byte sequence|violates .* constraint/;
/** The NUL rule's field message (src/platform/http/validation.ts). */
const NUL_MESSAGE = /NUL/;

type Part = 'body' | 'querystring' | 'params';

/** Whether the request's value at a dotted path (in its body, query string or path) holds a NUL. */
function holdsNul(a: Attempt, field: string): boolean {
  const at = (root: unknown) => field.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), root);
  return [a.body, a.query, a.params].some((root) => {
    const value = at(root);
    return typeof value === 'string' && value.includes('\u0000');
  });
}

interface Attempt {
  actor: Actor;
  kind: 'valid' | Mutated['mutation'];
  part: Part | null;
  /** Dotted path of the mutated field within its part. */
  field: string | null;
  params: Record<string, unknown>;
  query: Record<string, unknown> | null;
  body: unknown;
  /** Raw JSON text to send as the body, when the mutation exists only as text. */
  bodyText?: string;
  idempotencyKey?: string;
}

const latin1 = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 140 });

/** The schema of one part of a route, or an empty object schema for a part it does not declare. */
function partSchema(route: RegisteredRoute, part: Part): JsonSchema | null {
  const s = route.schema[part] as JsonSchema | undefined;
  if (s) return s;
  if (part === 'params') {
    const names = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    if (names.length === 0) return null;
    return { type: 'object', required: names, properties: Object.fromEntries(names.map((n) => [n, { type: 'string', format: 'uuid' }])) };
  }
  return null;
}

/** uuid fields take, mostly, the id of a real record of the kind the field names; otherwise a random id. */
function idSource(route: RegisteredRoute, tenants: Tenant[]) {
  return (name: string) => {
    const kind = idKindOf(name, route.url);
    const pool = kind ? tenants.flatMap((t, i) => CLIENT_KEYS.flatMap((k) => (i === 0 || k === 'A' ? t.ids[kind][k] : []))) : [];
    return pool.length > 0 ? fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: fc.uuid() }) : fc.uuid();
  };
}

function attemptArbitrary(route: RegisteredRoute, tenants: Tenant[], actors: fc.Arbitrary<Actor>, onlyValid = false): fc.Arbitrary<Attempt> {
  const ids = idSource(route, tenants);
  const parts = (['body', 'querystring', 'params'] as Part[]).filter((p) => partSchema(route, p));
  const valid = Object.fromEntries(parts.map((p) => [p, validArbitrary(partSchema(route, p)!, ids)])) as Partial<Record<Part, fc.Arbitrary<unknown>>>;
  const base = fc.record({
    actor: actors,
    body: valid.body ?? fc.constant(undefined),
    query: valid.querystring ?? fc.constant(null),
    params: valid.params ?? fc.constant({}),
    idempotencyKey: route.schema && 'headers' in (route.schema as object) ? fc.option(latin1, { nil: undefined }) : fc.constant(undefined),
  });
  const validAttempt = base.map((b): Attempt => ({ ...b, kind: 'valid', part: null, field: null, params: b.params as Record<string, unknown>, query: b.query as Record<string, unknown> | null }));
  if (parts.length === 0 || onlyValid) return validAttempt;
  const broken = fc.constantFrom(...parts).chain((part) =>
    fc.tuple(base, malformedArbitrary(partSchema(route, part)!, valid[part]!)).map(([b, m]): Attempt => {
      const attempt: Attempt = { ...b, kind: m.mutation, part, field: m.path.join('.'), params: b.params as Record<string, unknown>, query: b.query as Record<string, unknown> | null };
      if (part === 'body') {
        attempt.body = m.value;
        if (m.text !== undefined) attempt.bodyText = m.text;
      } else if (part === 'querystring') attempt.query = (m.value ?? {}) as Record<string, unknown>;
      else attempt.params = (m.value ?? {}) as Record<string, unknown>;
      return attempt;
    }),
  );
  return fc.oneof({ weight: 2, arbitrary: validAttempt }, { weight: 3, arbitrary: broken });
}

/** Query values as a browser would send them: arrays repeat the key, the rest as text. */
function queryString(query: Record<string, unknown> | null, route: RegisteredRoute): string {
  const q = { ...(query ?? {}) };
  // The event stream waits up to its `wait`: anything it would accept becomes 0, so the request ends at once.
  if (route.url === '/api/events') {
    // An empty array is sent as no value at all, so the stream would wait its default.
    const w = Array.isArray(q.wait) && q.wait.length === 0 ? undefined : q.wait;
    const refused = (typeof w === 'number' && (w > 300 || w < 0 || !Number.isInteger(w))) || (typeof w === 'string' && !/^\s*[-+]?\d/.test(w)) || (w !== null && typeof w === 'object');
    if (!refused) q.wait = 0;
  }
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (Array.isArray(v)) for (const item of v) search.append(k, typeof item === 'object' ? JSON.stringify(item) : String(item));
    else if (v !== undefined) search.append(k, typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function pathOf(route: RegisteredRoute, params: Record<string, unknown>): string {
  return route.url.replace(/:(\w+)/g, (_m, name: string) => {
    const v = params[name];
    const text = typeof v === 'string' ? v : JSON.stringify(v) ?? 'undefined';
    return percentEncode(text.slice(0, 2000));
  });
}

/** Percent-encodes text as UTF-8; a lone surrogate goes out as the (invalid) bytes of its code unit, as a careless client would send it. */
function percentEncode(text: string): string {
  let out = '';
  let run = '';
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff;
    if (pair) {
      run += text.slice(i, i + 2);
      i += 1;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += encodeURIComponent(run) + [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
      run = '';
    } else run += text[i];
  }
  return out + encodeURIComponent(run);
}

interface Answer {
  status: number;
  contentType: string;
  text: string;
  body: any;
}

async function send(actors: Actors, route: RegisteredRoute, a: Attempt): Promise<Answer> {
  const http = await actors.client(a.actor);
  const headers: Record<string, string> = {};
  if (http.cookie) headers.cookie = http.cookie;
  if (http.csrf && route.method !== 'GET') headers['x-csrf-token'] = http.csrf;
  if (http.bearer) headers.authorization = `Bearer ${http.bearer}`;
  if (a.idempotencyKey !== undefined) headers['idempotency-key'] = a.idempotencyKey;
  let payload: string | undefined;
  if (route.method !== 'GET' && route.method !== 'DELETE') {
    payload = a.bodyText ?? JSON.stringify(a.body === undefined ? {} : a.body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(http.baseUrl + pathOf(route, a.params) + queryString(a.query, route), { method: route.method, headers, body: payload, signal: AbortSignal.timeout(20_000) });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text, body };
}

/** Whether the answer is the route guard's (sign-in, CSRF, permission), i.e. the input itself was never looked at. */
function stoppedAtGuard(answer: Answer): boolean {
  const type = String(answer.body?.type ?? '');
  return /:(unauthenticated|session_expired|mfa_required|csrf)$/.test(type) || (/:forbidden$/.test(type) && /roles do not allow|scopes do not allow|API tokens can only/.test(String(answer.body?.detail)));
}

async function fuzzRoutes(app: TestApp, tenants: Tenant[], seed: number) {
  const [home] = tenants as [Tenant];
  const actors = new Actors(app, home);
  const figures = { routes: 0, requests: 0, valid: 0, malformed: 0, s2xx: 0, s4xx: 0, s5xx: 0, upstream502: 0, pastGuard: 0, refusedChecked: 0, nulSent: 0, nulNamed: 0, resetAtHeaderLimit: 0 };
  const failures: string[] = [];
  let fingerprint: Map<string, string> | null = null;
  const fail = (route: RegisteredRoute, a: Attempt, answer: Answer, what: string) => {
    if (failures.length < 60) failures.push(`${route.method} ${route.url} as ${a.actor} [${a.kind} ${a.part ?? ''}.${a.field ?? ''}] → ${answer.status}: ${what}; sent ${excerpt({ params: a.params, query: a.query, body: a.bodyText ?? a.body })}; got ${excerpt(answer.text, 300)}`);
  };

  for (const route of apiRoutes(app)) {
    figures.routes += 1;
    // Who gets past the guard on this route is learnt as we go: later requests go mostly to them.
    const passing = new Set<Actor>();
    const routeSeed = seed + figures.routes;
    const probe = fc.sample(attemptArbitrary(route, tenants, fc.constant<Actor>('admin'), true), { numRuns: ACTORS.length, seed: routeSeed }).map((a, i) => ({ ...a, actor: ACTORS[i]! }));
    const queue: Attempt[] = [...probe];
    let generated = false;
    while (queue.length > 0) {
      const a = queue.shift()!;
      fingerprint ??= await storedFingerprint(app);
      const answer = await send(actors, route, a).catch((err: Error) => ({ status: 599, contentType: '', text: `request failed: ${err.message} ${String((err.cause as Error | undefined)?.message ?? '')}`, body: null }) as Answer);
      // A query string far past the server's header limit is answered 431 and the connection
      // closed at once (HTTP has no other way to stop a sender): the client, still writing, may
      // see the reset before it reads the answer. That is the refusal, not a server error; the
      // 431's own shape is checked by the test below.
      const resetAtHeaderLimit = answer.status === 599 && a.kind === 'huge' && a.part === 'querystring' && /ECONNRESET|EPIPE/.test(answer.text);
      if (resetAtHeaderLimit) figures.resetAtHeaderLimit += 1;
      figures.requests += 1;
      figures[a.kind === 'valid' ? 'valid' : 'malformed'] += 1;
      // Refused at the header limit, the input was never looked at either.
      const guarded = resetAtHeaderLimit || stoppedAtGuard(answer);
      if (!guarded) {
        passing.add(a.actor);
        figures.pastGuard += 1;
      }
      if (answer.status === 502 && /:bad_gateway$/.test(String(answer.body?.type)) && /practice/.test(route.url)) {
        // The fixtures' practice-system links point at a closed port: reaching it is the success path, and 502 its answer.
        figures.upstream502 += 1;
      } else if (resetAtHeaderLimit) {
        figures.s4xx += 1;
      } else if (answer.status >= 500) {
        figures.s5xx += 1;
        fail(route, a, answer, 'server error');
      } else if (answer.status >= 400) figures.s4xx += 1;
      else figures.s2xx += 1;
      if (LEAK.test(answer.text)) fail(route, a, answer, 'stack trace, source path or driver text in the answer');
      if (answer.status >= 400 && !resetAtHeaderLimit) {
        if (!answer.contentType.startsWith('application/problem+json')) fail(route, a, answer, `error sent as ${answer.contentType || 'nothing'}`);
        else if (answer.body?.status !== answer.status || typeof answer.body?.detail !== 'string' || typeof answer.body?.requestId !== 'string') fail(route, a, answer, 'problem body incomplete');
      }
      if (a.kind === 'nul' && !guarded) {
        figures.nulSent += 1;
        if (answer.status < 300) fail(route, a, answer, 'a NUL byte was accepted');
        const named = answer.status === 400 && answer.body?.field === `${a.field}`;
        if (named) figures.nulNamed += 1;
        // Another field may carry a NUL of its own (generated text can hold one): naming that is right too.
        else if (answer.status === 400 && answer.body?.errors?.some((e: { message: string }) => NUL_MESSAGE.test(e.message)) && !holdsNul(a, String(answer.body?.field))) fail(route, a, answer, `NUL refused naming ${answer.body?.field}, not ${a.field}`);
      }
      if (answer.status >= 400 && answer.status < 500) {
        const after = await storedFingerprint(app);
        figures.refusedChecked += 1;
        // A refused sign-in counts toward the lockout by design (its columns are left out of the fingerprint).
        const changed = changedTables(fingerprint, after);
        if (changed.length > 0) fail(route, a, answer, `a refused request changed stored data (${changed.join(', ')})`);
        fingerprint = after;
        if (stoppedAtGuard(answer) && a.actor !== 'anonymous' && /:(unauthenticated|session_expired)$/.test(String(answer.body?.type))) actors.forget(a.actor);
      } else {
        if (route.method !== 'GET') await restoreActors(app, home);
        fingerprint = null;
        if (route.url === '/api/auth/logout' || route.url === '/api/account/password') actors.forget(a.actor);
      }
      if (queue.length === 0 && !generated) {
        generated = true;
        const favoured = passing.size > 0 ? fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...passing) }, { weight: 1, arbitrary: fc.constantFrom(...ACTORS) }) : fc.constantFrom(...ACTORS);
        queue.push(...fc.sample(attemptArbitrary(route, tenants, favoured), { numRuns: PER_ROUTE, seed: routeSeed * 7919 }));
      }
    }
  }
  return { figures, failures };
}

test('fuzzing every route from its schemas: no 5xx, no leaks, problem+json, refusals store nothing', async (t) => {
  const started = Date.now();
  const app = await buildTestApp(t);
  const tenants = [await createTenant(app), await createTenant(app)];
  const seed = Number(process.env.RINGFENCE_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const { figures, failures } = await fuzzRoutes(app, tenants, seed);
  report('fuzz', { seed, ...figures, seconds: ((Date.now() - started) / 1000).toFixed(1) });
  assert.deepEqual(failures, [], `${failures.length} failures with RINGFENCE_FUZZ_SEED=${seed}`);
  assert.equal(figures.s5xx, 0);
  assert.ok(figures.routes > 80, `walked ${figures.routes} routes`);
  assert.ok(figures.pastGuard > figures.requests / 3, `only ${figures.pastGuard} of ${figures.requests} requests got past the guard`);
  assert.ok(figures.nulSent > 0 && figures.nulNamed > 0, 'NUL bytes reached the validation of some routes');
});

test('the platform refuses NUL bytes naming the field, and answers pre-routing refusals as problem+json', async (t) => {
  const app = await buildTestApp(t);
  const tenant = await createTenant(app);
  const admin = await new Actors(app, tenant).client('admin');
  const nul = await admin.post('/api/tokens', { name: 'Webhook\u0000', scopes: ['tasks:read'] });
  assert.equal(nul.status, 400);
  assert.equal(nul.body.field, 'name');
  assert.match(nul.body.errors[0].message, /NUL/);
  const inQuery = await admin.get('/api/users?q=a%00b');
  assert.equal(inQuery.status, 400);
  assert.equal(inQuery.body.field, 'q');
  const longParam = await admin.get(`/api/users/${'x'.repeat(200)}`);
  assert.equal(longParam.status, 414);
  assert.match(longParam.headers.get('content-type') ?? '', /application\/problem\+json/);
  assert.equal(longParam.body.status, 414);
  const badEncoding = await admin.get('/api/users/%E0%A4%A');
  assert.equal(badEncoding.status, 400);
  assert.match(badEncoding.headers.get('content-type') ?? '', /application\/problem\+json/);
  const hugeHeaders = await admin.get(`/api/users?q=${'y'.repeat(20_000)}`);
  assert.equal(hugeHeaders.status, 431);
  assert.match(hugeHeaders.headers.get('content-type') ?? '', /application\/problem\+json/);
  assert.equal(typeof hugeHeaders.body.requestId, 'string');
});
