import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { appendAudit, auditEventRow } from '../../platform/audit/append.ts';
import type { AuditEventRow } from '../../platform/audit/audit.tables.ts';
import { createUrgentMessage } from '../oncall/urgent.service.ts';
import { buildTestApp, createTestOrg, insertTestPatient, insertTestTask, insertTestUser, pdfText, signedInClient, supervisorContext, type TestApp, type TestClient, type TestResponse } from '../../../test/helpers.ts';

/** Synthetic PHI of the patient whose history is read: none of it may appear in any answer. */
const GIVEN = 'Marigold';
const FAMILY = 'Quenneville';
const PHONE = '+15550100123';

/** A role held by client, not organization-wide: audit search and exports for the clients it is assigned. */
async function clientAuditorRole(app: TestApp, orgId: string): Promise<string> {
  const tenant = app.tenant(orgId);
  const roleId = randomUUID();
  await tenant.insertInto('roles', { id: roleId, key: 'client_auditor', name: 'Client auditor', description: 'Audit trail of assigned clients', created_at: new Date().toISOString() }).execute();
  for (const action of ['read', 'export']) {
    await tenant.insertInto('role_permissions', { id: randomUUID(), role_id: roleId, action, subject: 'AuditEvent', categories: '["operational"]', scope: 'assigned_clients' }).execute();
  }
  return roleId;
}

async function setup(t: Parameters<typeof buildTestApp>[0]) {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, {
    name: 'Harborview Answering',
    clients: ['A', 'B'],
    users: { compliance: ['compliance', null], agent: ['agent', 'A'], supervisor: ['supervisor', 'A'] },
  });
  const tenant = app.tenant(org.orgId);
  await tenant.updateTable('clients').set({ name: 'Lakeside Family Practice' }).where('id', '=', org.clients.A!).execute();
  const other = await createTestOrg(app, { clients: ['C'] });
  const auditor = await insertTestUser(app, org.orgId, `auditor-${randomUUID().slice(0, 8)}@example.test`);
  await tenant
    .insertInto('role_assignments', { id: randomUUID(), user_id: auditor.id, role_id: await clientAuditorRole(app, org.orgId), client_id: org.clients.A!, created_at: new Date().toISOString(), created_by: null })
    .execute();

  const p1 = await insertTestPatient(app, org.orgId, org.clients.A!, { name: { given: GIVEN, family: FAMILY }, phones: [{ number: PHONE, type: 'mobile' }] });
  const p2 = await insertTestPatient(app, org.orgId, org.clients.A!, { name: { given: 'Rosalind', family: 'Thistlewood' } });
  const p3 = await insertTestPatient(app, org.orgId, org.clients.B!, { name: { given: 'Bartholomew', family: 'Ashcombe' } });
  const foreign = await insertTestPatient(app, other.orgId, other.clients.C!);

  const agent = await signedInClient(app, org.orgId, org.users.agent!.id);
  const officer = await signedInClient(app, org.orgId, org.users.compliance!.id);
  // What the agent does: reveals the patient's name and phone for a callback, finds them by phone, reveals another patient.
  assert.equal((await agent.post(`/api/patients/${p1.id}/reveal`, { fields: ['name', 'phones'], purpose: 'callback' })).status, 200);
  assert.equal((await agent.post('/api/patients/search', { clientId: org.clients.A, phone: '(555) 010-0123' })).status, 200);
  assert.equal((await agent.post(`/api/patients/${p2.id}/reveal`, { fields: ['name'], purpose: 'callback' })).status, 200);
  // A callback for the patient: details given to a wrong number, then an urgent message for the on-call provider.
  const task = await insertTestTask(app, org.orgId, org.clients.A!, { patientId: p1.id, claimedBy: org.users.agent!.id });
  const attempt = await agent.post(`/api/tasks/${task.id}/attempts`, { channel: 'phone', outcome: 'wrong_number', disclosure: 'details_given' });
  assert.equal(attempt.status, 201, attempt.text);
  await createUrgentMessage(supervisorContext(app, org.orgId), app.app.platform.jobs, { taskId: task.id, body: 'Synthetic: a question for the provider.' });
  // The compliance officer reveals the patient of the other client.
  assert.equal((await officer.post(`/api/patients/${p3.id}/reveal`, { fields: ['name'], purpose: 'compliance_review' })).status, 200);
  return { app, org, other, auditor, p1, p2, p3, foreign, agent, officer };
}

async function eventsOf(app: TestApp, orgId: string, clientId: string, refs: string[]): Promise<AuditEventRow[]> {
  const rows = await app.tenant(orgId).selectFrom('audit_events').selectAll().where('client_id', '=', clientId).where('patient_ref', 'in', refs).execute();
  return rows.sort((a, b) => b.occurred_at.localeCompare(a.occurred_at) || Number(b.id) - Number(a.id));
}

async function walkHistory(client: TestClient, patientId: string, limit: number): Promise<Record<string, any>[]> {
  const items: Record<string, any>[] = [];
  let before: number | null = null;
  for (let i = 0; i < 100; i += 1) {
    const res: TestResponse = await client.get(`/api/patients/${patientId}/access-history?limit=${limit}${before === null ? '' : `&before=${before}`}`);
    assert.equal(res.status, 200, res.text);
    items.push(...res.body.items);
    before = res.body.nextBefore;
    if (before === null) return items;
  }
  throw new Error('the history did not end');
}

const PHI = [GIVEN, FAMILY, '0100123', '010-0123'];

test("a patient's access history shows every event about them and no other patient's, and is itself audited", async (t) => {
  const { app, org, p1, p2, officer } = await setup(t);
  const expected = await eventsOf(app, org.orgId, org.clients.A!, [p1.ref]);
  const res = await officer.get(`/api/patients/${p1.id}/access-history?limit=200`);
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.body.patient, { id: p1.id, ref: p1.ref, clientId: org.clients.A, clientName: 'Lakeside Family Practice', refs: [p1.ref] });
  assert.deepEqual(
    res.body.items.map((e: { id: number }) => e.id),
    expected.map((e) => Number(e.id)),
    'exactly the events carrying the reference, newest first',
  );
  assert.ok(res.body.items.every((e: { patientRef: string }) => e.patientRef === p1.ref));
  assert.equal(res.body.hasMore, false);
  for (const phi of PHI) assert.ok(!res.text.includes(phi), `no ${phi} in the answer`);

  const byAction = (action: string) => res.body.items.filter((e: { action: string }) => e.action === action);
  const [reveal] = byAction('phi.read');
  assert.equal(byAction('phi.read').length, 1, "the other patient's reveal is not listed");
  assert.equal(reveal.kind, 'access');
  assert.deepEqual(reveal.actor, { type: 'user', id: org.users.agent!.id, name: org.users.agent!.email.split('@')[0], email: org.users.agent!.email, roles: ['Agent'] });
  assert.deepEqual(reveal.fields, ['name', 'phones']);
  assert.deepEqual(reveal.categories, ['contact']);
  assert.equal(reveal.purpose, 'callback');
  const [hit] = byAction('patient.search_hit');
  assert.equal(hit.kind, 'access');
  assert.match(hit.description, /search by phone/);
  assert.equal(hit.actor.id, org.users.agent!.id);
  const [attempt] = byAction('task.attempt_logged');
  assert.equal(attempt.kind, 'disclosure');
  assert.equal(attempt.recipient, 'a person reached at a wrong number');
  assert.equal(byAction('urgent.created')[0].kind, 'disclosure');
  assert.equal(byAction('patient.created')[0].kind, 'change');

  // Reading the history is itself an event about the patient, by the officer, for the patient's client.
  const viewed = await app.tenant(org.orgId).selectFrom('audit_events').selectAll().where('action', '=', 'audit.patient_history_viewed').execute();
  assert.equal(viewed.length, 1);
  assert.equal(viewed[0]!.patient_ref, p1.ref);
  assert.equal(viewed[0]!.client_id, org.clients.A);
  assert.equal(viewed[0]!.resource_id, p1.id);
  assert.equal(viewed[0]!.actor_id, org.users.compliance!.id);
  assert.deepEqual(JSON.parse(viewed[0]!.details!), { results: expected.length, before: null });
  const again = await officer.get(`/api/patients/${p1.id}/access-history?limit=1`);
  assert.equal(again.body.items[0].action, 'audit.patient_history_viewed');
  assert.equal(again.body.items[0].kind, 'activity');
  assert.equal(again.body.items[0].actor.id, org.users.compliance!.id);

  // Page by page, the walk is the whole history once, though each page adds a viewing of its own.
  const start = await eventsOf(app, org.orgId, org.clients.A!, [p1.ref]);
  const walked = await walkHistory(officer, p1.id, 3);
  assert.deepEqual(
    walked.map((e) => e.id),
    start.map((e) => Number(e.id)),
  );
  const pages = Math.ceil(start.length / 3);
  assert.equal((await eventsOf(app, org.orgId, org.clients.A!, [p1.ref])).length, start.length + pages, 'one viewing per page');

  // Filters narrow it: the accesses by reveal only.
  const reveals = await officer.get(`/api/patients/${p1.id}/access-history?action=phi.read`);
  assert.deepEqual(
    reveals.body.items.map((e: { id: number }) => e.id),
    [reveal.id],
  );

  // Merging another record into this one brings that record's history with it.
  const supervisor = await signedInClient(app, org.orgId, org.users.supervisor!.id);
  assert.equal((await supervisor.post(`/api/patients/${p1.id}/merge`, { duplicateId: p2.id })).status, 200);
  const merged = await officer.get(`/api/patients/${p1.id}/access-history?limit=200&action=phi.read`);
  assert.deepEqual(merged.body.patient.refs, [p1.ref, p2.ref]);
  assert.deepEqual(
    merged.body.items.map((e: { patientRef: string }) => e.patientRef).sort(),
    [p1.ref, p2.ref].sort(),
  );
});

test('access history: another client’s or organization’s patient is not found; an agent is refused; bad input names its field', async (t) => {
  const { app, org, auditor, p1, p3, foreign, agent, officer } = await setup(t);
  const scoped = await signedInClient(app, org.orgId, auditor.id);
  const ok = await scoped.get(`/api/patients/${p1.id}/access-history`);
  assert.equal(ok.status, 200, ok.text);
  const missing = await scoped.get(`/api/patients/${randomUUID()}/access-history`);
  const otherClient = await scoped.get(`/api/patients/${p3.id}/access-history`);
  assert.equal(missing.status, 404);
  assert.equal(otherClient.status, 404, 'a patient of a client the auditor does not audit');
  assert.equal(otherClient.body.detail, missing.body.detail);
  assert.equal((await officer.get(`/api/patients/${p3.id}/access-history`)).status, 200, 'the organization-wide officer reaches every client');
  const foreignRes = await officer.get(`/api/patients/${foreign.id}/access-history`);
  assert.equal(foreignRes.status, 404);
  assert.equal(foreignRes.body.detail, missing.body.detail);

  assert.equal((await agent.get(`/api/patients/${p1.id}/access-history`)).status, 403);
  assert.equal((await agent.get(`/api/patients/${p1.id}/disclosures?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z`)).status, 403);

  for (const [query, field] of [
    ['limit=1000', 'limit'],
    ['before=first', 'before'],
    ['from=soon', 'from'],
    ['sort=id', 'sort'],
  ] as const) {
    const res = await officer.get(`/api/patients/${p1.id}/access-history?${query}`);
    assert.equal(res.status, 400, query);
    assert.equal(res.body.field, field, res.text);
  }
  assert.equal((await officer.get('/api/patients/not-an-id/access-history')).body.field, 'id');
  // Refusals and bad input read nothing, so they record no viewing.
  const viewed = await app.tenant(org.orgId).selectFrom('audit_events').select('actor_id').where('action', '=', 'audit.patient_history_viewed').execute();
  assert.deepEqual(viewed.map((v) => v.actor_id).sort(), [auditor.id, org.users.compliance!.id].sort());
});

test('accounting of disclosures: CSV and PDF list each access and disclosure of the period, by reference only, and are audited', async (t) => {
  const { app, org, p1, officer } = await setup(t);
  const tenant = app.tenant(org.orgId);
  // A reveal long before the period, which the accounting must leave out.
  await tenant.insertInto('audit_events', { ...auditEventRow({ actorType: 'user', actorId: org.users.agent!.id, ip: null, requestId: null }, { action: 'phi.read', resourceType: 'Patient', resourceId: p1.id, clientId: org.clients.A!, patientRef: p1.ref, fields: ['name'], purpose: 'callback', details: { source: 'vault' } }), occurred_at: '2024-02-01T10:00:00.000Z' }).execute();
  const from = new Date(Date.now() - 86_400_000).toISOString();
  const to = new Date(Date.now() + 86_400_000).toISOString();
  const accounted = ['phi.read', 'patient.search_hit', 'task.attempt_logged', 'urgent.created'];
  const expected = (await eventsOf(app, org.orgId, org.clients.A!, [p1.ref])).filter((e) => accounted.includes(e.action) && e.occurred_at >= from).reverse();
  assert.equal(expected.length, 4);

  const csv = await officer.get(`/api/patients/${p1.id}/disclosures?from=${from}&to=${to}&format=csv`);
  assert.equal(csv.status, 200, csv.text);
  assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
  assert.match(csv.headers.get('content-disposition') ?? '', new RegExp(`attachment; filename="disclosures-${p1.ref}-`));
  const heading = csv.text.split('\r\n').filter((l) => l.startsWith('# '));
  assert.ok(heading.includes('# Accounting of disclosures'));
  assert.ok(heading.includes('# Organization: Harborview Answering'));
  assert.ok(heading.includes('# Client: Lakeside Family Practice'));
  assert.ok(heading.includes(`# Patient reference: ${p1.ref}`));
  assert.ok(heading.some((l) => l.startsWith(`# Generated at `) && l.includes(org.users.compliance!.email)));
  assert.equal(heading.at(-1), '# 4 entries');
  const rows = parse(csv.text, { columns: true, comment: '#', comment_no_infix: true, skip_empty_lines: true }) as Record<string, string>[];
  assert.deepEqual(
    rows.map((r) => Number(r.event_id)),
    expected.map((e) => Number(e.id)),
    'the accesses and disclosures of the period, oldest first',
  );
  const byAction = new Map(rows.map((r) => [r.action, r]));
  const reveal = byAction.get('phi.read')!;
  assert.equal(reveal.kind, 'access');
  assert.equal(reveal.person, `${org.users.agent!.email.split('@')[0]} (Agent)`);
  assert.equal(reveal.what, 'name (contact), phones (contact)');
  assert.equal(reveal.purpose, 'callback');
  assert.equal(reveal.patient_ref, p1.ref);
  assert.equal(reveal.date_time_utc, expected.find((e) => e.action === 'phi.read')!.occurred_at);
  assert.match(reveal.date_time_local ?? '', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} C[SD]T$/, "on the client's clock");
  assert.equal(byAction.get('task.attempt_logged')!.kind, 'disclosure');
  assert.equal(byAction.get('task.attempt_logged')!.recipient, 'a person reached at a wrong number');
  assert.equal(byAction.get('urgent.created')!.kind, 'disclosure');
  assert.equal(byAction.get('patient.search_hit')!.person, `${org.users.agent!.email.split('@')[0]} (Agent)`);
  for (const phi of PHI) assert.ok(!csv.text.includes(phi), `no ${phi} in the CSV`);

  const pdfRes = await fetch(`${app.url}/api/patients/${p1.id}/disclosures?from=${from}&to=${to}&format=pdf`, { headers: { cookie: officer.cookie ?? '' } });
  assert.equal(pdfRes.status, 200);
  assert.equal(pdfRes.headers.get('content-type'), 'application/pdf');
  const pdf = Buffer.from(await pdfRes.arrayBuffer());
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  const text = pdfText(pdf);
  for (const part of ['Accounting of disclosures', 'Organization: Harborview Answering', 'Client: Lakeside Family Practice', `Patient reference: ${p1.ref}`, 'End of the accounting: 4 entries.']) {
    assert.ok(text.includes(part), `the PDF says ${part}`);
  }
  assert.deepEqual(
    [...text.matchAll(/#(\d+)/g)].map((m) => Number(m[1])),
    expected.map((e) => Number(e.id)),
    'each entry once, in order, and nothing else',
  );
  assert.ok(text.includes('name (contact), phones (contact)'));
  assert.ok(text.includes('a person reached at a wrong number'));
  for (const phi of PHI) assert.ok(!text.includes(phi), `no ${phi} in the PDF`);

  // Each download is an event about the patient, with its form and period.
  const exported = await tenant.selectFrom('audit_events').selectAll().where('action', '=', 'audit.disclosures_exported').orderBy('id').execute();
  assert.deepEqual(
    exported.map((e) => [e.patient_ref, e.client_id, e.actor_id, JSON.parse(e.details!)]),
    [
      [p1.ref, org.clients.A, org.users.compliance!.id, { format: 'csv', from, to }],
      [p1.ref, org.clients.A, org.users.compliance!.id, { format: 'pdf', from, to }],
    ],
  );

  // A period with nothing in it still makes a document that says so.
  const empty = await fetch(`${app.url}/api/patients/${p1.id}/disclosures?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z`, { headers: { cookie: officer.cookie ?? '' } });
  assert.equal(empty.status, 200);
  assert.match(pdfText(Buffer.from(await empty.arrayBuffer())), /No access to or disclosure of this patient's information was recorded in this period/);
});

test('accounting of disclosures: a long accounting runs over pages, each footed with the patient reference', async (t) => {
  const { app, org, p1, officer } = await setup(t);
  const tenant = app.tenant(org.orgId);
  const source = { actorType: 'user' as const, actorId: org.users.agent!.id, ip: null, requestId: null };
  for (let i = 0; i < 120; i += 1) {
    await appendAudit(tenant, source, { action: 'phi.read', resourceType: 'Patient', resourceId: p1.id, clientId: org.clients.A!, patientRef: p1.ref, fields: ['dateOfBirth'], purpose: 'identity_verification', details: { source: 'vault' } });
  }
  const from = new Date(Date.now() - 86_400_000).toISOString();
  const to = new Date(Date.now() + 86_400_000).toISOString();
  const res = await fetch(`${app.url}/api/patients/${p1.id}/disclosures?from=${from}&to=${to}`, { headers: { cookie: officer.cookie ?? '' } });
  assert.equal(res.status, 200);
  const pdf = Buffer.from(await res.arrayBuffer());
  const pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
  assert.ok(pages >= 3, `${pages} pages`);
  const text = pdfText(pdf);
  assert.equal([...text.matchAll(/#(\d+)/g)].length, 124);
  assert.ok(text.includes('End of the accounting: 124 entries.'));
  for (let page = 1; page <= pages; page += 1) assert.ok(text.includes(`patient ${p1.ref} · `) && text.includes(`· page ${page}`), `page ${page} is footed`);
});

test('accounting of disclosures: bad periods and formats name their field; another client’s patient is not found', async (t) => {
  const { app, org, auditor, p1, p3, officer } = await setup(t);
  for (const [query, field] of [
    ['to=2026-02-01T00:00:00Z', 'from'],
    ['from=2026-02-01T00:00:00Z', 'to'],
    ['from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'to'],
    ['from=2018-01-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'from'],
    ['from=0000-01-01T00:00:00Z&to=0001-01-01T00:00:00Z', 'from'],
    ['from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z&format=xlsx', 'format'],
  ] as const) {
    const res = await officer.get(`/api/patients/${p1.id}/disclosures?${query}`);
    assert.equal(res.status, 400, query);
    assert.equal(res.body.field, field, res.text);
  }
  const scoped = await signedInClient(app, org.orgId, auditor.id);
  const period = 'from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z&format=csv';
  assert.equal((await scoped.get(`/api/patients/${p1.id}/disclosures?${period}`)).status, 200);
  const otherClient = await scoped.get(`/api/patients/${p3.id}/disclosures?${period}`);
  const missing = await scoped.get(`/api/patients/${randomUUID()}/disclosures?${period}`);
  assert.equal(otherClient.status, 404);
  assert.equal(otherClient.body.detail, missing.body.detail);
  const exported = await app.tenant(org.orgId).selectFrom('audit_events').select('patient_ref').where('action', '=', 'audit.disclosures_exported').execute();
  assert.deepEqual(exported.map((e) => e.patient_ref), [p1.ref], 'only the download that happened is recorded');
});
