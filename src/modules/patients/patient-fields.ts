import type { TenantDb } from '../../platform/db/tenant-db.ts';
import type { TenantInsert } from '../../platform/db/tenant-db.ts';
import type { PatientRow } from './patients.tables.ts';
import type { ClientKeys } from '../../platform/crypto/keyring.ts';
import { indexValue, normalizePhone } from './normalize.ts';
import type { Static } from 'typebox';
import type { PatientAddressSchema, PatientFieldValues, PatientIdentifierSchema, PatientNameSchema, PatientPhoneSchema } from './patients.schemas.ts';

/**
 * The PHI a patient record holds. Each field is its own ciphertext column, so a reveal
 * decrypts only what was asked for, and each has a data category (catalogue.ts, `Patient`).
 */
export type PatientFields = PatientFieldValues;
export type PatientName = Static<typeof PatientNameSchema>;
export type PatientPhone = Static<typeof PatientPhoneSchema>;
export type PatientAddress = Static<typeof PatientAddressSchema>;
export type PatientIdentifier = Static<typeof PatientIdentifierSchema>;

export type PatientField = keyof PatientFields;
type EncColumn = Extract<keyof PatientRow, `${string}_enc`>;

/** Field → its ciphertext column. */
export const PATIENT_COLUMNS: Record<PatientField, EncColumn> = {
  name: 'name_enc',
  phones: 'phones_enc',
  email: 'email_enc',
  callbackWindow: 'callback_window_enc',
  dateOfBirth: 'date_of_birth_enc',
  address: 'address_enc',
  mrn: 'mrn_enc',
  identifiers: 'identifiers_enc',
  fhirPatientId: 'fhir_patient_id_enc',
  insuranceMemberId: 'insurance_member_id_enc',
  notes: 'notes_enc',
};

export const PATIENT_FIELDS = Object.keys(PATIENT_COLUMNS) as PatientField[];

/** Fields the blind indexes are computed from. */
export const INDEXED_FIELDS: PatientField[] = ['name', 'phones', 'dateOfBirth', 'mrn', 'identifiers', 'fhirPatientId'];

/** A new, active patient row: its operational fields, and each ciphertext column empty unless given. */
export function newPatientRow(
  row: { id: string; clientId: string; ref: string; source: PatientRow['source']; createdBy: string | null; at: string },
  encrypted: Partial<Record<EncColumn, string | null>>,
): TenantInsert<'patients'> {
  const empty = Object.fromEntries(Object.values(PATIENT_COLUMNS).map((c) => [c, null])) as Record<EncColumn, null>;
  return {
    id: row.id,
    client_id: row.clientId,
    ref: row.ref,
    status: 'active',
    merged_into_id: null,
    source: row.source,
    ...empty,
    ...encrypted,
    created_by: row.createdBy,
    created_at: row.at,
    updated_at: row.at,
  };
}

/** The fields of a row that hold a value (names only: operational). */
export function presentFields(row: PatientRow): PatientField[] {
  return PATIENT_FIELDS.filter((f) => row[PATIENT_COLUMNS[f]] !== null);
}

/** Encrypts the given fields of one patient row into their columns (null clears a field). */
export async function encryptPatientFields(
  keyring: ClientKeys,
  tenant: TenantDb,
  clientId: string,
  rowId: string,
  fields: Partial<{ [F in PatientField]: PatientFields[F] | null }>,
): Promise<Partial<Record<EncColumn, string | null>>> {
  const plain: Partial<Record<EncColumn, string | null>> = {};
  for (const [field, value] of Object.entries(fields) as [PatientField, unknown][]) {
    if (value === undefined) continue;
    plain[PATIENT_COLUMNS[field]] = value === null ? null : typeof value === 'string' ? value : JSON.stringify(value);
  }
  return keyring.encryptRow(tenant, { clientId, table: 'patients', rowId }, plain);
}

/** Decrypts the named fields of a row. */
export async function decryptPatientFields(keyring: ClientKeys, tenant: TenantDb, row: PatientRow, fields: readonly PatientField[]): Promise<Partial<PatientFields>> {
  const envelopes: Partial<Record<EncColumn, string | null>> = {};
  for (const field of fields) envelopes[PATIENT_COLUMNS[field]] = row[PATIENT_COLUMNS[field]];
  const plain = await keyring.decryptRow(tenant, { clientId: row.client_id, table: 'patients', rowId: row.id }, envelopes);
  const out: Partial<Record<PatientField, unknown>> = {};
  for (const field of fields) {
    const value = plain[PATIENT_COLUMNS[field]];
    if (value === null || value === undefined) continue;
    out[field] = JSON_FIELDS.has(field) ? JSON.parse(value) : value;
  }
  return out as Partial<PatientFields>;
}

const JSON_FIELDS = new Set<PatientField>(['name', 'phones', 'address', 'identifiers']);

export type IndexKind = keyof typeof indexValue;

/** The (kind, normalised value) pairs a patient is findable by. */
export function indexEntries(fields: Partial<PatientFields>): { kind: IndexKind; value: string }[] {
  const out: { kind: IndexKind; value: string }[] = [];
  for (const phone of fields.phones ?? []) {
    const e164 = normalizePhone(phone.number);
    if (e164) out.push({ kind: 'phone', value: indexValue.phone(e164) });
  }
  if (fields.mrn) out.push({ kind: 'mrn', value: indexValue.mrn(fields.mrn) });
  if (fields.name && fields.dateOfBirth) {
    if (fields.name.given.trim()) out.push({ kind: 'name_dob', value: indexValue.name_dob(fields.name.family, fields.name.given, fields.dateOfBirth) });
    out.push({ kind: 'family_dob', value: indexValue.family_dob(fields.name.family, fields.dateOfBirth) });
  }
  if (fields.name?.family.trim()) out.push({ kind: 'family', value: indexValue.family(fields.name.family) });
  for (const id of fields.identifiers ?? []) out.push({ kind: 'identifier', value: indexValue.identifier(id.system, id.value) });
  if (fields.fhirPatientId) out.push({ kind: 'fhir_id', value: indexValue.fhir_id(fields.fhirPatientId) });
  // One digest per distinct entry.
  const seen = new Set<string>();
  return out.filter((e) => !seen.has(`${e.kind}\u0000${e.value}`) && seen.add(`${e.kind}\u0000${e.value}`));
}

/** Replaces a patient's blind-index rows with the digests of its current fields. */
export async function reindexPatient(keyring: ClientKeys, tenant: TenantDb, clientId: string, patientId: string, fields: Partial<PatientFields>): Promise<void> {
  await tenant.deleteFrom('patient_index').where('patient_id', '=', patientId).execute();
  const entries = indexEntries(fields);
  if (entries.length === 0) return;
  const digest = await keyring.blindIndexer(tenant, clientId);
  await tenant
    .insertInto(
      'patient_index',
      entries.map((e) => ({ client_id: clientId, patient_id: patientId, kind: e.kind, digest: digest(e.kind, e.value) })),
    )
    .execute();
}
