import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp, createTestOrg } from '../../../test/helpers.ts';
import { tenantDb } from './tenant-db.ts';

test('every query through the tenant scope carries the organization', async (t) => {
  const app = await buildTestApp(t);
  const scope = app.tenant('org-1');
  const select = scope.selectFrom('users').selectAll().where('email', '=', 'x').compile();
  assert.match(select.sql, /where "users"\."org_id" = \$1 and "email" = \$2|where "users"\."org_id" = \? and "email" = \?/);
  assert.equal(select.parameters[0], 'org-1');
  const update = scope.updateTable('users').set({ display_name: 'y' }).compile();
  assert.match(update.sql, /"users"\."org_id" = /);
  const del = scope.deleteFrom('sessions').compile();
  assert.match(del.sql, /"sessions"\."org_id" = /);
  assert.throws(() => tenantDb(app.database.unsafeKysely, app.database.engine, ''), /needs an organization/);
});

test('inserts are stamped with the scope’s organization even if a caller tries another', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app);
  const other = await createTestOrg(app);
  const now = new Date().toISOString();
  const forged = { id: crypto.randomUUID(), name: 'Forged', time_zone: 'UTC', status: 'active' as const, created_at: now, updated_at: now, org_id: other.orgId };
  await app.tenant(org.orgId).insertInto('clients', forged).execute();
  const row = await app.database.unsafeKysely.selectFrom('clients').select('org_id').where('id', '=', forged.id).executeTakeFirstOrThrow();
  assert.equal(row.org_id, org.orgId);
  assert.equal((await app.tenant(other.orgId).selectFrom('clients').selectAll().execute()).length, 0);
});
