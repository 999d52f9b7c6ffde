import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addMonths, today } from '../../platform/calendar.ts';
import { pushOrganization } from './assignment.service.ts';
import { assignTestRole, buildTestApp, completeTestTraining, createTestOrg, insertTestQueue, insertTestTask, insertTestUser, signedInClient } from '../../../test/helpers.ts';

test('claim next never hands a callback to someone the PHI gate refuses, and says why when it skipped work', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A', 'B'], users: { agent: [['agent', 'A'], ['agent', 'B']], supervisor: ['supervisor', null] } });
  const tenant = app.tenant(org.orgId);
  const queueA = await insertTestQueue(app, org.orgId, org.clients.A!);
  const queueB = await insertTestQueue(app, org.orgId, org.clients.B!);
  // Client B's BAA is terminated: its callbacks stay, but nobody may work them.
  await tenant.updateTable('baas').set({ status: 'terminated' }).where('client_id', '=', org.clients.B!).execute();
  const urgentB = await insertTestTask(app, org.orgId, org.clients.B!, { queueId: queueB, priority: 'emergent' });
  const routineA = await insertTestTask(app, org.orgId, org.clients.A!, { queueId: queueA });

  const agent = await signedInClient(app, org.orgId, org.users.agent!.id);
  const first = await agent.post('/api/tasks/claim-next', {});
  assert.equal(first.status, 200, first.text);
  assert.equal(first.body.id, routineA.id, 'the more urgent callback of the client without a BAA is skipped');
  const second = await agent.post('/api/tasks/claim-next', {});
  assert.equal(second.status, 403, 'only work at a closed client is left: the agent is told why');
  assert.equal(second.body.type, 'urn:ringfence:problem:baa_required');
  assert.match(second.body.detail, /Client B .* has no active signed business associate agreement/);
  assert.equal((await tenant.selectFrom('tasks').select('status').where('id', '=', urgentB.id).executeTakeFirstOrThrow()).status, 'open', 'the skipped callback stays in its queue');
  assert.equal((await agent.post('/api/tasks/claim-next', { clientId: org.clients.A! })).status, 204, 'nothing left at client A');

  // A second agent whose training lapsed is offered nothing, and told which course.
  const lapsed = await insertTestUser(app, org.orgId, `lapsed-${org.orgId.slice(0, 6)}@example.test`, { trained: false });
  await completeTestTraining(app, org.orgId, lapsed.id, addMonths(today(), -13));
  await assignTestRole(app, org.orgId, lapsed.id, 'agent', org.clients.A!);
  await insertTestTask(app, org.orgId, org.clients.A!, { queueId: queueA });
  const stale = await signedInClient(app, org.orgId, lapsed.id);
  const refused = await stale.post('/api/tasks/claim-next', {});
  assert.equal(refused.status, 403);
  assert.equal(refused.body.type, 'urn:ringfence:problem:training_required');
  assert.match(refused.body.detail, /^Complete your training before handling PHI: .*expired/);
  assert.equal((await tenant.selectFrom('tasks').select('id').where('assignee_id', '=', lapsed.id).execute()).length, 0, 'nothing was claimed');

  // Assign to: only people who can work the callback.
  const supervisor = await signedInClient(app, org.orgId, org.users.supervisor!.id);
  const open = (await tenant.selectFrom('tasks').select('id').where('client_id', '=', org.clients.A!).where('status', '=', 'open').executeTakeFirstOrThrow()).id;
  const people = await supervisor.get(`/api/tasks/${open}/assignees`);
  assert.equal(people.status, 200, people.text);
  const ids = people.body.items.map((p: { id: string }) => p.id);
  assert.ok(ids.includes(org.users.agent!.id), 'the trained agent of client A');
  assert.ok(ids.includes(org.users.supervisor!.id), 'the supervisor of every client');
  assert.ok(!ids.includes(lapsed.id), 'not the agent whose training lapsed');
  assert.ok(!ids.includes(org.admin.id), 'not the administrator, who does not work callbacks');
  const wrong = await supervisor.post(`/api/tasks/${open}/supervise`, { assigneeId: lapsed.id });
  assert.equal(wrong.status, 400);
  assert.equal(wrong.body.errors[0].field, 'assigneeId');
  assert.equal((await supervisor.get(`/api/tasks/${urgentB.id}/assignees`)).body.items.length, 0, 'nobody can work a callback of a client without a BAA');
  assert.equal((await supervisor.post(`/api/tasks/${open}/supervise`, { assigneeId: org.users.agent!.id })).status, 200);
});

test('push queues hand callbacks round-robin to agents on duty who can work them, within capacity, also when several passes run at once; a lapsed push moves on', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, {
    clients: ['A', 'B'],
    users: { ann: ['agent', 'A'], ben: ['agent', 'A'], cat: ['agent', 'A'], off: ['agent', 'A'], supervisor: ['supervisor', 'A'], bea: ['agent', 'B'] },
  });
  const tenant = app.tenant(org.orgId);
  const clientId = org.clients.A!;
  const supervisor = await signedInClient(app, org.orgId, org.users.supervisor!.id);
  const policy = (await supervisor.get(`/api/clients/${clientId}`)).body.callbackPolicy;
  await tenant.updateTable('clients').set({ callback_policy: JSON.stringify({ ...policy, agentCapacity: 2, claimTimeoutMinutes: 10 }) }).where('id', '=', clientId).execute();
  const queueId = await insertTestQueue(app, org.orgId, clientId, 'After hours');
  assert.equal((await supervisor.patch(`/api/queues/${queueId}`, { assignmentMode: 'push' })).body.assignmentMode, 'push');

  // Three agents go on duty; a fourth stays off; a fifth is on duty but untrained; an agent of
  // another client is on duty too.
  for (const key of ['ann', 'ben', 'cat', 'bea']) {
    const agent = await signedInClient(app, org.orgId, org.users[key]!.id);
    assert.deepEqual((await agent.put('/api/duty', { onDuty: true })).body, { onDuty: true });
  }
  const untrained = await insertTestUser(app, org.orgId, `untrained-${org.orgId.slice(0, 6)}@example.test`, { trained: false });
  await assignTestRole(app, org.orgId, untrained.id, 'agent', clientId);
  assert.equal((await (await signedInClient(app, org.orgId, untrained.id)).put('/api/duty', { onDuty: true })).status, 200);

  for (let i = 0; i < 8; i += 1) await insertTestTask(app, org.orgId, clientId, { queueId, priority: i < 2 ? 'urgent' : 'routine' });
  // Several passes at once, as several app instances would run them.
  const { keyring } = app.app.platform;
  const handed = (await Promise.all(Array.from({ length: 4 }, () => pushOrganization(app.database, keyring, org.orgId)))).reduce((a, b) => a + b, 0);
  assert.equal(handed, 6, 'three agents × capacity 2');
  const claimed = await tenant.selectFrom('tasks').select(['id', 'assignee_id', 'priority']).where('status', '=', 'claimed').execute();
  assert.equal(claimed.length, 6);
  const per = new Map<string, number>();
  for (const c of claimed) per.set(c.assignee_id!, (per.get(c.assignee_id!) ?? 0) + 1);
  assert.deepEqual([...per.values()].sort(), [2, 2, 2], 'round-robin, capacity respected');
  assert.ok(!per.has(org.users.off!.id), 'not the agent off duty');
  assert.ok(!per.has(untrained.id), 'not the agent the gate refuses');
  assert.equal(claimed.filter((c) => c.priority === 'urgent').length, 2, 'the urgent ones went first');
  const events = await tenant.selectFrom('audit_events').select('details').where('action', '=', 'task.assigned').execute();
  assert.equal(events.length, 6);

  // The supervisor sees who is working what.
  const board = (await supervisor.get('/api/board/agents')).body.items as { userId: string; claimed: number; onDuty: boolean }[];
  assert.deepEqual(
    board.filter((a) => a.claimed > 0).map((a) => a.claimed),
    [2, 2, 2],
  );
  assert.ok(!board.some((a) => a.userId === org.users.bea!.id), "an agent of another client is not on this supervisor's board");
  assert.ok(board.some((a) => a.userId === untrained.id && a.onDuty), 'an agent of the client on duty is, even with nothing handed out');

  // Ann leaves one callback untouched past the claim timeout: it goes to someone else; with nobody free, it goes back to the queue.
  const annsTask = claimed.find((c) => c.assignee_id === org.users.ann!.id)!;
  await tenant.updateTable('tasks').set({ ready_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', annsTask.id).execute();
  // Ben completes one, so he has room.
  const bensTask = claimed.find((c) => c.assignee_id === org.users.ben!.id)!;
  await tenant.updateTable('tasks').set({ status: 'completed', resolution: 'resolved', closed_at: new Date().toISOString() }).where('id', '=', bensTask.id).execute();
  await pushOrganization(app.database, keyring, org.orgId);
  const moved = await tenant.selectFrom('tasks').select(['assignee_id', 'status']).where('id', '=', annsTask.id).executeTakeFirstOrThrow();
  assert.equal(moved.status, 'claimed');
  assert.notEqual(moved.assignee_id, org.users.ann!.id, 'the lapsed push moved on');

  // Everyone goes off duty and another claim lapses: back to the queue for anyone to pull.
  await tenant.updateTable('agent_duty').set({ on_duty: 0 }).execute();
  await tenant.updateTable('tasks').set({ ready_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', annsTask.id).execute();
  await pushOrganization(app.database, keyring, org.orgId);
  const back = await tenant.selectFrom('tasks').select(['assignee_id', 'status']).where('id', '=', annsTask.id).executeTakeFirstOrThrow();
  assert.deepEqual(back, { assignee_id: null, status: 'open' });
});
