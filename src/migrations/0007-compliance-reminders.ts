import type { Kysely } from 'kysely';
import type { Engine } from '../platform/db/database.ts';
import { columnTypes } from '../platform/db/column-types.ts';

/**
 * Which clients' PHI each vendor touches (all of them, or the ones listed), and reminders
 * before a BAA ends or a person's training lapses.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);

  // 1: the vendor serves every client (hosting, telephony); 0: only those in vendor_clients.
  await db.schema.alterTable('vendors').addColumn('all_clients', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema
    .createTable('vendor_clients')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('vendor_id', 'text', (c) => c.notNull().references('vendors.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addPrimaryKeyConstraint('vendor_clients_pk', ['org_id', 'vendor_id', 'client_id'])
    .execute();

  await db.schema
    .createTable('reminders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    // baa_ending (for whoever keeps the compliance records) or training_expiring (for the person).
    .addColumn('kind', 'text', (c) => c.notNull())
    // What it is about: the BAA's id, or "<person>/<course>".
    .addColumn('subject_key', 'text', (c) => c.notNull())
    // The person it is for; null when it is for the compliance officers.
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    // Sent at 60, 30 or 7 days before the end: one reminder per step.
    .addColumn('threshold_days', 'integer', (c) => c.notNull())
    // The day the agreement ends or the training lapses, YYYY-MM-DD.
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('acknowledged_by', 'text')
    .addColumn('acknowledged_at', t.timestamp)
    .execute();
  // Several app instances sweep at once: the second insert of a step is a no-op.
  await db.schema.createIndex('reminders_step_idx').on('reminders').columns(['org_id', 'kind', 'subject_key', 'threshold_days', 'due_on']).unique().execute();
  await db.schema.createIndex('reminders_user_idx').on('reminders').columns(['org_id', 'user_id', 'acknowledged_at']).execute();
}
