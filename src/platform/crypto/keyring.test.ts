import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { buildTestApp, createTestOrg } from '../../../test/helpers.ts';
import { LocalKeyProvider, MasterKeyError, loadMasterKey } from './key-provider.ts';
import { DecryptError, KeyRing } from './keyring.ts';

test('a field decrypts only where it was written: another row, column, client or organization fails', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A', 'B'] });
  const other = await createTestOrg(app);
  const keyring = new KeyRing(new LocalKeyProvider(randomBytes(32)));
  const tenant = app.tenant(org.orgId);
  const here = { clientId: org.clients.A!, table: 'patients', column: 'name', rowId: 'row-1' };
  const envelope = await keyring.encryptField(tenant, here, 'Synthetic Person');
  assert.match(envelope, /^rf1\.1\./);
  assert.ok(!envelope.includes('Synthetic'));
  assert.equal(await keyring.decryptField(tenant, here, envelope), 'Synthetic Person');
  for (const moved of [
    { ...here, rowId: 'row-2' },
    { ...here, column: 'phone' },
    { ...here, table: 'tasks' },
    { ...here, clientId: org.clients.B! },
  ]) {
    await assert.rejects(keyring.decryptField(tenant, moved, envelope), DecryptError);
  }
  await assert.rejects(keyring.decryptField(app.tenant(other.orgId), here, envelope), DecryptError);
  // Two encryptions of the same value differ (random nonce).
  assert.notEqual(await keyring.encryptField(tenant, here, 'x'), await keyring.encryptField(tenant, here, 'x'));
});

test('data keys are stored wrapped; another master key cannot unwrap them', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A'] });
  const tenant = app.tenant(org.orgId);
  const master = randomBytes(32);
  const location = { clientId: org.clients.A!, table: 't', column: 'c', rowId: 'r' };
  const envelope = await new KeyRing(new LocalKeyProvider(master)).encryptField(tenant, location, 'value');
  assert.equal(await new KeyRing(new LocalKeyProvider(master)).decryptField(tenant, location, envelope), 'value');
  await assert.rejects(new KeyRing(new LocalKeyProvider(randomBytes(32))).decryptField(tenant, location, envelope));
  const stored = await tenant.selectFrom('data_keys').selectAll().where('client_id', '=', org.clients.A!).execute();
  assert.equal(stored.length, 1);
  assert.match(stored[0]!.wrapped_key, /^rfk1\./);
});

test('the master key: generated 0600 with a warning, refused in production unless allowed', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ringfence-key-'));
  const generated = loadMasterKey({ masterKey: null, masterKeyFile: null, dataDir, production: false, allowGeneratedKey: false });
  assert.equal(generated.source, 'generated-file');
  assert.match(generated.warning!, /production must supply its own/);
  const file = path.join(dataDir, 'master.key');
  assert.ok(existsSync(file));
  assert.equal(statSync(file).mode & 0o777, 0o600);
  const again = loadMasterKey({ masterKey: null, masterKeyFile: null, dataDir, production: false, allowGeneratedKey: false });
  assert.deepEqual(again.key, generated.key, 'the same key on the next start');
  assert.throws(() => loadMasterKey({ masterKey: null, masterKeyFile: null, dataDir, production: true, allowGeneratedKey: false }), MasterKeyError);
  assert.equal(loadMasterKey({ masterKey: null, masterKeyFile: null, dataDir, production: true, allowGeneratedKey: true }).source, 'generated-file');
  const supplied = randomBytes(32).toString('base64');
  assert.equal(loadMasterKey({ masterKey: supplied, masterKeyFile: null, dataDir, production: true, allowGeneratedKey: false }).source, 'environment');
});
