/**
 * Every audit event Ringfence writes, with the detail each one carries. Detail never holds
 * PHI or secrets: names of fields, never their values.
 */
export interface AuditDetails {
  'setup.completed': { orgName: string };
  'org.created': { orgName: string };
  'auth.login.succeeded': { stage: 'password' };
  'auth.login.failed': { reason: 'bad_password' | 'locked' | 'deactivated' };
  'auth.lockout': { until: string; attempts: number };
  'auth.mfa.enrollment_started': Record<string, never>;
  'auth.mfa.enrolled': { recoveryCodes: number };
  'auth.mfa.verified': { method: 'totp' | 'recovery_code'; recoveryCodesLeft?: number };
  'auth.mfa.failed': { method: 'totp' | 'recovery_code'; reason: 'invalid' | 'replayed' };
  'auth.logout': Record<string, never>;
  'auth.session.expired': { reason: 'idle' | 'absolute' };
  'auth.password.changed': Record<string, never>;
  'user.created': { email: string };
  'user.updated': { changed: string[] };
  'user.deactivated': { sessionsEnded: number };
  'user.reactivated': Record<string, never>;
  'role.assigned': { role: string; clientId: string | null };
  'role.revoked': { role: string; clientId: string | null };
  'client.created': { name: string };
  'client.updated': { changed: string[] };
  'token.created': { name: string; scopes: string[]; clientIds: string[] | null };
  'token.revoked': { name: string };
  'keys.rotated': { version: number };
  'keys.rewrapped': { version: number; rows: number; interrupted: boolean };
  'keys.destroyed': { keys: number };
  'keys.master_rotated': { keys: number; masterKeyId: string };
  'phi.read': { source: 'vault' | 'practice_system'; results?: number };
  'patient.created': { source: 'manual' | 'practice_system' | 'integration'; possibleDuplicates: number };
  'patient.updated': { changed: string[] };
  'patient.searched': { by: PatientSearchKind; results: number };
  'patient.merged': { survivorRef: string; duplicateRef: string };
  'patient.linked': { source: 'practice_system' };
  'practice_link.configured': { host: string; authType: 'none' | 'bearer' | 'basic' };
  'practice_link.removed': Record<string, never>;
  'queue.created': { name: string };
  'queue.updated': { changed: string[] };
  'task.created': { queueId: string; priority: string; reasonCode: string; followUpOf: string | null; via: 'console' | 'integration' };
  'task.claimed': { via: 'claim_next' };
  'task.released': Record<string, never>;
  'task.assigned': { assigneeId: string | null };
  'task.attempt_logged': { number: number; channel: string; outcome: string; disclosure: 'none' | 'details_given'; status: string };
  'task.escalated': { reason: 'max_attempts' | 'wrong_number' | 'manual' };
  'task.completed': { resolution: string; followUpTaskId: string | null };
  'task.cancelled': { reason: string };
  'task.message_added': { category: 'clinical' };
  'vendor.created': { name: string; handlesPhi: boolean };
  'vendor.updated': { changed: string[] };
  'baa.created': { party: 'client' | 'vendor'; partyId: string; status: string };
  'baa.updated': { changed: string[]; status: string };
  'baa.document_stored': { name: string; bytes: number; sha256: string };
  'baa.document_read': { name: string };
  'training.completed': { course: string; completedOn: string };
  'training.imported': { rows: number; people: number };
  'access_review.opened': { name: string; items: number };
  'access_review.decided': { itemId: string; userId: string; role: string; decision: 'certified' | 'revoked' };
  'access_review.closed': { name: string };
  'reminder.acknowledged': { kind: string; dueOn: string; thresholdDays: number };
  'phi_guard.refused': { route: string; spans: PhiGuardSpan[] };
  'phi_guard.redacted': { route: string; spans: PhiGuardSpan[] };
  'phi_guard.overridden': { route: string; field: string; type: string; reason: string };
}

/** Where the PHI guard found PHI: the field and the kind, never the text. */
export interface PhiGuardSpan {
  field: string;
  type: string;
  start: number;
  end: number;
}

export type AuditAction = keyof AuditDetails;

/** How a patient was looked up (never the value looked up). */
export type PatientSearchKind = 'phone' | 'mrn' | 'name_dob' | 'family_dob' | 'ref';

/** What a caller states about an event; who and where come from the request's actor. */
export interface AuditEventInput<A extends AuditAction = AuditAction> {
  action: A;
  outcome?: 'success' | 'failure';
  resourceType?: string;
  resourceId?: string;
  clientId?: string | null;
  patientRef?: string | null;
  /** Names of the fields read or changed. */
  fields?: string[];
  /** Why: the stated purpose of a reveal or an export. */
  purpose?: string;
  details: AuditDetails[A];
}

/** Who caused an event and from where. */
export interface AuditSource {
  actorType: 'user' | 'token' | 'system';
  actorId: string | null;
  ip: string | null;
  requestId: string | null;
}

export const SYSTEM_SOURCE: AuditSource = { actorType: 'system', actorId: null, ip: null, requestId: null };
