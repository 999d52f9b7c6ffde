/** The audit events the on-call module writes, merged into the platform's list (`AuditDetails`): ids, counts and fixed words, never PHI. */
declare module '../../platform/audit/events.ts' {
  interface AuditDetails {
    'oncall.contact_added': { kind: string };
    'oncall.contact_removed': { kind: string };
    'oncall.contact_verified': { kind: string; outcome: 'verified' | 'wrong_code' | 'expired' };
    'oncall.contacts_ordered': { count: number };
    'oncall.settings_changed': { changed: string[] };
    'oncall.schedule_saved': { version: number; rotations: number; shifts: number; overrides: number; gaps: number; overlaps: number };
    'oncall.feed_token_issued': Record<string, never>;
    'oncall.feed_token_revoked': Record<string, never>;
    'urgent.created': { priority: string; origin: 'task' | 'direct' | 'automatic'; primary: string | null; backups: number; steps: number };
    'urgent.acknowledged': { late: boolean; role: string | null };
    'urgent.replied': { replyId: string };
    'urgent.reply_handled': { replyId: string };
    'urgent.cancelled': Record<string, never>;
    'urgent.exhausted': { fallbackTaskId: string | null };
  }
}

export {};
