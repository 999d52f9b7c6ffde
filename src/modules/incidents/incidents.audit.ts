/** The audit events the incidents module writes, merged into the platform's list (`AuditDetails`): detail never holds PHI, only ids, counts and fixed words. */
declare module '../../platform/audit/events.ts' {
  interface AuditDetails {
    'incident.reported': { ref: string; type: string; source: string; clients: number; patients: number };
    'incident.updated': { ref: string; changed: string[]; status: string };
    'incident.scope_changed': { ref: string; clients: number; patients: number; added: number; removed: number; counts: number };
    'incident.assessment_saved': { ref: string; version: number };
    'incident.assessment_signed': { ref: string; version: number; determination: string };
    'incident.notice_generated': { ref: string; clientId: string; sequence: number; sha256: string };
    'incident.notice_read': { ref: string; noticeId: string; format: string };
    'incident.notice_sent': { ref: string; noticeId: string; via: string; late: boolean };
    'incident.closed': { ref: string };
    'incident.breach_log_exported': { clientId: string | null; year: number; rows: number };
  }
}

export {};
