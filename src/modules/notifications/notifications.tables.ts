/**
 * The tables the notifications module owns, merged into the platform's `Database` type so the
 * tenant scope reaches them like any other table (migration 0014 creates them).
 */
import type { Selectable } from 'kysely';
import type { JsonText, Timestamp } from '../../platform/db/types.ts';

/** How a notification goes out: e-mail now; SMS and webhooks later. */
export type ChannelKind = 'email' | 'sms' | 'webhook';
export type NotificationStatus = 'queued' | 'sent' | 'failed' | 'delivered';

/** One outbound channel of an organization: at most one per kind. */
export interface NotificationChannelsTable {
  id: string;
  org_id: string;
  kind: ChannelKind;
  /** The vendor the messages pass through (an SMTP relay is a vendor): gated on every send. */
  vendor_id: string;
  /** JSON settings of the kind (e-mail: host, port, secure, from); never credentials. */
  settings: JsonText;
  /** JSON credentials, encrypted under the organization's data key, bound to this row. */
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
  /** …an address given directly (a test message). */
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
}

declare module '../../platform/db/types.ts' {
  interface Database {
    notification_channels: NotificationChannelsTable;
    notifications: NotificationsTable;
  }
}

export type NotificationChannelRow = Selectable<NotificationChannelsTable>;
export type NotificationRow = Selectable<NotificationsTable>;
