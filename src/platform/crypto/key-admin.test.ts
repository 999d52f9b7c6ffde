import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { auditEvents, buildTestApp, createTestOrg, insertTestPatient, schemaTables, signedInClient } from '../../../test/helpers.ts';
import { decryptPatientFields } from '../../modules/patients/patient-fields.ts';
import { SYSTEM_SOURCE } from '../audit/events.ts';
import { ENCRYPTED_COLUMNS, destroyClientKeys, keyStatus, rewrap, rotateDataKey, rotateMasterKey } from './key-admin.ts';
import { LocalKeyProvider } from './key-provider.ts';
import { DecryptError, KeyRing, envelopeVersion } from './keyring.ts';

const phoneOf = (i: number) => `555-010-${String(1000 + i).slice(-4)}`;

test('keys: rotation makes new writes use the new version; rewrap re-encrypts the rest in batches and resumes after an interruption', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A', 'B'], users: { supervisor: ['supervisor', 'A'] } });
  const tenant = app.tenant(org.orgId);
  const keyring = app.app.platform.keyring;
  const admin = { tenant, keyring, source: SYSTEM_SOURCE };
  const clientA = org.clients.A!;
  const patients = [];
  for (let i = 0; i < 25; i += 1) patients.push(await insertTestPatient(app, org.orgId, clientA, { phones: [{ number: phoneOf(i), type: 'mobile' }], mrn: `TEST-ROT-${i}` }));
  const inB = await insertTestPatient(app, org.orgId, org.clients.B!, { mrn: 'TEST-B-1' });

  assert.equal(await rotateDataKey(admin, clientA), 2);
  const fresh = await insertTestPatient(app, org.orgId, clientA, { mrn: 'TEST-ROT-NEW' });
  const versions = async () => (await tenant.selectFrom('patients').select(['id', 'name_enc', 'mrn_enc']).where('client_id', '=', clientA).execute()).map((r) => [r.id, envelopeVersion(r.mrn_enc!)] as const);
  assert.equal(new Map(await versions()).get(fresh.id), 2, 'new writes use the new version');
  let [status] = await keyStatus(admin, clientA);
  assert.equal(status!.currentVersion, 2);
  assert.equal(status!.rowsToRewrap, 25);

  // Interrupted after the first batch of 10…
  const stop = new AbortController();
  const first = await rewrap(admin, clientA, { batchSize: 10, signal: stop.signal, onProgress: (p) => p.done >= 10 && stop.abort() });
  assert.deepEqual(first, { rewrapped: 10, interrupted: true });
  [status] = await keyStatus(admin, clientA);
  assert.equal(status!.rowsToRewrap, 15);
  // …and resumed: only what is left is read.
  const progress: number[] = [];
  const second = await rewrap(admin, clientA, { batchSize: 10, onProgress: (p) => progress.push(p.done) });
  assert.deepEqual(second, { rewrapped: 15, interrupted: false });
  assert.deepEqual(progress, [0, 10, 15]);
  assert.ok((await versions()).every(([, v]) => v === 2));
  [status] = await keyStatus(admin, clientA);
  assert.equal(status!.rowsToRewrap, 0);
  // Client B was never touched.
  const b = await tenant.selectFrom('patients').select('mrn_enc').where('id', '=', inB.id).executeTakeFirstOrThrow();
  assert.equal(envelopeVersion(b.mrn_enc!), 1);

  // Every value still reads back, and lookups (blind indexes, not keyed by data-key version) still work.
  for (const [i, p] of patients.entries()) {
    const row = await tenant.selectFrom('patients').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
    const fields = await decryptPatientFields(keyring, tenant, row, ['mrn', 'phones']);
    assert.equal(fields.mrn, `TEST-ROT-${i}`);
  }
  const supervisor = await signedInClient(app, org.orgId, org.users.supervisor!.id);
  const found = await supervisor.post('/api/patients/search', { clientId: clientA, phone: phoneOf(7) });
  assert.equal(found.body.items[0].id, patients[7]!.id);

  const actions = (await auditEvents(app, org.orgId)).filter((e) => e.action.startsWith('keys.'));
  assert.deepEqual(
    actions.map((e) => [e.action, JSON.parse(e.details!)]),
    [
      ['keys.rotated', { version: 2 }],
      ['keys.rewrapped', { version: 2, rows: 10, interrupted: true }],
      ['keys.rewrapped', { version: 2, rows: 15, interrupted: false }],
    ],
  );
});

test('keys: crypto-shredding a client makes all its PHI unreadable for good, and leaves other clients alone', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A', 'B'], users: { supervisor: ['supervisor', null] } });
  const tenant = app.tenant(org.orgId);
  const keyring = app.app.platform.keyring;
  const a = await insertTestPatient(app, org.orgId, org.clients.A!, { phones: [{ number: '555-010-0111', type: 'home' }], dateOfBirth: '1970-01-01' });
  const b = await insertTestPatient(app, org.orgId, org.clients.B!, { phones: [{ number: '555-010-0111', type: 'home' }] });
  const supervisor = await signedInClient(app, org.orgId, org.users.supervisor!.id);
  const reveal = (id: string) => supervisor.post(`/api/patients/${id}/reveal`, { fields: ['name', 'phones'], purpose: 'callback' });
  assert.equal((await reveal(a.id)).status, 200);

  const destroyed = await destroyClientKeys({ tenant, keyring, source: SYSTEM_SOURCE }, org.clients.A!);
  assert.equal(destroyed, 2, 'the data key and the blind-index key');

  // Through the API: a clear 410, no value, no server error.
  const gone = await reveal(a.id);
  assert.equal(gone.status, 410);
  assert.match(gone.body.detail, /can no longer be read/);
  // With direct access to the stored ciphertext and the master key, a fresh key ring still cannot read it.
  const row = await tenant.selectFrom('patients').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow();
  assert.match(row.name_enc!, /^rf1\.1\./, 'the ciphertext is still there');
  const sameMaster = new KeyRing(new LocalKeyProvider(Buffer.from(app.config.masterKey!, 'base64')));
  await assert.rejects(decryptPatientFields(sameMaster, tenant, row, ['name']), DecryptError);
  const keys = await tenant.selectFrom('data_keys').select(['wrapped_key', 'destroyed_at']).where('client_id', '=', org.clients.A!).execute();
  assert.ok(keys.every((k) => k.wrapped_key === '' && k.destroyed_at));
  // Lookups are refused the same way, and the digests are gone with the key.
  assert.equal((await supervisor.post('/api/patients/search', { clientId: org.clients.A!, phone: '555-010-0111' })).status, 410);
  assert.equal(await tenant.selectFrom('patient_index').select('digest').where('client_id', '=', org.clients.A!).executeTakeFirst(), undefined);
  // Client B is untouched.
  assert.equal((await reveal(b.id)).status, 200);
  assert.equal((await supervisor.post('/api/patients/search', { clientId: org.clients.B!, phone: '555-010-0111' })).body.items.length, 1);
  // No new PHI is written for the shredded client under a fresh key.
  const refused = await supervisor.post('/api/patients', { clientId: org.clients.A!, name: { given: 'New', family: 'Record' } });
  assert.equal(refused.status, 410);
  assert.equal(await tenant.selectFrom('data_keys').select('id').where('client_id', '=', org.clients.A!).where('destroyed_at', 'is', null).executeTakeFirst(), undefined);
  const audit = (await auditEvents(app, org.orgId)).find((e) => e.action === 'keys.destroyed');
  assert.equal(audit!.client_id, org.clients.A);
});

test('keys: master-key rotation rewraps the data keys only; the new master key reads everything, the old one nothing', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A'] });
  const tenant = app.tenant(org.orgId);
  const p = await insertTestPatient(app, org.orgId, org.clients.A!, { mrn: 'TEST-MASTER-1' });
  const before = await tenant.selectFrom('patients').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
  const oldMaster = Buffer.from(app.config.masterKey!, 'base64');
  const next = new LocalKeyProvider(randomBytes(32));

  // The new key is configured, the old one kept as the previous key: both read during the rotation.
  const during = new KeyRing(next, [new LocalKeyProvider(oldMaster)]);
  assert.equal((await decryptPatientFields(during, tenant, before, ['mrn'])).mrn, 'TEST-MASTER-1');
  const rewrapped = await rotateMasterKey({ tenant, keyring: during, source: SYSTEM_SOURCE });
  assert.equal(rewrapped, 3, 'the organization key, and client A’s data and index keys');
  const after = await tenant.selectFrom('patients').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
  assert.equal(after.mrn_enc, before.mrn_enc, 'no field was re-encrypted');
  assert.equal((await decryptPatientFields(new KeyRing(next), tenant, after, ['mrn'])).mrn, 'TEST-MASTER-1');
  await assert.rejects(decryptPatientFields(new KeyRing(new LocalKeyProvider(oldMaster)), tenant, after, ['mrn']));
  const ids = await tenant.selectFrom('data_keys').select('master_key_id').execute();
  assert.ok(ids.every((k) => k.master_key_id === next.keyId));
  assert.equal(await rotateMasterKey({ tenant, keyring: during, source: SYSTEM_SOURCE }), 0, 'running it again has nothing left to do');
});

test('keys: every encrypted column of the schema is known to rotation', async (t) => {
  const app = await buildTestApp(t);
  const tables = await schemaTables(app.database);
  const encrypted = tables.flatMap((table) => table.columns.filter((c) => c.name.endsWith('_enc')).map((c) => `${table.name}.${c.name}`)).sort();
  const known = ENCRYPTED_COLUMNS.flatMap((t) => t.columns.map((c) => `${t.table}.${c}`)).sort();
  assert.deepEqual(encrypted, known);
});
