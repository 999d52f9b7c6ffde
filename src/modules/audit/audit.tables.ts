import type { Timestamp, JsonText } from '../../platform/db/types.ts';

/** Anomaly alerts and the rules' working state. This module owns these tables: only its own code queries them (test/ownership.test.ts). */
declare module '../../platform/db/types.ts' {
  interface Database {
    audit_alerts: AuditAlertsTable;
    audit_anomaly_rules: AuditAnomalyRulesTable;
    audit_anomaly_cursor: AuditAnomalyCursorTable;
    audit_anomaly_pending: AuditAnomalyPendingTable;
    audit_person_hours: AuditPersonHoursTable;
    audit_person_networks: AuditPersonNetworksTable;
  }
}

export type AlertSeverity = 'low' | 'medium' | 'high';
export type AlertStatus = 'open' | 'benign' | 'escalated';

export interface AuditAlertsTable {
  id: string;
  org_id: string;
  rule: string;
  severity: AlertSeverity;
  status: AlertStatus;
  raised_at: Timestamp;
  person_id: string | null;
  client_id: string | null;
  patient_ref: string | null;
  summary: string;
  event_ids: JsonText;
  dedupe_key: string;
  assigned_to: string | null;
  assigned_at: Timestamp | null;
  resolved_by: string | null;
  resolved_at: Timestamp | null;
  resolution_reason: string | null;
  incident_id: string | null;
}
export interface AuditAnomalyRulesTable {
  org_id: string;
  rule: string;
  enabled: number;
  severity: AlertSeverity;
  params: JsonText;
  updated_at: Timestamp;
  updated_by: string | null;
}
export interface AuditAnomalyCursorTable {
  org_id: string;
  position: number;
  updated_at: Timestamp;
}
export interface AuditAnomalyPendingTable {
  id: string;
  org_id: string;
  rule: string;
  event_id: number;
  person_id: string;
  client_id: string;
  patient_ref: string;
  due_at: Timestamp;
}
export interface AuditPersonHoursTable {
  org_id: string;
  user_id: string;
  hour: string;
  reveals: number;
  accesses: number;
}
export interface AuditPersonNetworksTable {
  org_id: string;
  user_id: string;
  network: string;
  first_seen: Timestamp;
}
