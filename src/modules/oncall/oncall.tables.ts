/**
 * The tables the on-call module owns, merged into the platform's `Database` type (migration
 * 0016 creates them). Only this module's code queries them (test/ownership.test.ts).
 */
import type { Selectable } from 'kysely';
import type { JsonText, Timestamp } from '../../platform/db/types.ts';

declare module '../../platform/db/types.ts' {
  interface Database {
    oncall_contact_points: ContactPointsTable;
    oncall_settings: OnCallSettingsTable;
    oncall_schedule_versions: ScheduleVersionsTable;
    urgent_messages: UrgentMessagesTable;
    urgent_message_recipients: UrgentRecipientsTable;
    urgent_message_events: UrgentEventsTable;
    urgent_message_replies: UrgentRepliesTable;
    oncall_feed_tokens: FeedTokensTable;
  }
}

/** The channels a page can go out on: each a notification channel of the organization. */
export const CONTACT_KINDS = ['email', 'sms', 'webhook'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export interface ContactPointsTable {
  id: string;
  org_id: string;
  user_id: string;
  kind: ContactKind;
  /** A work e-mail address, a mobile number in E.164, or a webhook URL: staff contact, never PHI. */
  address: string;
  position: number;
  verified_at: Timestamp | null;
  code_hash: string | null;
  code_expires_at: Timestamp | null;
  code_attempts: number;
  created_at: Timestamp;
}

export interface OnCallSettingsTable {
  client_id: string;
  org_id: string;
  settings: JsonText;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface ScheduleVersionsTable {
  id: string;
  org_id: string;
  client_id: string;
  version: number;
  effective_from: Timestamp;
  document: JsonText;
  created_by: string | null;
  created_at: Timestamp;
}

export const URGENT_STATUSES = ['paging', 'read', 'acknowledged', 'exhausted', 'cancelled'] as const;
export type UrgentStatus = (typeof URGENT_STATUSES)[number];
export const RECIPIENT_ROLES = ['primary', 'backup', 'supervisor', 'escalation'] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

export interface UrgentMessagesTable {
  id: string;
  org_id: string;
  client_id: string;
  task_id: string | null;
  patient_id: string;
  patient_ref: string;
  reference: string;
  priority: 'emergent' | 'urgent';
  body_enc: string;
  status: UrgentStatus;
  policy: JsonText;
  roster: JsonText;
  plan: JsonText;
  next_step: number;
  next_step_at: Timestamp | null;
  auto_task_id: string | null;
  fallback_task_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
  acknowledged_at: Timestamp | null;
  acknowledged_by: string | null;
  closed_at: Timestamp | null;
}

export interface UrgentRecipientsTable {
  message_id: string;
  user_id: string;
  org_id: string;
  role: RecipientRole;
  first_notified_at: Timestamp;
  opened_at: Timestamp | null;
  read_at: Timestamp | null;
  acknowledged_at: Timestamp | null;
}

export const URGENT_EVENT_KINDS = [
  'created',
  'paged',
  'channel_failed',
  'delivered',
  'opened',
  'read',
  'acknowledged',
  'replied',
  'reply_handled',
  'escalated',
  'exhausted',
  'cancelled',
] as const;
export type UrgentEventKind = (typeof URGENT_EVENT_KINDS)[number];

export interface UrgentEventsTable {
  id: string;
  org_id: string;
  message_id: string;
  at: Timestamp;
  kind: UrgentEventKind;
  user_id: string | null;
  step: number | null;
  channel: string | null;
  notification_id: string | null;
  detail: JsonText | null;
}

export interface UrgentRepliesTable {
  id: string;
  org_id: string;
  client_id: string;
  message_id: string;
  author_id: string;
  body_enc: string;
  created_at: Timestamp;
  handled_at: Timestamp | null;
  handled_by: string | null;
}

export interface FeedTokensTable {
  id: string;
  org_id: string;
  user_id: string;
  token_hash: string;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
}

export type ContactPointRow = Selectable<ContactPointsTable>;
export type UrgentMessageRow = Selectable<UrgentMessagesTable>;
