/**
 * The patients module's contract: the PHI fields as written and revealed, and the directory's
 * answers, which carry references and operational fields only. The services' types are derived
 * from these schemas (`Static<>`), so a field is declared once. Other modules (tasks, the
 * practice link) take the field schemas through index.ts.
 */
import { Type, type Static, type TOptional, type TSchema } from 'typebox';
import { Email, Id, IsoDate, IsoTime, Literals, Nullable, Out, SearchTerm, Strict, VaultText } from '../../platform/http/schemas.ts';
import { PATIENT_FIELDS } from './patient-fields.ts';
import { PATIENT_SOURCES, PATIENT_STATUSES } from './patients.tables.ts';

// Every string of a patient's record is PHI by nature: vault text under its field's data category.
export const PatientNameSchema = Strict({ given: VaultText(100, 'contact', 0), family: VaultText(100, 'contact', 1, { pattern: '\\S' }) });
/** A phone's number is E.164, as normalised when stored. */
export const PatientPhoneSchema = Strict({ number: VaultText(40, 'contact', 3), type: Literals(['mobile', 'home', 'work', 'other'] as const) });
export const PatientAddressSchema = Strict({
  line1: VaultText(200, 'identity'),
  line2: Type.Optional(VaultText(200, 'identity', 0)),
  city: VaultText(100, 'identity'),
  state: VaultText(40, 'identity'),
  postalCode: VaultText(10, 'identity', 5, { pattern: '^[0-9]{5}(-[0-9]{4})?$' }),
});
export const PatientIdentifierSchema = Strict({ system: VaultText(200, 'identity'), value: VaultText(100, 'identity') });

/** Every PHI field, as written and as revealed. */
export const fieldSchemas = {
  name: PatientNameSchema,
  phones: Type.Array(PatientPhoneSchema, { maxItems: 6 }),
  email: Email,
  callbackWindow: VaultText(200, 'contact'),
  dateOfBirth: IsoDate,
  address: PatientAddressSchema,
  mrn: VaultText(64, 'identity'),
  identifiers: Type.Array(PatientIdentifierSchema, { maxItems: 10 }),
  fhirPatientId: VaultText(64, 'identity'),
  insuranceMemberId: VaultText(64, 'billing'),
  notes: VaultText(2000, 'clinical'),
};
/** The value of each PHI field, from its schema. */
export type PatientFieldValues = { [K in keyof typeof fieldSchemas]: Static<(typeof fieldSchemas)[K]> };

/** The fields, each optional. */
export const optional = <T extends Record<string, TSchema>>(fields: T) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Type.Optional(v)])) as { [K in keyof T]: TOptional<T[K]> };
/** The fields, each optional or null (null removes one). */
const clearable = <T extends Record<string, TSchema>>(fields: T) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Type.Optional(Nullable(v))])) as { [K in keyof T]: TOptional<ReturnType<typeof Nullable<T[K]>>> };

const { name: _name, ...optionalOnCreate } = fieldSchemas;

/** What lists and lookups return: the reference and operational fields, never PHI. */
export const PatientSummarySchema = Out({
  id: Type.String(),
  ref: Type.String({ description: 'Opaque patient reference, e.g. P-7F3K2Q' }),
  clientId: Type.String(),
  status: Literals(PATIENT_STATUSES),
  mergedIntoRef: Nullable(Type.String()),
  source: Literals(PATIENT_SOURCES),
  present: Type.Array(Type.String(), { description: 'Names of the PHI fields that hold a value' }),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type PatientSummary = Static<typeof PatientSummarySchema>;

/** A search result; `exact`: every criterion matched, `partial`: family name and date of birth matched, the given name did not. */
export const PatientMatchSchema = Out({ ...PatientSummarySchema.properties, match: Literals(['exact', 'partial'] as const) });
export type PatientMatch = Static<typeof PatientMatchSchema>;

const RefList = Type.Array(Out({ id: Type.String(), ref: Type.String() }));

export const PatientSearchBody = Strict({
  clientId: Id,
  phone: Type.Optional(SearchTerm(40)),
  mrn: Type.Optional(SearchTerm(64)),
  ref: Type.Optional(SearchTerm(12)),
  family: Type.Optional(SearchTerm(100)),
  given: Type.Optional(SearchTerm(100, 0)),
  dateOfBirth: Type.Optional(IsoDate),
});
export type PatientSearch = Static<typeof PatientSearchBody>;

export const NewPatientBody = Strict({ clientId: Id, name: PatientNameSchema, ...optional(optionalOnCreate) });
export const CreatedPatientSchema = Out({ patient: PatientSummarySchema, possibleDuplicates: RefList });
export type CreatedPatient = Static<typeof CreatedPatientSchema>;

export const PatientChangesBody = Strict({ name: Type.Optional(PatientNameSchema), ...clearable(optionalOnCreate) });

/** Why PHI is being revealed: recorded with every reveal. */
export const REVEAL_PURPOSES = ['callback', 'identity_verification', 'intake', 'care_coordination', 'record_correction', 'quality_review', 'compliance_review'] as const;
export type RevealPurpose = (typeof REVEAL_PURPOSES)[number];

export const RevealBody = Strict({ fields: Type.Array(Literals(PATIENT_FIELDS), { minItems: 1, maxItems: PATIENT_FIELDS.length, uniqueItems: true }), purpose: Literals(REVEAL_PURPOSES) });
export type RevealRequest = Static<typeof RevealBody>;
export const RevealedPatientSchema = Out({ id: Type.String(), ref: Type.String(), clientId: Type.String(), fields: Out(optional(fieldSchemas)) });
export type RevealedPatient = Static<typeof RevealedPatientSchema>;
