import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Kysely } from 'kysely';
import { up as migrateReports } from '../../migrations/0009-reports.ts';
import { HISTORY_AGENTS, HISTORY_PATIENTS, seedCallbackHistory } from '../../../test/callback-history.ts';
import { auditEvents, buildTestApp, createTestOrg, pdfText, signedInClient } from '../../../test/helpers.ts';

async function setup(t: Parameters<typeof buildTestApp>[0]) {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, {
    name: 'Northstar Answering',
    clients: ['A', 'B'],
    users: { supervisor: ['supervisor', 'A'], supervisorB: ['supervisor', 'B'], agent: ['agent', 'A'], admin2: ['admin', null] },
  });
  const tenant = app.tenant(org.orgId);
  await tenant.updateTable('clients').set({ name: 'Lakeside Pediatrics & Family' }).where('id', '=', org.clients.A!).execute();
  const history = await seedCallbackHistory(app, org.orgId, { clientId: org.clients.A!, otherClientId: org.clients.B! });
  const supervisor = await signedInClient(app, org.orgId, org.users.supervisor!.id);
  const url = (query: string) => `/api/reports/callbacks?clientId=${org.clients.A}&${query}`;
  return { app, org, history, supervisor, url };
}

/** Nothing that names or points at a patient: names, phone, references. */
function assertNoPatient(text: string, refs: string[], where: string) {
  for (const p of HISTORY_PATIENTS) {
    assert.ok(!text.includes(p.given) && !text.includes(p.family), `${where} names no patient`);
  }
  assert.ok(!text.includes('010-0188') && !text.includes('0100188'), `${where} carries no phone`);
  for (const ref of refs) assert.ok(!text.includes(ref), `${where} carries no patient reference`);
}

test('callback report: the seeded November has exactly the known figures, per day and per agent, with no patient in it', async (t) => {
  const { app, org, history, supervisor, url } = await setup(t);
  const res = await supervisor.get(url('from=2026-11-01&to=2026-11-30'));
  assert.equal(res.status, 200, res.text);
  const r = res.body;
  assert.deepEqual(r.client, { id: org.clients.A, name: 'Lakeside Pediatrics & Family', timeZone: 'America/Chicago' });
  assert.deepEqual(r.period, { from: '2026-11-01', to: '2026-11-30' });
  assert.deepEqual(r.summary, {
    received: 9,
    completed: 4,
    completedWithinSla: 3,
    withinSlaShare: 0.75,
    medianMinutesToFirstAttempt: 25,
    attemptsPerCallback: 1.11,
    attempts: 10,
    unreachable: 1,
    escalated: 2,
  });
  assert.equal(r.days.length, 30, 'every day of the period is listed');
  assert.deepEqual(
    r.days.filter((d: { received: number }) => d.received > 0),
    [
      { day: '2026-11-02', received: 2, completed: 2 },
      { day: '2026-11-05', received: 1, completed: 1 },
      { day: '2026-11-10', received: 1, completed: 0 },
      { day: '2026-11-12', received: 1, completed: 1 },
      { day: '2026-11-15', received: 1, completed: 0 },
      { day: '2026-11-20', received: 1, completed: 0 },
      { day: '2026-11-25', received: 1, completed: 0 },
      // 23:30 on 30 November in Chicago is already 1 December in UTC.
      { day: '2026-11-30', received: 1, completed: 0 },
    ],
  );
  assert.deepEqual(r.agents, [
    { agentId: history.agents.avery, displayName: HISTORY_AGENTS.avery, handled: 5, completed: 3, medianHandlingMinutes: 15 },
    { agentId: history.agents.blake, displayName: HISTORY_AGENTS.blake, handled: 3, completed: 1, medianHandlingMinutes: 30 },
  ]);
  assertNoPatient(res.text, history.patientRefs, 'the JSON report');

  // A shorter period on the same calendar: 2 November alone.
  const day = await supervisor.get(url('from=2026-11-02&to=2026-11-02'));
  assert.equal(day.body.summary.received, 2);
  assert.equal(day.body.summary.medianMinutesToFirstAttempt, 15);
  assert.deepEqual(
    day.body.agents.map((a: { displayName: string; handled: number }) => [a.displayName, a.handled]),
    [[HISTORY_AGENTS.avery, 2]],
  );

  // The CSV: the same figures, for a spreadsheet; a name with a comma-free ampersand stays as it is.
  const csv = await supervisor.get(url('from=2026-11-01&to=2026-11-30&format=csv'));
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
  assert.equal(csv.headers.get('content-disposition'), 'attachment; filename="callbacks-lakeside-pediatrics-family-2026-11-01-to-2026-11-30.csv"');
  const blocks = csv.text.split('\r\n\r\n').map((b) => b.trim().split('\r\n'));
  assert.deepEqual(blocks[0], ['client,from,to,time_zone', 'Lakeside Pediatrics & Family,2026-11-01,2026-11-30,America/Chicago']);
  assert.deepEqual(blocks[1], [
    'measure,value',
    'received,9',
    'completed,4',
    'completed_within_sla,3',
    'within_sla_share,75%',
    'median_minutes_to_first_attempt,25',
    'attempts,10',
    'attempts_per_callback,1.11',
    'unreachable,1',
    'escalated,2',
  ]);
  assert.equal(blocks[2]!.length, 31);
  assert.equal(blocks[2]![0], 'day,received,completed');
  assert.equal(blocks[2]![2], '2026-11-02,2,2');
  assert.deepEqual(blocks[3], ['agent,handled,completed,median_handling_minutes', `${HISTORY_AGENTS.avery},5,3,15`, `${HISTORY_AGENTS.blake},3,1,30`]);
  assertNoPatient(csv.text, history.patientRefs, 'the CSV');

  // The monthly PDF for the practice.
  const pdfRes = await fetch(`${supervisor.baseUrl}${url('from=2026-11-01&to=2026-11-30&format=pdf')}`, { headers: { cookie: supervisor.cookie! } });
  assert.equal(pdfRes.status, 200);
  assert.equal(pdfRes.headers.get('content-type'), 'application/pdf');
  assert.equal(pdfRes.headers.get('content-disposition'), 'attachment; filename="callbacks-lakeside-pediatrics-family-2026-11-01-to-2026-11-30.pdf"');
  const pdf = Buffer.from(await pdfRes.arrayBuffer());
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  assert.ok(pdf.subarray(-8).toString().includes('%%EOF'));
  const pages = pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
  assert.ok(pages >= 1 && pages <= 3, `${pages} pages`);
  const text = pdfText(pdf);
  assert.match(text, /Callback report/);
  assert.match(text, /Lakeside Pediatrics & Family · 2026-11-01 to 2026-11-30/);
  assert.match(text, /Prepared by Northstar Answering/);
  assert.match(text, /9 callbacks were received; 4 are completed, 75% of them within the agreed time/);
  assert.match(text, /3 of 4 \(75%\)/);
  assert.ok(text.includes(HISTORY_AGENTS.avery) && text.includes(HISTORY_AGENTS.blake));
  assert.match(text, /page 1 of/);
  assertNoPatient(pdf.toString('latin1') + text, history.patientRefs, 'the PDF');

  // Reading and each download are audit events: who, which client, which period and form; no patient.
  const events = (await auditEvents(app, org.orgId)).filter((e) => e.action.startsWith('report.'));
  assert.deepEqual(
    events.map((e) => [e.action, e.actor_id, e.client_id, e.patient_ref, JSON.parse(e.details!).format]),
    [
      ['report.viewed', org.users.supervisor!.id, org.clients.A, null, 'json'],
      ['report.viewed', org.users.supervisor!.id, org.clients.A, null, 'json'],
      ['report.exported', org.users.supervisor!.id, org.clients.A, null, 'csv'],
      ['report.exported', org.users.supervisor!.id, org.clients.A, null, 'pdf'],
    ],
  );
  assert.deepEqual(JSON.parse(events[0]!.details!), { report: 'callbacks', from: '2026-11-01', to: '2026-11-30', format: 'json' });
});

test('callback report: the period is checked and the refusal names the field', async (t) => {
  const { supervisor, url } = await setup(t);
  const cases: [string, string, RegExp][] = [
    ['from=2026-11-30&to=2026-11-01', 'to', /must be on or after from \(2026-11-30\)/],
    ['from=2026-02-30&to=2026-03-01', 'from', /calendar day/],
    ['from=2026-11-01&to=2027-12-01', 'to', /at most 13 months; end it before 2027-12-01/],
    ['from=2026-11&to=2026-11-30', 'from', /YYYY-MM-DD/],
    ['from=2026-11-01', 'to', /to/],
  ];
  for (const [query, field, detail] of cases) {
    const res = await supervisor.get(url(query));
    assert.equal(res.status, 400, `${query}: ${res.text}`);
    assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.equal(res.body.field ?? res.body.errors?.[0]?.field, field, `${query}: ${res.text}`);
    assert.match(res.body.detail, detail, query);
  }
  // Thirteen months exactly is allowed; an unknown parameter is refused rather than ignored.
  assert.equal((await supervisor.get(url('from=2026-11-01&to=2027-11-30'))).status, 200);
  assert.equal((await supervisor.get(url('from=2026-11-01&to=2026-11-30&patientRef=P-1'))).status, 400);
  assert.equal((await supervisor.get(url('from=2026-11-01&to=2026-11-30&format=xlsx'))).status, 400);
});

test('callback report: only report readers of the client; an empty period has zeros, not errors', async (t) => {
  const { app, org, url } = await setup(t);
  const as = async (key: string) => signedInClient(app, org.orgId, org.users[key]!.id);
  assert.equal((await (await as('agent')).get(url('from=2026-11-01&to=2026-11-30'))).status, 403, 'agents do not read reports');
  const other = await as('supervisorB');
  const refused = await other.get(url('from=2026-11-01&to=2026-11-30&format=csv'));
  assert.equal(refused.status, 403, 'a supervisor of another client');
  assert.ok(!refused.text.includes(HISTORY_AGENTS.avery));
  const admin = await as('admin2');
  const all = await admin.get(url('from=2026-11-01&to=2026-11-30'));
  assert.equal(all.status, 200, 'administrators read every client’s report');
  assert.equal(all.body.summary.received, 9);

  const otherOrg = await createTestOrg(app, { clients: ['C'], users: { admin: ['admin', null] } });
  const stranger = await signedInClient(app, otherOrg.orgId, otherOrg.users.admin!.id);
  assert.equal((await stranger.get(url('from=2026-11-01&to=2026-11-30'))).status, 404, 'another organization’s client does not exist here');

  const empty = await admin.get(url('from=2026-09-01&to=2026-09-30'));
  assert.equal(empty.status, 200);
  assert.deepEqual(empty.body.summary, { received: 0, completed: 0, completedWithinSla: 0, withinSlaShare: null, medianMinutesToFirstAttempt: null, attemptsPerCallback: null, attempts: 0, unreachable: 0, escalated: 0 });
  assert.equal(empty.body.days.length, 30);
  assert.deepEqual(empty.body.agents, []);
  const pdf = await fetch(`${admin.baseUrl}${url('from=2026-09-01&to=2026-09-30&format=pdf')}`, { headers: { cookie: admin.cookie! } });
  assert.match(pdfText(Buffer.from(await pdf.arrayBuffer())), /No callbacks were received in this period/);
});

test('migration 0009 gives existing organizations’ supervisors and administrators the report grants', async (t) => {
  const { app, org, url } = await setup(t);
  const tenant = app.tenant(org.orgId);
  await tenant.deleteFrom('role_permissions').where('subject', '=', 'Report').execute();
  const supervisor = await signedInClient(app, org.orgId, org.users.supervisor!.id);
  assert.equal((await supervisor.get(url('from=2026-11-01&to=2026-11-30'))).status, 403, 'without the grants');
  const db = app.database.unsafeKysely as unknown as Kysely<unknown>;
  await migrateReports(db, app.database.engine);
  await migrateReports(db, app.database.engine);
  const grants = await tenant.selectFrom('role_permissions').innerJoin('roles', (j) => j.onRef('roles.id', '=', 'role_permissions.role_id').onRef('roles.org_id', '=', 'role_permissions.org_id')).select(['roles.key', 'role_permissions.action', 'role_permissions.scope']).where('role_permissions.subject', '=', 'Report').orderBy('roles.key').orderBy('role_permissions.action').execute();
  assert.deepEqual(grants, [
    { key: 'admin', action: 'export', scope: 'organization' },
    { key: 'admin', action: 'read', scope: 'organization' },
    { key: 'supervisor', action: 'export', scope: 'assigned_clients' },
    { key: 'supervisor', action: 'read', scope: 'assigned_clients' },
  ], 'each once, however often it runs');
  assert.equal((await supervisor.get(url('from=2026-11-01&to=2026-11-30'))).status, 200);
});
