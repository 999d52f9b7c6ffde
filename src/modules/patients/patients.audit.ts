/** The audit events the patients module writes, merged into the platform's list (`AuditDetails`): detail never holds PHI or secrets. */
declare module '../../platform/audit/events.ts' {
  interface AuditDetails {
    'patient.created': { source: 'manual' | 'practice_system' | 'integration'; possibleDuplicates: number };
    'patient.updated': { changed: string[] };
    'patient.searched': { by: PatientSearchKind; results: number };
    /** One patient a search showed (under their reference): how they were looked up, never the value. */
    'patient.search_hit': { by: PatientSearchKind; match: 'exact' | 'partial' };
    'patient.merged': { survivorRef: string; duplicateRef: string };
    'patient.linked': { source: 'practice_system' };
    /** A person opened a patient of a client they are not assigned to, for a limited time; the reason is kept with the grant. */
    'breakglass.opened': { grantId: string; minutes: number; expiresAt: string };
  }
}

/** How a patient was looked up (never the value looked up). */
export type PatientSearchKind = 'phone' | 'mrn' | 'name_dob' | 'family_dob' | 'ref';
