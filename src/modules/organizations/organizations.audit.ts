/** The audit events the organizations module writes, merged into the platform's list (`AuditDetails`): detail never holds PHI or secrets. */
declare module '../../platform/audit/events.ts' {
  interface AuditDetails {
    'org.created': { orgName: string };
  }
}

export {};
