import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditEvents, buildTestApp, createTestOrg, signedInClient } from '../../../test/helpers.ts';
import { startFhirServer } from '../../../test/fhir/start.ts';

const MRN_SYSTEM = 'urn:oid:2.16.840.1.113883.3.9999.1';
const TOKEN = 'synthetic-practice-token-7c1e';

test('practice-system link: configured with encrypted credentials, searched by identifier, phone and name with birth date, records imported and linked', async (t) => {
  const fhir = await startFhirServer({ bearerToken: TOKEN }, t);
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A'], users: { agent: ['agent', 'A'], supervisor: ['supervisor', 'A'] } });
  const clientA = org.clients.A!;
  const admin = await signedInClient(app, org.orgId, org.admin.id);
  const agent = await signedInClient(app, org.orgId, org.users.agent!.id);
  const supervisor = await signedInClient(app, org.orgId, org.users.supervisor!.id);
  const linkUrl = `/api/clients/${clientA}/practice-link`;

  // Not configured yet: a clear answer, not an error from nowhere.
  const unlinked = await agent.post('/api/patients/practice-search', { clientId: clientA, purpose: 'intake', phone: '5550100123' });
  assert.equal(unlinked.status, 409);
  assert.match(unlinked.body.detail, /no practice-system link/);

  assert.equal((await admin.request('PUT', linkUrl, { baseUrl: 'ftp://example.test/fhir', auth: { type: 'none' } })).body.field, 'baseUrl');
  const configured = await admin.request('PUT', linkUrl, { baseUrl: `${fhir.baseUrl}/`, auth: { type: 'bearer', token: TOKEN } });
  assert.equal(configured.status, 200, configured.text);
  assert.deepEqual([configured.body.baseUrl, configured.body.authType], [fhir.baseUrl, 'bearer']);
  assert.ok(!configured.text.includes(TOKEN) && !(await agent.get(linkUrl)).text.includes(TOKEN), 'the credentials never come back');
  const stored = await app.tenant(org.orgId).selectFrom('practice_links').selectAll().executeTakeFirstOrThrow();
  assert.match(stored.credentials_enc!, /^rf1\./);
  assert.ok(!stored.credentials_enc!.includes(TOKEN));
  const check = await admin.post(`${linkUrl}/test`);
  assert.equal(check.status, 200, check.text);
  assert.match(check.body.fhirVersion, /^4\.0/);

  const search = (body: Record<string, unknown>) => agent.post('/api/patients/practice-search', { clientId: clientA, purpose: 'intake', ...body });
  const byId = await search({ identifier: { system: MRN_SYSTEM, value: 'TEST-MRN-0001' } });
  assert.equal(byId.status, 200, byId.text);
  assert.equal(byId.body.items.length, 1);
  const [maria] = byId.body.items;
  assert.equal(maria.fhirId, 'synth-0001');
  assert.equal(maria.fields.name.family, 'García-López');
  assert.equal(maria.fields.dateOfBirth, '1984-03-12', 'an agent may reveal identity fields');
  assert.equal(maria.fields.mrn, 'TEST-MRN-0001');
  assert.equal(maria.linked, null);
  assert.equal(maria.fields.notes, undefined);
  assert.deepEqual(
    (await search({ phone: '(555) 010-0145' })).body.items.map((p: { fhirId: string }) => p.fhirId),
    ['synth-0002'],
  );
  assert.deepEqual((await search({ family: 'Adeyemi', birthDate: '2001-11-23' })).body.items.length, 2);
  assert.deepEqual((await search({ family: 'adeyemi', given: 'Oluwaseun', birthDate: '2001-11-23' })).body.items.length, 1);
  assert.equal((await search({})).status, 400);

  // Import: a directory record with the practice identifier, findable by MRN and phone.
  const imported = await agent.post('/api/patients/practice-import', { clientId: clientA, fhirId: 'synth-0001' });
  assert.equal(imported.status, 200, imported.text);
  assert.equal(imported.body.source, 'practice_system');
  assert.ok(imported.body.present.includes('fhirPatientId') && imported.body.present.includes('mrn'));
  const find = async (body: Record<string, string>) => (await agent.post('/api/patients/search', { clientId: clientA, ...body })).body.items.map((p: { ref: string }) => p.ref);
  assert.deepEqual(await find({ mrn: 'TEST-MRN-0001' }), [imported.body.ref]);
  assert.deepEqual(await find({ phone: '555-010-0123' }), [imported.body.ref]);
  assert.equal((await search({ identifier: { value: 'TEST-MRN-0001', system: MRN_SYSTEM } })).body.items[0].linked.ref, imported.body.ref);
  const twice = await agent.post('/api/patients/practice-import', { clientId: clientA, fhirId: 'synth-0001' });
  assert.equal(twice.status, 409);
  assert.match(twice.body.detail, new RegExp(imported.body.ref));
  assert.equal((await agent.post('/api/patients/practice-import', { clientId: clientA, fhirId: 'synth-9999' })).status, 404);

  // Link: an existing record gains the practice identifiers (identity fields: a supervisor's change).
  const manual = (await agent.post('/api/patients', { clientId: clientA, name: { given: 'Thi', family: 'Nguyen' }, phones: [{ number: '555-010-0145', type: 'home' }] })).body.patient;
  assert.equal((await agent.post('/api/patients/practice-import', { clientId: clientA, fhirId: 'synth-0002', linkToId: manual.id })).status, 403);
  const linked = await supervisor.post('/api/patients/practice-import', { clientId: clientA, fhirId: 'synth-0002', linkToId: manual.id });
  assert.equal(linked.status, 200, linked.text);
  assert.deepEqual(await find({ mrn: 'TEST-MRN-0002' }), [manual.ref]);
  const revealed = await supervisor.post(`/api/patients/${manual.id}/reveal`, { fields: ['fhirPatientId', 'identifiers'], purpose: 'record_correction' });
  assert.equal(revealed.body.fields.fhirPatientId, 'synth-0002');
  assert.deepEqual(revealed.body.fields.identifiers, [{ system: MRN_SYSTEM, value: 'TEST-MRN-0002' }]);

  // Every practice search is a phi.read with its purpose; details never carry what was searched for.
  const reads = (await auditEvents(app, org.orgId)).filter((e) => e.action === 'phi.read' && JSON.parse(e.details!).source === 'practice_system');
  assert.equal(reads.length, 5);
  assert.ok(reads.every((e) => e.purpose === 'intake' && JSON.parse(e.fields!).includes('name')));
  assert.ok(reads.every((e) => !JSON.stringify(e).includes('Adeyemi') && !JSON.stringify(e).includes('0145')));
  assert.ok((await auditEvents(app, org.orgId)).some((e) => e.action === 'patient.linked' && e.patient_ref === manual.ref));

  // Wrong credentials: a 502 that says what to fix, and nothing about the practice's answer.
  await admin.request('PUT', linkUrl, { baseUrl: fhir.baseUrl, auth: { type: 'bearer', token: 'wrong-token' } });
  const refused = await search({ phone: '5550100123' });
  assert.equal(refused.status, 502);
  assert.match(refused.body.detail, /refused Ringfence’s credentials/);
  assert.equal((await admin.delete(linkUrl)).status, 204);
  assert.equal((await agent.get(linkUrl)).status, 404);
});
