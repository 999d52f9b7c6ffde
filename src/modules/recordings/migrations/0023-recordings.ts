import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Engine } from '../../../platform/db/database.ts';
import { columnTypes } from '../../../platform/db/column-types.ts';

interface Tables {
  roles: { id: string; org_id: string; key: string };
  role_permissions: { id: string; org_id: string; role_id: string; action: string; subject: string; categories: string; scope: string };
}

/**
 * Call recordings: each one's metadata and where its ciphertext is stored, with its own data
 * key wrapped under the client's key (so a rewrap never re-encrypts the audio, and shredding
 * the client leaves it unreadable). Supervisors may add recordings for their clients.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);
  await db.schema
    .createTable('recordings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text')
    .addColumn('patient_ref', 'text')
    .addColumn('call_id', 'text')
    .addColumn('agent_id', 'text')
    // inbound | outbound
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('duration_seconds', 'integer')
    .addColumn('size_bytes', t.bigint, (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    // filesystem | s3
    .addColumn('store', 'text', (c) => c.notNull())
    .addColumn('object_key', 'text', (c) => c.notNull())
    // The recording's own AES-256 key, wrapped under the client's data key.
    .addColumn('data_key_enc', 'text')
    // upload | telephony
    .addColumn('source', 'text', (c) => c.notNull())
    // stored | destroyed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('retention_until', t.timestamp, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('destroyed_at', t.timestamp)
    .execute();
  await db.schema.createIndex('recordings_client_idx').on('recordings').columns(['org_id', 'client_id', 'created_at']).execute();
  await db.schema.createIndex('recordings_task_idx').on('recordings').columns(['org_id', 'task_id']).execute();
  await db.schema.createIndex('recordings_retention_idx').on('recordings').columns(['org_id', 'status', 'retention_until']).execute();

  const d = db as unknown as Kysely<Tables>;
  for (const role of await d.selectFrom('roles').select(['id', 'org_id']).where('key', '=', 'supervisor').execute()) {
    const has = await d.selectFrom('role_permissions').select('id').where('role_id', '=', role.id).where('subject', '=', 'Recording').where('action', '=', 'create').executeTakeFirst();
    if (has) continue;
    await d.insertInto('role_permissions').values({ id: randomUUID(), org_id: role.org_id, role_id: role.id, action: 'create', subject: 'Recording', categories: '["operational","recording"]', scope: 'assigned_clients' }).execute();
  }
}
