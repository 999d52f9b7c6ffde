import type { AppAbility } from './authz/ability.ts';
import { appendAudit } from './audit/append.ts';
import type { AuditAction, AuditEventInput, AuditSource } from './audit/events.ts';
import type { ClientKeys, PhiGate } from './crypto/keyring.ts';
import type { TenantDb } from './db/tenant-db.ts';
import { PendingEvents, type DomainEvent, type DomainEventType, type EventSink } from './events/domain-events.ts';

export type { PhiGate } from './crypto/keyring.ts';

export type Actor =
  | { type: 'user'; userId: string; email: string; displayName: string; sessionId: string | null }
  | { type: 'token'; tokenId: string; name: string }
  | { type: 'system'; label: string };

/**
 * Everything a service needs about the caller, built once per request by the platform and
 * passed explicitly: the tenant-scoped database, the ability, the audit source and the keys.
 */
export interface ActorContext {
  orgId: string;
  actor: Actor;
  ability: AppAbility;
  db: TenantDb;
  /** For a request, gated: every use of a client's key passes the compliance gate first. */
  keyring: ClientKeys;
  source: AuditSource;
  /**
   * The compliance gate of a request's actor (BAA of the client, the person's training);
   * absent for the system. The client keys apply it to stored PHI; PHI that arrives from
   * elsewhere (a practice system) is checked with `assertPhiAccess`.
   */
  phiGate?: PhiGate;
  /** Where this actor's domain events go; inside `inTransaction`, held until the commit. Publish with `publish`. */
  events: EventSink;
}

/** Refuses unless the actor may handle PHI of this client now (see src/platform/crypto/phi-gate.ts). */
export async function assertPhiAccess(ctx: ActorContext, clientId: string): Promise<void> {
  await ctx.phiGate?.(ctx.db, clientId);
}

/** The acting user's id, or null for a token or the system. */
export function actorUserId(ctx: ActorContext): string | null {
  return ctx.actor.type === 'user' ? ctx.actor.userId : null;
}

/**
 * Runs fn in one transaction; the context it receives writes through that transaction only.
 * Events it publishes are delivered after the outermost transaction commits, and dropped when
 * it rolls back. Inside a transaction already, fn joins it (and its events wait with it).
 */
export async function inTransaction<R>(ctx: ActorContext, fn: (tx: ActorContext) => Promise<R>): Promise<R> {
  if (ctx.db.isTransaction) return fn(ctx);
  const pending = new PendingEvents(ctx.events);
  const result = await ctx.db.transaction((db) => fn({ ...ctx, db, events: pending }));
  pending.flush();
  return result;
}

/**
 * Publishes a domain event as this actor: at once outside a transaction, after the commit
 * inside one. Events carry ids and statuses, never PHI.
 */
export function publish<T extends DomainEventType>(ctx: Pick<ActorContext, 'events'>, type: T, event: DomainEvent<T>): void {
  ctx.events.publish(type, event);
}

/** Appends an audit event as this actor, in the context's transaction. */
export function audit<A extends AuditAction>(ctx: ActorContext, event: AuditEventInput<A>): Promise<number> {
  return appendAudit(ctx.db, ctx.source, event);
}
