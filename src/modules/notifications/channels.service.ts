/**
 * Setting up an organization's notification channels (e-mail now): which vendor relays the
 * messages, its settings and credentials (encrypted), and whether it is enabled. Enabling runs
 * the vendor gate; so does every send. Each change is an audit event naming what changed,
 * never a credential.
 */
import { randomUUID } from 'node:crypto';
import { assertCan } from '../../platform/authz/guard.ts';
import { assertVendorMayCarryPhi } from '../compliance/index.ts';
import { actorUserId, audit, inTransaction, type ActorContext } from '../../platform/context.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { AppError, invalidField, notFound } from '../../platform/http/errors.ts';
import { vendorSummaries } from '../compliance/index.ts';
import type { EmailSettings, SmtpCredentials } from './email-channel.ts';
import { attemptDelivery, credentialLocation, recordNotification } from './notifications.service.ts';
import type { ChannelKind, NotificationChannelRow } from './notifications.tables.ts';

/** A channel as shown to administrators: its settings, never its credentials. */
export interface ChannelView {
  id: string;
  kind: ChannelKind;
  vendor: { id: string; name: string };
  host: string;
  port: number;
  secure: boolean;
  fromAddress: string;
  hasCredentials: boolean;
  enabled: boolean;
  /** Whether the vendor gate lets messages through today, and if not, why. */
  gate: { open: boolean; reason: string | null };
  createdAt: string;
  updatedAt: string;
}

export interface EmailChannelInput {
  vendorId?: string;
  host?: string;
  port?: number;
  secure?: boolean;
  fromAddress?: string;
  /** New credentials; null removes them; absent keeps them. */
  credentials?: SmtpCredentials | null;
}

async function present(ctx: ActorContext, rows: NotificationChannelRow[]): Promise<ChannelView[]> {
  const vendors = new Map((await vendorSummaries(ctx.db, [...new Set(rows.map((r) => r.vendor_id))])).map((v) => [v.id, v]));
  return Promise.all(
    rows.map(async (r) => {
      const settings = JSON.parse(r.settings) as EmailSettings;
      let gate: ChannelView['gate'] = { open: true, reason: null };
      try {
        await assertVendorMayCarryPhi(ctx.db, r.vendor_id);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        gate = { open: false, reason: err.detail };
      }
      return {
        id: r.id,
        kind: r.kind,
        vendor: { id: r.vendor_id, name: vendors.get(r.vendor_id)?.name ?? '' },
        host: settings.host,
        port: settings.port,
        secure: settings.secure,
        fromAddress: settings.fromAddress,
        hasCredentials: r.credentials_enc !== null,
        enabled: r.status === 'enabled',
        gate,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      };
    }),
  );
}

async function findChannel(ctx: ActorContext, id: string): Promise<NotificationChannelRow> {
  const row = await ctx.db.selectFrom('notification_channels').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Notification channel');
  return row;
}

/** The organization's channels. */
export async function listChannels(ctx: ActorContext): Promise<ChannelView[]> {
  assertCan(ctx, 'read', 'Organization');
  return present(ctx, await ctx.db.selectFrom('notification_channels').selectAll().orderBy('kind').execute());
}

export async function getChannel(ctx: ActorContext, id: string): Promise<ChannelView> {
  assertCan(ctx, 'read', 'Organization');
  return (await present(ctx, [await findChannel(ctx, id)]))[0]!;
}

/** The vendors a channel of this kind may go through: those recorded as providing the service. */
export async function channelVendors(ctx: ActorContext, kind: ChannelKind): Promise<{ id: string; name: string; status: 'active' | 'inactive'; handlesPhi: boolean }[]> {
  assertCan(ctx, 'read', 'Organization');
  const service = kind === 'webhook' ? 'other' : kind;
  return (await vendorSummaries(ctx.db)).filter((v) => v.services.includes(service)).map(({ id, name, status, handlesPhi }) => ({ id, name, status, handlesPhi }));
}

/** The vendor must exist and be recorded as providing e-mail. */
async function assertEmailVendor(ctx: ActorContext, vendorId: string): Promise<void> {
  const [vendor] = await vendorSummaries(ctx.db, [vendorId]);
  if (!vendor) throw new AppError('not_found', 'Vendor not found.', { field: 'vendorId', errors: [{ field: 'vendorId', message: 'is not a vendor of this organization' }] });
  if (!vendor.services.includes('email')) throw invalidField('vendorId', `${vendor.name} is not recorded as providing e-mail; add the e-mail service to the vendor under Compliance first`);
}

/** Host names and addresses only: no scheme, path or credentials in the host. */
function cleanHost(host: string): string {
  const h = host.trim().toLowerCase();
  if (!/^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/.test(h) && !/^[0-9a-f:]{2,39}$/.test(h)) throw invalidField('host', 'must be a host name such as smtp.example.com, without a scheme or port');
  return h;
}

function cleanCredentials(credentials: SmtpCredentials | null): SmtpCredentials | null {
  if (credentials === null) return null;
  if (!credentials.username.trim()) throw invalidField('credentials.username', 'must not be blank');
  return { username: credentials.username.trim(), password: credentials.password };
}

/** Creates the organization's e-mail channel, disabled until an administrator enables it. */
export async function createEmailChannel(ctx: ActorContext, input: Required<Omit<EmailChannelInput, 'credentials'>> & Pick<EmailChannelInput, 'credentials'>): Promise<ChannelView> {
  assertCan(ctx, 'update', 'Organization');
  await assertEmailVendor(ctx, input.vendorId);
  const settings: EmailSettings = { host: cleanHost(input.host), port: input.port, secure: input.secure, fromAddress: input.fromAddress };
  const credentials = cleanCredentials(input.credentials ?? null);
  const id = randomUUID();
  const now = new Date().toISOString();
  try {
    await inTransaction(ctx, async (tx) => {
      const credentialsEnc = credentials ? await tx.keyring.encryptField(tx.db, credentialLocation(id), JSON.stringify(credentials)) : null;
      await tx.db
        .insertInto('notification_channels', { id, kind: 'email', vendor_id: input.vendorId, settings: JSON.stringify(settings), credentials_enc: credentialsEnc, status: 'disabled', created_by: actorUserId(tx), created_at: now, updated_at: now })
        .execute();
      await audit(tx, { action: 'notification_channel.created', resourceType: 'NotificationChannel', resourceId: id, details: { kind: 'email', vendorId: input.vendorId, host: settings.host } });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('conflict', 'This organization already has an e-mail channel; change it instead.', { field: 'kind' });
    throw err;
  }
  return getChannel(ctx, id);
}

/** Changes an e-mail channel's settings; an enabled channel moved to another vendor passes the gate first. */
export async function updateEmailChannel(ctx: ActorContext, id: string, input: EmailChannelInput): Promise<ChannelView> {
  assertCan(ctx, 'update', 'Organization');
  await inTransaction(ctx, async (tx) => {
    const row = await findChannel(tx, id);
    const settings = JSON.parse(row.settings) as EmailSettings;
    const next: EmailSettings = {
      host: input.host !== undefined ? cleanHost(input.host) : settings.host,
      port: input.port ?? settings.port,
      secure: input.secure ?? settings.secure,
      fromAddress: input.fromAddress ?? settings.fromAddress,
    };
    const changed: string[] = (Object.keys(next) as (keyof EmailSettings)[]).filter((k) => next[k] !== settings[k]);
    const vendorId = input.vendorId ?? row.vendor_id;
    if (vendorId !== row.vendor_id) {
      await assertEmailVendor(tx, vendorId);
      if (row.status === 'enabled') await assertVendorMayCarryPhi(tx.db, vendorId);
      changed.push('vendorId');
    }
    let credentialsEnc = row.credentials_enc;
    if (input.credentials !== undefined) {
      const credentials = cleanCredentials(input.credentials);
      credentialsEnc = credentials ? await tx.keyring.encryptField(tx.db, credentialLocation(id), JSON.stringify(credentials)) : null;
      changed.push('credentials');
    }
    if (changed.length === 0) return;
    await tx.db.updateTable('notification_channels').set({ vendor_id: vendorId, settings: JSON.stringify(next), credentials_enc: credentialsEnc, updated_at: new Date().toISOString() }).where('id', '=', id).execute();
    await audit(tx, { action: 'notification_channel.updated', resourceType: 'NotificationChannel', resourceId: id, details: { changed } });
  });
  return getChannel(ctx, id);
}

/** Enables a channel: refused, naming the vendor, unless the vendor may carry PHI today. */
export async function enableChannel(ctx: ActorContext, id: string): Promise<ChannelView> {
  assertCan(ctx, 'update', 'Organization');
  await inTransaction(ctx, async (tx) => {
    const row = await findChannel(tx, id);
    await assertVendorMayCarryPhi(tx.db, row.vendor_id);
    if (row.status === 'enabled') return;
    await tx.db.updateTable('notification_channels').set({ status: 'enabled', updated_at: new Date().toISOString() }).where('id', '=', id).execute();
    await audit(tx, { action: 'notification_channel.enabled', resourceType: 'NotificationChannel', resourceId: id, details: { vendorId: row.vendor_id } });
  });
  return getChannel(ctx, id);
}

/** Disables a channel: queued messages are not sent while it is. */
export async function disableChannel(ctx: ActorContext, id: string): Promise<ChannelView> {
  assertCan(ctx, 'update', 'Organization');
  await inTransaction(ctx, async (tx) => {
    const row = await findChannel(tx, id);
    if (row.status === 'disabled') return;
    await tx.db.updateTable('notification_channels').set({ status: 'disabled', updated_at: new Date().toISOString() }).where('id', '=', id).execute();
    await audit(tx, { action: 'notification_channel.disabled', resourceType: 'NotificationChannel', resourceId: id, details: {} });
  });
  return getChannel(ctx, id);
}

/** Which field of the settings form an SMTP failure points at. */
function failureField(reason: string): string | undefined {
  if (/EAUTH/.test(reason)) return 'credentials.password';
  if (/EENVELOPE/.test(reason)) return 'to';
  if (/ECONNECTION|ECONNREFUSED|ETIMEDOUT|EDNS|ETLS|ESOCKET|EPROTOCOL/.test(reason)) return 'host';
  return undefined;
}

/**
 * Sends a test message now (to the given address, or the administrator's own), through the
 * same gate and channel as every message, and answers with what happened: the refusal of the
 * gate or of the SMTP server is the answer, so the settings form can show it.
 */
export async function testChannel(ctx: ActorContext, id: string, input: { to?: string }): Promise<{ notificationId: string; providerId: string }> {
  assertCan(ctx, 'update', 'Organization');
  const row = await findChannel(ctx, id);
  const to = input.to ?? (ctx.actor.type === 'user' ? ctx.actor.email : null);
  if (!to) throw invalidField('to', 'is needed: give the address to send the test message to');
  const notificationId = await recordNotification(ctx.db, row.id, { to: { address: to }, template: 'channel.test', params: { channelId: row.id } });
  const outcome = await attemptDelivery(ctx.db, ctx.keyring, notificationId);
  const sent = outcome.status === 'sent';
  await audit(ctx, { action: 'notification_channel.tested', outcome: sent ? 'success' : 'failure', resourceType: 'NotificationChannel', resourceId: id, details: { sent, reason: outcome.status === 'failed' ? outcome.reason : null } });
  if (outcome.status === 'sent') return { notificationId, providerId: outcome.providerId };
  if (outcome.status === 'failed' && outcome.error instanceof AppError) throw outcome.error;
  const reason = outcome.status === 'failed' ? outcome.reason : 'it was not sent';
  const field = failureField(reason);
  throw new AppError('delivery_failed', `The test message was not sent: ${reason}.`, field ? { field, errors: [{ field, message: reason }] } : {});
}
