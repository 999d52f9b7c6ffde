import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp, createTestOrg } from '../../../test/helpers.ts';
import { inTransaction, publish } from '../context.ts';
import { unsafeSystemContext } from '../system-context.ts';
import { LocalEventBus, type DomainEvent } from './domain-events.ts';

const change = (orgId: string, taskId: string): DomainEvent<'task.changed'> => ({ orgId, clientId: 'client-1', queueId: 'queue-1', taskId, status: 'open', action: 'task.created' });

test('an event published inside a transaction is heard only after the outermost commit, and never after a rollback', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app);
  const bus = new LocalEventBus((err) => assert.fail(String(err)));
  const ctx = unsafeSystemContext(app.database, app.app.platform.keyring, org.orgId, 'supervisor', undefined, bus);
  const heard: string[] = [];
  bus.subscribe('task.changed', (e) => heard.push(e.taskId));

  await inTransaction(ctx, async (tx) => {
    publish(tx, 'task.changed', change(org.orgId, 'outer'));
    await inTransaction(tx, async (inner) => {
      publish(inner, 'task.changed', change(org.orgId, 'inner'));
    });
    assert.deepEqual(heard, [], 'nothing is heard while the transaction may still roll back, the inner one included');
    await tx.db.selectFrom('users').select('id').execute();
  });
  assert.deepEqual(heard, ['outer', 'inner'], 'after the commit, in the order published');

  heard.length = 0;
  await assert.rejects(
    inTransaction(ctx, async (tx) => {
      await tx.db.updateTable('users').set({ display_name: 'Renamed in a rolled-back change' }).execute();
      publish(tx, 'task.changed', change(org.orgId, 'rolled-back'));
      throw new Error('the change fails');
    }),
    /the change fails/,
  );
  assert.deepEqual(heard, [], 'a rolled-back change is never announced');
  const names = await app.tenant(org.orgId).selectFrom('users').select('display_name').execute();
  assert.ok(names.every((u) => u.display_name !== 'Renamed in a rolled-back change'));

  publish(ctx, 'task.changed', change(org.orgId, 'outside'));
  assert.deepEqual(heard, ['outside'], 'outside a transaction an event is heard at once');
});

test('subscribers hear the type they asked for, of their organization when they name one, until they unsubscribe; a failing listener stops no one', () => {
  const failures: string[] = [];
  const bus = new LocalEventBus((_err, type) => failures.push(type));
  const everyOrg: string[] = [];
  const orgA: string[] = [];
  const stopEvery = bus.subscribe('task.changed', (e) => everyOrg.push(`${e.orgId}:${e.taskId}`));
  bus.subscribe('task.changed', () => {
    throw new Error('a broken screen');
  });
  const stopA = bus.subscribe('task.changed', (e) => orgA.push(e.taskId), { orgId: 'org-a' });

  bus.publish('task.changed', change('org-a', 't1'));
  bus.publish('task.changed', change('org-b', 't2'));
  assert.deepEqual(everyOrg, ['org-a:t1', 'org-b:t2']);
  assert.deepEqual(orgA, ['t1'], 'only its own organization');
  assert.deepEqual(failures, ['task.changed', 'task.changed'], 'the failing listener is reported, the others still hear');

  stopA();
  stopEvery();
  bus.publish('task.changed', change('org-a', 't3'));
  assert.deepEqual(orgA, ['t1']);
  assert.deepEqual(everyOrg, ['org-a:t1', 'org-b:t2']);
});
