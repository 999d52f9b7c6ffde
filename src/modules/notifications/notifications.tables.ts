/**
 * The tables the notifications module owns, merged into the platform's `Database` type so the
 * tenant scope reaches them like any other table (migration 0014 creates them).
 */
import type { Selectable } from 'kysely';
import type { JsonText, Timestamp } from '../../platform/db/types.ts';

/** How a notification goes out: e-mail (SMTP), SMS (a Twilio-shaped API) or a signed webhook. */
export type ChannelKind = 'email' | 'sms' | 'webhook';
export type NotificationStatus = 'queued' | 'sent' | 'failed' | 'delivered';
/** What a failed send does: retry with back-off, or end at once (a page moves to its next step instead). */
export type RetryPolicy = 'retry' | 'fail_fast';

/** One outbound channel of an organization: at most one per kind. */
export interface NotificationChannelsTable {
  id: string;
  org_id: string;
  kind: ChannelKind;
  /** The vendor the messages pass through (an SMTP relay is a vendor): gated on every send. */
  vendor_id: string;
  /** JSON settings of the kind (e-mail: host, port, secure, from; SMS: base URL, account, from number); never credentials. */
  settings: JsonText;
  /** JSON credentials (SMTP login, SMS auth token, webhook signing secret), encrypted under the organization's data key, bound to this row. */
  credentials_enc: string | null;
  status: 'enabled' | 'disabled';
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One message to one recipient, and how its sending went. */
export interface NotificationsTable {
  id: string;
  org_id: string;
  channel_id: string;
  /** The client the message concerns, when one does: the vendor must serve it. */
  client_id: string | null;
  /** A person of the organization (their address is looked up when sending), or… */
  recipient_user_id: string | null;
  /** …an address given directly (a test message, an SMS number, a webhook URL). */
  recipient_address: string | null;
  template: string;
  /** JSON of the template's typed parameters: ids, counts, dates and fixed words only. */
  params: JsonText;
  status: NotificationStatus;
  attempts: number;
  /** Why the last attempt failed, in Ringfence's words (an SMTP code, a gate's refusal); never a message's content. */
  last_error: string | null;
  provider_message_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  sent_at: Timestamp | null;
  /** The provider confirmed the message reached the handset (an SMS status callback). */
  delivered_at: Timestamp | null;
  /** The message ended failed: no retry is left, or the provider reported it undelivered. */
  failed_at: Timestamp | null;
  retry_policy: RetryPolicy;
  /** JSON `{ name, payload }` of the job enqueued when the message ends delivered or failed (ids only). */
  outcome_job: JsonText | null;
}

declare module '../../platform/db/types.ts' {
  interface Database {
    notification_channels: NotificationChannelsTable;
    notifications: NotificationsTable;
  }
}

export type NotificationChannelRow = Selectable<NotificationChannelsTable>;
export type NotificationRow = Selectable<NotificationsTable>;
