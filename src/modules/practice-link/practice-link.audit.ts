/** The audit events the practice-link module writes, merged into the platform's list (`AuditDetails`): detail never holds PHI or secrets. */
declare module '../../platform/audit/events.ts' {
  interface AuditDetails {
    'practice_link.configured': { host: string; authType: 'none' | 'bearer' | 'basic' };
    'practice_link.removed': Record<string, never>;
  }
}

export {};
