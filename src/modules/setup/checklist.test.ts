import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assignTestRole, buildTestApp, createTestOrg, insertTestBaa, insertTestUser, signedInClient } from '../../../test/helpers.ts';

test('getting started: each step ticks itself off from the real records, in the order a new service sets up', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, {});
  const admin = await signedInClient(app, org.orgId, org.admin.id);
  const ticks = async () => {
    const res = await admin.get('/api/setup/checklist');
    assert.equal(res.status, 200, res.text);
    return Object.fromEntries(res.body.steps.map((s: { key: string; done: boolean }) => [s.key, s.done])) as Record<string, boolean>;
  };
  assert.deepEqual(await ticks(), { client: false, queues: false, people: false, compliance: false, baa: false, training: false });

  const client = (await admin.post('/api/clients', { name: 'Harbor Pediatrics', timeZone: 'America/New_York' })).body;
  let now = await ticks();
  assert.equal(now.client, true);
  assert.equal(now.queues, false, 'a General queue, but the policy is still the default');
  const policy = client.callbackPolicy;
  assert.equal((await admin.patch(`/api/clients/${client.id}`, { callbackPolicy: { ...policy, maxAttempts: 4 } })).status, 200);
  assert.equal((await ticks()).queues, true);

  const tag = org.orgId.slice(0, 6);
  const agent = await insertTestUser(app, org.orgId, `agent-${tag}@example.test`, { trained: false });
  await assignTestRole(app, org.orgId, agent.id, 'agent', client.id);
  const officer = await insertTestUser(app, org.orgId, `officer-${tag}@example.test`);
  await assignTestRole(app, org.orgId, officer.id, 'compliance', null);
  now = await ticks();
  assert.deepEqual([now.people, now.compliance, now.baa, now.training], [true, true, false, false]);
  const status = (await admin.get('/api/setup/checklist')).body.steps.find((s: { key: string }) => s.key === 'training').status;
  assert.equal(status, '1 person still to train: patient information is closed to them.');

  await insertTestBaa(app, org.orgId, client.id);
  const asOfficer = await signedInClient(app, org.orgId, officer.id);
  const courses = (await asOfficer.get(`/api/training/people/${agent.id}`)).body.courses as { courseId: string }[];
  for (const c of courses) assert.equal((await asOfficer.post('/api/training/completions', { userId: agent.id, courseId: c.courseId, completedOn: new Date().toISOString().slice(0, 10), evidence: 'Onboarding attestation' })).status, 201);
  const final = (await admin.get('/api/setup/checklist')).body;
  assert.equal(final.done, true, JSON.stringify(final.steps.filter((s: { done: boolean }) => !s.done)));
});
