import { randomUUID } from 'node:crypto';
import { assertCan, rowScope } from '../../platform/authz/guard.ts';
import { actionCounts } from '../../platform/audit/search.ts';
import { audit, inTransaction, type ActorContext } from '../../platform/context.ts';
import { paginate, parseSort, type PageRequest, type PageResult } from '../../platform/db/paging.ts';
import type { Client } from './clients.tables.ts';
import type { ClientInput, ClientView, PhiGuardStats } from './clients.schemas.ts';
import { AppError, invalidField, notFound } from '../../platform/http/errors.ts';
import type { TenantDb } from '../../platform/db/tenant-db.ts';
import type { ClientDirectory, ClientSettings } from '../../platform/ports.ts';
import { addDefaultQueue } from '../tasks/index.ts';
import { parsePolicy, policyProblem, type CallbackPolicy } from '../tasks/index.ts';

function present(c: Client): ClientView {
  return {
    id: c.id,
    name: c.name,
    timeZone: c.time_zone,
    status: c.status,
    phiGuardMode: c.phi_guard_mode,
    voicemailScript: c.voicemail_script,
    callbackPolicy: parsePolicy(c.callback_policy),
    callbackPolicySet: c.callback_policy !== null,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  };
}

/** True for an IANA time zone name this runtime knows (America/Chicago). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function assertPolicy(policy: CallbackPolicy | undefined): void {
  const problem = policy && policyProblem(policy);
  if (problem) throw invalidField(`callbackPolicy.${problem.field}`, problem.message);
}

/**
 * A client's settings for other modules and the platform (status, name, time zone, callback
 * policy, PHI-guard mode): no grant check, callers decide what the caller may see. Null when
 * the tenant has no such client.
 */
export async function clientSettings(db: TenantDb, clientId: string): Promise<ClientSettings | null> {
  const c = await db.selectFrom('clients').select(['id', 'name', 'status', 'time_zone', 'callback_policy', 'phi_guard_mode']).where('id', '=', clientId).executeTakeFirst();
  return c ? { id: c.id, name: c.name, status: c.status, timeZone: c.time_zone, callbackPolicy: c.callback_policy, phiGuardMode: c.phi_guard_mode } : null;
}

/** Every client of the tenant, by name (ids, names and time zones). */
export function clientList(db: TenantDb, options: { activeOnly?: boolean } = {}): Promise<{ id: string; name: string; timeZone: string }[]> {
  let q = db.selectFrom('clients').select(['id', 'name', 'time_zone as timeZone']).orderBy('name');
  if (options.activeOnly) q = q.where('status', '=', 'active');
  return q.execute();
}

/** Which of these ids are clients of the tenant. */
export async function existingClientIds(db: TenantDb, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('clients').select('id').where('id', 'in', [...ids]).execute();
  return new Set(rows.map((r) => r.id));
}

/** The clients module's answer to the platform's questions about clients. */
export const clientDirectory: ClientDirectory = { settings: clientSettings, list: (tenant) => clientList(tenant) };

function scoped(ctx: ActorContext, action: 'read' | 'update') {
  return ctx.db.selectFrom('clients').where(rowScope(ctx, action, 'Client', { clientId: 'clients.id' }));
}

const SORTS = { name: 'clients.name', createdAt: 'clients.created_at', status: 'clients.status' } as const;

/** The clients the actor may see: all for organization-wide roles, their assigned ones otherwise. */
export async function listClients(ctx: ActorContext, query: PageRequest & { status?: 'active' | 'inactive'; sort?: string }): Promise<PageResult<ClientView>> {
  assertCan(ctx, 'read', 'Client');
  let q = scoped(ctx, 'read').selectAll('clients');
  if (query.status) q = q.where('clients.status', '=', query.status);
  const sort = parseSort(query.sort, SORTS, 'clients.name');
  const page = await paginate(q.orderBy(sort.column, sort.direction).orderBy('clients.id'), query);
  return { ...page, items: page.items.map(present) };
}

/** One client, if the actor may see it (404 otherwise, whether or not it exists). */
export async function getClient(ctx: ActorContext, id: string): Promise<ClientView> {
  assertCan(ctx, 'read', 'Client');
  const client = await scoped(ctx, 'read').selectAll('clients').where('clients.id', '=', id).executeTakeFirst();
  if (!client) throw notFound('Client');
  return present(client);
}

async function assertNameFree(ctx: ActorContext, name: string, exceptId: string | null): Promise<void> {
  let q = ctx.db.selectFrom('clients').select('id').where('name', '=', name);
  if (exceptId) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst()) throw new AppError('conflict', 'A client with this name already exists.', { field: 'name' });
}

/** Adds a client. */
export async function createClient(ctx: ActorContext, input: ClientInput & { name: string; timeZone: string }): Promise<ClientView> {
  assertCan(ctx, 'create', 'Client');
  if (!isTimeZone(input.timeZone)) throw invalidField('timeZone', 'is not a known time zone (for example America/Chicago)');
  assertPolicy(input.callbackPolicy);
  const id = randomUUID();
  const name = input.name.trim();
  await inTransaction(ctx, async (tx) => {
    await assertNameFree(tx, name, null);
    const now = new Date().toISOString();
    await tx.db
      .insertInto('clients', {
        id,
        name,
        time_zone: input.timeZone,
        status: 'active',
        phi_guard_mode: input.phiGuardMode ?? 'refuse',
        voicemail_script: input.voicemailScript?.trim() || null,
        callback_policy: input.callbackPolicy ? JSON.stringify(input.callbackPolicy) : null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await audit(tx, { action: 'client.created', resourceType: 'Client', resourceId: id, clientId: id, details: { name } });
    await addDefaultQueue(tx, id);
  });
  return getClient(ctx, id);
}

/** Renames a client, changes its time zone, or deactivates it (its assignments then grant nothing). */
export async function updateClient(ctx: ActorContext, id: string, input: ClientInput): Promise<ClientView> {
  assertCan(ctx, 'update', 'Client');
  if (input.timeZone !== undefined && !isTimeZone(input.timeZone)) throw invalidField('timeZone', 'is not a known time zone (for example America/Chicago)');
  assertPolicy(input.callbackPolicy);
  await inTransaction(ctx, async (tx) => {
    const client = await scoped(tx, 'update').selectAll('clients').where('clients.id', '=', id).executeTakeFirst();
    if (!client) throw notFound('Client');
    const changes: Partial<Pick<Client, 'name' | 'time_zone' | 'status' | 'phi_guard_mode' | 'voicemail_script' | 'callback_policy'>> = {};
    if (input.name !== undefined && input.name.trim() !== client.name) {
      await assertNameFree(tx, input.name.trim(), id);
      changes.name = input.name.trim();
    }
    if (input.timeZone !== undefined && input.timeZone !== client.time_zone) changes.time_zone = input.timeZone;
    if (input.status !== undefined && input.status !== client.status) changes.status = input.status;
    if (input.phiGuardMode !== undefined && input.phiGuardMode !== client.phi_guard_mode) changes.phi_guard_mode = input.phiGuardMode;
    if (input.voicemailScript !== undefined) {
      const script = input.voicemailScript?.trim() || null;
      if (script !== client.voicemail_script) changes.voicemail_script = script;
    }
    if (input.callbackPolicy !== undefined && JSON.stringify(input.callbackPolicy) !== JSON.stringify(parsePolicy(client.callback_policy))) {
      changes.callback_policy = JSON.stringify(input.callbackPolicy);
    }
    const names: Record<string, string> = { time_zone: 'timeZone', phi_guard_mode: 'phiGuardMode', voicemail_script: 'voicemailScript', callback_policy: 'callbackPolicy' };
    const changed = Object.keys(changes).map((k) => names[k] ?? k);
    if (changed.length === 0) return;
    await tx.db.updateTable('clients').set({ ...changes, updated_at: new Date().toISOString() }).where('id', '=', id).execute();
    await audit(tx, { action: 'client.updated', resourceType: 'Client', resourceId: id, clientId: id, details: { changed } });
  });
  return getClient(ctx, id);
}

/** How often the PHI guard refused, redacted and was overridden for a client (from the audit trail). */
export async function phiGuardStats(ctx: ActorContext, clientId: string): Promise<PhiGuardStats> {
  assertCan(ctx, 'read', 'AuditEvent');
  const client = await clientSettings(ctx.db, clientId);
  if (!client) throw notFound('Client');
  const counts = await actionCounts(ctx, clientId, ['phi_guard.refused', 'phi_guard.redacted', 'phi_guard.overridden']);
  const count = (action: string) => counts.get(action)?.count ?? 0;
  return {
    mode: client.phiGuardMode,
    refused: count('phi_guard.refused'),
    redacted: count('phi_guard.redacted'),
    overridden: count('phi_guard.overridden'),
    lastOverrideAt: counts.get('phi_guard.overridden')?.last ?? null,
  };
}
