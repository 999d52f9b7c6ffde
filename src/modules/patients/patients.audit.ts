/** The audit events the patients module writes, merged into the platform's list (`AuditDetails`): detail never holds PHI or secrets. */
declare module '../../platform/audit/events.ts' {
  interface AuditDetails {
    'patient.created': { source: 'manual' | 'practice_system' | 'integration'; possibleDuplicates: number };
    'patient.updated': { changed: string[] };
    'patient.searched': { by: PatientSearchKind; results: number };
    'patient.merged': { survivorRef: string; duplicateRef: string };
    'patient.linked': { source: 'practice_system' };
  }
}

/** How a patient was looked up (never the value looked up). */
export type PatientSearchKind = 'phone' | 'mrn' | 'name_dob' | 'family_dob' | 'ref';
