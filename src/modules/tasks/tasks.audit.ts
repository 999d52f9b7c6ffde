/** The audit events the tasks module writes, merged into the platform's list (`AuditDetails`): detail never holds PHI or secrets. */
declare module '../../platform/audit/events.ts' {
  interface AuditDetails {
    'queue.created': { name: string };
    'queue.updated': { changed: string[] };
    'queue.reordered': { queues: number };
    'duty.changed': { onDuty: boolean };
    'task.created': { queueId: string; priority: string; reasonCode: string; followUpOf: string | null; via: 'console' | 'integration' };
    'task.claimed': { via: 'claim_next' };
    'task.released': Record<string, never>;
    'task.assigned': { assigneeId: string | null; via?: 'push' };
    'task.attempt_logged': { number: number; channel: string; outcome: string; disclosure: 'none' | 'details_given'; status: string };
    'task.escalated': { reason: 'max_attempts' | 'wrong_number' | 'manual' };
    'task.completed': { resolution: string; followUpTaskId: string | null };
    'task.cancelled': { reason: string };
    'task.message_added': { category: 'clinical' };
  }
}

export {};
