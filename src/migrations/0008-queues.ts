import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Engine } from '../platform/db/database.ts';

/**
 * Queues a new organization can set up itself: each queue has a place in its client's list,
 * every client has at least one queue ("General" is added to those without an active one), and
 * administrators manage queues as supervisors do. Written against the tables as they are at
 * this step, not against module code, so the migration does the same thing forever.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  const d = db as Kysely<Tables>;
  await db.schema.alterTable('queues').addColumn('position', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  const queues = await d.selectFrom('queues').select(['id', 'client_id', 'status']).orderBy('client_id').orderBy('name').execute();
  const next = new Map<string, number>();
  for (const q of queues) {
    const position = next.get(q.client_id) ?? 0;
    next.set(q.client_id, position + 1);
    if (position > 0) await d.updateTable('queues').set({ position }).where('id', '=', q.id).execute();
  }

  const withActive = new Set(queues.filter((q) => q.status === 'active').map((q) => q.client_id));
  const now = new Date().toISOString();
  for (const client of await d.selectFrom('clients').select(['id', 'org_id']).execute()) {
    if (withActive.has(client.id)) continue;
    let name = 'General';
    const taken = new Set((await d.selectFrom('queues').select('name').where('client_id', '=', client.id).execute()).map((q) => q.name));
    for (let i = 2; taken.has(name); i += 1) name = `General ${i}`;
    await d
      .insertInto('queues')
      .values({ id: randomUUID(), org_id: client.org_id, client_id: client.id, name, status: 'active', position: next.get(client.id) ?? 0, created_at: now, updated_at: now })
      .execute();
  }

  for (const role of await d.selectFrom('roles').select(['id', 'org_id']).where('key', '=', 'admin').execute()) {
    const has = await d.selectFrom('role_permissions').select('id').where('role_id', '=', role.id).where('subject', '=', 'Queue').where('action', '=', 'manage').executeTakeFirst();
    if (has) continue;
    await d
      .insertInto('role_permissions')
      .values({ id: randomUUID(), org_id: role.org_id, role_id: role.id, action: 'manage', subject: 'Queue', categories: '["operational"]', scope: 'organization' })
      .execute();
  }
}

interface Tables {
  queues: { id: string; org_id: string; client_id: string; name: string; status: string; position: number; created_at: string; updated_at: string };
  clients: { id: string; org_id: string };
  roles: { id: string; org_id: string; key: string };
  role_permissions: { id: string; org_id: string; role_id: string; action: string; subject: string; categories: string; scope: string };
}
