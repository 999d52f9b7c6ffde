import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ENGINE, auditEvents, buildTestApp, createTestOrg, rawSql, sealUntilSettled, signedInClient } from '../../../test/helpers.ts';
import { appendAudit } from './append.ts';
import { SYSTEM_SOURCE } from './events.ts';
import { verifyOrganizationChain } from './verify.ts';
import { sealAllPending } from './chain.ts';

/** Lets a test play an attacker with database access: switch the append-only triggers off. */
async function disableTriggers(app: Awaited<ReturnType<typeof buildTestApp>>, table: 'audit_events' | 'audit_chain'): Promise<void> {
  if (ENGINE === 'sqlite') {
    await rawSql(app, `DROP TRIGGER ${table}_no_update`);
    await rawSql(app, `DROP TRIGGER ${table}_no_delete`);
  } else {
    await rawSql(app, `ALTER TABLE ${table} DISABLE TRIGGER USER`);
  }
}

test('events are sealed into a per-organization chain that verifies', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A'] });
  const other = await createTestOrg(app);
  const tenant = app.tenant(org.orgId);
  for (let i = 0; i < 25; i++) await appendAudit(tenant, SYSTEM_SOURCE, { action: 'client.updated', resourceType: 'Client', resourceId: org.clients.A!, details: { changed: ['name'] } });
  const before = await verifyOrganizationChain(app.database, org.orgId);
  assert.equal(before.ok, true);
  assert.ok(before.unsealed >= 25, 'events wait for the sealer');

  await sealUntilSettled(app, org.orgId);
  const after = await verifyOrganizationChain(app.database, org.orgId);
  assert.equal(after.ok, true);
  assert.equal(after.unsealed, 0);
  const events = await auditEvents(app, org.orgId);
  assert.equal(after.sealed, events.length);
  assert.equal((await verifyOrganizationChain(app.database, other.orgId)).ok, true);

  // Each organization's chain starts at position 1 and covers only its own events.
  const chain = await tenant.selectFrom('audit_chain').select(['position', 'event_id']).orderBy('position').execute();
  assert.equal(chain[0]!.position, 1);
  assert.deepEqual(new Set(chain.map((c) => Number(c.event_id))), new Set(events.map((e) => Number(e.id))));
});

test('the database itself refuses to update or delete audit events', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app);
  await auditEvents(app, org.orgId);
  await assert.rejects(rawSql(app, `UPDATE audit_events SET action = 'nothing.happened'`), /append-only/);
  await assert.rejects(rawSql(app, `DELETE FROM audit_events`), /append-only/);
  await assert.rejects(rawSql(app, `UPDATE audit_chain SET hash = 'x'`), /append-only/);
  await assert.rejects(rawSql(app, `DELETE FROM audit_chain`), /append-only/);
  if (ENGINE === 'postgres') await assert.rejects(rawSql(app, `TRUNCATE audit_events CASCADE`), /append-only/);
  assert.equal((await verifyOrganizationChain(app.database, org.orgId)).ok, true);
});

test('an altered event fails verification and is named', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app);
  const events = await auditEvents(app, org.orgId);
  const victim = events[1]!;
  await disableTriggers(app, 'audit_events');
  await rawSql(app, `UPDATE audit_events SET details = '{"email":"someone-else@example.test"}' WHERE id = ${victim.id}`);
  const result = await verifyOrganizationChain(app.database, org.orgId);
  assert.equal(result.ok, false);
  assert.equal(result.firstProblem!.eventId, Number(victim.id));
  assert.match(result.firstProblem!.reason, /altered/);
});

test('a removed event, or one written around the chain, fails verification', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app);
  const events = await auditEvents(app, org.orgId);
  await disableTriggers(app, 'audit_events');
  await disableTriggers(app, 'audit_chain');
  if (ENGINE === 'sqlite') await rawSql(app, 'PRAGMA foreign_keys = OFF');
  else await rawSql(app, 'ALTER TABLE audit_chain DROP CONSTRAINT IF EXISTS audit_chain_event_id_fkey');
  await rawSql(app, `DELETE FROM audit_events WHERE id = ${events[2]!.id}`);
  const removed = await verifyOrganizationChain(app.database, org.orgId);
  assert.equal(removed.ok, false);
  assert.equal(removed.firstProblem!.eventId, Number(events[2]!.id));
  assert.match(removed.firstProblem!.reason, /removed/);

  // An event slipped in behind the sealer (an id it has already passed) has no link: caught.
  const fresh = await createTestOrg(app);
  await auditEvents(app, fresh.orgId);
  await rawSql(
    app,
    `INSERT INTO audit_events (id, ${ENGINE === 'postgres' ? 'txid, ' : ''}org_id, occurred_at, action, outcome, actor_type, details) VALUES (0, ${ENGINE === 'postgres' ? '0, ' : ''}'${fresh.orgId}', '2026-01-01T00:00:00.000Z', 'user.created', 'success', 'system', '{}')`,
  );
  const injected = await verifyOrganizationChain(app.database, fresh.orgId);
  assert.equal(injected.ok, false);
  assert.equal(injected.firstProblem!.eventId, 0);
  assert.match(injected.firstProblem!.reason, /around the chain/);
});

test('a failing audit write fails the change with it (fail closed)', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app);
  const admin = await signedInClient(app, org.orgId, org.admin.id);
  // Break the audit table for inserts only: the change must not be stored without its event.
  if (ENGINE === 'sqlite') {
    await rawSql(app, `CREATE TRIGGER audit_break BEFORE INSERT ON audit_events BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END`);
  } else {
    await rawSql(app, `CREATE FUNCTION audit_break() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit unavailable'; END $$`);
    await rawSql(app, `CREATE TRIGGER audit_break BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_break()`);
  }
  const res = await admin.post('/api/clients', { name: 'Unaudited Clinic', timeZone: 'America/Denver' });
  assert.equal(res.status, 500);
  assert.doesNotMatch(res.text, /audit unavailable|INSERT|audit_events/, 'no SQL or internals in the answer');
  assert.match(res.body.detail, /request id/);
  const clients = await app.tenant(org.orgId).selectFrom('clients').select('id').execute();
  assert.equal(clients.length, 0);
});

test('concurrent writers never lose or duplicate a link', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app);
  const tenant = app.tenant(org.orgId);
  const writers = Array.from({ length: 8 }, async (_, w) => {
    for (let i = 0; i < 20; i++) {
      await tenant.transaction((tx) => appendAudit(tx, SYSTEM_SOURCE, { action: 'client.updated', details: { changed: [`w${w}-${i}`] } }));
    }
  });
  // Sealers run while the writers write, as on several app instances.
  const sealers = Array.from({ length: 3 }, async () => {
    for (let i = 0; i < 10; i++) await sealAllPending(app.database, 7);
  });
  await Promise.all([...writers, ...sealers]);
  // Other tests' transactions on a shared PostgreSQL server can hold the horizon for a moment.
  await sealUntilSettled(app, org.orgId);
  const result = await verifyOrganizationChain(app.database, org.orgId);
  assert.equal(result.ok, true, JSON.stringify(result.firstProblem));
  const count = await tenant.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  assert.equal(result.sealed, Number(count.n));
});

test('the compliance officer searches the trail; an agent cannot', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A'], users: { compliance: ['compliance', null], agent: ['agent', 'A'] } });
  const officer = await signedInClient(app, org.orgId, org.users.compliance!.id);
  await app.client().post('/api/auth/login', { email: org.users.agent!.email, password: 'definitely wrong pw' });
  const failures = await officer.get('/api/audit/events?action=auth.login.failed');
  assert.equal(failures.status, 200);
  assert.equal(failures.body.items.length, 1);
  assert.equal(failures.body.hasMore, false);
  assert.equal(failures.body.nextBefore, null);
  assert.equal(failures.body.items[0].actorEmail, org.users.agent!.email);
  assert.equal(failures.body.items[0].outcome, 'failure');
  const family = await officer.get('/api/audit/events?action=auth');
  assert.ok(family.body.items.every((e: { action: string }) => e.action.startsWith('auth.')));
  await sealUntilSettled(app, org.orgId);
  const status = await officer.get('/api/audit/status');
  assert.equal(status.body.unsealed, 0);
  assert.match(status.body.headHash, /^[0-9a-f]{64}$/);
  const agent = await signedInClient(app, org.orgId, org.users.agent!.id);
  assert.equal((await agent.get('/api/audit/events')).status, 403);
});
