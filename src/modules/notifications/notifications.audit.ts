/** The audit events the notifications module writes, merged into the platform's list (`AuditDetails`): detail never holds PHI or secrets. */
declare module '../../platform/audit/events.ts' {
  interface AuditDetails {
    'notification_channel.created': { kind: string; vendorId: string; host: string | null };
    'notification_channel.updated': { changed: string[] };
    'notification_channel.enabled': { vendorId: string };
    'notification_channel.disabled': Record<string, never>;
    /** A webhook channel's signing secret was replaced (the secret itself is never recorded). */
    'notification_channel.secret_rotated': Record<string, never>;
    /** A test message sent from the channel's settings: whether it went, and why not, in Ringfence's words. */
    'notification_channel.tested': { sent: boolean; reason: string | null };
  }
}

export {};
