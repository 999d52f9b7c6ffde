/** Reading the audit trail: search with paging, the chain's status, counts per action. */
import { assertCan } from '../authz/guard.ts';
import type { ActorContext } from '../context.ts';
import { paginate, type PageRequest, type PageResult } from '../db/paging.ts';
import type { AuditAction } from './events.ts';

export interface AuditEventView {
  id: number;
  occurredAt: string;
  action: string;
  outcome: 'success' | 'failure';
  actorType: 'user' | 'token' | 'system';
  actorId: string | null;
  actorEmail: string | null;
  resourceType: string | null;
  resourceId: string | null;
  clientId: string | null;
  patientRef: string | null;
  fields: string[] | null;
  purpose: string | null;
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
  sealed: boolean;
}

export interface AuditQuery extends PageRequest {
  action?: string;
  actorId?: string;
  resourceId?: string;
  clientId?: string;
  patientRef?: string;
  outcome?: 'success' | 'failure';
  from?: string;
  to?: string;
}

/** Searches the organization's audit trail, newest first. */
export async function searchAuditEvents(ctx: ActorContext, query: AuditQuery): Promise<PageResult<AuditEventView>> {
  assertCan(ctx, 'read', 'AuditEvent');
  let q = ctx.db
    .selectFrom('audit_events')
    .leftJoin('users', (j) => j.onRef('users.id', '=', 'audit_events.actor_id').onRef('users.org_id', '=', 'audit_events.org_id'))
    .leftJoin('audit_chain', (j) => j.onRef('audit_chain.org_id', '=', 'audit_events.org_id').onRef('audit_chain.event_id', '=', 'audit_events.id'))
    .selectAll('audit_events')
    .select(['users.email as actor_email', 'audit_chain.position as chain_position']);
  // An action ending in '.' or a bare prefix ("auth") matches the whole family.
  if (query.action) q = query.action.includes('.') && !query.action.endsWith('.') ? q.where('audit_events.action', '=', query.action) : q.where('audit_events.action', 'like', `${query.action.replace(/\.$/, '')}.%`);
  if (query.actorId) q = q.where('audit_events.actor_id', '=', query.actorId);
  if (query.resourceId) q = q.where('audit_events.resource_id', '=', query.resourceId);
  if (query.clientId) q = q.where('audit_events.client_id', '=', query.clientId);
  if (query.patientRef) q = q.where('audit_events.patient_ref', '=', query.patientRef);
  if (query.outcome) q = q.where('audit_events.outcome', '=', query.outcome);
  if (query.from) q = q.where('audit_events.occurred_at', '>=', new Date(query.from).toISOString());
  if (query.to) q = q.where('audit_events.occurred_at', '<', new Date(query.to).toISOString());
  const page = await paginate(q.orderBy('audit_events.id', 'desc'), query);
  return {
    ...page,
    items: page.items.map((e) => ({
      id: Number(e.id),
      occurredAt: e.occurred_at,
      action: e.action,
      outcome: e.outcome,
      actorType: e.actor_type,
      actorId: e.actor_id,
      actorEmail: e.actor_email,
      resourceType: e.resource_type,
      resourceId: e.resource_id,
      clientId: e.client_id,
      patientRef: e.patient_ref,
      fields: e.fields ? (JSON.parse(e.fields) as string[]) : null,
      purpose: e.purpose,
      ip: e.ip,
      requestId: e.request_id,
      details: e.details ? (JSON.parse(e.details) as Record<string, unknown>) : {},
      sealed: e.chain_position !== null,
    })),
  };
}

/** The chain head and how many events wait to be sealed. */
export async function auditChainStatus(ctx: ActorContext): Promise<{ position: number; headHash: string | null; unsealed: number }> {
  assertCan(ctx, 'read', 'AuditEvent');
  const head = await ctx.db.selectFrom('audit_chain_heads').select(['position', 'hash']).executeTakeFirst();
  const events = await ctx.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const position = Number(head?.position ?? 0);
  return { position, headHash: head?.hash ?? null, unsealed: Math.max(0, Number(events.n) - position) };
}

/** How many events of each of these actions concern a client, and when the last of each was. */
export async function actionCounts(ctx: ActorContext, clientId: string, actions: readonly AuditAction[]): Promise<Map<string, { count: number; last: string | null }>> {
  const rows = await ctx.db
    .selectFrom('audit_events')
    .select(['action', (eb) => eb.fn.countAll<number | string>().as('n'), (eb) => eb.fn.max('occurred_at').as('last')])
    .where('client_id', '=', clientId)
    .where('action', 'in', [...actions])
    .groupBy('action')
    .execute();
  return new Map(rows.map((r) => [r.action, { count: Number(r.n), last: r.last ? new Date(r.last as string).toISOString() : null }]));
}
