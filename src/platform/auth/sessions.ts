import type { RingfenceDatabase } from '../db/database.ts';
import { tenantDb, type TenantDb } from '../db/tenant-db.ts';
import type { User } from '../../modules/users/users.tables.ts';
import type { Session } from './auth.tables.ts';
import { appendAudit } from '../audit/append.ts';
import type { AuditSource } from '../audit/events.ts';
import { randomToken, sha256Hex } from './secrets.ts';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export interface NewSession {
  /** The secret that goes into the cookie; only its hash is stored. */
  token: string;
  csrfToken: string;
  session: Session;
}

export interface SessionMeta {
  ip: string | null;
  userAgent: string | null;
}

/** Starts a session with a fresh id (ids are never reused across sign-in stages). */
export async function createSession(tenant: TenantDb, userId: string, stage: Session['stage'], meta: SessionMeta, policy: SessionPolicy): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  const now = new Date();
  const session: Session = {
    id: sha256Hex(token),
    org_id: tenant.orgId,
    user_id: userId,
    stage,
    csrf_token: csrfToken,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    // A half-finished sign-in (password accepted, code pending) lives no longer than the idle limit.
    absolute_expires_at: new Date(now.getTime() + (stage === 'mfa' ? policy.idleMinutes * 60_000 : policy.absoluteHours * 3_600_000)).toISOString(),
    ended_at: null,
    end_reason: null,
    ip: meta.ip,
    user_agent: meta.userAgent?.slice(0, 300) ?? null,
  };
  const { org_id: _org, ...values } = session;
  await tenant.insertInto('sessions', values).execute();
  return { token, csrfToken, session };
}

/** Ends one session. */
export async function endSession(tenant: TenantDb, sessionId: string, reason: string): Promise<void> {
  await tenant.updateTable('sessions').set({ ended_at: new Date().toISOString(), end_reason: reason }).where('id', '=', sessionId).where('ended_at', 'is', null).execute();
}

/** Ends every open session of a person at once (deactivation, revocation, password change). */
export async function endUserSessions(tenant: TenantDb, userId: string, reason: string, exceptSessionId?: string): Promise<number> {
  let q = tenant.updateTable('sessions').set({ ended_at: new Date().toISOString(), end_reason: reason }).where('user_id', '=', userId).where('ended_at', 'is', null);
  if (exceptSessionId) q = q.where('id', '<>', exceptSessionId);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** When an open session lapses: the earlier of idle and absolute expiry. */
export function sessionExpiry(session: Session, policy: SessionPolicy): { at: Date; reason: 'idle' | 'absolute' } {
  const idle = new Date(Date.parse(session.last_seen_at) + policy.idleMinutes * 60_000);
  const absolute = new Date(session.absolute_expires_at);
  return idle < absolute ? { at: idle, reason: 'idle' } : { at: absolute, reason: 'absolute' };
}

export type SessionLookup =
  | { state: 'active'; session: Session; user: User }
  | { state: 'expired'; reason: 'idle' | 'absolute' }
  | { state: 'none' };

/**
 * Finds the session behind a cookie token. A lapsed session is ended and its expiry audited
 * here; a session of a deactivated person is refused. The organization is not known before
 * the lookup, so this is one of the few platform reads through the unscoped connection.
 */
export async function resolveSession(database: RingfenceDatabase, token: string, policy: SessionPolicy, requestId: string, touch: 'throttled' | 'never' | 'now' = 'throttled'): Promise<SessionLookup> {
  const session = await database.unsafeKysely.selectFrom('sessions').selectAll().where('id', '=', sha256Hex(token)).executeTakeFirst();
  if (!session || session.ended_at) return { state: 'none' };
  const tenant = tenantDb(database.unsafeKysely, database.engine, session.org_id);
  const expiry = sessionExpiry(session, policy);
  if (expiry.at.getTime() <= Date.now()) {
    await expireSession(tenant, session, expiry.reason, { actorType: 'user', actorId: session.user_id, ip: null, requestId });
    return { state: 'expired', reason: expiry.reason };
  }
  const user = await tenant.selectFrom('users').selectAll().where('id', '=', session.user_id).executeTakeFirst();
  if (!user || user.status !== 'active') {
    await endSession(tenant, session.id, 'deactivated');
    return { state: 'none' };
  }
  // Only what the person does restarts the idle timer: background requests never do. Writing
  // last_seen_at on every request would make every read a write; 15 s is far below the idle
  // limit. An explicit activity report is written at once: the console times its warning from it.
  if (touch === 'now' || (touch === 'throttled' && Date.now() - Date.parse(session.last_seen_at) > 15_000)) {
    const now = new Date().toISOString();
    await tenant.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', session.id).execute();
    session.last_seen_at = now;
  }
  return { state: 'active', session, user };
}

async function expireSession(tenant: TenantDb, session: Session, reason: 'idle' | 'absolute', source: AuditSource): Promise<void> {
  await tenant.transaction(async (tx) => {
    const res = await tx
      .updateTable('sessions')
      .set({ ended_at: new Date().toISOString(), end_reason: `expired_${reason}` })
      .where('id', '=', session.id)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    // Only the request (or sweep) that actually ended it records the event.
    if (Number(res.numUpdatedRows) === 1) {
      await appendAudit(tx, source, { action: 'auth.session.expired', resourceType: 'User', resourceId: session.user_id, details: { reason } });
    }
  });
}

/** Ends and audits every session that lapsed without another request. Runs periodically. */
export async function sweepExpiredSessions(database: RingfenceDatabase, policy: SessionPolicy): Promise<number> {
  const idleCutoff = new Date(Date.now() - policy.idleMinutes * 60_000).toISOString();
  const now = new Date().toISOString();
  const lapsed = await database.unsafeKysely
    .selectFrom('sessions')
    .selectAll()
    .where('ended_at', 'is', null)
    .where((eb) => eb.or([eb('last_seen_at', '<', idleCutoff), eb('absolute_expires_at', '<', now)]))
    .limit(1000)
    .execute();
  for (const session of lapsed) {
    const tenant = tenantDb(database.unsafeKysely, database.engine, session.org_id);
    await expireSession(tenant, session, sessionExpiry(session, policy).reason, { actorType: 'system', actorId: null, ip: null, requestId: null });
  }
  return lapsed.length;
}
