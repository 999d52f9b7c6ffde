/**
 * Sending notifications: a message is recorded `queued` and a `notification-deliver` job is
 * enqueued in the same transaction as the change that calls for it; the job checks the
 * channel's vendor with the PHI gate on every send (so a lapsed BAA stops messages at once),
 * sends, and records `sent`, or `failed` with the reason and throws so the job engine retries.
 *
 * A message ends `delivered` (an SMS status callback) or failed (no retry left, fail-fast, or
 * the provider reporting it undelivered); at that end the caller's outcome job, if it gave one,
 * is enqueued in the same transaction as the status change, so a page moves on exactly once.
 */
import { randomUUID } from 'node:crypto';
import { assertVendorMayCarryPhi } from '../compliance/index.ts';
import type { ActorContext } from '../../platform/context.ts';
import type { ClientKeys } from '../../platform/crypto/keyring.ts';
import type { RingfenceDatabase } from '../../platform/db/database.ts';
import { tenantDb, type TenantDb } from '../../platform/db/tenant-db.ts';
import { AppError, invalidField } from '../../platform/http/errors.ts';
import type { JobDefinition, JobPayload, Jobs } from '../../platform/jobs/jobs.ts';
import { unsafeActiveAddress } from '../users/index.ts';
import { ChannelError, type NotificationChannel } from './channel.ts';
import { emailChannel, type EmailSettings, type SmtpCredentials } from './email-channel.ts';
import type { ChannelKind, NotificationChannelRow, NotificationRow, NotificationStatus } from './notifications.tables.ts';
import { smsChannel, verifySmsRequestSignature, type SmsCredentials, type SmsSettings } from './sms-channel.ts';
import { checkParams, renderTemplate, type TemplateKey, type TemplateParams } from './templates.ts';
import { isAllowedWebhookUrl, webhookChannel, type WebhookCredentials } from './webhook-channel.ts';

export const DELIVER_JOB = 'notification-deliver';
/** The job's payload: which row to send, nothing of its content. */
export type DeliverPayload = { orgId: string; notificationId: string };

/** A person of the organization (their e-mail address is looked up when sending; e-mail only) or an address: an e-mail address, an E.164 number, a webhook URL. */
export type Recipient = { userId: string } | { address: string };

/** The job a caller wants enqueued when its message ends, and the payload it is given (plus `notificationId` and `outcome`). */
export interface OutcomeJob {
  name: string;
  payload: JobPayload;
}

/** What the outcome job receives beside the caller's own payload. */
export type NotificationOutcome = 'delivered' | 'failed';

export interface QueueNotificationInput<K extends TemplateKey> {
  /** Which of the organization's channels (default `email`). */
  channel?: ChannelKind;
  to: Recipient;
  template: K;
  params: TemplateParams<K>;
  clientId?: string;
  /** A failed send is not retried: the message ends failed at once (a page moves to its next step). */
  failFast?: boolean;
  outcomeJob?: OutcomeJob;
}

/** Where a channel's credentials are bound: the organization's key, this row and column. */
export const credentialLocation = (channelId: string) => ({ clientId: null, table: 'notification_channels', column: 'credentials_enc', rowId: channelId });

const E164 = /^\+[1-9][0-9]{7,14}$/;

/** The organization's enabled channel of a kind, if there is one. */
async function enabledChannel(tenant: TenantDb, kind: ChannelKind): Promise<NotificationChannelRow | undefined> {
  return tenant.selectFrom('notification_channels').selectAll().where('kind', '=', kind).where('status', '=', 'enabled').executeTakeFirst();
}

/** The recipient must suit the channel: a person only by e-mail; SMS an E.164 number; a webhook an https URL. Refused naming `to`, never quoting it. */
export function checkRecipient(kind: ChannelKind, to: Recipient): void {
  if ('userId' in to) {
    if (kind !== 'email') throw invalidField('to', `must be an address for ${kind === 'sms' ? 'an SMS' : 'a webhook'} channel: a person is reached by userId on e-mail only`);
    return;
  }
  const address = to.address;
  if (kind === 'sms' && !E164.test(address)) throw invalidField('to', 'must be a phone number in international form, such as +15555550123');
  if (kind === 'webhook' && !isAllowedWebhookUrl(address)) throw invalidField('to', 'must be an https address (http only on the loopback interface), without credentials or a fragment');
  if (kind === 'email' && !/^[^\s@]{1,64}@[^\s@]{1,253}$/.test(address)) throw invalidField('to', 'must be an e-mail address');
}

/** Records a message to send (in the caller's transaction, or in one of its own) without enqueueing it. */
export async function recordNotification<K extends TemplateKey>(
  tenant: TenantDb,
  channel: Pick<NotificationChannelRow, 'id' | 'kind'>,
  input: Omit<QueueNotificationInput<K>, 'channel'>,
): Promise<string> {
  checkParams(input.template, input.params as Record<string, unknown>);
  checkRecipient(channel.kind, input.to);
  if (input.outcomeJob && !/^[a-z0-9][a-z0-9_.-]{0,63}$/.test(input.outcomeJob.name)) throw invalidField('outcomeJob.name', 'must be a job name');
  const id = randomUUID();
  const now = new Date().toISOString();
  await tenant
    .insertInto('notifications', {
      id,
      channel_id: channel.id,
      client_id: input.clientId ?? null,
      recipient_user_id: 'userId' in input.to ? input.to.userId : null,
      recipient_address: 'address' in input.to ? input.to.address : null,
      template: input.template,
      params: JSON.stringify(input.params),
      status: 'queued',
      attempts: 0,
      last_error: null,
      provider_message_id: null,
      created_at: now,
      updated_at: now,
      sent_at: null,
      delivered_at: null,
      failed_at: null,
      retry_policy: input.failFast ? 'fail_fast' : 'retry',
      outcome_job: input.outcomeJob ? JSON.stringify(input.outcomeJob) : null,
    })
    .execute();
  return id;
}

/**
 * Queues a message through the organization's enabled channel of a kind (e-mail by default):
 * the row and its job are written in the caller's transaction, so a change that rolls back
 * sends nothing. Returns the notification's id, or null when the organization has no enabled
 * channel of that kind.
 */
export async function queueNotification<K extends TemplateKey>(ctx: Pick<ActorContext, 'db'>, jobs: Jobs, input: QueueNotificationInput<K>): Promise<string | null> {
  return ctx.db.transaction(async (tx) => {
    const channel = await enabledChannel(tx, input.channel ?? 'email');
    if (!channel) return null;
    const id = await recordNotification(tx, channel, input);
    await jobs.enqueue({ db: tx }, DELIVER_JOB, { orgId: tx.orgId, notificationId: id } satisfies DeliverPayload);
    return id;
  });
}

/** The decrypted credentials of a channel, or null when it has none. */
async function channelCredentials<T>(tenant: TenantDb, keyring: ClientKeys, row: NotificationChannelRow): Promise<T | null> {
  return row.credentials_enc ? (JSON.parse(await keyring.decryptField(tenant, credentialLocation(row.id), row.credentials_enc)) as T) : null;
}

/** The channel a row describes, with its credentials decrypted; `publicUrl` is where an SMS provider reports back. */
export async function openChannel(tenant: TenantDb, keyring: ClientKeys, row: NotificationChannelRow, publicUrl: string): Promise<NotificationChannel> {
  switch (row.kind) {
    case 'email':
      return emailChannel(row.vendor_id, JSON.parse(row.settings) as EmailSettings, await channelCredentials<SmtpCredentials>(tenant, keyring, row));
    case 'sms':
      return smsChannel(row.id, row.vendor_id, JSON.parse(row.settings) as SmsSettings, await channelCredentials<SmsCredentials>(tenant, keyring, row), publicUrl);
    case 'webhook':
      return webhookChannel(row.vendor_id, await channelCredentials<WebhookCredentials>(tenant, keyring, row));
  }
}

export type DeliveryOutcome =
  | { status: 'sent'; providerId: string | null }
  | { status: 'skipped' }
  /** retry: whether the job should throw for the engine to try again (a cure is possible and the message is not fail-fast); on the last attempt the row has ended all the same. */
  | { status: 'failed'; reason: string; retry: boolean; error: AppError | ChannelError };

/** What a delivery attempt needs beside the row: where callbacks come back, and whether this is the last try. */
export interface DeliveryContext {
  publicUrl: string;
  /** To enqueue the outcome job when the message ends; absent for a test message, which has none. */
  jobs?: Jobs;
  /** The job engine will not run this again: a failure now ends the message. */
  lastAttempt: boolean;
}

/**
 * Ends a message (delivered or failed) and enqueues its outcome job, in one transaction. Only a
 * message not already ended changes, so a repeated callback or a job run twice moves a page once.
 */
async function endNotification(
  tenant: TenantDb,
  jobs: Jobs | undefined,
  row: Pick<NotificationRow, 'id' | 'outcome_job'>,
  outcome: NotificationOutcome,
  reason: string | null,
): Promise<boolean> {
  return tenant.transaction(async (tx) => {
    const now = new Date().toISOString();
    const changes =
      outcome === 'delivered'
        ? { status: 'delivered' as const, delivered_at: now, updated_at: now }
        : { status: 'failed' as const, failed_at: now, last_error: reason, updated_at: now };
    const result = await tx
      .updateTable('notifications')
      .set(changes)
      .where('id', '=', row.id)
      .where('delivered_at', 'is', null)
      .where('failed_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    if (row.outcome_job) {
      const job = JSON.parse(row.outcome_job) as OutcomeJob;
      if (!jobs) throw new Error('A message with an outcome job ended without a job service to enqueue it.');
      await jobs.enqueue({ db: tx }, job.name, { ...job.payload, notificationId: row.id, outcome });
    }
    return true;
  });
}

/**
 * One attempt at sending a recorded message. The vendor gate runs first, every time; then the
 * channel sends. A message already sent or ended is not sent again (a job run twice after a crash).
 */
export async function attemptDelivery(tenant: TenantDb, keyring: ClientKeys, id: string, context: DeliveryContext): Promise<DeliveryOutcome> {
  const row = await tenant.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.status === 'sent' || row.status === 'delivered' || row.failed_at !== null) return { status: 'skipped' };
  await tenant
    .updateTable('notifications')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), updated_at: new Date().toISOString() }))
    .where('id', '=', id)
    .execute();
  const fail = async (error: AppError | ChannelError, curable: boolean): Promise<DeliveryOutcome> => {
    const reason = error instanceof AppError ? error.detail : error.reason;
    // Thrown for the engine even on the last attempt, so the job itself ends failed; a fail-fast message is not retried.
    const retry = curable && row.retry_policy === 'retry';
    if (retry && !context.lastAttempt) await tenant.updateTable('notifications').set({ status: 'failed', last_error: reason, updated_at: new Date().toISOString() }).where('id', '=', id).execute();
    else await endNotification(tenant, context.jobs, row, 'failed', reason);
    return { status: 'failed', reason, retry, error };
  };

  const channel = await tenant.selectFrom('notification_channels').selectAll().where('id', '=', row.channel_id).executeTakeFirst();
  // A test message goes through a channel not yet enabled; every other message needs it enabled.
  if (!channel || (channel.status !== 'enabled' && row.template !== 'channel.test')) return fail(new ChannelError('the channel is disabled'), false);
  const address = row.recipient_user_id ? await unsafeActiveAddress(tenant, row.recipient_user_id) : row.recipient_address;
  if (!address) return fail(new ChannelError('the recipient is no longer an active person of the organization'), false);
  try {
    await assertVendorMayCarryPhi(tenant, channel.vendor_id, row.client_id ? { clientId: row.client_id } : {});
  } catch (err) {
    if (err instanceof AppError) return fail(err, true);
    throw err;
  }
  let providerId: string | null;
  try {
    const params = JSON.parse(row.params) as Record<string, unknown>;
    const message = renderTemplate(row.template, params);
    ({ providerId } = await (await openChannel(tenant, keyring, channel, context.publicUrl)).send({ to: address, ...message, template: row.template, params, notificationId: row.id }));
  } catch (err) {
    if (err instanceof ChannelError) return fail(err, true);
    throw err;
  }
  const now = new Date().toISOString();
  await tenant.updateTable('notifications').set({ status: 'sent', provider_message_id: providerId, last_error: null, sent_at: now, updated_at: now }).where('id', '=', id).execute();
  return { status: 'sent', providerId };
}

/** Thrown by the job when a send failed and may succeed later: the job engine retries it. */
export class DeliveryFailed extends Error {}

const DELIVER_RETRY_LIMIT = 5;

/**
 * The `notification-deliver` job: one attempt per run; a failure that another attempt could
 * cure is thrown for the engine to retry, and after the last retry the row ends `failed` (and
 * its outcome job is enqueued). A fail-fast message ends at its first failure.
 */
export const deliverNotificationJob: JobDefinition<DeliverPayload> = {
  name: DELIVER_JOB,
  retryLimit: DELIVER_RETRY_LIMIT,
  retryDelaySeconds: 60,
  // A send gives up within a minute (the channels' timeouts): a page whose instance died mid-send goes again soon.
  leaseSeconds: 120,
  async run(payload, job) {
    const tenant = tenantDb(job.database.unsafeKysely, job.database.engine, payload.orgId);
    const outcome = await attemptDelivery(tenant, job.keyring, payload.notificationId, { publicUrl: job.publicUrl, jobs: job.jobs, lastAttempt: job.attempt > DELIVER_RETRY_LIMIT });
    if (outcome.status === 'failed' && outcome.retry) throw new DeliveryFailed(`Notification ${payload.notificationId} not sent: ${outcome.reason}`);
  },
};

/** How one message went, for a timeline (a page's steps): no address, no content. */
export interface DeliveryView {
  id: string;
  channel: ChannelKind;
  status: NotificationStatus;
  queuedAt: string;
  sentAt: string | null;
  deliveredAt: string | null;
  failedAt: string | null;
  /** In Ringfence's words (an SMTP code, an HTTP status, a gate's refusal). */
  lastError: string | null;
  attempts: number;
}

/** The deliveries of these notifications of the organization, in the order asked (unknown ids are left out). */
export async function notificationDeliveries(tenant: TenantDb, ids: string[]): Promise<DeliveryView[]> {
  if (ids.length === 0) return [];
  const rows = await tenant
    .selectFrom('notifications')
    .select(['id', 'channel_id', 'status', 'created_at', 'sent_at', 'delivered_at', 'failed_at', 'last_error', 'attempts'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  const channelIds = [...new Set(rows.map((r) => r.channel_id))];
  const kinds = new Map(channelIds.length === 0 ? [] : (await tenant.selectFrom('notification_channels').select(['id', 'kind']).where('id', 'in', channelIds).execute()).map((c) => [c.id, c.kind]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [{ id: r.id, channel: kinds.get(r.channel_id)!, status: r.status, queuedAt: r.created_at, sentAt: r.sent_at, deliveredAt: r.delivered_at, failedAt: r.failed_at, lastError: r.last_error, attempts: Number(r.attempts) }];
  });
}

/** What an SMS status callback said, once its signature verified. */
export interface SmsStatusReport {
  messageSid: string;
  status: string;
  errorCode: string | null;
}

/**
 * Applies an SMS provider's status report to the channel's message: `delivered` ends it
 * delivered, `failed` and `undelivered` end it failed with the provider's numeric error code;
 * the in-flight statuses (queued, sending, sent) change nothing, since the row is sent already.
 * Returns what became of the message, for tests and logs (never the numbers).
 */
export async function recordSmsStatus(tenant: TenantDb, jobs: Jobs, channelId: string, report: SmsStatusReport): Promise<'delivered' | 'failed' | 'ignored'> {
  const outcome: NotificationOutcome | null = report.status === 'delivered' ? 'delivered' : report.status === 'failed' || report.status === 'undelivered' ? 'failed' : null;
  if (!outcome) return 'ignored';
  const row = await tenant.selectFrom('notifications').select(['id', 'outcome_job']).where('channel_id', '=', channelId).where('provider_message_id', '=', report.messageSid).executeTakeFirst();
  if (!row) return 'ignored';
  const reason = outcome === 'failed' ? `the SMS provider reported ${report.status} (error ${report.errorCode ?? 'unknown'})` : null;
  return (await endNotification(tenant, jobs, row, outcome, reason)) ? outcome : 'ignored';
}

/** The refusal of any status callback that does not verify: the same for an unknown channel, so the answer tells nothing. */
const unsigned = () => new AppError('forbidden', 'The request does not carry a valid signature of the SMS provider.');

/**
 * An SMS provider's status callback, from a public route: the channel is found by its id
 * across organizations (the provider knows only the URL), and nothing happens unless the
 * request is signed with that channel's auth token over the exact URL called and its
 * parameters. Unsafe because it starts without a tenant: the verified channel gives it one.
 */
export async function unsafeReceiveSmsStatus(
  deps: { database: RingfenceDatabase; keyring: ClientKeys; jobs: Jobs },
  input: { channelId: string; url: string; params: Record<string, string>; signature: string | undefined },
): Promise<'delivered' | 'failed' | 'ignored'> {
  const row = await deps.database.unsafeKysely.selectFrom('notification_channels').selectAll().where('id', '=', input.channelId).executeTakeFirst();
  if (!row || row.kind !== 'sms' || !row.credentials_enc) throw unsigned();
  const tenant = tenantDb(deps.database.unsafeKysely, deps.database.engine, row.org_id);
  const credentials = await channelCredentials<SmsCredentials>(tenant, deps.keyring, row);
  if (!credentials || !verifySmsRequestSignature(credentials.authToken, input.url, input.params, input.signature)) throw unsigned();
  const messageSid = input.params.MessageSid ?? input.params.SmsSid;
  const status = input.params.MessageStatus ?? input.params.SmsStatus;
  if (!messageSid || !status) throw invalidField(messageSid ? 'MessageStatus' : 'MessageSid', 'is required');
  return recordSmsStatus(tenant, deps.jobs, row.id, { messageSid, status, errorCode: input.params.ErrorCode || null });
}

