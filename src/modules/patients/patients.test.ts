import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { ENGINE, auditEvents, buildTestApp, createTestOrg, signedInClient, type TestApp, type TestClient } from '../../../test/helpers.ts';

/** Synthetic PHI: values that exist only in this test. */
const SYNTHETIC = {
  name: { given: 'Quorra', family: 'Vantablack-Éclair' },
  phones: [{ number: '(555) 010-0187', type: 'mobile' as const }],
  email: 'quorra.synthetic@example.test',
  dateOfBirth: '1961-04-12',
  address: { line1: '4242 Imaginary Orchard Lane', city: 'Nowhereville', state: 'IL', postalCode: '62999' },
  mrn: 'TEST-MRN-88231',
  callbackWindow: 'weekdays after 5pm',
};

/** The text with ids and timestamps taken out: their hex digits can spell a fragment of the synthetic phone or year by chance. */
const withoutIds = (text: string) =>
  text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>')
    .replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z?/g, '<time>')
    .replace(/\b(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\b/gi, '<hex>');

async function setup(t: Parameters<typeof buildTestApp>[0]) {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, {
    clients: ['A', 'B'],
    users: {
      agent: ['agent', 'A'],
      nurse: ['clinical_agent', 'A'],
      supervisor: ['supervisor', 'A'],
      compliance: ['compliance', null],
      agentB: ['agent', 'B'],
    },
  });
  const as = async (key: string): Promise<TestClient> => signedInClient(app, org.orgId, key === 'admin' ? org.admin.id : org.users[key]!.id);
  return { app, org, as, clientA: org.clients.A!, clientB: org.clients.B! };
}

test('patients: created with a reference, found by phone in every format, by MRN, by name and date of birth, and by reference', async (t) => {
  const { app, org, as, clientA, clientB } = await setup(t);
  const agent = await as('agent');
  const created = await agent.post('/api/patients', { clientId: clientA, ...SYNTHETIC });
  assert.equal(created.status, 201, created.text);
  const { patient } = created.body;
  assert.match(patient.ref, /^P-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{6}$/);
  assert.deepEqual(patient.present.sort(), ['address', 'callbackWindow', 'dateOfBirth', 'email', 'mrn', 'name', 'phones']);
  assert.deepEqual(created.body.possibleDuplicates, []);
  for (const leak of ['Quorra', '0187', 'TEST-MRN', '1961', 'Orchard']) assert.ok(!withoutIds(created.text).includes(leak), `create answer carries no PHI (${leak})`);

  const find = (body: Record<string, string>) => agent.post('/api/patients/search', { clientId: clientA, ...body });
  for (const phone of ['5550100187', '555-010-0187', '(555)010-0187', '555.010.0187', '+1 555 010 0187', '1-555-010-0187', '+15550100187', '555 010 0187 ext. 4']) {
    const found = await find({ phone });
    assert.equal(found.status, 200, found.text);
    assert.deepEqual(
      found.body.items.map((p: { ref: string }) => p.ref),
      [patient.ref],
      `phone written as ${phone}`,
    );
  }
  assert.deepEqual((await find({ phone: '555-010-0188' })).body.items, []);
  assert.equal((await find({ mrn: 'test mrn 88231' })).body.items[0].ref, patient.ref);
  // Case, accents, spacing and hyphens do not matter; given and family may be swapped.
  for (const [family, given] of [
    ['vantablack eclair', 'QUORRA'],
    ['VANTABLACK-ÉCLAIR', 'quorra'],
    ['Quorra', 'Vantablack Eclair'],
  ]) {
    const found = await find({ family: family!, given: given!, dateOfBirth: '1961-04-12' });
    assert.deepEqual(
      found.body.items.map((p: { ref: string; match: string }) => [p.ref, p.match]),
      [[patient.ref, 'exact']],
      `${family} / ${given}`,
    );
  }
  // A misspelt given name still finds the family and date of birth, marked partial.
  assert.deepEqual(
    (await find({ family: 'Vantablack-Eclair', given: 'Quora', dateOfBirth: '1961-04-12' })).body.items.map((p: { match: string }) => p.match),
    ['partial'],
  );
  assert.deepEqual((await find({ family: 'Vantablack-Eclair', given: 'Quorra', dateOfBirth: '1961-04-13' })).body.items, []);
  assert.equal((await find({ ref: patient.ref.toLowerCase().replace('-', ' ') })).body.items[0].id, patient.id);

  // The same phone in another client is another directory: not found from client A, and agents of A cannot search B.
  assert.equal((await agent.post('/api/patients/search', { clientId: clientB, phone: '5550100187' })).status, 403);
  const agentB = await as('agentB');
  assert.deepEqual((await agentB.post('/api/patients/search', { clientId: clientB, phone: '5550100187' })).body.items, []);

  // Lookups are audited by kind and count, never by value.
  const searches = (await auditEvents(app, org.orgId)).filter((e) => e.action === 'patient.searched');
  assert.ok(searches.length >= 10);
  for (const e of searches) assert.ok(!withoutIds(JSON.stringify(e)).includes('0187') && !JSON.stringify(e).toLowerCase().includes('vantablack'));

  // A second record with the same phone is accepted and reports the first as a possible duplicate.
  const again = await agent.post('/api/patients', { clientId: clientA, name: { given: 'Q', family: 'Other' }, phones: [{ number: '555-010-0187', type: 'home' }] });
  assert.deepEqual(
    again.body.possibleDuplicates.map((d: { ref: string }) => d.ref),
    [patient.ref],
  );
  assert.notEqual(again.body.patient.ref, patient.ref);
  // Lists carry references and operational fields only.
  const list = await agent.get(`/api/patients?clientId=${clientA}`);
  assert.equal(list.body.total, 2);
  assert.ok(!list.text.includes('Quorra') && !withoutIds(list.text).includes('0187'));
});

test('patients: every reveal is a phi.read naming fields and purpose; categories decide who sees which field', async (t) => {
  const { app, org, as, clientA } = await setup(t);
  const supervisor = await as('supervisor');
  const created = await supervisor.post('/api/patients', { clientId: clientA, ...SYNTHETIC, notes: 'synthetic clinical note' });
  assert.equal(created.status, 201, created.text);
  const id = created.body.patient.id;
  const reveal = (c: TestClient, fields: string[], purpose = 'callback') => c.post(`/api/patients/${id}/reveal`, { fields, purpose });

  const agent = await as('agent');
  const contact = await reveal(agent, ['name', 'phones', 'dateOfBirth']);
  assert.equal(contact.status, 200, contact.text);
  assert.deepEqual(contact.body.fields.name, SYNTHETIC.name);
  assert.deepEqual(contact.body.fields.phones, [{ number: '+15550100187', type: 'mobile' }]);
  assert.equal(contact.body.fields.dateOfBirth, '1961-04-12');
  const refused = await reveal(agent, ['name', 'notes']);
  assert.equal(refused.status, 403);
  assert.equal(refused.body.field, 'notes');
  assert.ok(!refused.text.includes('synthetic clinical'));
  assert.equal((await reveal(agent, ['insuranceMemberId'])).status, 403, 'billing is no one’s by default');
  assert.equal((await reveal(await as('nurse'), ['notes'], 'care_coordination')).body.fields.notes, 'synthetic clinical note');
  // Compliance reveals across clients without a read grant; the admin has no PHI at all.
  assert.equal((await reveal(await as('compliance'), ['address'], 'compliance_review')).body.fields.address.line1, SYNTHETIC.address.line1);
  assert.equal((await reveal(await as('admin'), ['name'])).status, 403);
  assert.equal((await reveal(await as('agentB'), ['name'])).status, 404);
  const noPurpose = await agent.post(`/api/patients/${id}/reveal`, { fields: ['name'] });
  assert.equal(noPurpose.status, 400);
  assert.equal(noPurpose.body.field, 'purpose');

  const reads = (await auditEvents(app, org.orgId)).filter((e) => e.action === 'phi.read');
  assert.deepEqual(
    reads.map((e) => [JSON.parse(e.fields!).join(','), e.purpose, e.patient_ref, e.outcome]),
    [
      ['name,phones,dateOfBirth', 'callback', created.body.patient.ref, 'success'],
      ['notes', 'care_coordination', created.body.patient.ref, 'success'],
      ['address', 'compliance_review', created.body.patient.ref, 'success'],
    ],
  );
  for (const e of reads) assert.ok(!JSON.stringify(e).includes('Quorra'));
});

test('patients: agents correct contact details; identity fields and merges are the supervisor’s; bad input changes nothing', async (t) => {
  const { app, org, as, clientA } = await setup(t);
  const agent = await as('agent');
  const supervisor = await as('supervisor');
  const first = (await agent.post('/api/patients', { clientId: clientA, ...SYNTHETIC })).body.patient;
  const find = async (body: Record<string, string>) => (await agent.post('/api/patients/search', { clientId: clientA, ...body })).body.items.map((p: { ref: string }) => p.ref);

  const edited = await agent.patch(`/api/patients/${first.id}`, { phones: [{ number: '555 010 0190', type: 'home' }], email: null });
  assert.equal(edited.status, 200, edited.text);
  assert.deepEqual(await find({ phone: '5550100190' }), [first.ref]);
  assert.deepEqual(await find({ phone: '5550100187' }), [], 'the old number no longer finds the patient');
  assert.ok(!edited.body.present.includes('email'));
  const identity = await agent.patch(`/api/patients/${first.id}`, { dateOfBirth: '1961-04-13' });
  assert.equal(identity.status, 403);
  assert.equal(identity.body.field, 'dateOfBirth');
  assert.equal((await supervisor.patch(`/api/patients/${first.id}`, { dateOfBirth: '1961-04-13' })).status, 200);
  assert.deepEqual(await find({ family: SYNTHETIC.name.family, given: SYNTHETIC.name.given, dateOfBirth: '1961-04-13' }), [first.ref]);
  const updated = (await auditEvents(app, org.orgId)).filter((e) => e.action === 'patient.updated');
  assert.deepEqual(
    updated.map((e) => JSON.parse(e.details!).changed),
    [['phones', 'email'], ['dateOfBirth']],
  );

  // Bad input: a clear 400 naming the field, nothing stored.
  const before = (await agent.get(`/api/patients?clientId=${clientA}`)).body.total;
  for (const [body, field] of [
    [{ clientId: clientA, name: { given: 'A', family: 'B' }, phones: [{ number: '12', type: 'mobile' }] }, 'phones.0.number'],
    [{ clientId: clientA, name: { given: 'A', family: 'B' }, dateOfBirth: '2999-01-01' }, 'dateOfBirth'],
    [{ clientId: clientA, name: { given: 'A', family: 'B' }, dateOfBirth: '1961-02-30' }, 'dateOfBirth'],
    [{ clientId: clientA, name: { given: 'A', family: ' ' } }, 'name.family'],
    [{ clientId: clientA, name: { given: 'A', family: 'B' }, address: { line1: 'x', city: 'y', state: 'IL', postalCode: 'ABCDE' } }, 'address.postalCode'],
    [{ clientId: clientA, name: { given: 'A', family: 'B' }, ssn: '000-00-0000' }, 'ssn'],
  ] as const) {
    const res = await agent.post('/api/patients', body);
    assert.equal(res.status, 400, `${field}: ${res.text}`);
    assert.equal(res.body.field, field);
    assert.ok(!res.text.includes('2999') && !res.text.includes('000-00'), 'the problem never echoes the value');
  }
  assert.equal((await agent.get(`/api/patients?clientId=${clientA}`)).body.total, before);

  // Merge: a supervisor folds a duplicate into the survivor.
  const dup = (await agent.post('/api/patients', { clientId: clientA, name: SYNTHETIC.name, phones: [{ number: '555-010-0191', type: 'work' }], mrn: 'TEST-MRN-99999' })).body.patient;
  assert.equal((await agent.post(`/api/patients/${first.id}/merge`, { duplicateId: dup.id })).status, 403);
  const merged = await supervisor.post(`/api/patients/${first.id}/merge`, { duplicateId: dup.id });
  assert.equal(merged.status, 200, merged.text);
  assert.deepEqual(await find({ phone: '5550100191' }), [first.ref], 'the duplicate’s phone now finds the survivor');
  assert.deepEqual(await find({ mrn: 'TEST-MRN-88231' }), [first.ref], 'the survivor keeps its own MRN');
  const old = (await agent.get(`/api/patients/${dup.id}`)).body;
  assert.equal(old.status, 'merged');
  assert.equal(old.mergedIntoRef, first.ref);
  const phones = (await supervisor.post(`/api/patients/${first.id}/reveal`, { fields: ['phones'], purpose: 'record_correction' })).body.fields.phones;
  assert.deepEqual(phones.map((p: { number: string }) => p.number).sort(), ['+15550100190', '+15550100191']);
  assert.equal((await supervisor.patch(`/api/patients/${dup.id}`, { callbackWindow: 'mornings' })).status, 409);
});

/** Every stored byte of this test's database, as text: the SQLite files or a pg_dump of the schema. */
function databaseDump(app: TestApp): string {
  if (ENGINE === 'sqlite') {
    const dir = app.config.dataDir;
    return readdirSync(dir)
      .filter((f) => f.startsWith('ringfence.sqlite'))
      .map((f) => readFileSync(path.join(dir, f)).toString('latin1'))
      .join('\n');
  }
  const url = new URL(app.config.databaseUrl!);
  return execFileSync('pg_dump', ['--data-only', '--schema', app.config.databaseSchema!, '-h', url.hostname, '-p', url.port || '5432', '-U', url.username || 'postgres', url.pathname.slice(1)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

test('patients: no seeded PHI anywhere in the stored database outside ciphertext', async (t) => {
  const { app, as, clientA } = await setup(t);
  const agent = await as('agent');
  const supervisor = await as('supervisor');
  const created = (await supervisor.post('/api/patients', { clientId: clientA, ...SYNTHETIC, identifiers: [{ system: 'urn:oid:2.16.840.1.113883.3.9999.1', value: 'TEST-PID-55120' }], notes: 'Zyxquil 40mg synthetic' })).body.patient;
  await agent.post(`/api/patients/${created.id}/reveal`, { fields: ['name', 'phones'], purpose: 'callback' });
  await agent.patch(`/api/patients/${created.id}`, { callbackWindow: 'Saturdays 9-11 synthetic' });
  await agent.post('/api/patients/search', { clientId: clientA, phone: '555-010-0187' });
  await app.app.platform.sealAudit();
  if (ENGINE === 'sqlite') await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(app.database.unsafeKysely);
  const dump = databaseDump(app);
  assert.ok(dump.includes(created.ref), 'the dump holds the data (the reference is operational)');
  const needles = ['Quorra', 'Vantablack', 'quorra.synthetic', '5550100187', '555-010-0187', '0100187', '1961-04-12', 'Imaginary Orchard', 'Nowhereville', 'TEST-MRN-88231', 'TEST-PID-55120', 'Zyxquil', 'Saturdays 9-11'];
  for (const needle of needles) assert.ok(!dump.includes(needle), `"${needle}" is not stored in clear`);
});
