/** The audit events the audit module writes, merged into the platform's list (`AuditDetails`): ids and fixed words, never PHI. */
declare module '../../platform/audit/events.ts' {
  interface AuditDetails {
    'audit.alert_assigned': { alertId: string; assigneeId: string };
    'audit.alert_resolved': { alertId: string; outcome: 'benign' | 'escalated'; incidentId: string | null };
    'audit.patient_history_viewed': { results: number; before: number | null };
    'audit.disclosures_exported': { format: 'csv' | 'pdf'; from: string; to: string };
    'audit.rule_changed': { rule: string; enabled: boolean; severity: string; params: Record<string, number> };
  }
}

export {};
