/** The audit events the reports module writes, merged into the platform's list (`AuditDetails`): detail never holds PHI or secrets. */
declare module '../../platform/audit/events.ts' {
  interface AuditDetails {
    'report.viewed': ReportDetails;
    'report.exported': ReportDetails;
  }
}

/** Which report was read: the client, the period (the client's days) and the form; never a figure. */
export interface ReportDetails {
  report: 'callbacks';
  from: string;
  to: string;
  format: 'json' | 'csv' | 'pdf';
}
