/** Minimum necessary: every stored field belongs to one of these categories (docs/product.md, "Data categories and roles"). */
export const DATA_CATEGORIES = ['operational', 'contact', 'identity', 'clinical', 'billing', 'recording'] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/** Categories that hold PHI; a role granting any of them requires multi-factor sign-in. */
export const PHI_CATEGORIES: readonly DataCategory[] = ['contact', 'identity', 'clinical', 'billing', 'recording'];

/** What a permission lets one do. `manage` is every action; `reveal` is an explicit, logged read of PHI. */
export const ACTIONS = ['read', 'create', 'update', 'delete', 'manage', 'reveal', 'export'] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * Each subject (resource type) with the category of each of its fields. A field not listed is
 * operational. Modules register their subjects here so one table answers "who sees what".
 */
export interface SubjectDefinition {
  /** Category per field name; unlisted fields are operational. */
  fields: Record<string, DataCategory>;
}

export const SUBJECTS = {
  Organization: { fields: {} },
  Client: { fields: {} },
  User: { fields: {} },
  Role: { fields: {} },
  RoleAssignment: { fields: {} },
  ApiToken: { fields: {} },
  AuditEvent: { fields: {} },
  Queue: { fields: {} },
  Task: { fields: {} },
  Patient: {
    fields: {
      name: 'contact',
      phones: 'contact',
      callbackWindow: 'contact',
      email: 'contact',
      dateOfBirth: 'identity',
      address: 'identity',
      mrn: 'identity',
      identifiers: 'identity',
      fhirPatientId: 'identity',
      insuranceMemberId: 'billing',
      notes: 'clinical',
    },
  },
  ClinicalMessage: { fields: { body: 'clinical' } },
  UrgentMessage: { fields: { body: 'clinical', replies: 'clinical' } },
  /** On-call schedules, settings and providers' contact points: staff data, no patient fields. */
  OnCall: { fields: {} },
  Recording: { fields: { audio: 'recording' } },
  ComplianceRecord: { fields: {} },
  /** Callback reports per client: aggregates only, no patient fields at all. */
  Report: { fields: {} },
} satisfies Record<string, SubjectDefinition>;

export type SubjectType = keyof typeof SUBJECTS;

/** The category of one field of a subject. */
export function categoryOf(subject: SubjectType, field: string): DataCategory {
  return (SUBJECTS[subject].fields as Record<string, DataCategory>)[field] ?? 'operational';
}
