import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { buildTestApp, createTestOrg } from '../../../test/helpers.ts';
import type { Actor } from '../context.ts';
import { AppError } from '../http/errors.ts';
import { LocalKeyProvider, type KeyProvider } from './key-provider.ts';
import { ClientKeys, DecryptError, KeyRing, type PhiGate } from './keyring.ts';
import { phiGateFor, REFUSE_ALL_PHI, type ComplianceRules } from './phi-gate.ts';

/** The app's master key, counting every wrap and unwrap: any use of a data key shows here. */
class CountingProvider implements KeyProvider {
  readonly #inner: KeyProvider;
  uses = 0;
  constructor(inner: KeyProvider) {
    this.#inner = inner;
  }
  get keyId(): string {
    return this.#inner.keyId;
  }
  wrap(dataKey: Buffer, context: string): Promise<string> {
    this.uses += 1;
    return this.#inner.wrap(dataKey, context);
  }
  unwrap(wrapped: string, context: string): Promise<Buffer> {
    this.uses += 1;
    return this.#inner.unwrap(wrapped, context);
  }
}

/** Every method of the client keys, found by reflection: a method added later is in this list without anyone adding it. */
const CLIENT_KEY_METHODS = Object.getOwnPropertyNames(ClientKeys.prototype).filter(
  (name) => name !== 'constructor' && typeof Object.getOwnPropertyDescriptor(ClientKeys.prototype, name)?.value === 'function',
);

const PERSON: Actor = { type: 'user', userId: randomUUID(), email: 'agent@example.test', displayName: 'Agent', sessionId: null };

test('the PHI gate runs on every client-key path: each method refuses a client the gate refuses, before any key is read or unwrapped', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A', 'B'] });
  const tenant = app.tenant(org.orgId);
  const master = new LocalKeyProvider(Buffer.from(app.config.masterKey!, 'base64'));
  const closed = org.clients.A!;
  const location = { clientId: closed, table: 'patients', column: 'name_enc', rowId: randomUUID() };
  // A value and keys exist for the client, written by the system (which is not gated).
  const envelope = await new KeyRing(master).encryptField(tenant, location, 'Synthetic Person');

  const refusal = new AppError('baa_required', 'closed for this test');
  const asked: string[] = [];
  const gate: PhiGate = async (_tenant, clientId) => {
    asked.push(clientId);
    if (clientId === closed) throw refusal;
  };
  const provider = new CountingProvider(master);
  const keys = new KeyRing(provider).clientKeys(gate);

  assert.ok(CLIENT_KEY_METHODS.length >= 5, `found ${CLIENT_KEY_METHODS.join(', ')}`);
  // Each method is called with every shape its arguments take (an owner by id or by location; a value or a row of values).
  const owners = [location, closed];
  const values = [envelope, { name_enc: envelope }];
  for (const name of CLIENT_KEY_METHODS) {
    const method = (keys as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[name]!;
    const outcomes: unknown[] = [];
    for (const owner of owners) {
      for (const value of values) {
        outcomes.push(await method.call(keys, tenant, owner, value).then(() => 'answered', (err: unknown) => err));
      }
    }
    assert.ok(!outcomes.includes('answered'), `${name} answered for a client the gate refuses`);
    assert.ok(outcomes.includes(refusal), `${name} was not refused by the gate`);
    assert.ok(outcomes.every((o) => o === refusal || o instanceof DecryptError), `${name}: ${String(outcomes.find((o) => o !== refusal))}`);
  }
  assert.equal(provider.uses, 0, 'no key was unwrapped or created for the refused client');
  assert.ok(asked.length > 0 && asked.every((id) => id === closed));

  // The same keys for a client the gate lets through: the count above would have seen a use.
  const open = { ...location, clientId: org.clients.B! };
  assert.equal(await keys.decryptField(tenant, open, await keys.encryptField(tenant, open, 'Synthetic Person')), 'Synthetic Person');
  assert.ok(provider.uses > 0);
});

test('a client’s practice-link credentials are not PHI: their path is not gated, and it opens nothing else', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A'] });
  const tenant = app.tenant(org.orgId);
  const clientId = org.clients.A!;
  const refusal = new AppError('baa_required', 'closed for this test');
  const system = app.app.platform.keyring;
  const keys = system.clientKeys(async () => {
    throw refusal;
  });
  const credentials = JSON.stringify({ type: 'basic', username: 'svc', password: 'synthetic-secret' });
  const stored = await keys.integrationCredentials.encrypt(tenant, clientId, credentials);
  assert.equal(await keys.integrationCredentials.decrypt(tenant, clientId, stored), credentials);
  // Written where the practice link keeps them: the system reads them at that location.
  assert.equal(await system.decryptField(tenant, { clientId, table: 'practice_links', column: 'credentials_enc', rowId: clientId }, stored), credentials);
  // A PHI value of the same client does not open through this path.
  const phi = await system.encryptField(tenant, { clientId, table: 'patients', column: 'name_enc', rowId: randomUUID() }, 'Synthetic Person');
  await assert.rejects(keys.integrationCredentials.decrypt(tenant, clientId, phi), DecryptError);
  await assert.rejects(keys.decryptField(tenant, { clientId, table: 'practice_links', column: 'credentials_enc', rowId: clientId }, stored), (err) => err === refusal);
});

test('a request’s gate asks the rules once per client and once for the actor, asks a refused client again, and with no rules refuses all PHI', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A', 'B'] });
  const tenant = app.tenant(org.orgId);
  const asked = { clients: [] as string[], actors: 0 };
  let open = false;
  const rules: ComplianceRules = {
    async assertClientMayHandlePhi(_tenant, clientId) {
      asked.clients.push(clientId);
      if (!open && clientId === org.clients.B!) throw new AppError('baa_required', 'no BAA for this test');
    },
    async assertActorMayHandlePhi() {
      asked.actors += 1;
    },
  };
  const keys = app.app.platform.keyring.clientKeys(phiGateFor(rules, PERSON));
  const at = (clientId: string) => ({ clientId, table: 'patients', column: 'name_enc', rowId: 'row-1' });
  for (let i = 0; i < 3; i += 1) await keys.encryptField(tenant, at(org.clients.A!), 'Synthetic Person');
  await assert.rejects(keys.encryptField(tenant, at(org.clients.B!), 'x'), /no BAA/);
  open = true;
  await keys.encryptField(tenant, at(org.clients.B!), 'x');
  assert.deepEqual(asked, { clients: [org.clients.A!, org.clients.B!, org.clients.B!], actors: 1 });
  // The organization's own key is not a client's: no rule is asked.
  await keys.encryptField(tenant, { ...at(org.clients.A!), clientId: null }, 'not PHI');
  assert.equal(asked.clients.length, 3);

  const unruled = app.app.platform.keyring.clientKeys(phiGateFor(REFUSE_ALL_PHI, PERSON));
  await assert.rejects(unruled.encryptField(tenant, at(org.clients.A!), 'x'), /No compliance rules/);
});
