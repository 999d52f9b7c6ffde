/** The patients module's public face: other modules import from here, never from its files (eslint.config.js). */
export { PATIENT_FIELDS } from './patient-fields.ts';
export type { PatientField, PatientFields, PatientPhone } from './patient-fields.ts';
export { fieldSchemas, optional, PatientSummarySchema, REVEAL_PURPOSES } from './patients.schemas.ts';
export type { PatientSummary, RevealPurpose } from './patients.schemas.ts';
export { assertClient, createPatient, findByPracticeId, getPatient, patientAuditIdentity, patientIdByRef, patientSharesFamilyName, storedPatientFields, updatePatient } from './patients.service.ts';
export type { PatientAuditIdentity, PatientInput } from './patients.service.ts';
