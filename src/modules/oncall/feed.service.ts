/**
 * Each provider's personal calendar feed of their shifts: iCalendar behind a token in the URL
 * (calendar programs cannot sign in), revocable, shift times and client names only. The token
 * is shown once; only its hash is kept. A new token revokes the old one.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { actorUserId, audit, inTransaction, type ActorContext } from '../../platform/context.ts';
import type { RingfenceDatabase } from '../../platform/db/database.ts';
import { tenantDb } from '../../platform/db/tenant-db.ts';
import { AppError } from '../../platform/http/errors.ts';
import { clientList } from '../clients/index.ts';
import { shiftsCalendar } from './calendar-feed.ts';
import { timeline } from './schedule.ts';
import { versionAt } from './schedules.service.ts';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
const DAY = 86_400_000;

function me(ctx: ActorContext): string {
  const id = actorUserId(ctx);
  if (!id) throw new AppError('forbidden', 'Only a signed-in person has a calendar feed.');
  return id;
}

export async function feedStatus(ctx: ActorContext): Promise<{ active: boolean; createdAt: string | null }> {
  const row = await ctx.db.selectFrom('oncall_feed_tokens').select('created_at').where('user_id', '=', me(ctx)).where('revoked_at', 'is', null).executeTakeFirst();
  return { active: Boolean(row), createdAt: row ? new Date(row.created_at).toISOString() : null };
}

/** Issues a new feed address (revoking any earlier one); the address is shown this once. */
export async function issueFeed(ctx: ActorContext, publicUrl: string): Promise<{ url: string; createdAt: string }> {
  const userId = me(ctx);
  const token = `${ctx.orgId}.${randomBytes(24).toString('base64url')}`;
  const now = new Date().toISOString();
  await inTransaction(ctx, async (tx) => {
    await tx.db.updateTable('oncall_feed_tokens').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
    await tx.db.insertInto('oncall_feed_tokens', { id: randomUUID(), user_id: userId, token_hash: hash(token), created_at: now, revoked_at: null }).execute();
    await audit(tx, { action: 'oncall.feed_token_issued', resourceType: 'User', resourceId: userId, details: {} });
  });
  return { url: `${publicUrl}/api/calendar/${token}.ics`, createdAt: now };
}

export async function revokeFeed(ctx: ActorContext): Promise<void> {
  const userId = me(ctx);
  await inTransaction(ctx, async (tx) => {
    const res = await tx.db.updateTable('oncall_feed_tokens').set({ revoked_at: new Date().toISOString() }).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
    if (Number(res.numUpdatedRows) > 0) await audit(tx, { action: 'oncall.feed_token_revoked', resourceType: 'User', resourceId: userId, details: {} });
  });
}

/** The feed behind a token: the person's shifts from 14 days back to 60 ahead, as every client's current schedule resolves them (overrides included); null for an unknown or revoked token. */
export async function feedCalendar(database: RingfenceDatabase, token: string, now = new Date()): Promise<string | null> {
  const orgId = token.split('.')[0] ?? '';
  if (!/^[0-9a-f-]{36}$/.test(orgId)) return null;
  const tenant = tenantDb(database.unsafeKysely, database.engine, orgId);
  const row = await tenant.selectFrom('oncall_feed_tokens').select(['user_id', 'revoked_at']).where('token_hash', '=', hash(token)).executeTakeFirst();
  if (!row || row.revoked_at !== null) return null;
  const from = new Date(now.getTime() - 14 * DAY);
  const to = new Date(now.getTime() + 60 * DAY);
  const shifts: Parameters<typeof shiftsCalendar>[0]['shifts'] = [];
  for (const client of await clientList(tenant, { activeOnly: true })) {
    const doc = (await versionAt(tenant, client.id, now)).document;
    for (const c of timeline(doc, client.timeZone, from, to)) {
      const role = c.primary === row.user_id ? 'primary' : c.backups.includes(row.user_id) ? 'backup' : null;
      if (!role) continue;
      const rotationName = c.source.kind === 'rule' ? c.source.rotationName : null;
      shifts.push({ uid: `${c.source.kind === 'rule' ? c.source.shiftId : c.source.overrideId}-${c.start.getTime()}@ringfence`, start: c.start, end: c.end, clientName: client.name, role, rotationName });
    }
  }
  return shiftsCalendar({ calendarName: 'On call (Ringfence)', shifts });
}
