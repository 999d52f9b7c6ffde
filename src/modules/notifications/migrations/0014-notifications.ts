import type { Kysely } from 'kysely';
import type { Engine } from '../../../platform/db/database.ts';
import { columnTypes } from '../../../platform/db/column-types.ts';

/**
 * Outbound notifications: each organization's channels (e-mail first), each through a vendor
 * whose BAA is checked on every send, and one row per message with how its sending went.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);
  await db.schema
    .createTable('notification_channels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    // email now; sms and webhook later.
    .addColumn('kind', 'text', (c) => c.notNull())
    // The relay is a vendor: no channel without one.
    .addColumn('vendor_id', 'text', (c) => c.notNull().references('vendors.id'))
    // JSON: host, port, secure, from address. Credentials are never here.
    .addColumn('settings', 'text', (c) => c.notNull())
    // JSON credentials, encrypted under the organization's data key.
    .addColumn('credentials_enc', 'text')
    // enabled or disabled.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notification_channels_kind_idx').on('notification_channels').columns(['org_id', 'kind']).unique().execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('channel_id', 'text', (c) => c.notNull().references('notification_channels.id'))
    .addColumn('client_id', 'text', (c) => c.references('clients.id'))
    // A person (their address looked up when sending) or an address given directly.
    .addColumn('recipient_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('recipient_address', 'text')
    .addColumn('template', 'text', (c) => c.notNull())
    // JSON of typed parameters: ids, counts, dates, fixed words; never PHI.
    .addColumn('params', 'text', (c) => c.notNull())
    // queued, sent, failed or delivered.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('provider_message_id', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('sent_at', t.timestamp)
    .execute();
  await db.schema.createIndex('notifications_status_idx').on('notifications').columns(['org_id', 'status', 'created_at']).execute();
}
