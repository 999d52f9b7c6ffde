/** The audit events the clients module writes, merged into the platform's list (`AuditDetails`): detail never holds PHI or secrets. */
declare module '../../platform/audit/events.ts' {
  interface AuditDetails {
    'client.created': { name: string };
    'client.updated': { changed: string[] };
  }
}

export {};
