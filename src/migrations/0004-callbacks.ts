import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Engine } from '../platform/db/database.ts';
import { columnTypes } from '../platform/db/column-types.ts';

/**
 * The callback workflow: each client's callback policy, its queues, callback tasks with their
 * contact attempts and clinical messages (ciphertext only), and the answers kept for
 * idempotent intake.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);

  // SLA per priority, business hours, attempts and what follows the last one, reason codes (JSON).
  await db.schema.alterTable('clients').addColumn('callback_policy', 'text').execute();

  await db.schema
    .createTable('queues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('queues_name_idx').on('queues').columns(['org_id', 'client_id', 'name']).unique().execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('queue_id', 'text', (c) => c.notNull().references('queues.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('patient_ref', 'text', (c) => c.notNull())
    .addColumn('reason_code', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('priority_rank', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('callback_after', t.timestamp)
    .addColumn('callback_before', t.timestamp)
    .addColumn('due_at', t.timestamp, (c) => c.notNull())
    // When the task may next be claimed: at intake, after a failed attempt's wait, or when a claim lapses.
    .addColumn('ready_at', t.timestamp, (c) => c.notNull())
    .addColumn('assignee_id', 'text')
    .addColumn('claimed_at', t.timestamp)
    .addColumn('attempt_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_outcome', 'text')
    .addColumn('incident_flag', 'text')
    .addColumn('resolution', 'text')
    .addColumn('parent_task_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('closed_at', t.timestamp)
    .execute();
  // Claim next: only the workable tasks of a client (a small part of a long history), in the order
  // agents work them, so the first ready one is found without sorting. Queries name the same
  // statuses as literals, which lets both engines match this partial index.
  await db.schema
    .createIndex('tasks_workable_idx')
    .on('tasks')
    .columns(['org_id', 'client_id', 'priority_rank', 'due_at', 'id', 'ready_at'])
    .where(sql<SqlBool>`status in ('open', 'claimed', 'waiting')`)
    .execute();
  await db.schema.createIndex('tasks_client_idx').on('tasks').columns(['org_id', 'client_id', 'status', 'due_at']).execute();
  await db.schema.createIndex('tasks_queue_idx').on('tasks').columns(['org_id', 'queue_id', 'status', 'due_at']).execute();
  await db.schema.createIndex('tasks_assignee_idx').on('tasks').columns(['org_id', 'assignee_id', 'status']).execute();
  await db.schema.createIndex('tasks_patient_idx').on('tasks').columns(['org_id', 'patient_id', 'created_at']).execute();

  await db.schema
    .createTable('task_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('attempted_at', t.timestamp, (c) => c.notNull())
    .addColumn('agent_id', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('disclosure', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('task_attempts_task_idx').on('task_attempts').columns(['org_id', 'task_id', 'number']).unique().execute();

  await db.schema
    .createTable('task_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    // Ciphertext under the client's data key, bound to this row and column.
    .addColumn('body_enc', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_messages_task_idx').on('task_messages').columns(['org_id', 'task_id', 'created_at']).execute();

  // Intake retried with the same Idempotency-Key gets the first answer back, not a second task.
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['org_id', 'actor_id', 'key'])
    .execute();
}
