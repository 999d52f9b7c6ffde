import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Type } from 'typebox';
import { detectPhi, PHI_TYPES, type PhiSpan } from '../../phi/detect.ts';
import type { PhiGuardSpan } from '../audit/events.ts';
import { can } from '../authz/guard.ts';
import { audit, type ActorContext } from '../context.ts';
import type { ClientDirectory, ClientSettings } from '../ports.ts';
import { AppError, invalidField } from './errors.ts';
import { Declared, Literals, PHI_GUARDED, Strict } from './schemas.ts';

type PhiGuardMode = ClientSettings['phiGuardMode'];

/**
 * The PHI guard, for every route in one place. A body field whose schema is `PhiGuarded` is
 * operational text: before the handler runs, the text is scanned with the same detector the
 * browser uses, and the client's policy decides what happens to PHI found in it:
 * - `refuse`: 400 problem+json listing each span's field, offsets and type (never the text);
 * - `redact`: each span is replaced by `[TYPE]` and only the redacted text reaches the handler.
 * A caller who judges a flagged span not PHI sends it back in `phiOverrides` with a reason; the
 * span must be one the detector found, the reason must itself be PHI-free, and every override is
 * an audit event counted per client. Refusals and redactions are audited too, without the text.
 *
 * A route with guarded fields must say whose policy applies (`config.phiClient`); one that does
 * not stops the app from booting.
 */

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Routes with PHI-guarded fields: the client whose policy applies (null: none yet, so the default, refuse). */
    phiClient?: (request: FastifyRequest) => string | null | Promise<string | null>;
  }
}

export const DEFAULT_PHI_GUARD_MODE: PhiGuardMode = 'refuse';

/**
 * `config.phiClient` of routes whose guarded text belongs to the organization, not to one
 * client (compliance records, API token names): the default policy, refuse, applies.
 */
export const organizationText = (): null => null;

/** The body property every route with guarded fields accepts, added to its schema here. */
export const PHI_OVERRIDES = 'phiOverrides';

const OverrideSchema = Strict({
  field: Declared('identifier', { minLength: 1, maxLength: 200, description: 'The guarded field, as the refusal named it' }),
  start: Type.Integer({ minimum: 0 }),
  end: Type.Integer({ minimum: 1 }),
  type: Literals(PHI_TYPES),
  reason: Declared('phi-checked', { minLength: 3, maxLength: 300, description: 'Why the span is not PHI; itself refused when it holds PHI' }),
});

export interface PhiOverride {
  field: string;
  start: number;
  end: number;
  type: string;
  reason: string;
}

type Path = string[];
type Schema = Record<string, unknown>;

/** Paths of the guarded strings in a schema; `*` stands for every array element. */
export function guardedPaths(schema: unknown, prefix: Path = []): Path[] {
  if (!schema || typeof schema !== 'object') return [];
  const s = schema as Schema;
  if (s[PHI_GUARDED] === true) return [prefix];
  const out: Path[] = [];
  if (s.properties && typeof s.properties === 'object') for (const [k, v] of Object.entries(s.properties)) out.push(...guardedPaths(v, [...prefix, k]));
  if (s.items) out.push(...guardedPaths(s.items, [...prefix, '*']));
  for (const key of ['anyOf', 'oneOf', 'allOf']) if (Array.isArray(s[key])) for (const sub of s[key] as unknown[]) out.push(...guardedPaths(sub, prefix));
  const seen = new Set<string>();
  return out.filter((p) => !seen.has(p.join('.')) && seen.add(p.join('.')));
}

interface GuardedValue {
  field: string;
  value: string;
  set(value: string): void;
}

function collect(node: unknown, path: Path, at: string[] = []): GuardedValue[] {
  if (path.length === 0) return [];
  const [head, ...rest] = path as [string, ...string[]];
  if (head === '*') {
    if (!Array.isArray(node)) return [];
    return node.flatMap((item, i) => collectStep(node, String(i), item, rest, at));
  }
  if (!node || typeof node !== 'object' || Array.isArray(node)) return [];
  return collectStep(node as Record<string, unknown>, head, (node as Record<string, unknown>)[head], rest, at);
}

function collectStep(holder: Record<string, unknown> | unknown[], key: string, value: unknown, rest: Path, at: string[]): GuardedValue[] {
  const here = [...at, key];
  if (rest.length > 0) return collect(value, rest, here);
  if (typeof value !== 'string') return [];
  return [{ field: here.join('.'), value, set: (v) => ((holder as Record<string, unknown>)[key] = v) }];
}

/** Replaces each span by its type in brackets. */
export function redact(text: string, spans: readonly PhiSpan[]): string {
  let out = text;
  for (const s of [...spans].sort((a, b) => b.start - a.start)) out = out.slice(0, s.start) + `[${s.type}]` + out.slice(s.end);
  return out;
}

/**
 * The client's PHI-guard mode, and the client id to record in the audit trail: null for a
 * client not stored (yet) in the actor's organization, whose text is held to the default,
 * refuse. The clients module answers through the platform's client directory.
 */
async function guardPolicy(clients: ClientDirectory, ctx: ActorContext, clientId: string | null): Promise<{ mode: PhiGuardMode; clientId: string | null }> {
  if (!clientId) return { mode: DEFAULT_PHI_GUARD_MODE, clientId: null };
  const client = await clients.settings(ctx.db, clientId);
  return client ? { mode: client.phiGuardMode, clientId } : { mode: DEFAULT_PHI_GUARD_MODE, clientId: null };
}

function describe(spans: PhiGuardSpan[]): string {
  return spans.map((s) => `${s.type} at ${s.start}–${s.end} in ${s.field}`).join(', ');
}

/** Applies the guard to a validated body; returns it with overrides removed and, under redact, PHI replaced. */
export async function guardBody(
  clients: ClientDirectory,
  ctx: ActorContext,
  route: string,
  paths: Path[],
  body: Record<string, unknown>,
  clientOf: () => string | null | Promise<string | null>,
): Promise<void> {
  const overrides = (body[PHI_OVERRIDES] as PhiOverride[] | undefined) ?? [];
  delete body[PHI_OVERRIDES];
  const values = paths.flatMap((p) => collect(body, p));
  if (values.length === 0 && overrides.length === 0) return;

  const found = values.map((v) => ({ v, spans: detectPhi(v.value) }));
  const used = new Set<string>();
  overrides.forEach((o, i) => {
    const entry = found.find((f) => f.v.field === o.field);
    if (!entry) throw invalidField(`${PHI_OVERRIDES}.${i}.field`, 'names no PHI-guarded field of this request');
    const span = entry.spans.find((s) => s.start === o.start && s.end === o.end && s.type === o.type);
    if (!span) throw invalidField(`${PHI_OVERRIDES}.${i}`, `does not match PHI found in ${o.field}`);
    if (detectPhi(o.reason).length > 0) throw invalidField(`${PHI_OVERRIDES}.${i}.reason`, 'must not itself contain PHI');
    used.add(`${o.field}:${o.start}:${o.end}`);
  });

  const remaining: { v: GuardedValue; spans: PhiSpan[] }[] = [];
  const listed: PhiGuardSpan[] = [];
  for (const f of found) {
    const spans = f.spans.filter((s) => !used.has(`${f.v.field}:${s.start}:${s.end}`));
    if (spans.length === 0) continue;
    remaining.push({ v: f.v, spans });
    for (const s of spans) listed.push({ field: f.v.field, type: s.type, start: s.start, end: s.end });
  }

  if (overrides.length === 0 && listed.length === 0) return;
  // Whose policy applies is looked up only now, when there is something to apply it to.
  const { mode, clientId } = await guardPolicy(clients, ctx, await clientOf());
  for (const o of overrides) await audit(ctx, { action: 'phi_guard.overridden', clientId, fields: [o.field], details: { route, field: o.field, type: o.type, reason: o.reason } });
  if (listed.length === 0) return;
  if (mode === 'refuse') {
    await audit(ctx, { action: 'phi_guard.refused', outcome: 'failure', clientId, fields: [...new Set(listed.map((s) => s.field))], details: { route, spans: listed } });
    const fields = [...new Set(listed.map((s) => s.field))];
    throw new AppError('phi_detected', `PHI found: ${describe(listed)}. Keep identifying details in the patient record and refer to the patient by reference, or mark a span as not PHI with a reason.`, {
      field: fields[0],
      errors: fields.map((field) => ({ field, message: `contains PHI (${[...new Set(listed.filter((s) => s.field === field).map((s) => s.type))].join(', ')})` })),
      spans: listed,
    });
  }
  for (const r of remaining) r.v.set(redact(r.v.value, r.spans));
  await audit(ctx, { action: 'phi_guard.redacted', clientId, fields: [...new Set(listed.map((s) => s.field))], details: { route, spans: listed } });
}

/**
 * The client whose policy applies, only when the caller's grants for this route reach it: a
 * client (or a task of a client) the caller cannot see is held to the default, exactly as an
 * id that names nothing, so the answer never tells the two apart and the other client's
 * guard statistics never count the request.
 */
function reachableClient(ctx: ActorContext, request: FastifyRequest, clientId: string | null): string | null {
  if (!clientId) return null;
  const permission = request.routeOptions.config.permission;
  if (typeof permission !== 'object') return null;
  return can(ctx, permission.action, permission.subject, { clientId }) ? clientId : null;
}

/** Routes with guarded fields, and those fields' paths; filled at registration. */
export interface GuardedRoute {
  method: string;
  url: string;
  paths: string[];
  /** Where the guarded fields are: the JSON body, or the query string. */
  in: 'body' | 'query';
}

export const phiGuardPlugin = fp(async function phiGuard(app: FastifyInstance) {
  const guarded = new Map<string, Path[]>();
  /** Guarded query-string parameters (a document's name sent beside its bytes): refused or redacted like body fields, without overrides. */
  const guardedQuery = new Map<string, Path[]>();
  const routes: GuardedRoute[] = [];
  const missingClient: string[] = [];
  app.decorate('phiGuardedRoutes', routes);

  app.addHook('onRoute', (route) => {
    const queryPaths = guardedPaths(route.schema?.querystring);
    if (queryPaths.length > 0) {
      for (const method of Array.isArray(route.method) ? route.method : [route.method]) {
        guardedQuery.set(`${method} ${route.url}`, queryPaths);
        routes.push({ method, url: route.url, paths: queryPaths.map((p) => p.join('.')), in: 'query' });
        if (!route.config?.phiClient) missingClient.push(`${method} ${route.url}`);
      }
    }
    const body = route.schema?.body as Schema | undefined;
    const paths = guardedPaths(body);
    if (paths.length === 0 || !body) return;
    // The overrides go beside the guarded fields: in the body object, or in each alternative of a union body that has some.
    const holders = (Array.isArray(body.anyOf) ? (body.anyOf as Schema[]).filter((alt) => guardedPaths(alt).length > 0) : [body]).map((h) => h.properties as Record<string, unknown> | undefined);
    if (holders.some((props) => !props)) throw new Error(`${route.url}: PHI-guarded fields need an object body`);
    for (const props of holders) props![PHI_OVERRIDES] = Type.Optional(Type.Array(OverrideSchema, { maxItems: 50, description: 'Spans the caller judges not PHI, each with a reason (audited)' }));
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      guarded.set(`${method} ${route.url}`, paths);
      routes.push({ method, url: route.url, paths: paths.map((p) => p.join('.')), in: 'body' });
      if (!route.config?.phiClient) missingClient.push(`${method} ${route.url}`);
    }
  });

  app.addHook('onReady', async () => {
    if (missingClient.length > 0) throw new Error(`Routes with PHI-guarded fields but no config.phiClient: ${missingClient.join(', ')}`);
  });

  app.addHook('preHandler', async (request) => {
    const route = `${request.routeOptions.method} ${request.routeOptions.url}`;
    const paths = guarded.get(route);
    const queryPaths = guardedQuery.get(route);
    if (!paths && !queryPaths) return;
    if (!request.actor) throw new Error(`${route}: PHI-guarded routes need a signed-in caller`);
    const ctx = request.actor;
    const clientOf = async () => reachableClient(ctx, request, (await request.routeOptions.config.phiClient?.(request)) ?? null);
    if (queryPaths && request.query && typeof request.query === 'object') await guardBody(app.platform.clients, ctx, route, queryPaths, request.query as Record<string, unknown>, clientOf);
    if (paths && request.body && typeof request.body === 'object' && !Buffer.isBuffer(request.body)) await guardBody(app.platform.clients, ctx, route, paths, request.body as Record<string, unknown>, clientOf);
  });
});

declare module 'fastify' {
  interface FastifyInstance {
    phiGuardedRoutes: GuardedRoute[];
  }
}
