import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test, type TestContext } from 'node:test';
import { TEST_PASSWORD, buildTestApp, createTestOrg, eventually, insertTestPatient, insertTestQueue, insertTestTask, insertTestUser, assignTestRole, sealUntilSettled, signedInClient } from '../../../test/helpers.ts';
import { appendAudit } from '../../platform/audit/append.ts';
import { report } from '../../../test/suites/scale.ts';
import { evaluateAnomalies, networkOf } from './anomaly.ts';

async function setup(t: TestContext, options: { background?: boolean } = {}) {
  const app = await buildTestApp(t, options.background ? { RINGFENCE_AUDIT_SEAL_INTERVAL_MS: '100' } : {}, { background: options.background ?? false });
  const org = await createTestOrg(app, { clients: ['A'], users: { agent: ['agent', 'A'], colleague: ['agent', 'A'], compliance: ['compliance', null] } });
  const compliance = await signedInClient(app, org.orgId, org.users.compliance!.id);
  const agent = await signedInClient(app, org.orgId, org.users.agent!.id);
  const evaluate = async () => {
    await sealUntilSettled(app, org.orgId);
    return evaluateAnomalies(app.database, app.app.platform.keyring);
  };
  const alerts = async (rule?: string): Promise<{ rule: string; severity: string; person: { id: string } | null; patientRef: string | null; eventIds: number[]; id: string; status: string; summary: string }[]> =>
    (await compliance.get('/api/audit/alerts?status=all')).body.items.filter((a: { rule: string }) => !rule || a.rule === rule);
  const setRule = async (rule: string, params: Record<string, number>, severity?: string) => {
    const res = await compliance.put(`/api/audit/anomaly-rules/${rule}`, { enabled: true, severity: severity ?? (await compliance.get('/api/audit/anomaly-rules')).body.items.find((r: { rule: string }) => r.rule === rule).severity, params });
    assert.equal(res.status, 200, res.text);
  };
  const reveal = (client: typeof agent, patientId: string) => client.post(`/api/patients/${patientId}/reveal`, { fields: ['name'], purpose: 'callback' });
  return { app, org, compliance, agent, evaluate, alerts, setRule, reveal, clientA: org.clients.A! };
}

test('access without a reason: a reveal with no callback of the person’s is alerted after the grace period, unless the callback appears within it', async (t) => {
  const s = await setup(t);
  // The grace is a setting: a second here, ten minutes by default.
  await s.setRule('no_reason', { graceMinutes: 1 / 60 });
  const stranger = await insertTestPatient(s.app, s.org.orgId, s.clientA);
  const intake = await insertTestPatient(s.app, s.org.orgId, s.clientA);
  const mine = await insertTestTask(s.app, s.org.orgId, s.clientA, { claimedBy: s.org.users.agent!.id });
  assert.equal((await s.reveal(s.agent, stranger.id)).status, 200);
  assert.equal((await s.reveal(s.agent, intake.id)).status, 200);
  assert.equal((await s.reveal(s.agent, mine.patientId)).status, 200);
  assert.equal(await s.evaluate(), 0, 'nothing before the grace is over');
  // An inbound call: the callback for the revealed patient is taken within the grace.
  await insertTestTask(s.app, s.org.orgId, s.clientA, { patientId: intake.id, claimedBy: s.org.users.agent!.id });
  await new Promise((r) => setTimeout(r, 1200));
  assert.equal(await s.evaluate(), 1);
  const [alert] = await s.alerts('no_reason');
  assert.equal(alert!.person!.id, s.org.users.agent!.id);
  assert.equal(alert!.patientRef, (await s.app.tenant(s.org.orgId).selectFrom('patients').select('ref').where('id', '=', stranger.id).executeTakeFirstOrThrow()).ref);
  assert.equal(alert!.severity, 'medium');
  assert.equal((await s.alerts()).length, 1, 'the other two reveals had a reason');

  // The alert opens with the event behind it; resolving it is a compliance action, audited, with a guarded reason.
  const detail = await s.compliance.get(`/api/audit/alerts/${alert!.id}`);
  assert.equal(detail.body.events[0].action, 'phi.read');
  assert.equal(detail.body.events[0].patientRef, alert!.patientRef);
  assert.equal((await s.agent.get('/api/audit/alerts')).status, 403);
  const bad = await s.compliance.post(`/api/audit/alerts/${alert!.id}/resolve`, { outcome: 'benign', reason: '' });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.errors[0].field, 'reason');
  const resolved = await s.compliance.post(`/api/audit/alerts/${alert!.id}/resolve`, { outcome: 'benign', reason: 'Covering for a colleague on a callback started by phone.' });
  assert.equal(resolved.status, 200, resolved.text);
  assert.equal(resolved.body.status, 'benign');
  assert.equal((await s.compliance.get('/api/audit/alerts')).body.items.length, 0);
  assert.equal((await s.compliance.get('/api/audit/alerts/summary')).body.open, 0);
  assert.equal((await s.compliance.post(`/api/audit/alerts/${alert!.id}/resolve`, { outcome: 'benign', reason: 'Again.' })).status, 409);
});

test('reveals far above the person’s own baseline raise a high alert; the same volume in a colleague’s usual range does not', async (t) => {
  const s = await setup(t);
  await s.setRule('reveal_volume', { floor: 8, sigma: 3, days: 14 });
  await s.setRule('no_reason', { graceMinutes: 60 });
  const task = await insertTestTask(s.app, s.org.orgId, s.clientA, { claimedBy: s.org.users.agent!.id });
  // The colleague's history: 12 reveals in each of the last 14 days' working hours.
  const tenant = s.app.tenant(s.org.orgId);
  const hour = (offset: number) => new Date(Date.now() - offset * 3_600_000).toISOString().slice(0, 13);
  for (let h = 1; h <= 14 * 24; h += 1) await tenant.insertInto('audit_person_hours', { user_id: s.org.users.colleague!.id, hour: hour(h), reveals: 12, accesses: 12 }).execute();
  const colleague = await signedInClient(s.app, s.org.orgId, s.org.users.colleague!.id);
  for (let i = 0; i < 10; i += 1) {
    assert.equal((await s.reveal(s.agent, task.patientId)).status, 200);
    assert.equal((await s.reveal(colleague, task.patientId)).status, 200);
  }
  await s.evaluate();
  const raised = await s.alerts('reveal_volume');
  assert.equal(raised.length, 1, JSON.stringify(raised));
  assert.equal(raised[0]!.person!.id, s.org.users.agent!.id);
  assert.equal(raised[0]!.severity, 'high');
  assert.match(raised[0]!.summary, /^10 reveals in one hour against a baseline of 0\.0/);
});

test('a patient who shares the person’s family name, compared by blind index: alerted high, and only for the relative', async (t) => {
  const s = await setup(t);
  const tenant = s.app.tenant(s.org.orgId);
  await tenant.updateTable('users').set({ display_name: 'Ada Quillfeather' }).where('id', '=', s.org.users.agent!.id).execute();
  const relative = await insertTestPatient(s.app, s.org.orgId, s.clientA, { name: { given: 'Bram', family: 'QUILLFEATHER' } });
  const unrelated = await insertTestPatient(s.app, s.org.orgId, s.clientA, { name: { given: 'Bram', family: 'Thistlewood' } });
  for (const p of [relative, unrelated]) {
    const task = await insertTestTask(s.app, s.org.orgId, s.clientA, { patientId: p.id, claimedBy: s.org.users.agent!.id });
    assert.ok(task);
    assert.equal((await s.reveal(s.agent, p.id)).status, 200);
  }
  await s.evaluate();
  const raised = await s.alerts('family_name');
  assert.equal(raised.length, 1);
  assert.equal(raised[0]!.severity, 'high');
  assert.equal(raised[0]!.patientRef, (await tenant.selectFrom('patients').select('ref').where('id', '=', relative.id).executeTakeFirstOrThrow()).ref);
  // The family name is stored only as a keyed digest.
  const digests = await tenant.selectFrom('patient_index').select('digest').where('kind', '=', 'family').execute();
  assert.ok(digests.length >= 2 && digests.every((d) => !/quillfeather/i.test(d.digest)));
});

test('an audit export and a large search are alerted; a sign-in attempt after deactivation is high; a sign-in from a new network is low, the first one is not', async (t) => {
  const s = await setup(t);
  const exported = await s.compliance.get(`/api/audit/export?format=jsonl&from=${encodeURIComponent(new Date(Date.now() - 86_400_000).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
  assert.equal(exported.status, 200, exported.text.slice(0, 300));
  const tenant = s.app.tenant(s.org.orgId);
  const person = { actorType: 'user' as const, actorId: s.org.users.colleague!.id, ip: '10.20.30.40', requestId: randomUUID() };
  await appendAudit(tenant, person, { action: 'patient.searched', resourceType: 'Patient', clientId: s.clientA, details: { by: 'name_dob', results: 75 } });
  await appendAudit(tenant, person, { action: 'patient.searched', resourceType: 'Patient', clientId: s.clientA, details: { by: 'name_dob', results: 3 } });

  // Sign-ins: a first network, the same network again, then another one.
  const signInFrom = (ip: string) =>
    appendAudit(tenant, { actorType: 'system', actorId: null, ip, requestId: randomUUID() }, { action: 'auth.login.succeeded', resourceType: 'User', resourceId: s.org.users.colleague!.id, details: { stage: 'password' } });
  await signInFrom('10.20.30.40');
  await signInFrom('10.20.30.99');
  await signInFrom('192.0.2.7');

  // Deactivated, then someone tries the password.
  const user = await insertTestUser(s.app, s.org.orgId, `leaver-${randomUUID().slice(0, 6)}@example.test`);
  await assignTestRole(s.app, s.org.orgId, user.id, 'agent', s.clientA);
  const admin = await signedInClient(s.app, s.org.orgId, s.org.admin.id);
  assert.equal((await admin.post(`/api/users/${user.id}/deactivate`)).status, 200);
  const attempt = await s.app.client().post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
  assert.notEqual(attempt.status, 200);

  await s.evaluate();
  const bulk = await s.alerts('bulk_export');
  assert.deepEqual(bulk.map((a) => a.summary).sort(), ['A search that returned 75 patients', 'Export of the audit trail (jsonl)']);
  const leaver = await s.alerts('after_deactivation');
  assert.equal(leaver.length, 1);
  assert.equal(leaver[0]!.person!.id, user.id);
  assert.equal(leaver[0]!.severity, 'high');
  const network = await s.alerts('new_network');
  assert.equal(network.length, 1, JSON.stringify(network));
  assert.match(network[0]!.summary, /192\.0\.2\.0\/24/);
  assert.equal(network[0]!.severity, 'low');
  assert.equal(networkOf('2001:db8:1:2:3:4:5:6'), '2001:db8:1:2::/64');
});

test('access at an hour the person almost never works is alerted low once they have enough history; a rule turned off stays silent', async (t) => {
  const s = await setup(t);
  await s.setRule('no_reason', { graceMinutes: 60 });
  const tenant = s.app.tenant(s.org.orgId);
  const nowHour = new Date().getUTCHours();
  // Fourteen days of work in the other hours of the day.
  for (let d = 1; d <= 14; d += 1) {
    for (let h = 0; h < 24; h += 1) {
      if (h === nowHour || Math.abs(h - nowHour) === 12) continue;
      const at = new Date(Date.now() - d * 86_400_000);
      at.setUTCHours(h);
      for (const user of [s.org.users.agent!.id, s.org.users.colleague!.id]) await tenant.insertInto('audit_person_hours', { user_id: user, hour: at.toISOString().slice(0, 13), reveals: 2, accesses: 2 }).execute();
    }
  }
  await s.compliance.put('/api/audit/anomaly-rules/unusual_hours', { enabled: false, severity: 'low' }).then(() => undefined);
  const task = await insertTestTask(s.app, s.org.orgId, s.clientA, { claimedBy: s.org.users.agent!.id });
  assert.equal((await s.reveal(s.agent, task.patientId)).status, 200);
  await s.evaluate();
  assert.equal((await s.alerts('unusual_hours')).length, 0, 'off: silent');
  await s.setRule('unusual_hours', { minHistory: 200 }, 'low');
  const colleague = await signedInClient(s.app, s.org.orgId, s.org.users.colleague!.id);
  const theirs = await insertTestTask(s.app, s.org.orgId, s.clientA, { claimedBy: s.org.users.colleague!.id });
  assert.equal((await s.reveal(colleague, theirs.patientId)).status, 200);
  await s.evaluate();
  const raised = await s.alerts('unusual_hours');
  assert.equal(raised.length, 1);
  assert.equal(raised[0]!.person!.id, s.org.users.colleague!.id);
  assert.equal(raised[0]!.severity, 'low');
  // Bad settings are refused by field.
  const bad = await s.compliance.put('/api/audit/anomaly-rules/unusual_hours', { enabled: true, severity: 'low', params: { nonsense: 1 } });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.errors[0].field, 'params.nonsense');
});

test('as events arrive: with background services on, an alert is raised within seconds of the reveal, without anyone asking', async (t) => {
  const s = await setup(t, { background: true });
  await s.setRule('no_reason', { graceMinutes: 0 });
  const stranger = await insertTestPatient(s.app, s.org.orgId, s.clientA);
  const started = Date.now();
  assert.equal((await s.reveal(s.agent, stranger.id)).status, 200);
  await eventually('the alert', async () => (await s.compliance.get('/api/audit/alerts/summary')).body.open === 1, 10_000);
  report('anomaly', { alertAfterMs: Date.now() - started });
});

test('a week of 50 agents working 5,000 callbacks by the book raises no high-severity alert', async (t) => {
  const s = await setup(t);
  const tenant = s.app.tenant(s.org.orgId);
  const AGENTS = 50;
  const CALLBACKS = 5000;
  const agents: string[] = [];
  for (let i = 0; i < AGENTS; i += 1) {
    const user = await insertTestUser(s.app, s.org.orgId, `agent${i}-${randomUUID().slice(0, 6)}@example.test`, { trained: false });
    agents.push(user.id);
  }
  const queueId = await insertTestQueue(s.app, s.org.orgId, s.clientA);
  const patients: { id: string; ref: string }[] = [];
  for (let i = 0; i < 400; i += 1) patients.push(await insertTestPatient(s.app, s.org.orgId, s.clientA, { name: { given: 'Sim', family: `Patient${i}` } }));
  // Each agent keeps a shift: eight hours a day starting at their own hour, over seven days.
  const weekStart = Date.now() - 7 * 86_400_000;
  const rows: ({ occurred_at: string } & Record<string, unknown>)[] = [];
  const tasks: { id: string; assignee: string; patient: { id: string; ref: string } }[] = [];
  for (let n = 0; n < CALLBACKS; n += 1) tasks.push({ id: randomUUID(), assignee: agents[n % AGENTS]!, patient: patients[n % patients.length]! });
  // The callbacks, in bulk, as intake would write them.
  const now = new Date().toISOString();
  for (let i = 0; i < tasks.length; i += 200) {
    await tenant
      .insertInto(
        'tasks',
        tasks.slice(i, i + 200).map((task) => ({
          id: task.id,
          client_id: s.clientA,
          queue_id: queueId,
          patient_id: task.patient.id,
          patient_ref: task.patient.ref,
          reason_code: 'refill',
          priority: 'routine' as const,
          priority_rank: 2,
          status: 'completed' as const,
          title: 'Refill request',
          note: null,
          callback_after: null,
          callback_before: null,
          due_at: now,
          ready_at: now,
          assignee_id: task.assignee,
          claimed_at: now,
          last_outcome: null,
          incident_flag: null,
          resolution: null,
          parent_task_id: null,
          created_by: null,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
  }
  // The work, as the trail records it: claim, reveal to call, attempt — each in the agent's shift.
  tasks.forEach((task, n) => {
    const agentIndex = n % AGENTS;
    const day = Math.floor((n / CALLBACKS) * 7);
    const shiftStart = weekStart + day * 86_400_000 + (agentIndex % 16) * 3_600_000;
    const at = new Date(shiftStart + ((n * 7919) % (8 * 3_600_000))).toISOString();
    const base = { occurred_at: at, outcome: 'success' as const, actor_type: 'user' as const, actor_id: task.assignee, client_id: s.clientA, patient_ref: task.patient.ref, ip: `10.0.${agentIndex}.5`, request_id: randomUUID() };
    rows.push({ ...base, action: 'task.claimed', resource_type: 'Task', resource_id: task.id, fields: null, purpose: null, details: '{"via":"claim_next"}' });
    rows.push({ ...base, action: 'phi.read', resource_type: 'Patient', resource_id: task.patient.id, fields: '["name","phones"]', purpose: 'callback', details: '{"source":"vault"}' });
    rows.push({ ...base, action: 'task.attempt_logged', resource_type: 'Task', resource_id: task.id, fields: null, purpose: null, details: '{}' });
  });
  // Each agent signs in at the start of each shift, from their own desk's network.
  for (let day = 0; day < 7; day += 1) {
    agents.forEach((agent, agentIndex) => {
      const at = new Date(weekStart + day * 86_400_000 + (agentIndex % 16) * 3_600_000 - 60_000).toISOString();
      rows.push({ occurred_at: at, outcome: 'success', actor_type: 'system', actor_id: null, client_id: null, patient_ref: null, ip: `10.0.${agentIndex}.5`, request_id: randomUUID(), action: 'auth.login.succeeded', resource_type: 'User', resource_id: agent, fields: null, purpose: null, details: '{"stage":"password"}' });
    });
  }
  // One agent looks, once, at a patient whose callbacks were all someone else's: the rules are awake.
  const snooped = patients.find((p, i) => i % AGENTS !== 0 && tasks.every((task) => task.patient.id !== p.id || task.assignee !== agents[0]))!;
  rows.push({ occurred_at: new Date(weekStart + 3 * 86_400_000 + 3_600_000).toISOString(), outcome: 'success', actor_type: 'user', actor_id: agents[0]!, client_id: s.clientA, patient_ref: snooped.ref, ip: '10.0.0.5', request_id: randomUUID(), action: 'phi.read', resource_type: 'Patient', resource_id: snooped.id, fields: '["name"]', purpose: 'callback', details: '{"source":"vault"}' });
  rows.sort((a, b) => a.occurred_at.localeCompare(b.occurred_at));
  for (let i = 0; i < rows.length; i += 500) await tenant.insertInto('audit_events', rows.slice(i, i + 500) as never).execute();
  const started = Date.now();
  await s.evaluate();
  const all = await s.app.tenant(s.org.orgId).selectFrom('audit_alerts').select(['rule', 'severity']).execute();
  const by = (severity: string) => all.filter((a) => a.severity === severity).length;
  report('anomaly-week', { agents: AGENTS, callbacks: CALLBACKS, events: rows.length, high: by('high'), medium: by('medium'), low: by('low'), rules: [...new Set(all.map((a) => a.rule))].join('+') || 'none', evaluateSeconds: ((Date.now() - started) / 1000).toFixed(1) });
  assert.equal(by('high'), 0, JSON.stringify(all.filter((a) => a.severity === 'high')));
  assert.deepEqual(all.filter((a) => a.rule === 'no_reason').length, 1, 'the one look without a reason is the one medium alert');
});
