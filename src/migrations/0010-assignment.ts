import type { Kysely } from 'kysely';
import type { Engine } from '../platform/db/database.ts';
import { columnTypes } from '../platform/db/column-types.ts';

/**
 * Push assignment: a queue either waits for agents to take work (pull, as before) or hands
 * it out round-robin to the agents on duty for its client (push); each person's duty, and
 * when they were last handed a callback, for the round-robin order.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);
  await db.schema.alterTable('queues').addColumn('assignment_mode', 'text', (c) => c.notNull().defaultTo('pull')).execute();
  await db.schema
    .createTable('agent_duty')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    // 1 while the person takes pushed callbacks.
    .addColumn('on_duty', 'integer', (c) => c.notNull())
    .addColumn('changed_at', t.timestamp, (c) => c.notNull())
    .addColumn('last_assigned_at', t.timestamp)
    .addPrimaryKeyConstraint('agent_duty_pk', ['org_id', 'user_id'])
    .execute();
  // Each agent's open claims, for the capacity limit, are counted with tasks_assignee_idx (0004).
}
