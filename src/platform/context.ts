import type { AppAbility } from './authz/ability.ts';
import { appendAudit } from './audit/append.ts';
import type { AuditAction, AuditEventInput, AuditSource } from './audit/events.ts';
import type { KeyRing } from './crypto/keyring.ts';
import type { TenantDb } from './db/tenant-db.ts';

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
  keyring: KeyRing;
  source: AuditSource;
}

/** The acting user's id, or null for a token or the system. */
export function actorUserId(ctx: ActorContext): string | null {
  return ctx.actor.type === 'user' ? ctx.actor.userId : null;
}

/** Runs fn in one transaction; the context it receives writes through that transaction only. */
export function inTransaction<R>(ctx: ActorContext, fn: (tx: ActorContext) => Promise<R>): Promise<R> {
  return ctx.db.transaction((db) => fn({ ...ctx, db }));
}

/** Appends an audit event as this actor, in the context's transaction. */
export function audit<A extends AuditAction>(ctx: ActorContext, event: AuditEventInput<A>): Promise<number> {
  return appendAudit(ctx.db, ctx.source, event);
}
