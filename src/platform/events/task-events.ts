/**
 * Task changes for live screens. Services publish after their transaction commits; the events
 * route streams them (Server-Sent Events) to each signed-in person for the clients they may
 * see. Events carry ids and statuses only, never PHI: a screen that hears of a change fetches
 * what it shows through the API, under the same checks as always.
 *
 * One process delivers in memory. Several app instances need a shared channel (PostgreSQL
 * LISTEN/NOTIFY or Redis pub/sub): an implementation of `TaskEventBus` installed with
 * `useTaskEventBus` at start, and nothing else changes.
 */
import { EventEmitter } from 'node:events';

export interface TaskChange {
  orgId: string;
  clientId: string;
  queueId: string;
  taskId: string;
  status: string;
  /** What happened: the audit action of the change (task.created, task.claimed…). */
  action: string;
}

export interface TaskEventBus {
  publish(change: TaskChange): void;
  /** Calls `listener` for every change in the organization; returns the unsubscribe function. */
  subscribe(orgId: string, listener: (change: TaskChange) => void): () => void;
}

/** Delivery inside one process. */
export class LocalTaskEventBus implements TaskEventBus {
  readonly #emitter = new EventEmitter();

  constructor() {
    // One listener per open console; the default warning at 10 is meant for leaks, not for this.
    this.#emitter.setMaxListeners(0);
  }

  publish(change: TaskChange): void {
    this.#emitter.emit(change.orgId, change);
  }

  subscribe(orgId: string, listener: (change: TaskChange) => void): () => void {
    this.#emitter.on(orgId, listener);
    return () => this.#emitter.off(orgId, listener);
  }
}

let bus: TaskEventBus = new LocalTaskEventBus();

/** Installs another bus (a shared channel for several instances). */
export function useTaskEventBus(next: TaskEventBus): void {
  bus = next;
}

export function taskEvents(): TaskEventBus {
  return bus;
}
