/** The audit events the tokens module writes, merged into the platform's list (`AuditDetails`): detail never holds PHI or secrets. */
declare module '../../platform/audit/events.ts' {
  interface AuditDetails {
    'token.created': { name: string; scopes: string[]; clientIds: string[] | null };
    'token.revoked': { name: string };
  }
}

export {};
