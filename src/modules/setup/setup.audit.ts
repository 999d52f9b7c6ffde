/** The audit events the setup module writes, merged into the platform's list (`AuditDetails`): detail never holds PHI or secrets. */
declare module '../../platform/audit/events.ts' {
  interface AuditDetails {
    'setup.completed': { orgName: string };
  }
}

export {};
