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
  /** For a request, gated: PHI under a client's key passes the compliance gate first. */
  keyring: KeyRing;
  source: AuditSource;
  /**
   * The compliance gate of a request's actor (BAA of the client, the person's training);
   * absent for the system. The key ring applies it to stored PHI; PHI that arrives from
   * elsewhere (a practice system) is checked with `assertPhiAccess`.
   */
  phiGate?: PhiGate;
}

/** Refuses (throws) when PHI of this client may not be handled now. */
export type PhiGate = (tenant: TenantDb, clientId: string) => Promise<void>;

/** Refuses unless the actor may handle PHI of this client now (see src/platform/compliance/phi-gate.ts). */
export async function assertPhiAccess(ctx: ActorContext, clientId: string): Promise<void> {
  await ctx.phiGate?.(ctx.db, clientId);
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
