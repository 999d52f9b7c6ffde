import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { ENGINE, buildTestApp, createTestOrg, rawSql, sealUntilSettled, signedInClient, type TestApp, type TestClient, type TestResponse } from '../../../test/helpers.ts';
import { appendAudit, auditEventRow } from './append.ts';
import type { AuditEventRow } from './audit.tables.ts';
import { SYSTEM_SOURCE, type AuditAction, type AuditSource } from './events.ts';

const ACTIONS: AuditAction[] = ['phi.read', 'patient.searched', 'patient.updated', 'task.created', 'task.claimed', 'task.attempt_logged', 'auth.login.succeeded', 'auth.login.failed', 'auth.logout', 'client.updated'];
const DAY = 86_400_000;
const START = Date.parse('2026-03-01T00:00:00.000Z');

interface Seeded {
  actors: string[];
  clients: string[];
  refs: string[];
}

/**
 * Writes `count` synthetic events with times spread over 40 days (several sharing a
 * millisecond, so ties are broken by id), across actors, clients, patient references,
 * actions and outcomes.
 */
async function seedTrail(app: TestApp, orgId: string, count: number): Promise<Seeded> {
  const actors = Array.from({ length: 5 }, () => randomUUID());
  const clients = Array.from({ length: 3 }, () => randomUUID());
  const refs = ['P-SRCH01', 'P-SRCH02', 'P-SRCH03', 'P-SRCH04'];
  // Times out of id order on purpose (the trail is read by time), and every fifth one sharing its predecessor's millisecond.
  const step = (40 * DAY) / count;
  const times = Array.from({ length: count }, (_, i) => START + Math.floor(((i * 7919) % count) * step));
  const rows = [];
  for (let i = 0; i < count; i += 1) {
    const action = ACTIONS[(i * 7) % ACTIONS.length]!;
    const source: AuditSource = { actorType: 'user', actorId: actors[i % actors.length]!, ip: '127.0.0.1', requestId: null };
    const row = auditEventRow(source, {
      action,
      outcome: i % 9 === 0 ? 'failure' : 'success',
      clientId: action.startsWith('auth.') ? null : clients[i % clients.length]!,
      patientRef: action.startsWith('auth.') || action === 'client.updated' ? null : refs[i % refs.length]!,
      details: {} as never,
    });
    rows.push({ ...row, occurred_at: new Date(times[i % 5 === 4 ? i - 1 : i]!).toISOString() });
  }
  const tenant = app.tenant(orgId);
  for (let i = 0; i < rows.length; i += 200) await tenant.insertInto('audit_events', rows.slice(i, i + 200)).execute();
  return { actors, clients, refs };
}

/** Every page of a search, following nextBefore, with a check on each page's order and size. */
async function walk(client: TestClient, query: string, limit: number, between?: () => Promise<void>): Promise<{ id: number; occurredAt: string }[]> {
  const seen: { id: number; occurredAt: string }[] = [];
  let before: number | null = null;
  for (let pages = 0; pages < 1000; pages += 1) {
    const res: TestResponse = await client.get(`/api/audit/events?limit=${limit}${query ? `&${query}` : ''}${before !== null ? `&before=${before}` : ''}`);
    assert.equal(res.status, 200, res.text);
    const items = res.body.items as { id: number; occurredAt: string }[];
    assert.ok(items.length <= limit);
    assert.equal(res.body.hasMore, res.body.nextBefore !== null);
    if (res.body.hasMore) {
      assert.equal(items.length, limit, 'only the last page is short');
      assert.equal(res.body.nextBefore, items[items.length - 1]!.id);
    }
    seen.push(...items.map((e) => ({ id: e.id, occurredAt: e.occurredAt })));
    before = res.body.nextBefore;
    if (before === null) return seen;
    await between?.();
  }
  throw new Error('the walk did not end');
}

const newestFirst = (a: { id: number; occurredAt: string }, b: { id: number; occurredAt: string }) => b.occurredAt.localeCompare(a.occurredAt) || b.id - a.id;

async function allEvents(app: TestApp, orgId: string): Promise<AuditEventRow[]> {
  return app.tenant(orgId).selectFrom('audit_events').selectAll().execute();
}

async function setup(t: Parameters<typeof buildTestApp>[0], count = 300) {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A'], users: { compliance: ['compliance', null], agent: ['agent', 'A'] } });
  const other = await createTestOrg(app, { clients: ['Z'] });
  const seeded = await seedTrail(app, org.orgId, count);
  await seedTrail(app, other.orgId, 50);
  const officer = await signedInClient(app, org.orgId, org.users.compliance!.id);
  return { app, org, other, seeded, officer };
}

test('keyset pages walk the whole match newest first, without duplicates or gaps, while new events arrive', async (t) => {
  const { app, org, officer } = await setup(t);
  const before = (await allEvents(app, org.orgId)).map((e) => ({ id: Number(e.id), occurredAt: e.occurred_at })).sort(newestFirst);
  let written = 0;
  const tenant = app.tenant(org.orgId);
  // Between pages, other work goes on: events of every kind keep arriving, newest of all.
  const arrive = async () => {
    for (let i = 0; i < 3; i += 1) {
      await appendAudit(tenant, SYSTEM_SOURCE, { action: 'client.updated', details: { changed: ['name'] } });
      written += 1;
    }
  };
  const seen = await walk(officer, '', 17, arrive);
  assert.ok(written > 30, 'events arrived during the walk');
  assert.equal(new Set(seen.map((e) => e.id)).size, seen.length, 'no event twice');
  assert.deepEqual(seen, before, 'exactly the events there were when the walk began, in order');

  // Filtered walks too, over a family (one range per action, merged) and with a time range.
  const family = await walk(officer, 'action=task&clientId=' + (await allEvents(app, org.orgId)).find((e) => e.action.startsWith('task.'))!.client_id, 4, arrive);
  assert.equal(new Set(family.map((e) => e.id)).size, family.length);
  assert.ok(family.length > 20);
});

test('each filter, and filters together, find exactly the matching events', async (t) => {
  const { app, org, other, seeded, officer } = await setup(t);
  const events = await allEvents(app, org.orgId);
  const from = new Date(START + 10 * DAY).toISOString();
  const to = new Date(START + 20 * DAY).toISOString();
  const cases: [string, (e: AuditEventRow) => boolean][] = [
    [`actorId=${seeded.actors[1]}`, (e) => e.actor_id === seeded.actors[1]],
    [`patientRef=${seeded.refs[2]}`, (e) => e.patient_ref === seeded.refs[2]],
    [`clientId=${seeded.clients[0]}`, (e) => e.client_id === seeded.clients[0]],
    ['action=task.claimed', (e) => e.action === 'task.claimed'],
    ['action=auth', (e) => e.action.startsWith('auth.')],
    ['action=auth.login.', (e) => e.action.startsWith('auth.login.')],
    ['action=patient', (e) => e.action.startsWith('patient.')],
    ['outcome=failure', (e) => e.outcome === 'failure'],
    [`from=${from}&to=${to}`, (e) => e.occurred_at >= from && e.occurred_at < to],
    [`clientId=${seeded.clients[1]}&from=${from}&to=${to}`, (e) => e.client_id === seeded.clients[1] && e.occurred_at >= from && e.occurred_at < to],
    [`actorId=${seeded.actors[0]}&action=task&outcome=success`, (e) => e.actor_id === seeded.actors[0] && e.action.startsWith('task.') && e.outcome === 'success'],
    [`patientRef=${seeded.refs[0]}&clientId=${seeded.clients[0]}&from=${from}`, (e) => e.patient_ref === seeded.refs[0] && e.client_id === seeded.clients[0] && e.occurred_at >= from],
    ['action=nothing.of_the_kind', () => false],
    ['action=nothing', () => false],
  ];
  for (const [query, match] of cases) {
    const expected = events
      .filter(match)
      .map((e) => ({ id: Number(e.id), occurredAt: e.occurred_at }))
      .sort(newestFirst);
    const found = await walk(officer, query, 25);
    assert.deepEqual(found, expected, query);
  }
  // The other organization's events never answer, whatever the filter.
  const foreign = new Set((await allEvents(app, other.orgId)).map((e) => Number(e.id)));
  const everything = await walk(officer, '', 200);
  assert.ok(everything.every((e) => !foreign.has(e.id)));
  // The answer carries who acted, by name and address, for people of the organization.
  const page = await officer.get(`/api/audit/events?actorId=${org.users.compliance!.id}&limit=5`);
  assert.equal(page.status, 200);
  for (const e of page.body.items) {
    assert.equal(e.actorEmail, org.users.compliance!.email);
    assert.equal(e.actorName, org.users.compliance!.email.split('@')[0]);
  }
});

test('bad search input is a 400 naming the field; an agent is refused', async (t) => {
  const { app, org, other, officer } = await setup(t, 20);
  const cases: [string, string][] = [
    ['limit=500', 'limit'],
    ['limit=0', 'limit'],
    ['before=abc', 'before'],
    [`before=${Number((await allEvents(app, other.orgId))[0]!.id)}`, 'before'],
    ['before=999999999', 'before'],
    ['from=yesterday', 'from'],
    ['from=2026-03-05T00:00:00Z&to=2026-03-01T00:00:00Z', 'to'],
    ['from=0000-01-01T00:00:00Z', 'from'],
    ['before=99999999999999999999', 'before'],
    ['offset=50', 'offset'],
    ['outcome=maybe', 'outcome'],
    ['action=Auth%20Login', 'action'],
  ];
  for (const [query, field] of cases) {
    const res = await officer.get(`/api/audit/events?${query}`);
    assert.equal(res.status, 400, query);
    assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.equal(res.body.field, field, `${query}: ${res.text}`);
  }
  const agent = await signedInClient(app, org.orgId, org.users.agent!.id);
  assert.equal((await agent.get('/api/audit/events')).status, 403);
  assert.equal((await agent.get(`/api/audit/events/${Number((await allEvents(app, org.orgId))[0]!.id)}`)).status, 403);
});

test('one event with its place in the chain: neighbours, hashes, and whether its link verifies', async (t) => {
  const { app, org, other, officer } = await setup(t, 30);
  await sealUntilSettled(app, org.orgId);
  const chain = await app.tenant(org.orgId).selectFrom('audit_chain').selectAll().orderBy('position').execute();
  assert.ok(chain.length > 10);
  const middle = chain[5]!;
  const res = await officer.get(`/api/audit/events/${middle.event_id}`);
  assert.equal(res.status, 200, res.text);
  assert.equal(res.body.event.id, Number(middle.event_id));
  assert.deepEqual(res.body.link, {
    position: 6,
    prevHash: chain[4]!.hash,
    hash: middle.hash,
    sealedAt: middle.sealed_at,
    previousEventId: Number(chain[4]!.event_id),
    nextEventId: Number(chain[6]!.event_id),
    verified: true,
    followsPrevious: true,
  });
  const first = await officer.get(`/api/audit/events/${chain[0]!.event_id}`);
  assert.equal(first.body.link.previousEventId, null);
  assert.equal(first.body.link.prevHash, '0'.repeat(64));
  assert.equal(first.body.link.followsPrevious, true);
  const last = await officer.get(`/api/audit/events/${chain[chain.length - 1]!.event_id}`);
  assert.equal(last.body.link.nextEventId, null);

  // An event not sealed yet has no link.
  const fresh = await appendAudit(app.tenant(org.orgId), SYSTEM_SOURCE, { action: 'client.updated', details: { changed: ['name'] } });
  const unsealed = await officer.get(`/api/audit/events/${fresh}`);
  assert.equal(unsealed.status, 200);
  assert.equal(unsealed.body.link, null);
  assert.equal(unsealed.body.event.sealed, false);

  // Another organization's event is not found, exactly as an id that names nothing.
  const foreign = await officer.get(`/api/audit/events/${Number((await allEvents(app, other.orgId))[0]!.id)}`);
  const missing = await officer.get('/api/audit/events/987654321');
  assert.equal(foreign.status, 404);
  assert.equal(missing.status, 404);
  assert.equal(foreign.body.detail, missing.body.detail);
  assert.equal((await officer.get('/api/audit/events/not-a-number')).body.field, 'id');

  // Someone with database access edits the event: its link no longer verifies, and the next link still follows it.
  if (ENGINE === 'sqlite') await rawSql(app, 'DROP TRIGGER audit_events_no_update');
  else await rawSql(app, 'ALTER TABLE audit_events DISABLE TRIGGER USER');
  await rawSql(app, `UPDATE audit_events SET details = '{"changed":["time_zone"]}' WHERE id = ${middle.event_id}`);
  const edited = await officer.get(`/api/audit/events/${middle.event_id}`);
  assert.equal(edited.body.link.verified, false);
  assert.equal(edited.body.link.followsPrevious, true);
  assert.equal((await officer.get(`/api/audit/events/${chain[6]!.event_id}`)).body.link.verified, true);
});
