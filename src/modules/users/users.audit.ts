/** The audit events the users module writes, merged into the platform's list (`AuditDetails`): detail never holds PHI or secrets. */
declare module '../../platform/audit/events.ts' {
  interface AuditDetails {
    'user.created': { email: string };
    'user.updated': { changed: string[] };
    'user.deactivated': { sessionsEnded: number };
    'user.reactivated': Record<string, never>;
    'role.assigned': { role: string; clientId: string | null };
    'role.revoked': { role: string; clientId: string | null };
    /** An administrator tried to give themselves a role that reaches PHI: refused, and an alert for compliance. */
    'role.self_grant_refused': { role: string; clientId: string | null };
  }
}

export {};
