import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp, createTestOrg, insertTestPatient, sealUntilSettled, signedInClient } from '../../../test/helpers.ts';
import { evaluateAnomalies } from '../audit/anomaly.ts';

test('break-glass: one patient of another client, on a stated reason, for 30 minutes; nothing else opens, it expires, it is audited and always alerted', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A', 'B'], users: { agent: ['agent', 'A'], compliance: ['compliance', null] } });
  const agent = await signedInClient(app, org.orgId, org.users.agent!.id);
  const compliance = await signedInClient(app, org.orgId, org.users.compliance!.id);
  const theirs = await insertTestPatient(app, org.orgId, org.clients.B!, { name: { given: 'Wren', family: 'Farrowdale' } });
  const neighbour = await insertTestPatient(app, org.orgId, org.clients.B!);
  const mine = await insertTestPatient(app, org.orgId, org.clients.A!);

  assert.equal((await agent.get(`/api/patients/${theirs.id}`)).status, 404, 'not theirs to open');
  const listed = await agent.get('/api/break-glass');
  assert.deepEqual(listed.body.open, []);
  assert.ok(listed.body.clients.some((c: { clientId: string }) => c.clientId === org.clients.B));

  const tooShort = await agent.post('/api/break-glass', { clientId: org.clients.B, patientRef: theirs.ref, reason: 'urgent' });
  assert.equal(tooShort.status, 400);
  assert.equal(tooShort.body.errors[0].field, 'reason');
  const unknown = await agent.post('/api/break-glass', { clientId: org.clients.B, patientRef: 'P-ZZZZZZ', reason: 'Caller transferred from the other practice line.' });
  assert.equal(unknown.status, 404, unknown.text);
  assert.equal(unknown.body.field, 'patientRef');
  const own = await agent.post('/api/break-glass', { clientId: org.clients.A, patientRef: mine.ref, reason: 'Caller transferred from the other practice line.' });
  assert.equal(own.status, 409, 'their own client’s patient needs no break-glass');

  const before = Date.now();
  const opened = await agent.post('/api/break-glass', { clientId: org.clients.B, patientRef: theirs.ref.toLowerCase(), reason: 'Caller transferred from the other practice line.' });
  assert.equal(opened.status, 201, opened.text);
  const minutes = (Date.parse(opened.body.expiresAt) - before) / 60_000;
  assert.ok(minutes > 29.9 && minutes < 30.1, `${minutes} minutes`);

  // That patient, to read and reveal; not its neighbour, not a change.
  assert.equal((await agent.get(`/api/patients/${theirs.id}`)).status, 200);
  const revealed = await agent.post(`/api/patients/${theirs.id}/reveal`, { fields: ['name'], purpose: 'callback' });
  assert.equal(revealed.status, 200, revealed.text);
  assert.equal(revealed.body.fields.name.family, 'Farrowdale');
  assert.equal((await agent.get(`/api/patients/${neighbour.id}`)).status, 404);
  const list = await agent.get(`/api/patients?clientId=${org.clients.B}`);
  assert.deepEqual(
    list.body.items.map((p: { id: string }) => p.id),
    [theirs.id],
  );
  assert.notEqual((await agent.patch(`/api/patients/${theirs.id}`, { mrn: 'MRN-1' })).status, 200);
  assert.equal((await agent.get('/api/break-glass')).body.open.length, 1);

  // Audited, with its purpose, and always alerted.
  await sealUntilSettled(app, org.orgId);
  const events = await app.tenant(org.orgId).selectFrom('audit_events').selectAll().where('action', '=', 'breakglass.opened').execute();
  assert.equal(events.length, 1);
  assert.equal(events[0]!.patient_ref, theirs.ref);
  assert.equal(events[0]!.purpose, 'break_glass');
  assert.ok(!JSON.stringify(events[0]).includes('transferred'), 'the reason stays with the grant, out of the trail');
  await evaluateAnomalies(app.database, app.app.platform.keyring);
  const alerts = (await compliance.get('/api/audit/alerts')).body.items;
  const alert = alerts.find((a: { rule: string }) => a.rule === 'break_glass');
  assert.ok(alert, JSON.stringify(alerts));
  assert.equal(alert.severity, 'high');
  assert.equal(alert.patientRef, theirs.ref);

  // Expired: the next request finds nothing.
  await app.tenant(org.orgId).updateTable('break_glass_grants').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).execute();
  assert.equal((await agent.get(`/api/patients/${theirs.id}`)).status, 404);
  assert.equal((await agent.post(`/api/patients/${theirs.id}/reveal`, { fields: ['name'], purpose: 'callback' })).status, 404);
  assert.deepEqual((await agent.get('/api/break-glass')).body.open, []);
});
