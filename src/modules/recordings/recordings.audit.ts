/** The audit events the recordings module writes, merged into the platform's list (`AuditDetails`): detail never holds PHI. */
declare module '../../platform/audit/events.ts' {
  interface AuditDetails {
    'recording.stored': { bytes: number; contentType: string; source: string; taskId: string | null };
    'recording.played': { range: string; bytes: number; mode: 'read' | 'reveal' };
    'recording.destroyed': { reason: 'retention'; retentionUntil: string; bytes: number };
  }
}

export {};
