/**
 * Sending notifications: a message is recorded `queued` and a `notification-deliver` job is
 * enqueued in the same transaction as the change that calls for it; the job checks the
 * channel's vendor with the PHI gate on every send (so a lapsed BAA stops messages at once),
 * sends, and records `sent`, or `failed` with the reason and throws so the job engine retries.
 */
import { randomUUID } from 'node:crypto';
import { assertVendorMayCarryPhi } from '../compliance/index.ts';
import type { ActorContext } from '../../platform/context.ts';
import type { ClientKeys } from '../../platform/crypto/keyring.ts';
import { tenantDb, type TenantDb } from '../../platform/db/tenant-db.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { JobDefinition, Jobs } from '../../platform/jobs/jobs.ts';
import { unsafeActiveAddress } from '../users/index.ts';
import { ChannelError, type NotificationChannel } from './channel.ts';
import { emailChannel, type EmailSettings, type SmtpCredentials } from './email-channel.ts';
import type { ChannelKind, NotificationChannelRow } from './notifications.tables.ts';
import { checkParams, renderTemplate, type TemplateKey, type TemplateParams } from './templates.ts';

export const DELIVER_JOB = 'notification-deliver';
/** The job's payload: which row to send, nothing of its content. */
export type DeliverPayload = { orgId: string; notificationId: string };

/** A person of the organization (the address is looked up when sending) or an address. */
export type Recipient = { userId: string } | { address: string };

/** Where a channel's credentials are bound: the organization's key, this row and column. */
export const credentialLocation = (channelId: string) => ({ clientId: null, table: 'notification_channels', column: 'credentials_enc', rowId: channelId });

/** The organization's enabled channel of a kind, if there is one. */
async function enabledChannel(tenant: TenantDb, kind: ChannelKind): Promise<NotificationChannelRow | undefined> {
  return tenant.selectFrom('notification_channels').selectAll().where('kind', '=', kind).where('status', '=', 'enabled').executeTakeFirst();
}

/** Records a message to send (in the caller's transaction, or in one of its own) without enqueueing it. */
export async function recordNotification<K extends TemplateKey>(
  tenant: TenantDb,
  channelId: string,
  input: { to: Recipient; template: K; params: TemplateParams<K>; clientId?: string },
): Promise<string> {
  checkParams(input.template, input.params as Record<string, unknown>);
  const id = randomUUID();
  const now = new Date().toISOString();
  await tenant
    .insertInto('notifications', {
      id,
      channel_id: channelId,
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
    })
    .execute();
  return id;
}

/**
 * Queues a message through the organization's enabled e-mail channel: the row and its job
 * are written in the caller's transaction, so a change that rolls back sends nothing.
 * Returns the notification's id, or null when the organization has no enabled channel.
 */
export async function queueNotification<K extends TemplateKey>(
  ctx: Pick<ActorContext, 'db'>,
  jobs: Jobs,
  input: { to: Recipient; template: K; params: TemplateParams<K>; clientId?: string },
): Promise<string | null> {
  return ctx.db.transaction(async (tx) => {
    const channel = await enabledChannel(tx, 'email');
    if (!channel) return null;
    const id = await recordNotification(tx, channel.id, input);
    await jobs.enqueue({ db: tx }, DELIVER_JOB, { orgId: tx.orgId, notificationId: id } satisfies DeliverPayload);
    return id;
  });
}

/** The channel a row describes, with its credentials decrypted. */
export async function openChannel(tenant: TenantDb, keyring: ClientKeys, row: NotificationChannelRow): Promise<NotificationChannel> {
  if (row.kind !== 'email') throw new ChannelError(`${row.kind} channels are not available yet`);
  const credentials = row.credentials_enc ? (JSON.parse(await keyring.decryptField(tenant, credentialLocation(row.id), row.credentials_enc)) as SmtpCredentials) : null;
  return emailChannel(row.vendor_id, JSON.parse(row.settings) as EmailSettings, credentials);
}

export type DeliveryOutcome =
  | { status: 'sent'; providerId: string }
  | { status: 'skipped' }
  /** retry: whether another attempt could succeed (the gate or the provider), rather than a message that can never go. */
  | { status: 'failed'; reason: string; retry: boolean; error: AppError | ChannelError };

async function markFailed(tenant: TenantDb, id: string, reason: string): Promise<void> {
  await tenant.updateTable('notifications').set({ status: 'failed', last_error: reason, updated_at: new Date().toISOString() }).where('id', '=', id).execute();
}

/**
 * One attempt at sending a recorded message. The vendor gate runs first, every time; then the
 * channel sends. A message already sent is not sent again (a job run twice after a crash).
 */
export async function attemptDelivery(tenant: TenantDb, keyring: ClientKeys, id: string): Promise<DeliveryOutcome> {
  const row = await tenant.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.status === 'sent' || row.status === 'delivered') return { status: 'skipped' };
  await tenant
    .updateTable('notifications')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), updated_at: new Date().toISOString() }))
    .where('id', '=', id)
    .execute();
  const fail = async (error: AppError | ChannelError, retry: boolean): Promise<DeliveryOutcome> => {
    const reason = error instanceof AppError ? error.detail : error.reason;
    await markFailed(tenant, id, reason);
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
  let providerId: string;
  try {
    const message = renderTemplate(row.template, JSON.parse(row.params) as Record<string, unknown>);
    ({ providerId } = await (await openChannel(tenant, keyring, channel)).send({ to: address, ...message }));
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

/**
 * The `notification-deliver` job: one attempt per run; a failure that another attempt could
 * cure is thrown for the engine to retry, and after the last retry the row stays `failed`.
 */
export const deliverNotificationJob: JobDefinition<DeliverPayload> = {
  name: DELIVER_JOB,
  retryLimit: 5,
  retryDelaySeconds: 60,
  async run(payload, job) {
    const tenant = tenantDb(job.database.unsafeKysely, job.database.engine, payload.orgId);
    const outcome = await attemptDelivery(tenant, job.keyring, payload.notificationId);
    if (outcome.status === 'failed' && outcome.retry) throw new DeliveryFailed(`Notification ${payload.notificationId} not sent: ${outcome.reason}`);
  },
};
