import type { Kysely } from 'kysely';
import type { Engine } from '../../../platform/db/database.ts';
import { columnTypes } from '../../../platform/db/column-types.ts';

/**
 * How a message ended, for callers that act on it (an on-call page moves to its next step when
 * a message fails, and stops when it is delivered): when it was delivered or ended failed,
 * whether a failure is retried, and the job to enqueue at the end. SMS status callbacks find
 * their message by the provider's id within a channel.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);
  await db.schema.alterTable('notifications').addColumn('delivered_at', t.timestamp).execute();
  await db.schema.alterTable('notifications').addColumn('failed_at', t.timestamp).execute();
  // retry or fail_fast: a status word, not a boolean, as everywhere else.
  await db.schema.alterTable('notifications').addColumn('retry_policy', 'text', (c) => c.notNull().defaultTo('retry')).execute();
  // JSON { name, payload }: ids and references only, never PHI.
  await db.schema.alterTable('notifications').addColumn('outcome_job', 'text').execute();
  await db.schema.createIndex('notifications_provider_idx').on('notifications').columns(['org_id', 'channel_id', 'provider_message_id']).execute();
}
