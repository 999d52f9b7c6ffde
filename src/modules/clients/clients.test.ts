import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditEvents, buildTestApp, createTestOrg, signedInClient } from '../../../test/helpers.ts';

test('clients: create, rename, change time zone, names unique per organization, changes audited', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app);
  const other = await createTestOrg(app);
  const admin = await signedInClient(app, org.orgId, org.admin.id);
  const created = await admin.post('/api/clients', { name: 'Lakeside Pediatrics', timeZone: 'America/Chicago' });
  assert.equal(created.status, 201);
  assert.equal(created.body.status, 'active');
  assert.equal((await admin.post('/api/clients', { name: 'Lakeside Pediatrics', timeZone: 'America/Chicago' })).status, 409);
  // Another organization may use the same name.
  const otherAdmin = await signedInClient(app, other.orgId, other.admin.id);
  assert.equal((await otherAdmin.post('/api/clients', { name: 'Lakeside Pediatrics', timeZone: 'America/Denver' })).status, 201);

  const edited = await admin.patch(`/api/clients/${created.body.id}`, { name: 'Lakeside Pediatrics Group', timeZone: 'America/New_York' });
  assert.equal(edited.body.name, 'Lakeside Pediatrics Group');
  assert.equal(edited.body.timeZone, 'America/New_York');
  assert.equal((await admin.patch(`/api/clients/${created.body.id}`, { name: '   ' })).status, 400);
  const updated = (await auditEvents(app, org.orgId)).find((e) => e.action === 'client.updated');
  assert.deepEqual(JSON.parse(updated!.details!).changed.sort(), ['name', 'timeZone']);
  assert.equal(updated!.client_id, created.body.id);
});
