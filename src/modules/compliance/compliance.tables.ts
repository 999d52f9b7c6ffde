import type { ColumnType, Selectable } from 'kysely';
import type { Timestamp } from '../../platform/db/types.ts';

/** Vendors, business associate agreements, training, reminders and access reviews. This module owns these tables: only its own code queries them (test/ownership.test.ts). */
declare module '../../platform/db/types.ts' {
  interface Database {
    vendors: VendorsTable;
    baas: BaasTable;
    courses: CoursesTable;
    training_completions: TrainingCompletionsTable;
    vendor_clients: VendorClientsTable;
    reminders: RemindersTable;
    access_reviews: AccessReviewsTable;
    access_review_items: AccessReviewItemsTable;
  }
}

/** A BAA's incident-notice window is counted in calendar days, business days, or hours ("immediately"). */
export const NOTICE_UNITS = ['calendar_days', 'business_days', 'hours'] as const;
export type NoticeUnit = (typeof NOTICE_UNITS)[number];
/** What obliges a notice to the client: a confirmed breach only, any impermissible use or disclosure, or any security incident. */
export const NOTICE_TRIGGERS = ['breach', 'impermissible_use', 'security_incident'] as const;
export type NoticeTrigger = (typeof NOTICE_TRIGGERS)[number];

export const BAA_STATUSES = ['draft', 'signed', 'terminated'] as const;
export type BaaStatus = (typeof BAA_STATUSES)[number];
export const VENDOR_SERVICES = ['telephony', 'recording', 'transcription', 'sms', 'email', 'hosting', 'other'] as const;
export type VendorService = (typeof VENDOR_SERVICES)[number];
export interface VendorsTable {
  id: string;
  org_id: string;
  name: string;
  /** JSON array of VendorService. */
  services: string;
  /** 1 when the vendor handles PHI. */
  handles_phi: number;
  /** 1 when it touches every client's PHI; 0 when only the clients in vendor_clients. */
  all_clients: ColumnType<number, number | undefined, number>;
  status: 'active' | 'inactive';
  notes: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
/** A business associate agreement with a client (covered entity) or a vendor (subcontractor). */
export interface BaasTable {
  id: string;
  org_id: string;
  client_id: string | null;
  vendor_id: string | null;
  status: BaaStatus;
  /** Calendar dates, YYYY-MM-DD. */
  effective_on: string | null;
  ends_on: string | null;
  counterparty_signer: string | null;
  /** The notice window's length, in `breach_notice_unit`. */
  breach_notice_days: number;
  breach_notice_unit: ColumnType<NoticeUnit, NoticeUnit | undefined, NoticeUnit>;
  breach_notice_trigger: ColumnType<NoticeTrigger, NoticeTrigger | undefined, NoticeTrigger>;
  termination_disposition: 'return' | 'destroy';
  notes: string | null;
  /** The signed PDF, ciphertext under the organization's data key. */
  document_enc: string | null;
  document_name: string | null;
  document_bytes: number | null;
  document_sha256: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface CoursesTable {
  id: string;
  org_id: string;
  key: string;
  name: string;
  validity_months: number;
  /** 1 when missing or expired training in it blocks PHI access. */
  required: number;
  created_at: Timestamp;
}
export interface TrainingCompletionsTable {
  id: string;
  org_id: string;
  user_id: string;
  course_id: string;
  /** YYYY-MM-DD. */
  completed_on: string;
  /** Attestation text, or a certificate's description. */
  evidence: string;
  recorded_by: string | null;
  created_at: Timestamp;
}
/** A client whose PHI a vendor touches (when the vendor does not serve every client). */
export interface VendorClientsTable {
  org_id: string;
  vendor_id: string;
  client_id: string;
}
/**
 * oncall_gap: a gap in a client's on-call coverage within 72 hours, for its supervisors (raised by the on-call module's sweep).
 * incident_notice: a notice to a client of an incident coming due, for the compliance officers (raised by the incidents module's sweep).
 */
export const REMINDER_KINDS = ['baa_ending', 'training_expiring', 'oncall_gap', 'incident_notice'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];
/** One step of a reminder before an agreement ends or training lapses. */
export interface RemindersTable {
  id: string;
  org_id: string;
  kind: ReminderKind;
  /** The BAA's id, "<person>/<course>", "<client>/<gap start>/<person>" for a coverage gap, "<incident>/<client>" for a notice. */
  subject_key: string;
  /** The person it is for; null for the compliance officers. */
  user_id: string | null;
  /** Days before the end; for an incident notice, the step: 50 or 80 (% of the time to the deadline gone) or 100 (a day before). */
  threshold_days: number;
  /** YYYY-MM-DD: the day the agreement ends, the training lapses or the notice is due (the client's day). */
  due_on: string;
  created_at: Timestamp;
  acknowledged_by: string | null;
  acknowledged_at: Timestamp | null;
}
export interface AccessReviewsTable {
  id: string;
  org_id: string;
  name: string;
  status: 'open' | 'closed';
  /** YYYY-MM-DD. */
  due_on: string | null;
  created_by: string | null;
  created_at: Timestamp;
  closed_by: string | null;
  closed_at: Timestamp | null;
}
/** One role assignment under review, as it stood when the campaign opened. */
export interface AccessReviewItemsTable {
  id: string;
  org_id: string;
  review_id: string;
  assignment_id: string;
  user_id: string;
  role_key: string;
  client_id: string | null;
  reviewer_id: string;
  decision: 'certified' | 'revoked' | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  note: string | null;
}
export type BaaRow = Selectable<BaasTable>;
export type VendorRow = Selectable<VendorsTable>;
