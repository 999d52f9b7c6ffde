import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Table types for both engines. Conventions that keep SQLite and PostgreSQL interchangeable:
 * timestamps are ISO-8601 UTC strings in the application (PostgreSQL stores timestamptz and
 * its parser hands back ISO strings), JSON is stored as text, flags are timestamps or status
 * words rather than booleans, and ids are UUID strings except the audit sequence.
 */
export type Timestamp = string;
/** A JSON document stored as text. */
export type JsonText = string;

export interface OrganizationsTable {
  id: string;
  name: string;
  created_at: Timestamp;
}

export interface ClientsTable {
  id: string;
  org_id: string;
  name: string;
  time_zone: string;
  status: 'active' | 'inactive';
  phi_guard_mode: Generated<PhiGuardMode>;
  voicemail_script: string | null;
  /** The client's callback policy (JSON); null: the defaults. */
  callback_policy: JsonText | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** What the PHI guard does with PHI typed into a client's operational text. */
export type PhiGuardMode = 'refuse' | 'redact';

export interface UsersTable {
  id: string;
  org_id: string;
  email: string;
  display_name: string;
  password_hash: string;
  status: 'active' | 'deactivated';
  failed_attempts: number;
  locked_until: Timestamp | null;
  /** TOTP secret, encrypted under the organization's data key. */
  mfa_secret_enc: string | null;
  /** A secret offered for enrolment and not yet confirmed with a code. */
  mfa_pending_secret_enc: string | null;
  mfa_enrolled_at: Timestamp | null;
  /** Last accepted TOTP time step: a code is accepted once. */
  mfa_last_step: number | null;
  password_changed_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RecoveryCodesTable {
  id: string;
  org_id: string;
  user_id: string;
  code_hash: string;
  used_at: Timestamp | null;
  created_at: Timestamp;
}

export interface RolesTable {
  id: string;
  org_id: string;
  key: string;
  name: string;
  description: string;
  created_at: Timestamp;
}

export type PermissionScope = 'organization' | 'assigned_clients' | 'self';

export interface RolePermissionsTable {
  id: string;
  org_id: string;
  role_id: string;
  action: string;
  subject: string;
  /** JSON array of data categories the rule covers. */
  categories: JsonText;
  scope: PermissionScope;
}

export interface RoleAssignmentsTable {
  id: string;
  org_id: string;
  user_id: string;
  role_id: string;
  /** null: the role applies to every client of the organization. */
  client_id: string | null;
  created_at: Timestamp;
  created_by: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the session token; the token itself is only in the cookie. */
  id: string;
  org_id: string;
  user_id: string;
  stage: 'mfa' | 'full';
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  absolute_expires_at: Timestamp;
  ended_at: Timestamp | null;
  end_reason: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: string;
  org_id: string;
  name: string;
  token_hash: string;
  /** First characters of the token, shown so people can tell tokens apart. */
  token_prefix: string;
  scopes: JsonText;
  /** JSON array of client ids, or null for every client. */
  client_ids: JsonText | null;
  created_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface DataKeysTable {
  id: string;
  org_id: string;
  /** null: the organization's own key (MFA secrets, integration credentials). */
  client_id: string | null;
  /** data: versioned field-encryption keys; index: the client's blind-index (HMAC) key. */
  purpose: ColumnType<KeyPurpose, KeyPurpose | undefined, KeyPurpose>;
  version: number;
  /** The data key wrapped by the master key; emptied when the key is destroyed. */
  wrapped_key: string;
  master_key_id: string;
  created_at: Timestamp;
  destroyed_at: Timestamp | null;
}

export type KeyPurpose = 'data' | 'index';

export interface PatientsTable {
  id: string;
  org_id: string;
  client_id: string;
  /** Opaque patient reference (P-7F3K2Q): operational, never derived from PHI. */
  ref: string;
  status: 'active' | 'merged';
  /** Set when this record was merged into another (the survivor). */
  merged_into_id: string | null;
  source: 'manual' | 'practice_system' | 'integration';
  name_enc: string | null;
  phones_enc: string | null;
  email_enc: string | null;
  callback_window_enc: string | null;
  date_of_birth_enc: string | null;
  address_enc: string | null;
  mrn_enc: string | null;
  identifiers_enc: string | null;
  fhir_patient_id_enc: string | null;
  insurance_member_id_enc: string | null;
  notes_enc: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PatientRefsTable {
  org_id: string;
  client_id: string;
  ref: string;
  issued_at: Timestamp;
}

export interface PatientIndexTable {
  org_id: string;
  client_id: string;
  patient_id: string;
  kind: string;
  digest: string;
}

export interface PracticeLinksTable {
  client_id: string;
  org_id: string;
  base_url: string;
  auth_type: 'none' | 'bearer' | 'basic';
  /** JSON credentials, encrypted under the client's data key. */
  credentials_enc: string | null;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface AuditEventsTable {
  id: Generated<number>;
  org_id: string;
  /** PostgreSQL: the writing transaction's id (set by the database); null on SQLite. */
  txid: Generated<number | null>;
  occurred_at: Timestamp;
  action: string;
  outcome: 'success' | 'failure';
  actor_type: 'user' | 'token' | 'system';
  actor_id: string | null;
  resource_type: string | null;
  resource_id: string | null;
  client_id: string | null;
  patient_ref: string | null;
  /** JSON array of the fields read or changed (names, never values). */
  fields: JsonText | null;
  purpose: string | null;
  ip: string | null;
  request_id: string | null;
  /** JSON object with non-PHI detail. */
  details: JsonText | null;
}

export interface AuditChainTable {
  event_id: number;
  org_id: string;
  position: number;
  prev_hash: string;
  hash: string;
  sealed_at: Timestamp;
}

/** The sealer's progress: a single row (id 1). */
export interface AuditSealCursorTable {
  id: number;
  last_txid: number;
  last_event_id: number;
  updated_at: Timestamp;
}

export interface AuditChainHeadsTable {
  org_id: string;
  position: number;
  hash: string;
  updated_at: Timestamp;
}

export interface QueuesTable {
  id: string;
  org_id: string;
  client_id: string;
  name: string;
  status: 'active' | 'archived';
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type TaskStatus = 'open' | 'claimed' | 'waiting' | 'escalated' | 'completed' | 'cancelled';
export type TaskPriority = 'emergent' | 'urgent' | 'routine';

export interface TasksTable {
  id: string;
  org_id: string;
  client_id: string;
  queue_id: string;
  patient_id: string;
  patient_ref: string;
  reason_code: string;
  priority: TaskPriority;
  /** 0 emergent, 1 urgent, 2 routine: the order agents work in. */
  priority_rank: number;
  status: TaskStatus;
  /** Operational text, PHI-guarded. */
  title: string;
  note: string | null;
  callback_after: Timestamp | null;
  callback_before: Timestamp | null;
  due_at: Timestamp;
  /** From when the task may be claimed (intake, the next attempt's time, or a claim's lapse). */
  ready_at: Timestamp;
  assignee_id: string | null;
  claimed_at: Timestamp | null;
  attempt_count: Generated<number>;
  last_outcome: string | null;
  /** Set when an attempt needs an incident review ("wrong_number_after_details"). */
  incident_flag: string | null;
  resolution: string | null;
  parent_task_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  closed_at: Timestamp | null;
}

export interface TaskAttemptsTable {
  id: string;
  org_id: string;
  client_id: string;
  task_id: string;
  number: number;
  attempted_at: Timestamp;
  agent_id: string | null;
  channel: string;
  outcome: string;
  /** Whether the agent gave any detail before learning the number was wrong. */
  disclosure: 'none' | 'details_given';
  note: string | null;
}

export interface TaskMessagesTable {
  id: string;
  org_id: string;
  client_id: string;
  task_id: string;
  category: 'clinical';
  body_enc: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface IdempotencyKeysTable {
  org_id: string;
  actor_id: string;
  key: string;
  route: string;
  request_hash: string;
  status_code: number;
  response: JsonText;
  created_at: Timestamp;
}

export type BaaStatus = 'draft' | 'signed' | 'terminated';
export type VendorService = 'telephony' | 'recording' | 'transcription' | 'sms' | 'email' | 'hosting' | 'other';

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
  breach_notice_days: number;
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

export type ReminderKind = 'baa_ending' | 'training_expiring';

/** One step of a reminder before an agreement ends or training lapses. */
export interface RemindersTable {
  id: string;
  org_id: string;
  kind: ReminderKind;
  /** The BAA's id, or "<person>/<course>". */
  subject_key: string;
  /** The person it is for; null for the compliance officers. */
  user_id: string | null;
  threshold_days: number;
  /** YYYY-MM-DD: the day the agreement ends or the training lapses. */
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

export interface Database {
  organizations: OrganizationsTable;
  clients: ClientsTable;
  users: UsersTable;
  recovery_codes: RecoveryCodesTable;
  roles: RolesTable;
  role_permissions: RolePermissionsTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  data_keys: DataKeysTable;
  patients: PatientsTable;
  patient_refs: PatientRefsTable;
  patient_index: PatientIndexTable;
  practice_links: PracticeLinksTable;
  queues: QueuesTable;
  tasks: TasksTable;
  task_attempts: TaskAttemptsTable;
  task_messages: TaskMessagesTable;
  idempotency_keys: IdempotencyKeysTable;
  audit_events: AuditEventsTable;
  audit_chain: AuditChainTable;
  audit_chain_heads: AuditChainHeadsTable;
  audit_seal_cursor: AuditSealCursorTable;
  vendors: VendorsTable;
  baas: BaasTable;
  courses: CoursesTable;
  training_completions: TrainingCompletionsTable;
  access_reviews: AccessReviewsTable;
  access_review_items: AccessReviewItemsTable;
  vendor_clients: VendorClientsTable;
  reminders: RemindersTable;
}

/** Tables whose rows belong to one organization and can only be reached through a tenant scope. */
export type OrgTable = {
  [K in keyof Database]: Database[K] extends { org_id: ColumnType<string, string, string> | string } ? K : never;
}[keyof Database];

export type Organization = Selectable<OrganizationsTable>;
export type Client = Selectable<ClientsTable>;
export type User = Selectable<UsersTable>;
export type Role = Selectable<RolesTable>;
export type RolePermission = Selectable<RolePermissionsTable>;
export type RoleAssignment = Selectable<RoleAssignmentsTable>;
export type Session = Selectable<SessionsTable>;
export type ApiToken = Selectable<ApiTokensTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type BaaRow = Selectable<BaasTable>;
export type VendorRow = Selectable<VendorsTable>;
export type NewAuditEventRow = Insertable<AuditEventsTable>;
export type UserUpdate = Updateable<UsersTable>;
export type PatientRow = Selectable<PatientsTable>;
export type PracticeLink = Selectable<PracticeLinksTable>;
export type QueueRow = Selectable<QueuesTable>;
export type TaskRow = Selectable<TasksTable>;
export type TaskAttemptRow = Selectable<TaskAttemptsTable>;
