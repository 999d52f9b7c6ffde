/**
 * Every audit event Ringfence writes, with the detail each one carries. Detail never holds
 * PHI or secrets: names of fields, never their values. The platform's own events are listed
 * here; each module declares its events in its `<name>.audit.ts`, merged into this interface.
 */
export interface AuditDetails {
  'auth.login.succeeded': { stage: 'password' };
  'auth.login.failed': { reason: 'bad_password' | 'locked' | 'deactivated' };
  'auth.lockout': { until: string; attempts: number; factor: 'password' | 'second_factor' };
  'auth.mfa.enrollment_started': Record<string, never>;
  'auth.mfa.enrolled': { recoveryCodes: number };
  'auth.mfa.verified': { method: 'totp' | 'recovery_code'; recoveryCodesLeft?: number };
  'auth.mfa.failed': { method: 'totp' | 'recovery_code'; reason: 'invalid' | 'replayed' };
  'auth.logout': Record<string, never>;
  'auth.session.expired': { reason: 'idle' | 'absolute' };
  'auth.password.changed': Record<string, never>;
  'keys.rotated': { version: number };
  'keys.rewrapped': { version: number; rows: number; interrupted: boolean };
  'keys.destroyed': { keys: number };
  'keys.master_rotated': { keys: number; masterKeyId: string };
  'phi.read': { source: 'vault' | 'practice_system'; results?: number };
  'phi_guard.refused': { route: string; spans: PhiGuardSpan[] };
  'phi_guard.redacted': { route: string; spans: PhiGuardSpan[] };
  'phi_guard.overridden': { route: string; field: string; type: string; reason: string };
  /** The audit trail itself was exported (`ringfence audit export`, `GET /api/audit/export`): the period and filter, never the events. */
  'audit.exported': { format: 'jsonl' | 'csv' | 'fhir'; from: string; to: string; clientId: string | null };
  'audit.pruned': { throughPosition: number; events: number; oldestAt: string | null; newestAt: string | null; checkpointAt: string };
}

/** Where the PHI guard found PHI: the field and the kind, never the text. */
export interface PhiGuardSpan {
  field: string;
  type: string;
  start: number;
  end: number;
}

export type AuditAction = keyof AuditDetails;

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
