import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { auditEvents, buildTestApp, createTestOrg, insertTestAlert, insertTestBaa, insertTestTask, pdfText, rawSql, signedInClient, type TestApp, type TestClient, type TestOrg } from '../../../test/helpers.ts';
import { sweepIncidentReminders } from './notices.service.ts';
import { unsafeSystemContext } from '../../platform/system-context.ts';

const DAY = 86_400_000;

interface Setup {
  app: TestApp;
  org: TestOrg;
  agent: TestClient;
  officer: TestClient;
}

async function setup(t: TestContext): Promise<Setup> {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A', 'B', 'C'], baas: false, users: { agent: ['agent', 'A'], compliance: ['compliance', null], supervisor: ['supervisor', 'A'] } });
  // A: 10 calendar days for a breach only; B: 5 business days for any impermissible use; C: 24 hours for any security incident.
  await insertTestBaa(app, org.orgId, org.clients.A!, { breach_notice_days: 10, breach_notice_unit: 'calendar_days', breach_notice_trigger: 'breach' });
  await insertTestBaa(app, org.orgId, org.clients.B!, { breach_notice_days: 5, breach_notice_unit: 'business_days', breach_notice_trigger: 'impermissible_use' });
  await insertTestBaa(app, org.orgId, org.clients.C!, { breach_notice_days: 24, breach_notice_unit: 'hours', breach_notice_trigger: 'security_incident' });
  return { app, org, agent: await signedInClient(app, org.orgId, org.users.agent!.id), officer: await signedInClient(app, org.orgId, org.users.compliance!.id) };
}

/** A task of client A claimed by the agent, on which the agent gave details to a wrong number. */
async function wrongNumber(s: Setup): Promise<{ taskId: string; patientRef: string; attemptAt: string }> {
  const task = await insertTestTask(s.app, s.org.orgId, s.org.clients.A!, { claimedBy: s.org.users.agent!.id });
  const reveal = await s.agent.post(`/api/patients/${task.patientId}/reveal`, { fields: ['name', 'phones'], purpose: 'callback' });
  assert.equal(reveal.status, 200, JSON.stringify(reveal.body));
  const attempt = await s.agent.post(`/api/tasks/${task.id}/attempts`, { channel: 'phone', outcome: 'wrong_number', disclosure: 'details_given' });
  assert.equal(attempt.status, 201, JSON.stringify(attempt.body));
  return { taskId: task.id, patientRef: attempt.body.task.patientRef, attemptAt: attempt.body.attempt.attemptedAt };
}

test('a wrong number after details opens an incident from the task: discovered when the agent logged it, the patient in scope, and the agent reports without reading it', async (t) => {
  const s = await setup(t);
  const { taskId, patientRef, attemptAt } = await wrongNumber(s);
  const reported = await s.agent.post('/api/incidents', { type: 'misdirected_disclosure', taskId, description: 'Callback details were given to the person who answered a wrong number.' });
  assert.equal(reported.status, 201, JSON.stringify(reported.body));
  assert.match(reported.body.ref, /^INC-\d{8}$/);
  const again = await s.agent.post('/api/incidents', { type: 'misdirected_disclosure', taskId, description: 'Reported a second time by mistake.' });
  assert.deepEqual([again.status, again.body.id, again.body.existing], [200, reported.body.id, true], 'one incident per task');
  assert.equal((await s.agent.get(`/api/incidents/${reported.body.id}`)).status, 403, 'reporting is not working it');
  assert.equal((await s.agent.post('/api/incidents', { type: 'vendor_incident', vendorId: crypto.randomUUID(), description: 'A vendor told us of a breach.' })).status, 403, 'a vendor incident is compliance’s to open');
  const phi = await s.agent.post('/api/incidents', { type: 'other', description: 'Patient John Smith, DOB 04/12/1961, phone 555-201-3344 heard the message.' });
  assert.equal(phi.status, 400, 'the description is PHI-guarded');

  const incident = (await s.officer.get(`/api/incidents/${reported.body.id}`)).body;
  assert.equal(incident.discoveredAt, attemptAt, 'the clock starts when the agent logged the wrong number');
  assert.equal(incident.status, 'reported');
  assert.deepEqual(incident.source, { type: 'task', id: taskId });
  assert.deepEqual(
    incident.patients.map((p: any) => [p.clientId, p.patientRef, p.removed]),
    [[s.org.clients.A, patientRef, false]],
  );
  assert.ok(incident.patients[0].events >= 1, 'the reveal before the call is in the trail');
  assert.deepEqual(incident.categories, ['contact']);
  assert.deepEqual(incident.hhs, { breachType: 'Unauthorized Access/Disclosure', location: 'Other', phiTypes: ['Demographic'] });
  const [a] = incident.clients;
  assert.equal(a.clientId, s.org.clients.A);
  assert.equal(a.individuals, 1);
  assert.deepEqual(a.terms, { baaId: a.terms.baaId, window: 10, unit: 'calendar_days', trigger: 'breach' });
  assert.equal(a.obligation, 'presumed', 'a breach is presumed until the assessment shows otherwise');
  assert.equal(a.noticeState, 'due');
  const actions = (await auditEvents(s.app, s.org.orgId)).filter((e) => e.resource_id === reported.body.id).map((e) => e.action);
  assert.deepEqual(actions, ['incident.reported']);
});

test('the assessment: exclusions need their reasoning, signing makes it immutable (the database refuses a change), an amendment is a new version, and each client’s trigger decides what is owed', async (t) => {
  const s = await setup(t);
  const { taskId } = await wrongNumber(s);
  const { id } = (await s.agent.post('/api/incidents', { type: 'misdirected_disclosure', taskId, description: 'Details given to a wrong number.' })).body;
  // Client B and C are affected too (the same callback line).
  assert.equal((await s.officer.post(`/api/incidents/${id}/scope`, { reason: 'The shared line also carried these practices.', addClients: [s.org.clients.B, s.org.clients.C], individuals: [{ clientId: s.org.clients.B, count: 3 }] })).status, 200);

  const unsigned = await s.officer.post(`/api/incidents/${id}/assessment/sign`);
  assert.equal(unsigned.status, 409, 'nothing to sign yet');
  await s.officer.put(`/api/incidents/${id}/assessment`, { exclusions: { unableToRetain: { applies: true, reasoning: null } }, determination: 'excluded' });
  const noReason = await s.officer.post(`/api/incidents/${id}/assessment/sign`);
  assert.equal(noReason.status, 400);
  assert.equal(noReason.body.errors?.[0]?.field ?? noReason.body.field, 'exclusions.unableToRetain.reasoning');

  const draft = await s.officer.put(`/api/incidents/${id}/assessment`, {
    exclusions: { unableToRetain: { applies: false, reasoning: null } },
    factors: {
      nature: { categories: ['contact', 'clinical'], extent: 'The callback reason and the patient’s first name were read out.' },
      recipient: { text: 'A member of the public with no duty of confidentiality.' },
      acquired: { answer: 'viewed', text: 'The recipient heard the details and hung up.' },
      mitigation: { text: 'The number was corrected; the agent was retrained the same day.' },
    },
    determination: 'low_probability',
    reasoning: 'Little detail was heard and the recipient could not link it to a record.',
  });
  assert.equal(draft.status, 200, JSON.stringify(draft.body));
  assert.equal(draft.body.status, 'assessing');
  const signed = await s.officer.post(`/api/incidents/${id}/assessment/sign`);
  assert.equal(signed.status, 200, JSON.stringify(signed.body));
  assert.equal(signed.body.status, 'determined');
  assert.equal(signed.body.determination, 'low_probability');
  assert.deepEqual(signed.body.hhs.phiTypes, ['Clinical', 'Demographic'], 'the assessment’s categories, in HHS’s words');
  const owed = Object.fromEntries(signed.body.clients.map((c: any) => [c.clientId, [c.obligation, c.noticeState]]));
  assert.deepEqual(owed[s.org.clients.A!], ['not_owed', 'not_owed'], 'A wants confirmed breaches only');
  assert.deepEqual(owed[s.org.clients.B!], ['owed', 'due'], 'B wants any impermissible use, low probability or not');
  assert.deepEqual(owed[s.org.clients.C!][0], 'owed', 'C wants any security incident');

  // The signed version cannot be changed, not even by someone with the database.
  const version1 = signed.body.assessments[0];
  await assert.rejects(rawSql(s.app, `UPDATE incident_assessments SET determination = 'breach' WHERE id = '${version1.id}'`));
  await assert.rejects(rawSql(s.app, `DELETE FROM incident_assessments WHERE id = '${version1.id}'`));

  // An amendment: a new version from the signed one; both kept.
  const amended = await s.officer.put(`/api/incidents/${id}/assessment`, { determination: 'breach', reasoning: 'The recipient called back asking about the patient: the details were retained.' });
  assert.deepEqual(
    amended.body.assessments.map((a: any) => [a.version, a.determination, a.signedAt !== null]),
    [
      [2, 'breach', false],
      [1, 'low_probability', true],
    ],
  );
  assert.equal(amended.body.determination, 'low_probability', 'until the amendment is signed, the signed version decides');
  const resigned = await s.officer.post(`/api/incidents/${id}/assessment/sign`);
  assert.equal(resigned.body.determination, 'breach');
  assert.equal(resigned.body.clients.find((c: any) => c.clientId === s.org.clients.A).obligation, 'owed');
  const actions = (await auditEvents(s.app, s.org.orgId)).filter((e) => e.resource_id === id).map((e) => e.action);
  for (const a of ['incident.reported', 'incident.scope_changed', 'incident.assessment_saved', 'incident.assessment_signed']) assert.ok(actions.includes(a), a);
});

test('each client’s deadline follows its BAA (calendar days, business days, hours), never beyond 60 days, and a law-enforcement delay moves it', async (t) => {
  const s = await setup(t);
  // Discovered on Saturday 2026-03-07 at 14:00 in Chicago, the day before daylight saving starts.
  const discoveredAt = '2026-03-07T20:00:00.000Z';
  const { id } = (await s.officer.post('/api/incidents', { type: 'lost_device', description: 'A laptop was left on a train.', discoveredAt, clientIds: [s.org.clients.A, s.org.clients.B, s.org.clients.C] })).body;
  const view = (await s.officer.get(`/api/incidents/${id}`)).body;
  const due = Object.fromEntries(view.clients.map((c: any) => [c.clientId, c.deadline.dueAt]));
  assert.equal(due[s.org.clients.A!], '2026-03-18T05:00:00.000Z', '10 calendar days: the end of 17 March, in CDT');
  assert.equal(due[s.org.clients.B!], '2026-03-14T05:00:00.000Z', '5 business days from a Saturday: the end of Friday 13 March');
  assert.equal(due[s.org.clients.C!], '2026-03-08T20:00:00.000Z', '24 hours');
  assert.ok(view.clients.every((c: any) => c.noticeState === 'overdue'), 'all long past: overdue');

  const tenant = s.app.tenant(s.org.orgId);
  await tenant.updateTable('baas').set({ breach_notice_days: 90 }).where('client_id', '=', s.org.clients.A!).execute();
  const capped = (await s.officer.get(`/api/incidents/${id}`)).body.clients.find((c: any) => c.clientId === s.org.clients.A);
  assert.deepEqual([capped.deadline.dueAt, capped.deadline.capped], ['2026-05-07T05:00:00.000Z', true], 'never beyond 60 days after discovery');

  const moved = await s.officer.patch(`/api/incidents/${id}`, { discoveredAt: '2026-03-09T15:00:00.000Z' });
  assert.equal(moved.status, 400, 'moving discovery needs a reason');
  assert.equal(moved.body.errors?.[0]?.field ?? moved.body.field, 'reason');
  const delayed = await s.officer.patch(`/api/incidents/${id}`, { lawEnforcementDelay: { kind: 'oral', statedAt: '2026-03-08T15:00:00.000Z', until: '2026-06-01T00:00:00.000Z', agency: 'County Sheriff' } });
  assert.equal(delayed.status, 200, JSON.stringify(delayed.body));
  assert.equal(delayed.body.lawEnforcementDelay.until, '2026-04-07T15:00:00.000Z', 'an oral statement delays for 30 days at most');
  const b = delayed.body.clients.find((c: any) => c.clientId === s.org.clients.B);
  assert.equal(b.deadline.dueAt, '2026-04-13T05:00:00.000Z', 'B’s deadline moves by the 30 days of the delay');
  assert.equal(b.deadline.delayedMs, 30 * DAY);
  const c = delayed.body.clients.find((x: any) => x.clientId === s.org.clients.C);
  assert.equal(c.deadline.dueAt, '2026-04-07T20:00:00.000Z', 'C’s 24 hours stopped after 19 of them and resume when the delay ends');
  assert.equal(delayed.body.status, 'assessing');
  assert.deepEqual(delayed.body.changes[0].changed, ['le_delay_kind', 'le_delay_stated_at', 'le_delay_until', 'le_agency']);
});

test('a lost device’s scope is everything its user touched in the window; a vendor incident reaches every client the vendor handles', async (t) => {
  const s = await setup(t);
  const tenant = s.app.tenant(s.org.orgId);
  const start = new Date(Date.now() - 60_000).toISOString();
  const first = await insertTestTask(s.app, s.org.orgId, s.org.clients.A!, { claimedBy: s.org.users.agent!.id });
  const second = await insertTestTask(s.app, s.org.orgId, s.org.clients.A!);
  for (const task of [first, second]) assert.equal((await s.agent.post(`/api/patients/${task.patientId}/reveal`, { fields: ['name', 'dateOfBirth'], purpose: 'callback' })).status, 200);
  const device = await s.officer.post('/api/incidents', { type: 'lost_device', description: 'The agent’s laptop was stolen from a car.', subjectUserId: s.org.users.agent!.id, occurredFrom: start });
  assert.equal(device.status, 201, JSON.stringify(device.body));
  const view = (await s.officer.get(`/api/incidents/${device.body.id}`)).body;
  const refs = (await tenant.selectFrom('patients').select('ref').where('id', 'in', [first.patientId, second.patientId]).execute()).map((p) => p.ref).sort();
  assert.deepEqual(view.patients.map((p: any) => p.patientRef).sort(), refs);
  assert.deepEqual(view.categories, ['contact', 'identity']);
  assert.equal(view.individuals, 2);
  // One was not on the device after all: removed with the reason, counted no more.
  const edited = await s.officer.post(`/api/incidents/${device.body.id}/scope`, { reason: 'Opened on the desktop, not the laptop.', removePatients: [{ clientId: s.org.clients.A, patientRef: refs[0] }] });
  assert.equal(edited.body.individuals, 1);
  assert.equal(edited.body.patients.find((p: any) => p.patientRef === refs[0]).reason, 'Opened on the desktop, not the laptop.');

  const vendor = (await s.officer.post('/api/vendors', { name: 'Relay Transcription', services: ['transcription'], handlesPhi: true, clientIds: [s.org.clients.A, s.org.clients.B] })).body;
  const fromVendor = await s.officer.post('/api/incidents', { type: 'vendor_incident', vendorId: vendor.id, description: 'The vendor reported ransomware on its transcription servers.' });
  assert.equal(fromVendor.status, 201, JSON.stringify(fromVendor.body));
  const vendorView = (await s.officer.get(`/api/incidents/${fromVendor.body.id}`)).body;
  assert.deepEqual(vendorView.clients.map((c: any) => c.clientId).sort(), [s.org.clients.A, s.org.clients.B].sort(), 'exactly the clients whose PHI the vendor handles');
  assert.deepEqual(vendorView.vendor, { id: vendor.id, name: 'Relay Transcription' });
  const counted = await s.officer.post(`/api/incidents/${fromVendor.body.id}/scope`, { reason: 'The vendor’s count of affected recordings.', individuals: [{ clientId: s.org.clients.A, count: 120 }] });
  assert.equal(counted.body.clients.find((c: any) => c.clientId === s.org.clients.A).individuals, 120);
  assert.equal(counted.body.clients.find((c: any) => c.clientId === s.org.clients.A).individualsSetByHand, true);
});

test('an alert escalated to an incident: resolved as escalated with its id, its events’ patients in scope', async (t) => {
  const s = await setup(t);
  const task = await insertTestTask(s.app, s.org.orgId, s.org.clients.A!, { claimedBy: s.org.users.agent!.id });
  await s.agent.post(`/api/patients/${task.patientId}/reveal`, { fields: ['name'], purpose: 'callback' });
  const tenant = s.app.tenant(s.org.orgId);
  const event = await tenant.selectFrom('audit_events').select(['id', 'patient_ref']).where('action', '=', 'phi.read').orderBy('id', 'desc').executeTakeFirstOrThrow();
  const alertId = await insertTestAlert(s.app, s.org.orgId);
  await tenant.updateTable('audit_alerts').set({ event_ids: JSON.stringify([Number(event.id)]), client_id: s.org.clients.A! }).where('id', '=', alertId).execute();
  assert.equal((await s.agent.post('/api/incidents', { type: 'unauthorized_access', alertId, description: 'Escalated.' })).status, 403);
  const opened = await s.officer.post('/api/incidents', { type: 'unauthorized_access', alertId, description: 'A record was opened with no callback behind it.' });
  assert.equal(opened.status, 201, JSON.stringify(opened.body));
  const alert = (await s.officer.get(`/api/audit/alerts/${alertId}`)).body;
  assert.deepEqual([alert.status, alert.incidentId], ['escalated', opened.body.id]);
  const view = (await s.officer.get(`/api/incidents/${opened.body.id}`)).body;
  assert.deepEqual(view.patients.map((p: any) => p.patientRef), [event.patient_ref]);
  assert.equal((await s.officer.post('/api/incidents', { type: 'unauthorized_access', alertId, description: 'Again.' })).body.existing, true);
});

test('the notice: a letter from the record (no names, the references as an attachment), sent late only with a reason, a supplemental one linked, and closing only when nothing is owed', async (t) => {
  const s = await setup(t);
  const { taskId, patientRef } = await wrongNumber(s);
  const { id } = (await s.agent.post('/api/incidents', { type: 'misdirected_disclosure', taskId, description: 'Details given to a wrong number.' })).body;
  await s.officer.put(`/api/incidents/${id}/assessment`, {
    factors: { nature: { extent: 'First name and callback reason.' }, recipient: { text: 'A stranger.' }, acquired: { answer: 'viewed' }, mitigation: { text: 'The recipient confirmed deleting nothing was written down; number corrected.' } },
    determination: 'breach',
    reasoning: 'Heard by an unrelated person.',
  });
  await s.officer.post(`/api/incidents/${id}/assessment/sign`);
  assert.equal((await s.officer.post(`/api/incidents/${id}/close`, { reason: 'Done.' })).status, 409, 'a notice is still owed');

  const notice = await s.officer.post(`/api/incidents/${id}/notices`, { clientId: s.org.clients.A });
  assert.equal(notice.status, 201, JSON.stringify(notice.body));
  assert.equal(notice.body.sequence, 1);
  const md = await s.officer.get(`/api/incidents/${id}/notices/${notice.body.id}?format=md`);
  assert.equal(md.status, 200);
  assert.match(md.text, /# Notice of incident INC-/);
  assert.match(md.text, /1 individual of Client A/);
  assert.match(md.text, /contact details/);
  assert.match(md.text, /no later than/);
  assert.ok(!md.text.includes('Testy') && !md.text.includes('Fixture'), 'no patient name in the letter');
  assert.ok(!md.text.includes(patientRef), 'the references are in the attachment only');
  const list = await s.officer.get(`/api/incidents/${id}/notices/${notice.body.id}?format=patients`);
  assert.ok(list.text.includes(patientRef));
  const res = await fetch(`${s.officer.baseUrl}/api/incidents/${id}/notices/${notice.body.id}`, { headers: { cookie: s.officer.cookie! } });
  const pdf = Buffer.from(await res.arrayBuffer());
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  assert.match(pdfText(pdf), /What you may need to do/);

  // Sent after the deadline: the reason is required.
  const late = '2099-01-01T00:00:00.000Z';
  assert.equal((await s.officer.post(`/api/incidents/${id}/notices/${notice.body.id}/sent`, { via: 'email', to: 'Privacy officer of the practice', sentAt: late })).status, 400, 'not in the future');
  const tenant = s.app.tenant(s.org.orgId);
  await tenant.updateTable('incidents').set({ discovered_at: new Date(Date.now() - 40 * DAY).toISOString() }).where('id', '=', id).execute();
  const noReason = await s.officer.post(`/api/incidents/${id}/notices/${notice.body.id}/sent`, { via: 'email', to: 'Privacy officer of the practice' });
  assert.equal(noReason.status, 400);
  assert.equal(noReason.body.errors?.[0]?.field ?? noReason.body.field, 'lateReason');
  const sent = await s.officer.post(`/api/incidents/${id}/notices/${notice.body.id}/sent`, { via: 'email', to: 'Privacy officer of the practice', lateReason: 'The practice’s contact was unreachable until today.' });
  assert.equal(sent.status, 200, JSON.stringify(sent.body));
  assert.equal(sent.body.sent.late, true);
  assert.equal((await s.officer.post(`/api/incidents/${id}/notices/${notice.body.id}/sent`, { via: 'mail', to: 'Again' })).status, 409);

  const supplemental = await s.officer.post(`/api/incidents/${id}/notices`, { clientId: s.org.clients.A });
  assert.deepEqual([supplemental.body.sequence, supplemental.body.previousId], [2, notice.body.id]);
  const supplementalMd = await s.officer.get(`/api/incidents/${id}/notices/${supplemental.body.id}?format=md`);
  assert.match(supplementalMd.text, /# Supplemental notice 1 of incident/);
  const view = (await s.officer.get(`/api/incidents/${id}`)).body;
  assert.equal(view.clients[0].noticeState, 'sent_late');
  const closed = await s.officer.post(`/api/incidents/${id}/close`, { reason: 'The notice was sent and acknowledged by the practice.' });
  assert.equal(closed.status, 200, JSON.stringify(closed.body));
  assert.equal((await s.officer.patch(`/api/incidents/${id}`, { type: 'other' })).status, 409, 'a closed incident stays as it was');

  // The breach log of the year, per client, as CSV.
  const year = new Date(view.discoveredAt).getUTCFullYear();
  const log = await s.officer.get(`/api/incidents/breach-log?year=${year}&clientId=${s.org.clients.A}&format=csv`);
  assert.equal(log.status, 200);
  const lines = log.text.trim().split('\r\n');
  assert.equal(lines[0], 'client,incident,discovered_on,occurred_from,occurred_to,type_of_breach,location_of_phi,type_of_phi,determination,individuals,notice_sent_on,status');
  assert.equal(lines.length, 2);
  assert.match(lines[1]!, /,Unauthorized Access\/Disclosure,Other,Demographic,breach,1,\d{4}-\d{2}-\d{2},closed$/);
  const actions = (await auditEvents(s.app, s.org.orgId)).filter((e) => e.resource_id === id).map((e) => e.action);
  for (const a of ['incident.notice_generated', 'incident.notice_read', 'incident.notice_sent', 'incident.closed']) assert.ok(actions.includes(a), a);
  assert.ok((await auditEvents(s.app, s.org.orgId)).some((e) => e.action === 'incident.breach_log_exported'));
});

test('reminders at half, 80% and a day before each deadline, recorded once, shown to compliance, and retired when the notice is sent', async (t) => {
  const s = await setup(t);
  const system = (orgId: string) => unsafeSystemContext(s.app.database, s.app.app.platform.keyring, orgId, 'compliance', 'test');
  const discoveredAt = new Date(Date.now() - 60_000).toISOString();
  const { id } = (await s.officer.post('/api/incidents', { type: 'other', description: 'A fax went to the wrong office.', discoveredAt, clientIds: [s.org.clients.A] })).body;
  const dueAt = Date.parse((await s.officer.get(`/api/incidents/${id}`)).body.clients[0].deadline.dueAt);
  const at = (share: number) => new Date(Date.parse(discoveredAt) + (dueAt - Date.parse(discoveredAt)) * share);
  assert.equal(await sweepIncidentReminders(s.app.database, system, at(0.3)), 0, 'nothing before half the time');
  assert.equal(await sweepIncidentReminders(s.app.database, system, at(0.55)), 1, 'half');
  assert.equal(await sweepIncidentReminders(s.app.database, system, at(0.6)), 0, 'recorded once');
  assert.equal(await sweepIncidentReminders(s.app.database, system, at(0.85)), 1, '80%');
  assert.equal(await sweepIncidentReminders(s.app.database, system, new Date(dueAt - 3_600_000)), 1, 'a day before');
  const reminders = (await s.officer.get('/api/reminders')).body.items.filter((r: any) => r.kind === 'incident_notice');
  assert.equal(reminders.length, 1, 'the latest step only');
  assert.equal(reminders[0].thresholdDays, 100);
  assert.match(reminders[0].message, /notice of an incident to Client A/);
  assert.equal((await s.agent.get('/api/reminders')).body.items.filter((r: any) => r.kind === 'incident_notice').length, 0, 'for compliance only');
  const deadlines = (await s.officer.get('/api/incidents/deadlines')).body.items;
  assert.deepEqual(deadlines.map((d: any) => [d.incidentId, d.state, d.obligation]), [[id, 'due', 'presumed']]);

  const notice = (await s.officer.post(`/api/incidents/${id}/notices`, { clientId: s.org.clients.A })).body;
  await s.officer.post(`/api/incidents/${id}/notices/${notice.id}/sent`, { via: 'portal', to: 'The practice’s compliance portal' });
  assert.equal((await s.officer.get('/api/reminders')).body.items.filter((r: any) => r.kind === 'incident_notice').length, 0, 'sent: retired');
  assert.deepEqual((await s.officer.get('/api/incidents/deadlines')).body.items, []);
  assert.equal(await sweepIncidentReminders(s.app.database, system, new Date(dueAt + DAY)), 0, 'a sent notice is never overdue');
});

test('an overdue notice raises its last reminder at once, even for an incident reported after its deadline', async (t) => {
  const s = await setup(t);
  const system = (orgId: string) => unsafeSystemContext(s.app.database, s.app.app.platform.keyring, orgId, 'compliance', 'test');
  await s.officer.post('/api/incidents', { type: 'other', description: 'Found in a review: a misfiled letter months ago.', discoveredAt: new Date(Date.now() - 50 * DAY).toISOString(), clientIds: [s.org.clients.A] });
  assert.equal(await sweepIncidentReminders(s.app.database, system), 1);
  const [reminder] = (await s.officer.get('/api/reminders')).body.items.filter((r: any) => r.kind === 'incident_notice');
  assert.ok(reminder.daysLeft < 0);
  assert.match(reminder.message, /overdue/);
  const [deadline] = (await s.officer.get('/api/incidents/deadlines')).body.items;
  assert.equal(deadline.state, 'overdue');
});
