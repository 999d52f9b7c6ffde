import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addMonths, addDays, today } from '../../platform/calendar.ts';
import { assignTestRole, buildTestApp, completeTestTraining, createTestOrg, insertTestUser, signedInClient } from '../../../test/helpers.ts';
import { sweepReminders } from './reminders.service.ts';

test('training applies to the people whose roles reach PHI: an administrator is neither warned, counted as a gap, nor reminded', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A'], users: { compliance: ['compliance', null] } });
  const tag = org.orgId.slice(0, 6);
  // An administrator and an agent, both untrained; then both with a course lapsing in a week.
  const admin = await insertTestUser(app, org.orgId, `second-admin-${tag}@example.test`, { trained: false });
  await assignTestRole(app, org.orgId, admin.id, 'admin', null);
  const agent = await insertTestUser(app, org.orgId, `new-agent-${tag}@example.test`, { trained: false });
  await assignTestRole(app, org.orgId, agent.id, 'agent', org.clients.A!);

  const asAdmin = await signedInClient(app, org.orgId, admin.id);
  const mine = (await asAdmin.get('/api/training/me')).body;
  assert.equal(mine.reachesPhi, false, 'the console shows the administrator no training warning');
  const asAgent = await signedInClient(app, org.orgId, agent.id);
  assert.deepEqual([(await asAgent.get('/api/training/me')).body.reachesPhi, (await asAgent.get('/api/training/me')).body.phiAccess], [true, false]);

  const officer = await signedInClient(app, org.orgId, org.users.compliance!.id);
  const people = (await officer.get('/api/training/people')).body.items as { userId: string; reachesPhi: boolean; phiAccess: boolean }[];
  assert.equal(people.find((p) => p.userId === admin.id)?.reachesPhi, false);
  assert.equal(people.find((p) => p.userId === agent.id)?.reachesPhi, true);
  const dashboard = (await officer.get('/api/compliance/dashboard')).body;
  const counted = people.filter((p) => p.reachesPhi).length;
  assert.equal(dashboard.training.people, counted, 'only people reaching PHI are counted');
  assert.ok(counted < people.length, 'the administrators are left out');

  // Both complete training eleven months and three weeks ago: only the agent is reminded before it lapses.
  const lapsingSoon = addDays(addMonths(today(), -12), 7);
  await completeTestTraining(app, org.orgId, admin.id, lapsingSoon);
  await completeTestTraining(app, org.orgId, agent.id, lapsingSoon);
  await sweepReminders(app.database);
  const reminded = await app.tenant(org.orgId).selectFrom('reminders').select('user_id').where('kind', '=', 'training_expiring').execute();
  assert.ok(reminded.some((r) => r.user_id === agent.id), 'the agent is reminded');
  assert.ok(!reminded.some((r) => r.user_id === admin.id), 'the administrator is not');
  assert.ok(!(await officer.get('/api/compliance/dashboard')).body.training.expiringSoon.some((e: { userId: string }) => e.userId === admin.id));
});
