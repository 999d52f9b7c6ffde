import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inTransaction } from '../../platform/context.ts';
import { buildTestApp, createTestOrg, insertTestPatient, insertTestQueue, supervisorContext } from '../../../test/helpers.ts';
import type { TaskChange } from './tasks.events.ts';
import { createTask } from './intake.service.ts';

test('task.changed is published on the app’s events after the change commits, and not at all when an outer transaction rolls it back', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A'] });
  const clientId = org.clients.A!;
  const queueId = await insertTestQueue(app, org.orgId, clientId);
  const patientId = (await insertTestPatient(app, org.orgId, clientId)).id;
  const heard: TaskChange[] = [];
  const stop = app.app.platform.events.subscribe('task.changed', (e) => heard.push(e), { orgId: org.orgId });
  t.after(stop);
  const ctx = supervisorContext(app, org.orgId);
  const input = { clientId, queueId, patientId, reasonCode: 'refill', priority: 'routine', title: 'Refill request' } as const;

  const task = await createTask(ctx, input);
  assert.deepEqual(heard, [{ orgId: org.orgId, clientId, queueId, taskId: task.id, status: 'open', action: 'task.created' }], 'ids and statuses only');

  heard.length = 0;
  let rolledBack: string | null = null;
  await assert.rejects(
    inTransaction(ctx, async (tx) => {
      rolledBack = (await createTask(tx, input)).id;
      throw new Error('a later step fails');
    }),
  );
  assert.ok(rolledBack);
  assert.equal(await app.tenant(org.orgId).selectFrom('tasks').select('id').where('id', '=', rolledBack).executeTakeFirst(), undefined);
  assert.deepEqual(heard, [], 'no screen hears of a task that was never created');
});
