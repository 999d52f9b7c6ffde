/**
 * Setting up an organization's notification channels (e-mail, SMS, webhook): which vendor
 * carries the messages, its settings and credentials (encrypted), and whether it is enabled.
 * Enabling runs the vendor gate; so does every send. Each change is an audit event naming what
 * changed, never a credential. One code path serves every kind: what differs is the list of
 * settings each kind accepts and how each is checked (`KINDS`).
 */
import { randomUUID } from 'node:crypto';
import { assertCan } from '../../platform/authz/guard.ts';
import { assertVendorMayCarryPhi } from '../compliance/index.ts';
import { actorUserId, audit, inTransaction, type ActorContext } from '../../platform/context.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { AppError, invalidField, notFound } from '../../platform/http/errors.ts';
import { vendorSummaries } from '../compliance/index.ts';
import type { EmailSettings, SmtpCredentials } from './email-channel.ts';
import { attemptDelivery, checkRecipient, credentialLocation, recordNotification } from './notifications.service.ts';
import type { ChannelKind, NotificationChannelRow } from './notifications.tables.ts';
import { DEFAULT_SMS_BASE_URL, isAllowedApiOrigin, smsStatusCallbackUrl, type SmsSettings } from './sms-channel.ts';
import { newWebhookSecret } from './webhook-channel.ts';

/** What the channel services need from the app: where the provider's callbacks reach Ringfence. */
export interface ChannelEnv {
  publicUrl: string;
}

interface ChannelViewBase {
  id: string;
  vendor: { id: string; name: string };
  hasCredentials: boolean;
  enabled: boolean;
  /** Whether the vendor gate lets messages through today, and if not, why. */
  gate: { open: boolean; reason: string | null };
  createdAt: string;
  updatedAt: string;
}

/** A channel as shown to administrators: its kind's settings, never its credentials. */
export type ChannelView = ChannelViewBase &
  (
    | ({ kind: 'email' } & EmailSettings)
    | ({ kind: 'sms' } & SmsSettings & { statusCallbackUrl: string })
    | { kind: 'webhook'; secretSetAt: string }
  );

/** Every setting a channel form can send; each kind accepts its own (`KINDS[kind].fields`). */
export interface ChannelInput {
  vendorId?: string;
  // e-mail
  host?: string;
  port?: number;
  secure?: boolean;
  fromAddress?: string;
  /** New SMTP credentials; null removes them; absent keeps them. */
  credentials?: SmtpCredentials | null;
  // SMS
  baseUrl?: string;
  accountSid?: string;
  fromNumber?: string;
  /** A new auth token; absent keeps it. */
  authToken?: string;
}

type Settings = Record<string, unknown>;

const LABEL: Record<ChannelKind, { a: string; service: string }> = {
  email: { a: 'an e-mail', service: 'e-mail' },
  sms: { a: 'an SMS', service: 'SMS' },
  webhook: { a: 'a webhook', service: 'other services' },
};

const E164 = /^\+[1-9][0-9]{7,14}$/;

/** A value the settings need: the new one, else the stored one, else refused as missing. */
function required<T>(value: T | undefined, previous: unknown, field: string): T {
  if (value !== undefined) return value;
  if (previous !== undefined) return previous as T;
  throw invalidField(field, 'is required');
}

/** Host names and addresses only: no scheme, path or credentials in the host. */
function cleanHost(host: string): string {
  const h = host.trim().toLowerCase();
  if (!/^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/.test(h) && !/^[0-9a-f:]{2,39}$/.test(h)) throw invalidField('host', 'must be a host name such as smtp.example.com, without a scheme or port');
  return h;
}

/** The API's origin: https (http only on the loopback interface), no path, query or credentials. */
function cleanBaseUrl(value: string): string {
  const v = value.trim().replace(/\/+$/, '');
  const url = URL.canParse(v) ? new URL(v) : null;
  if (!url || url.username || url.password || url.search || url.hash || url.pathname !== '/') throw invalidField('baseUrl', 'must be the API’s address alone, such as https://api.twilio.com');
  if (!isAllowedApiOrigin(url)) throw invalidField('baseUrl', 'must use https (plain http is allowed only on the loopback interface)');
  return url.origin;
}

function cleanPhone(value: string, field: string): string {
  const v = value.replace(/[\s().-]/g, '');
  if (!E164.test(v)) throw invalidField(field, 'must be a phone number in international form, such as +15555550123');
  return v;
}

function cleanCredentials(credentials: SmtpCredentials | null): SmtpCredentials | null {
  if (credentials === null) return null;
  if (!credentials.username.trim()) throw invalidField('credentials.username', 'must not be blank');
  return { username: credentials.username.trim(), password: credentials.password };
}

interface KindSpec {
  /** The settings fields of ChannelInput this kind accepts. */
  fields: readonly (keyof ChannelInput)[];
  /** The settings after this input, from the stored ones (none when creating). */
  settings(input: ChannelInput, previous: Settings): Settings;
  /** New credentials to store (null removes them), or undefined to keep them. */
  credentials(input: ChannelInput): object | null | undefined;
  /** The host the messages go to, for the audit trail (never a credential). */
  host(settings: Settings): string | null;
  /** Which field a failed test send points at, from the reason. */
  failureField(reason: string): string | undefined;
}

const KINDS: Record<ChannelKind, KindSpec> = {
  email: {
    fields: ['host', 'port', 'secure', 'fromAddress', 'credentials'],
    settings: (input, prev): EmailSettings & Settings => ({
      host: input.host !== undefined ? cleanHost(input.host) : required<string>(undefined, prev.host, 'host'),
      port: required(input.port, prev.port, 'port'),
      secure: required(input.secure, prev.secure, 'secure'),
      fromAddress: required(input.fromAddress, prev.fromAddress, 'fromAddress'),
    }),
    credentials: (input) => (input.credentials === undefined ? undefined : cleanCredentials(input.credentials)),
    host: (s) => String(s.host),
    failureField(reason) {
      if (/EAUTH/.test(reason)) return 'credentials.password';
      if (/EENVELOPE/.test(reason)) return 'to';
      if (/ECONNECTION|ECONNREFUSED|ETIMEDOUT|EDNS|ETLS|ESOCKET|EPROTOCOL/.test(reason)) return 'host';
      return undefined;
    },
  },
  sms: {
    fields: ['baseUrl', 'accountSid', 'fromNumber', 'authToken'],
    settings: (input, prev): SmsSettings & Settings => ({
      baseUrl: input.baseUrl !== undefined ? cleanBaseUrl(input.baseUrl) : ((prev.baseUrl as string | undefined) ?? DEFAULT_SMS_BASE_URL),
      accountSid: required(input.accountSid?.trim(), prev.accountSid, 'accountSid'),
      fromNumber: input.fromNumber !== undefined ? cleanPhone(input.fromNumber, 'fromNumber') : required<string>(undefined, prev.fromNumber, 'fromNumber'),
    }),
    credentials: (input) => (input.authToken === undefined ? undefined : { authToken: input.authToken }),
    host: (s) => new URL(String(s.baseUrl)).hostname,
    // Twilio's codes: 20003 credentials; 21211, 21614 and 21610 the recipient; 21212, 21606 and 21659 the sending number.
    failureField(reason) {
      if (/HTTP 40[13]|error 20003/.test(reason)) return 'authToken';
      if (/error (21211|21614|21610|21408)/.test(reason)) return 'to';
      if (/error (21212|21606|21659)/.test(reason)) return 'fromNumber';
      if (/could not be reached|did not answer|without a message id|HTTP 404/.test(reason)) return 'baseUrl';
      return undefined;
    },
  },
  webhook: {
    fields: [],
    settings: (_input, prev) => ({ secretSetAt: (prev.secretSetAt as string | undefined) ?? new Date().toISOString() }),
    credentials: () => undefined,
    host: () => null,
    failureField: () => 'to',
  },
};

/** A field of another kind's settings is refused, naming it, rather than silently ignored. */
function refuseOtherKinds(kind: ChannelKind, input: ChannelInput): void {
  const own = new Set<string>(['vendorId', ...KINDS[kind].fields]);
  for (const [field, value] of Object.entries(input)) if (value !== undefined && !own.has(field)) throw invalidField(field, `is not a setting of ${LABEL[kind].a} channel`);
}

function viewOf(r: NotificationChannelRow, base: ChannelViewBase, env: ChannelEnv): ChannelView {
  const s = JSON.parse(r.settings) as Settings;
  switch (r.kind) {
    case 'email':
      return { ...base, kind: 'email', host: String(s.host), port: Number(s.port), secure: Boolean(s.secure), fromAddress: String(s.fromAddress) };
    case 'sms':
      return { ...base, kind: 'sms', baseUrl: String(s.baseUrl), accountSid: String(s.accountSid), fromNumber: String(s.fromNumber), statusCallbackUrl: smsStatusCallbackUrl(env.publicUrl, r.id) };
    case 'webhook':
      return { ...base, kind: 'webhook', secretSetAt: String(s.secretSetAt ?? r.created_at) };
  }
}

async function present(ctx: ActorContext, rows: NotificationChannelRow[], env: ChannelEnv): Promise<ChannelView[]> {
  const vendors = new Map((await vendorSummaries(ctx.db, [...new Set(rows.map((r) => r.vendor_id))])).map((v) => [v.id, v]));
  return Promise.all(
    rows.map(async (r) => {
      let gate: ChannelView['gate'] = { open: true, reason: null };
      try {
        await assertVendorMayCarryPhi(ctx.db, r.vendor_id);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        gate = { open: false, reason: err.detail };
      }
      const base: ChannelViewBase = {
        id: r.id,
        vendor: { id: r.vendor_id, name: vendors.get(r.vendor_id)?.name ?? '' },
        hasCredentials: r.credentials_enc !== null,
        enabled: r.status === 'enabled',
        gate,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      };
      return viewOf(r, base, env);
    }),
  );
}

async function findChannel(ctx: ActorContext, id: string): Promise<NotificationChannelRow> {
  const row = await ctx.db.selectFrom('notification_channels').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Notification channel');
  return row;
}

/** The organization's channels. */
export async function listChannels(ctx: ActorContext, env: ChannelEnv): Promise<ChannelView[]> {
  assertCan(ctx, 'read', 'Organization');
  return present(ctx, await ctx.db.selectFrom('notification_channels').selectAll().orderBy('kind').execute(), env);
}

export async function getChannel(ctx: ActorContext, id: string, env: ChannelEnv): Promise<ChannelView> {
  assertCan(ctx, 'read', 'Organization');
  return (await present(ctx, [await findChannel(ctx, id)], env))[0]!;
}

/** The vendor service a channel kind is recorded under: webhooks go to a receiver recorded as "other". */
const serviceOf = (kind: ChannelKind) => (kind === 'webhook' ? 'other' : kind);

/** The vendors a channel of this kind may go through: those recorded as providing the service. */
export async function channelVendors(ctx: ActorContext, kind: ChannelKind): Promise<{ id: string; name: string; status: 'active' | 'inactive'; handlesPhi: boolean }[]> {
  assertCan(ctx, 'read', 'Organization');
  return (await vendorSummaries(ctx.db)).filter((v) => v.services.includes(serviceOf(kind))).map(({ id, name, status, handlesPhi }) => ({ id, name, status, handlesPhi }));
}

/** The vendor must exist and be recorded as providing the channel's service. */
async function assertChannelVendor(ctx: ActorContext, kind: ChannelKind, vendorId: string): Promise<void> {
  const [vendor] = await vendorSummaries(ctx.db, [vendorId]);
  if (!vendor) throw new AppError('not_found', 'Vendor not found.', { field: 'vendorId', errors: [{ field: 'vendorId', message: 'is not a vendor of this organization' }] });
  if (vendor.services.includes(serviceOf(kind))) return;
  if (kind === 'webhook') throw invalidField('vendorId', `${vendor.name} is not recorded as providing other services, which webhook receivers are recorded under; add that service to the vendor under Compliance first`);
  throw invalidField('vendorId', `${vendor.name} is not recorded as providing ${LABEL[kind].service}; add the ${LABEL[kind].service} service to the vendor under Compliance first`);
}

/**
 * Creates the organization's channel of a kind, disabled until an administrator enables it. A
 * webhook channel's signing secret is made here and returned this once, for the receiver.
 */
export async function createChannel(ctx: ActorContext, kind: ChannelKind, input: ChannelInput & { vendorId: string }, env: ChannelEnv): Promise<{ channel: ChannelView; signingSecret: string | null }> {
  assertCan(ctx, 'update', 'Organization');
  refuseOtherKinds(kind, input);
  const spec = KINDS[kind];
  const settings = spec.settings(input, {});
  if (kind === 'sms' && input.authToken === undefined) throw invalidField('authToken', 'is required');
  await assertChannelVendor(ctx, kind, input.vendorId);
  const signingSecret = kind === 'webhook' ? newWebhookSecret() : null;
  const credentials = signingSecret ? { secret: signingSecret } : (spec.credentials(input) ?? null);
  const id = randomUUID();
  const now = new Date().toISOString();
  try {
    await inTransaction(ctx, async (tx) => {
      const credentialsEnc = credentials ? await tx.keyring.encryptField(tx.db, credentialLocation(id), JSON.stringify(credentials)) : null;
      await tx.db
        .insertInto('notification_channels', { id, kind, vendor_id: input.vendorId, settings: JSON.stringify(settings), credentials_enc: credentialsEnc, status: 'disabled', created_by: actorUserId(tx), created_at: now, updated_at: now })
        .execute();
      await audit(tx, { action: 'notification_channel.created', resourceType: 'NotificationChannel', resourceId: id, details: { kind, vendorId: input.vendorId, host: spec.host(settings) } });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('conflict', `This organization already has ${LABEL[kind].a} channel; change it instead.`, { field: 'kind' });
    throw err;
  }
  return { channel: await getChannel(ctx, id, env), signingSecret };
}

/** Changes a channel's settings; an enabled channel moved to another vendor passes the gate first. */
export async function updateChannel(ctx: ActorContext, id: string, input: ChannelInput, env: ChannelEnv): Promise<ChannelView> {
  assertCan(ctx, 'update', 'Organization');
  await inTransaction(ctx, async (tx) => {
    const row = await findChannel(tx, id);
    refuseOtherKinds(row.kind, input);
    const spec = KINDS[row.kind];
    const settings = JSON.parse(row.settings) as Settings;
    const next = spec.settings(input, settings);
    const changed = Object.keys(next).filter((k) => next[k] !== settings[k]);
    const vendorId = input.vendorId ?? row.vendor_id;
    if (vendorId !== row.vendor_id) {
      await assertChannelVendor(tx, row.kind, vendorId);
      if (row.status === 'enabled') await assertVendorMayCarryPhi(tx.db, vendorId);
      changed.push('vendorId');
    }
    let credentialsEnc = row.credentials_enc;
    const credentials = spec.credentials(input);
    if (credentials !== undefined) {
      credentialsEnc = credentials ? await tx.keyring.encryptField(tx.db, credentialLocation(id), JSON.stringify(credentials)) : null;
      changed.push(row.kind === 'sms' ? 'authToken' : 'credentials');
    }
    if (changed.length === 0) return;
    await tx.db.updateTable('notification_channels').set({ vendor_id: vendorId, settings: JSON.stringify(next), credentials_enc: credentialsEnc, updated_at: new Date().toISOString() }).where('id', '=', id).execute();
    await audit(tx, { action: 'notification_channel.updated', resourceType: 'NotificationChannel', resourceId: id, details: { changed } });
  });
  return getChannel(ctx, id, env);
}

/**
 * Replaces a webhook channel's signing secret and returns the new one, this once. Receivers
 * refuse messages signed with the new secret until they are given it.
 */
export async function rotateWebhookSecret(ctx: ActorContext, id: string, env: ChannelEnv): Promise<{ channel: ChannelView; signingSecret: string }> {
  assertCan(ctx, 'update', 'Organization');
  const signingSecret = newWebhookSecret();
  await inTransaction(ctx, async (tx) => {
    const row = await findChannel(tx, id);
    if (row.kind !== 'webhook') throw invalidField('kind', 'only a webhook channel has a signing secret');
    const settings = { ...(JSON.parse(row.settings) as Settings), secretSetAt: new Date().toISOString() };
    const credentialsEnc = await tx.keyring.encryptField(tx.db, credentialLocation(id), JSON.stringify({ secret: signingSecret }));
    await tx.db.updateTable('notification_channels').set({ settings: JSON.stringify(settings), credentials_enc: credentialsEnc, updated_at: new Date().toISOString() }).where('id', '=', id).execute();
    await audit(tx, { action: 'notification_channel.secret_rotated', resourceType: 'NotificationChannel', resourceId: id, details: {} });
  });
  return { channel: await getChannel(ctx, id, env), signingSecret };
}

/** Enables a channel: refused, naming the vendor, unless the vendor may carry PHI today. */
export async function enableChannel(ctx: ActorContext, id: string, env: ChannelEnv): Promise<ChannelView> {
  assertCan(ctx, 'update', 'Organization');
  await inTransaction(ctx, async (tx) => {
    const row = await findChannel(tx, id);
    await assertVendorMayCarryPhi(tx.db, row.vendor_id);
    if (row.status === 'enabled') return;
    await tx.db.updateTable('notification_channels').set({ status: 'enabled', updated_at: new Date().toISOString() }).where('id', '=', id).execute();
    await audit(tx, { action: 'notification_channel.enabled', resourceType: 'NotificationChannel', resourceId: id, details: { vendorId: row.vendor_id } });
  });
  return getChannel(ctx, id, env);
}

/** Disables a channel: queued messages are not sent while it is. */
export async function disableChannel(ctx: ActorContext, id: string, env: ChannelEnv): Promise<ChannelView> {
  assertCan(ctx, 'update', 'Organization');
  await inTransaction(ctx, async (tx) => {
    const row = await findChannel(tx, id);
    if (row.status === 'disabled') return;
    await tx.db.updateTable('notification_channels').set({ status: 'disabled', updated_at: new Date().toISOString() }).where('id', '=', id).execute();
    await audit(tx, { action: 'notification_channel.disabled', resourceType: 'NotificationChannel', resourceId: id, details: {} });
  });
  return getChannel(ctx, id, env);
}

/**
 * Sends a test message now (to the given address, number or URL; an e-mail channel defaults to
 * the administrator's own address), through the same gate and channel as every message, and
 * answers with what happened: the refusal of the gate or of the provider is the answer, so the
 * settings form can show it on the field it points at.
 */
export async function testChannel(ctx: ActorContext, id: string, input: { to?: string }, env: ChannelEnv): Promise<{ notificationId: string; providerId: string | null }> {
  assertCan(ctx, 'update', 'Organization');
  const row = await findChannel(ctx, id);
  const given = row.kind === 'sms' && input.to !== undefined ? input.to.replace(/[\s().-]/g, '') : input.to;
  const to = given ?? (row.kind === 'email' && ctx.actor.type === 'user' ? ctx.actor.email : null);
  if (!to) throw invalidField('to', row.kind === 'sms' ? 'is needed: give the phone number to send the test message to' : row.kind === 'webhook' ? 'is needed: give the address of the receiver to post the test message to' : 'is needed: give the address to send the test message to');
  checkRecipient(row.kind, { address: to });
  const notificationId = await recordNotification(ctx.db, row, { to: { address: to }, template: 'channel.test', params: { channelId: row.id } });
  const outcome = await attemptDelivery(ctx.db, ctx.keyring, notificationId, { publicUrl: env.publicUrl, lastAttempt: true });
  const sent = outcome.status === 'sent';
  await audit(ctx, { action: 'notification_channel.tested', outcome: sent ? 'success' : 'failure', resourceType: 'NotificationChannel', resourceId: id, details: { sent, reason: outcome.status === 'failed' ? outcome.reason : null } });
  if (outcome.status === 'sent') return { notificationId, providerId: outcome.providerId };
  if (outcome.status === 'failed' && outcome.error instanceof AppError) throw outcome.error;
  const reason = outcome.status === 'failed' ? outcome.reason : 'it was not sent';
  const field = KINDS[row.kind].failureField(reason);
  throw new AppError('delivery_failed', `The test message was not sent: ${reason}.`, field ? { field, errors: [{ field, message: reason }] } : {});
}
