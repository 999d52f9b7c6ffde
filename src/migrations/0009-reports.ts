import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Engine } from '../platform/db/database.ts';

/**
 * Callback reports: supervisors read and export them for their clients, administrators for
 * every client, so existing organizations' roles gain the grants new organizations start with.
 * A report reads a client's tasks by creation, completion and attempt time; these indexes keep
 * a month's report a range scan in a history of millions. Written against the tables as they
 * are at this step, not against module code, so the migration does the same thing forever.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  const d = db as Kysely<Tables>;
  await db.schema.createIndex('tasks_client_created_idx').ifNotExists().on('tasks').columns(['org_id', 'client_id', 'created_at']).execute();
  await db.schema.createIndex('tasks_client_closed_idx').ifNotExists().on('tasks').columns(['org_id', 'client_id', 'closed_at']).execute();
  await db.schema.createIndex('task_attempts_client_idx').ifNotExists().on('task_attempts').columns(['org_id', 'client_id', 'attempted_at']).execute();

  const grants = [
    { role: 'supervisor', scope: 'assigned_clients' },
    { role: 'admin', scope: 'organization' },
  ];
  for (const { role: key, scope } of grants) {
    for (const role of await d.selectFrom('roles').select(['id', 'org_id']).where('key', '=', key).execute()) {
      for (const action of ['read', 'export']) {
        const has = await d.selectFrom('role_permissions').select('id').where('role_id', '=', role.id).where('subject', '=', 'Report').where('action', '=', action).executeTakeFirst();
        if (has) continue;
        await d.insertInto('role_permissions').values({ id: randomUUID(), org_id: role.org_id, role_id: role.id, action, subject: 'Report', categories: '["operational"]', scope }).execute();
      }
    }
  }
}

interface Tables {
  roles: { id: string; org_id: string; key: string };
  role_permissions: { id: string; org_id: string; role_id: string; action: string; subject: string; categories: string; scope: string };
}
