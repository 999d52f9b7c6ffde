import type { Selectable } from 'kysely';
import type { JsonText, Timestamp } from '../../platform/db/types.ts';

/** Incidents and breach notification. This module owns these tables: only its own code queries them (test/ownership.test.ts). */
declare module '../../platform/db/types.ts' {
  interface Database {
    incidents: IncidentsTable;
    incident_changes: IncidentChangesTable;
    incident_clients: IncidentClientsTable;
    incident_patients: IncidentPatientsTable;
    incident_assessments: IncidentAssessmentsTable;
    incident_notices: IncidentNoticesTable;
  }
}

export const INCIDENT_TYPES = ['misdirected_disclosure', 'wrong_number_voicemail', 'lost_device', 'stolen_device', 'unauthorized_access', 'vendor_incident', 'other'] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];
export const INCIDENT_STATUSES = ['reported', 'assessing', 'determined', 'notifying', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const SOURCE_TYPES = ['task', 'alert', 'vendor', 'manual'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];
export const DETERMINATIONS = ['breach', 'low_probability', 'excluded'] as const;
export type Determination = (typeof DETERMINATIONS)[number];

/** The picklists of HHS's breach portal, so a client can file from the record as it stands. */
export const HHS_BREACH_TYPES = ['Hacking/IT Incident', 'Improper Disposal', 'Loss', 'Theft', 'Unauthorized Access/Disclosure', 'Other'] as const;
export type HhsBreachType = (typeof HHS_BREACH_TYPES)[number];
export const HHS_LOCATIONS = ['Desktop Computer', 'Electronic Medical Record', 'Email', 'Laptop', 'Network Server', 'Other Portable Electronic Devices', 'Paper/Films', 'Other'] as const;
export type HhsLocation = (typeof HHS_LOCATIONS)[number];
export const HHS_PHI_TYPES = ['Clinical', 'Demographic', 'Financial', 'Other'] as const;
export type HhsPhiType = (typeof HHS_PHI_TYPES)[number];

export const NOTICE_CHANNELS = ['email', 'mail', 'fax', 'portal', 'phone', 'in_person'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

export interface IncidentsTable {
  id: string;
  org_id: string;
  ref: string;
  type: IncidentType;
  status: IncidentStatus;
  /** When the organization knew, or by reasonable diligence would have known: every clock starts here. */
  discovered_at: Timestamp;
  occurred_from: Timestamp | null;
  occurred_to: Timestamp | null;
  reported_at: Timestamp;
  reported_by: string | null;
  owner_id: string | null;
  /** PHI-guarded text. */
  description: string;
  source_type: SourceType;
  source_id: string | null;
  subject_user_id: string | null;
  vendor_id: string | null;
  hhs_breach_type: HhsBreachType;
  hhs_location: HhsLocation;
  derived_categories: JsonText;
  le_delay_kind: 'written' | 'oral' | null;
  le_delay_stated_at: Timestamp | null;
  le_delay_until: Timestamp | null;
  le_agency: string | null;
  closed_at: Timestamp | null;
  close_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface IncidentChangesTable {
  id: string;
  org_id: string;
  incident_id: string;
  changed_at: Timestamp;
  changed_by: string | null;
  /** JSON array of field names (or "scope"). */
  changed: JsonText;
  reason: string | null;
}
export interface IncidentClientsTable {
  org_id: string;
  incident_id: string;
  client_id: string;
  origin: 'derived' | 'added';
  removed: number;
  individuals: number | null;
  reason: string | null;
}
export interface IncidentPatientsTable {
  org_id: string;
  incident_id: string;
  client_id: string;
  patient_ref: string;
  origin: 'derived' | 'added';
  removed: number;
  events: number;
  reason: string | null;
}
export interface IncidentAssessmentsTable {
  id: string;
  org_id: string;
  incident_id: string;
  version: number;
  exclusions: JsonText;
  factors: JsonText;
  determination: Determination | null;
  reasoning: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  signed_by: string | null;
  signed_at: Timestamp | null;
}
export interface IncidentNoticesTable {
  id: string;
  org_id: string;
  incident_id: string;
  client_id: string;
  sequence: number;
  previous_id: string | null;
  facts: JsonText;
  sha256: string;
  generated_by: string | null;
  generated_at: Timestamp;
  sent_at: Timestamp | null;
  sent_by: string | null;
  sent_via: NoticeChannel | null;
  sent_to: string | null;
  late_reason: string | null;
}
export type IncidentRow = Selectable<IncidentsTable>;
export type AssessmentRow = Selectable<IncidentAssessmentsTable>;
export type NoticeRow = Selectable<IncidentNoticesTable>;
