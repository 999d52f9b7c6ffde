import type { Selectable } from 'kysely';
import type { Timestamp } from '../../platform/db/types.ts';

/** The patient directory: encrypted fields, references and the blind index. This module owns these tables: only its own code queries them (test/ownership.test.ts). */
declare module '../../platform/db/types.ts' {
  interface Database {
    patients: PatientsTable;
    patient_refs: PatientRefsTable;
    patient_index: PatientIndexTable;
  }
}

export const PATIENT_STATUSES = ['active', 'merged'] as const;
export type PatientStatus = (typeof PATIENT_STATUSES)[number];
/** Where a record came from: typed in, imported from the practice's system, or sent by an integration's token. */
export const PATIENT_SOURCES = ['manual', 'practice_system', 'integration'] as const;
export type PatientSource = (typeof PATIENT_SOURCES)[number];

export interface PatientsTable {
  id: string;
  org_id: string;
  client_id: string;
  /** Opaque patient reference (P-7F3K2Q): operational, never derived from PHI. */
  ref: string;
  status: PatientStatus;
  /** Set when this record was merged into another (the survivor). */
  merged_into_id: string | null;
  source: PatientSource;
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
export type PatientRow = Selectable<PatientsTable>;
