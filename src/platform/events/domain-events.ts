/**
 * Typed domain events: what happened, for whoever listens in the app (live screens, push
 * assignment). The bus is the platform's (`Platform.events`, built in buildApp), never a
 * module-level global. Events carry ids and statuses only, never PHI: a listener that needs
 * more reads it through the services, under the same checks as always.
 *
 * Services publish through their context (`publish(ctx, …)` in src/platform/context.ts), which
 * holds events raised inside a transaction until the outermost one commits and drops them on
 * rollback, so nobody hears of a change that did not happen.
 *
 * One process delivers in memory. Several app instances need a shared channel (PostgreSQL
 * LISTEN/NOTIFY, Redis pub/sub): another `DomainEventBus` handed to buildApp, and nothing else
 * changes.
 */
import { EventEmitter } from 'node:events';

/**
 * The events by type. Each module adds its own by declaration merging, next to its code:
 *
 * ```ts
 * declare module '../../platform/events/domain-events.ts' {
 *   interface DomainEvents { 'task.changed': TaskChange }
 * }
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainEvents {}

export type DomainEventType = keyof DomainEvents & string;

/** Every event names its organization: a subscriber hears only the organizations it asks for. */
export interface OrganizationEvent {
  orgId: string;
}

/** An event of a type as published and heard. */
export type DomainEvent<T extends DomainEventType> = DomainEvents[T] & OrganizationEvent;

/** Where an actor's events go: the bus, or a transaction's pending list. */
export interface EventSink {
  publish<T extends DomainEventType>(type: T, event: DomainEvent<T>): void;
}

export interface DomainEventBus extends EventSink {
  /**
   * Calls `listener` for every event of `type` (of one organization with `orgId`, of every
   * organization without); returns the unsubscribe function.
   */
  subscribe<T extends DomainEventType>(type: T, listener: (event: DomainEvent<T>) => void, filter?: { orgId?: string }): () => void;
}

/** A sink that drops everything: the command line, where nothing in the process listens. */
export const DISCARD_EVENTS: EventSink = { publish: () => {} };

/**
 * Delivery inside one process, synchronous and in order. A listener that throws is reported
 * and does not stop the others, nor the publisher: its change has committed already.
 */
export class LocalEventBus implements DomainEventBus {
  readonly #emitter = new EventEmitter();
  readonly #onListenerError: (err: unknown, type: string) => void;

  constructor(onListenerError: (err: unknown, type: string) => void) {
    this.#onListenerError = onListenerError;
    // One listener per open console; the default warning at 10 is meant for leaks, not for this.
    this.#emitter.setMaxListeners(0);
  }

  publish<T extends DomainEventType>(type: T, event: DomainEvent<T>): void {
    this.#emitter.emit(type, event);
    this.#emitter.emit(`${type}|${event.orgId}`, event);
  }

  subscribe<T extends DomainEventType>(type: T, listener: (event: DomainEvent<T>) => void, filter: { orgId?: string } = {}): () => void {
    const channel = filter.orgId === undefined ? type : `${type}|${filter.orgId}`;
    const guarded = (event: DomainEvent<T>) => {
      try {
        listener(event);
      } catch (err) {
        this.#onListenerError(err, type);
      }
    };
    this.#emitter.on(channel, guarded);
    return () => this.#emitter.off(channel, guarded);
  }
}

/**
 * The events of one transaction, held until it commits: `flush` hands them, in order, to the
 * sink that was there before; a rollback never calls it, so they go with the change.
 */
export class PendingEvents implements EventSink {
  readonly #held: (() => void)[] = [];

  constructor(readonly after: EventSink) {}

  publish<T extends DomainEventType>(type: T, event: DomainEvent<T>): void {
    this.#held.push(() => this.after.publish(type, event));
  }

  flush(): void {
    for (const deliver of this.#held.splice(0)) deliver();
  }
}
