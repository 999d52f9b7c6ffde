/**
 * Providers' contact points: a work e-mail address, a mobile number for SMS, a webhook of the
 * service's own paging system, in the order pages try them. A contact point carries pages only
 * once verified: a code is sent through it and typed back, so a mistyped number never swallows
 * a page at 2 a.m. Addresses are staff contact details, never PHI.
 */
import { createHash, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { isLoopbackHost } from '../../config.ts';
import { can } from '../../platform/authz/guard.ts';
import { actorUserId, audit, inTransaction, type ActorContext } from '../../platform/context.ts';
import type { TenantDb } from '../../platform/db/tenant-db.ts';
import { AppError, invalidField, notFound } from '../../platform/http/errors.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { queueNotification, usableChannelKinds } from '../notifications/index.ts';
import { activeUserIds } from '../users/index.ts';
import type { ContactKind, ContactPointRow } from './oncall.tables.ts';
import { isoTimeOrNull as iso } from '../../platform/db/timestamps.ts';

/** A verification code lasts this long, and this many wrong tries void it. */
const CODE_MINUTES = 30;
const CODE_TRIES = 5;
const MAX_CONTACTS = 6;

export interface ContactPointView {
  id: string;
  kind: ContactKind;
  address: string;
  position: number;
  verified: boolean;
  verifiedAt: string | null;
  /** A code was sent and is waiting to be typed back. */
  codePending: boolean;
  createdAt: string;
}


function present(r: ContactPointRow, now = Date.now()): ContactPointView {
  return {
    id: r.id,
    kind: r.kind,
    address: r.address,
    position: Number(r.position),
    verified: r.verified_at !== null,
    verifiedAt: iso(r.verified_at),
    codePending: r.code_hash !== null && r.code_expires_at !== null && Date.parse(iso(r.code_expires_at)!) > now,
    createdAt: iso(r.created_at)!,
  };
}

/**
 * Contact points are the person's own, or an administrator's to keep for them (a grant on
 * on-call for the whole organization); supervisors see them on the client's providers list.
 * Anyone else: not found. Reading asks for a sight of the person (people of the organization).
 */
async function assertMayManage(ctx: ActorContext, userId: string, action: 'read' | 'update' = 'update'): Promise<void> {
  const allowed = action === 'update' ? can(ctx, 'update', 'OnCall', { userId }) : actorUserId(ctx) === userId || can(ctx, 'read', 'User', { userId });
  if (!allowed) throw notFound('Person');
  if ((await activeUserIds(ctx.db, [userId])).length === 0) throw notFound('Person');
}

/** An address in its canonical form for its kind, or a refusal naming the field. */
export function cleanAddress(kind: ContactKind, address: string): string {
  const a = address.trim();
  if (kind === 'email') {
    if (!/^[^\s@]{1,64}@[^\s@]{1,253}\.[^\s@]{2,}$/.test(a)) throw invalidField('address', 'must be an e-mail address such as dr.lee@example.org.');
    return a.toLowerCase();
  }
  if (kind === 'sms') {
    const phone = parsePhoneNumberFromString(a, 'US');
    if (!phone || !phone.isPossible() || phone.getType() === 'FIXED_LINE') throw invalidField('address', 'must be a mobile number, such as +1 555 555 0123, that can receive text messages.');
    return phone.number;
  }
  let url: URL;
  try {
    url = new URL(a);
  } catch {
    throw invalidField('address', 'must be a web address such as https://paging.example.org/hooks/ringfence.');
  }
  if (url.username || url.password) throw invalidField('address', 'must not carry a user name or password; the webhook is signed instead.');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) throw invalidField('address', 'must use https, so pages are encrypted on their way.');
  return url.toString();
}

export async function listContacts(ctx: ActorContext, userId: string): Promise<ContactPointView[]> {
  await assertMayManage(ctx, userId, 'read');
  const rows = await ctx.db.selectFrom('oncall_contact_points').selectAll().where('user_id', '=', userId).orderBy('position').execute();
  return rows.map((r) => present(r));
}

const hashCode = (contactId: string, code: string) => createHash('sha256').update(`${contactId}:${code}`).digest('hex');

/** Sends a new verification code through the contact point's channel, in the caller's transaction. */
async function sendCode(tx: ActorContext, jobs: Jobs, row: Pick<ContactPointRow, 'id' | 'kind' | 'address'>): Promise<boolean> {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expires = new Date(Date.now() + CODE_MINUTES * 60_000).toISOString();
  await tx.db.updateTable('oncall_contact_points').set({ code_hash: hashCode(row.id, code), code_expires_at: expires, code_attempts: 0 }).where('id', '=', row.id).execute();
  const queued = await queueNotification(tx, jobs, { channel: row.kind, to: { address: row.address }, template: 'contact.verify', params: { code } });
  return queued !== null;
}

/** Adds a contact point at the end of the person's list and sends it a verification code. */
export async function addContact(ctx: ActorContext, jobs: Jobs, userId: string, input: { kind: ContactKind; address: string }): Promise<ContactPointView & { codeSent: boolean }> {
  await assertMayManage(ctx, userId);
  const address = cleanAddress(input.kind, input.address);
  const id = randomUUID();
  let codeSent = false;
  await inTransaction(ctx, async (tx) => {
    const existing = await tx.db.selectFrom('oncall_contact_points').select(['kind', 'address', 'position']).where('user_id', '=', userId).execute();
    if (existing.length >= MAX_CONTACTS) throw new AppError('conflict', `A person has at most ${MAX_CONTACTS} contact points; remove one first.`, { field: 'address' });
    if (existing.some((e) => e.kind === input.kind && e.address === address)) throw new AppError('conflict', 'This contact point is on the list already.', { field: 'address' });
    const position = existing.reduce((max, e) => Math.max(max, Number(e.position) + 1), 0);
    await tx.db.insertInto('oncall_contact_points', { id, user_id: userId, kind: input.kind, address, position, verified_at: null, code_hash: null, code_expires_at: null, code_attempts: 0, created_at: new Date().toISOString() }).execute();
    codeSent = await sendCode(tx, jobs, { id, kind: input.kind, address });
    await audit(tx, { action: 'oncall.contact_added', resourceType: 'User', resourceId: userId, details: { kind: input.kind } });
  });
  const row = await ctx.db.selectFrom('oncall_contact_points').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return { ...present(row), codeSent };
}

async function findContact(ctx: ActorContext, userId: string, contactId: string): Promise<ContactPointRow> {
  const row = await ctx.db.selectFrom('oncall_contact_points').selectAll().where('id', '=', contactId).where('user_id', '=', userId).executeTakeFirst();
  if (!row) throw notFound('Contact point');
  return row;
}

/** Sends a fresh code (the last one expired, or never arrived). */
export async function resendCode(ctx: ActorContext, jobs: Jobs, userId: string, contactId: string): Promise<{ codeSent: boolean }> {
  await assertMayManage(ctx, userId);
  const row = await findContact(ctx, userId, contactId);
  const codeSent = await inTransaction(ctx, (tx) => sendCode(tx, jobs, row));
  if (!codeSent) throw new AppError('conflict', `No ${row.kind === 'sms' ? 'SMS' : row.kind === 'email' ? 'e-mail' : 'webhook'} channel is enabled, so no code can be sent; an administrator sets one up under Notifications.`, { field: 'kind' });
  return { codeSent };
}

/** Checks a code typed back: a match verifies the contact point; wrong codes are counted and a fifth voids it. */
export async function verifyContact(ctx: ActorContext, userId: string, contactId: string, code: string): Promise<ContactPointView> {
  await assertMayManage(ctx, userId);
  const outcome = await inTransaction(ctx, async (tx) => {
    const row = await findContact(tx, userId, contactId);
    if (row.verified_at !== null) return 'verified' as const;
    const live = row.code_hash !== null && row.code_expires_at !== null && Date.parse(iso(row.code_expires_at)!) > Date.now() && Number(row.code_attempts) < CODE_TRIES;
    const given = Buffer.from(hashCode(row.id, code.trim()));
    const match = live && timingSafeEqual(given, Buffer.from(row.code_hash!));
    const result = !live ? ('expired' as const) : match ? ('verified' as const) : ('wrong_code' as const);
    if (result === 'verified') {
      await tx.db.updateTable('oncall_contact_points').set({ verified_at: new Date().toISOString(), code_hash: null, code_expires_at: null, code_attempts: 0 }).where('id', '=', row.id).execute();
    } else if (result === 'wrong_code') {
      await tx.db.updateTable('oncall_contact_points').set((eb) => ({ code_attempts: eb('code_attempts', '+', 1) })).where('id', '=', row.id).execute();
    }
    await audit(tx, { action: 'oncall.contact_verified', outcome: result === 'verified' ? 'success' : 'failure', resourceType: 'User', resourceId: userId, details: { kind: row.kind, outcome: result } });
    return result;
  });
  if (outcome === 'expired') throw new AppError('conflict', 'This code has expired or was tried too often; send a new one.', { field: 'code' });
  if (outcome === 'wrong_code') throw invalidField('code', 'does not match the code sent; check it and try again.');
  return present(await findContact(ctx, userId, contactId));
}

export async function removeContact(ctx: ActorContext, userId: string, contactId: string): Promise<void> {
  await assertMayManage(ctx, userId);
  await inTransaction(ctx, async (tx) => {
    const row = await findContact(tx, userId, contactId);
    await tx.db.deleteFrom('oncall_contact_points').where('id', '=', row.id).execute();
    await audit(tx, { action: 'oncall.contact_removed', resourceType: 'User', resourceId: userId, details: { kind: row.kind } });
  });
}

/** Puts the person's contact points in the order pages try them: every one, each once. */
export async function orderContacts(ctx: ActorContext, userId: string, ids: string[]): Promise<ContactPointView[]> {
  await assertMayManage(ctx, userId);
  await inTransaction(ctx, async (tx) => {
    const rows = await tx.db.selectFrom('oncall_contact_points').select('id').where('user_id', '=', userId).execute();
    const known = new Set(rows.map((r) => r.id));
    if (ids.length !== known.size || ids.some((id) => !known.has(id)) || new Set(ids).size !== ids.length) throw invalidField('ids', 'must list each of the contact points once.');
    for (const [position, id] of ids.entries()) await tx.db.updateTable('oncall_contact_points').set({ position }).where('id', '=', id).execute();
    await audit(tx, { action: 'oncall.contacts_ordered', resourceType: 'User', resourceId: userId, details: { count: ids.length } });
  });
  return listContacts(ctx, userId);
}

/** A person's verified contact points a page for this client may go through now, in their order. */
export async function usableContacts(tenant: TenantDb, userIds: readonly string[], clientId: string): Promise<Map<string, { kind: ContactKind; address: string }[]>> {
  const out = new Map<string, { kind: ContactKind; address: string }[]>();
  if (userIds.length === 0) return out;
  const kinds = await usableChannelKinds(tenant, clientId);
  const rows = await tenant
    .selectFrom('oncall_contact_points')
    .select(['user_id', 'kind', 'address'])
    .where('user_id', 'in', [...userIds])
    .where('verified_at', 'is not', null)
    .orderBy('user_id')
    .orderBy('position')
    .execute();
  for (const r of rows) {
    if (!kinds.has(r.kind)) continue;
    out.set(r.user_id, [...(out.get(r.user_id) ?? []), { kind: r.kind, address: r.address }]);
  }
  return out;
}
