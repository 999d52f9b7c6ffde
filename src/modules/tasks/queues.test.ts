import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditEvents, buildTestApp, createTestOrg, signedInClient } from '../../../test/helpers.ts';

test('a new client starts with a General queue, and an administrator sets up its queues: add, rename, order, archive', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { users: { agent: ['agent', null] } });
  const admin = await signedInClient(app, org.orgId, org.admin.id);

  const client = await admin.post('/api/clients', { name: 'Lakeside Family Practice', timeZone: 'America/Chicago' });
  assert.equal(client.status, 201, client.text);
  const clientId = client.body.id as string;
  const first = await admin.get(`/api/queues?clientId=${clientId}`);
  assert.deepEqual(
    first.body.items.map((q: { name: string; status: string; position: number }) => [q.name, q.status, q.position]),
    [['General', 'active', 0]],
    'intake has somewhere to put the first callback',
  );

  const refills = await admin.post('/api/queues', { clientId, name: 'Refills' });
  assert.equal(refills.status, 201, refills.text);
  assert.equal(refills.body.position, 1, 'a new queue goes to the end of the list');
  const urgent = (await admin.post('/api/queues', { clientId, name: 'Urgent' })).body;
  const duplicate = await admin.post('/api/queues', { clientId, name: 'Refills' });
  assert.equal(duplicate.status, 409);
  assert.equal(duplicate.body.field, 'name');

  const general = first.body.items[0].id as string;
  const ordered = await admin.put('/api/queues/order', { clientId, queueIds: [urgent.id, general, refills.body.id] });
  assert.equal(ordered.status, 200, ordered.text);
  assert.deepEqual(
    ordered.body.items.map((q: { name: string }) => q.name),
    ['Urgent', 'General', 'Refills'],
  );
  const partial = await admin.put('/api/queues/order', { clientId, queueIds: [urgent.id, general] });
  assert.equal(partial.status, 400);
  assert.equal(partial.body.errors[0].field, 'queueIds');
  assert.match(partial.body.errors[0].message, /each of the client's 3 queues once/);
  assert.deepEqual(
    (await admin.get(`/api/queues?clientId=${clientId}`)).body.items.map((q: { name: string }) => q.name),
    ['Urgent', 'General', 'Refills'],
    'a refused order changes nothing',
  );

  const renamed = await admin.patch(`/api/queues/${refills.body.id}`, { name: 'Prescription refills' });
  assert.equal(renamed.body.name, 'Prescription refills');
  const archived = await admin.patch(`/api/queues/${urgent.id}`, { status: 'archived' });
  assert.equal(archived.body.status, 'archived');

  const agent = await signedInClient(app, org.orgId, org.users.agent!.id);
  assert.equal((await agent.post('/api/queues', { clientId, name: 'Mine' })).status, 403, 'agents do not set up queues');

  const actions = (await auditEvents(app, org.orgId)).map((e) => e.action);
  for (const action of ['client.created', 'queue.created', 'queue.reordered', 'queue.updated']) assert.ok(actions.includes(action), action);
});

test('callback policy: business hours per weekday, refused with a sentence naming the field', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A'] });
  const admin = await signedInClient(app, org.orgId, org.admin.id);
  const clientId = org.clients.A!;
  const policy = (await admin.get(`/api/clients/${clientId}`)).body.callbackPolicy;
  assert.deepEqual(policy.businessHours[0], { day: 1, open: '08:00', close: '17:00' });

  const week = [...policy.businessHours.slice(0, 4), { day: 5, open: '08:00', close: '12:00' }, { day: 6, open: '09:00', close: '11:30' }];
  const saved = await admin.patch(`/api/clients/${clientId}`, { callbackPolicy: { ...policy, businessHours: week } });
  assert.equal(saved.status, 200, saved.text);
  assert.deepEqual(saved.body.callbackPolicy.businessHours.at(-1), { day: 6, open: '09:00', close: '11:30' });

  const backwards = await admin.patch(`/api/clients/${clientId}`, { callbackPolicy: { ...policy, businessHours: [{ day: 3, open: '17:00', close: '08:00' }] } });
  assert.equal(backwards.status, 400);
  assert.deepEqual(backwards.body.errors, [{ field: 'callbackPolicy.businessHours.0.close', message: 'On Wednesday the closing time must be after the opening time.' }]);
  const twice = await admin.patch(`/api/clients/${clientId}`, { callbackPolicy: { ...policy, businessHours: [policy.businessHours[0], policy.businessHours[0]] } });
  assert.equal(twice.body.errors[0].field, 'callbackPolicy.businessHours.1.day');
  const badTime = await admin.patch(`/api/clients/${clientId}`, { callbackPolicy: { ...policy, businessHours: [{ day: 1, open: '8am', close: '17:00' }] } });
  assert.equal(badTime.status, 400);
  assert.deepEqual(badTime.body.errors, [{ field: 'callbackPolicy.businessHours.0.open', message: 'must be a time of day written HH:MM, such as 08:00' }]);
  assert.deepEqual((await admin.get(`/api/clients/${clientId}`)).body.callbackPolicy.businessHours, saved.body.callbackPolicy.businessHours, 'refusals change nothing');

  // A policy stored before hours were kept per day reads as the same hours on each listed day.
  await app.tenant(org.orgId).updateTable('clients').set({ callback_policy: JSON.stringify({ ...policy, businessHours: { days: [2, 4], open: '09:00', close: '16:00' } }) }).where('id', '=', clientId).execute();
  assert.deepEqual((await admin.get(`/api/clients/${clientId}`)).body.callbackPolicy.businessHours, [
    { day: 2, open: '09:00', close: '16:00' },
    { day: 4, open: '09:00', close: '16:00' },
  ]);
});
