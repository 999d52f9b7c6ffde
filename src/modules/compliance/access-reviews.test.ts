import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { auditEvents, buildTestApp, createTestOrg, signedInClient } from '../../../test/helpers.ts';

test('access review: each assignment goes to a reviewer, never the person; a revocation ends access at once in the same session; the campaign closes when all are decided', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, {
    clients: ['A', 'B'],
    users: {
      compliance: ['compliance', null],
      supervisor: ['supervisor', 'A'],
      agent: ['agent', 'A'],
      floater: [
        ['agent', 'A'],
        ['agent', 'B'],
      ],
    },
  });
  const officer = await signedInClient(app, org.orgId, org.users.compliance!.id);
  const supervisor = await signedInClient(app, org.orgId, org.users.supervisor!.id);
  const agent = await signedInClient(app, org.orgId, org.users.agent!.id);
  const floater = await signedInClient(app, org.orgId, org.users.floater!.id);
  const admin = await signedInClient(app, org.orgId, org.admin.id);

  assert.equal((await officer.post('/api/access-reviews', { name: '  ' })).status, 400);
  assert.equal((await officer.post('/api/access-reviews', { name: 'Pre-flu-season review', reviewerId: randomUUID() })).body.field, 'reviewerId');
  assert.equal((await agent.post('/api/access-reviews', { name: 'Mine' })).status, 403);
  const opened = await officer.post('/api/access-reviews', { name: 'Pre-flu-season review, October', dueOn: '2026-10-31' });
  assert.equal(opened.status, 201, opened.text);
  const review = opened.body;
  // owner (admin), compliance, supervisor A, agent A, floater A and B.
  assert.equal(review.items.length, 6);
  assert.ok(review.items.every((i: { userId: string; reviewerId: string }) => i.userId !== i.reviewerId), 'no one reviews themself');
  const item = (user: string, client: string | null) => review.items.find((i: { userId: string; clientId: string | null }) => i.userId === org.users[user]!.id && i.clientId === client);
  assert.equal(item('agent', org.clients.A!).reviewerId, org.users.supervisor!.id, "client A's supervisor reviews client A's people");
  assert.equal(item('floater', org.clients.B!).reviewerId, org.users.compliance!.id, 'client B has no supervisor: the officer who opened it');
  assert.equal(item('compliance', null).reviewerId, org.admin.id, "the officer's own access: another overseer");
  const ownItem = item('compliance', null).id;
  assert.equal((await officer.post(`/api/access-reviews/${review.id}/items/${ownItem}`, { decision: 'certify' })).status, 403, 'not even a compliance officer certifies themself');

  // The supervisor sees only their own items; an agent sees nothing.
  const theirs = await supervisor.get(`/api/access-reviews/${review.id}`);
  assert.deepEqual(new Set(theirs.body.items.map((i: { reviewerId: string }) => i.reviewerId)), new Set([org.users.supervisor!.id]));
  assert.equal((await supervisor.get('/api/access-reviews')).body.items.length, 1);
  assert.deepEqual((await agent.get('/api/access-reviews')).body.items, []);
  assert.equal((await agent.get(`/api/access-reviews/${review.id}`)).status, 404);
  assert.equal((await agent.post(`/api/access-reviews/${review.id}/items/${item('floater', org.clients.A!).id}`, { decision: 'certify' })).status, 404);

  // Before: the floater works both clients.
  assert.equal((await floater.get('/api/clients')).body.items.length, 2);
  const certified = await supervisor.post(`/api/access-reviews/${review.id}/items/${item('agent', org.clients.A!).id}`, { decision: 'certify' });
  assert.equal(certified.status, 200);
  const revoked = await supervisor.post(`/api/access-reviews/${review.id}/items/${item('floater', org.clients.A!).id}`, { decision: 'revoke', note: 'Moved to client B only' });
  assert.equal(revoked.status, 200);
  // At once, in the session they already have.
  assert.deepEqual(
    (await floater.get('/api/clients')).body.items.map((c: { id: string }) => c.id),
    [org.clients.B],
  );
  assert.equal((await supervisor.post(`/api/access-reviews/${review.id}/items/${item('floater', org.clients.A!).id}`, { decision: 'certify' })).status, 409, 'decided once');

  const early = await officer.post(`/api/access-reviews/${review.id}/close`);
  assert.equal(early.status, 409);
  assert.match(early.body.detail, /4 items are still undecided/);
  for (const i of (await officer.get(`/api/access-reviews/${review.id}`)).body.items.filter((x: { decision: string | null }) => x.decision === null)) {
    // The officer's own access goes to another overseer: the administrator.
    const reviewer = i.userId === org.users.compliance!.id ? admin : i.reviewerId === org.users.supervisor!.id ? supervisor : officer;
    assert.equal((await reviewer.post(`/api/access-reviews/${review.id}/items/${i.id}`, { decision: 'certify' })).status, 200, `${i.userName} ${i.role}`);
  }
  const closed = await officer.post(`/api/access-reviews/${review.id}/close`);
  assert.equal(closed.status, 200);
  assert.equal(closed.body.status, 'closed');
  assert.deepEqual(closed.body.progress, { total: 6, decided: 6, revoked: 1 });
  assert.equal((await officer.post(`/api/access-reviews/${review.id}/items/${item('agent', org.clients.A!).id}`, { decision: 'revoke' })).status, 409);

  const events = await auditEvents(app, org.orgId);
  assert.equal(events.filter((e) => e.action === 'access_review.decided').length, 6);
  assert.ok(events.some((e) => e.action === 'role.revoked' && e.resource_id === org.users.floater!.id && e.client_id === org.clients.A));
  assert.ok(events.some((e) => e.action === 'access_review.closed'));
});
