/**
 * The tasks module's domain events. Live screens (the SSE stream of events.routes.ts) and push
 * assignment subscribe to `task.changed`; it carries ids and statuses only, never PHI: a
 * screen that hears of a change fetches what it shows through the API.
 */
export interface TaskChange {
  orgId: string;
  clientId: string;
  queueId: string;
  taskId: string;
  status: string;
  /** What happened: the audit action of the change (task.created, task.claimed…). */
  action: string;
}

declare module '../../platform/events/domain-events.ts' {
  interface DomainEvents {
    'task.changed': TaskChange;
  }
}
