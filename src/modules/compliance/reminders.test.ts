import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays, addMonths, today } from '../../platform/calendar.ts';
import { assignTestRole, auditEvents, buildTestApp, clientToday, completeTestTraining, createTestOrg, insertTestBaa, insertTestUser, signedInClient } from '../../../test/helpers.ts';
import { BAA_REMINDER_DAYS, TRAINING_REMINDER_DAYS, reminderStep, sweepReminders } from './reminders.service.ts';

test('a reminder belongs to the nearest step not yet passed, and none is due before the first or after the end', () => {
  assert.equal(reminderStep(61, BAA_REMINDER_DAYS), null);
  assert.equal(reminderStep(60, BAA_REMINDER_DAYS), 60);
  assert.equal(reminderStep(31, BAA_REMINDER_DAYS), 60);
  assert.equal(reminderStep(30, BAA_REMINDER_DAYS), 30);
  assert.equal(reminderStep(8, BAA_REMINDER_DAYS), 30);
  assert.equal(reminderStep(7, BAA_REMINDER_DAYS), 7);
  assert.equal(reminderStep(0, BAA_REMINDER_DAYS), 7, 'an agreement in effect through today still reminds');
  assert.equal(reminderStep(-1, BAA_REMINDER_DAYS), null);
  assert.equal(reminderStep(45, TRAINING_REMINDER_DAYS), null);
  assert.equal(reminderStep(30, TRAINING_REMINDER_DAYS), 30);
  assert.equal(reminderStep(7, TRAINING_REMINDER_DAYS), 7);
});

test('reminders: each step recorded once however many sweeps, shown to the right people, acknowledged, and retired by a renewal or a new completion', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A', 'B'], baas: false, users: { compliance: ['compliance', null], agent: ['agent', 'A'] } });
  const tenant = app.tenant(org.orgId);
  // Vendors' agreements and training are dated in UTC, a client's agreement on the client's calendar.
  const day = today();
  const local = clientToday();
  // Client A's agreement ends in 45 days, B's in over a year; a vendor's ends in 5 days.
  await insertTestBaa(app, org.orgId, org.clients.A!, { effective_on: addMonths(local, -11), ends_on: addDays(local, 45) });
  await insertTestBaa(app, org.orgId, org.clients.B!, { effective_on: addMonths(local, -1), ends_on: addDays(local, 400) });
  const officer = await signedInClient(app, org.orgId, org.users.compliance!.id);
  const vendor = (await officer.post('/api/vendors', { name: 'Answering Line Telephony', services: ['telephony'], handlesPhi: true })).body;
  assert.equal((await officer.post('/api/baas', { vendorId: vendor.id, status: 'signed', effectiveOn: addMonths(day, -12), endsOn: addDays(day, 5) })).status, 201);
  // A newcomer's five courses lapse in about 20 days (a year after they were taken).
  const newcomer = await insertTestUser(app, org.orgId, 'newcomer@example.test', { trained: false });
  await assignTestRole(app, org.orgId, newcomer.id, 'agent', org.clients.A!);
  await completeTestTraining(app, org.orgId, newcomer.id, addMonths(addDays(day, 20), -12));

  assert.equal(await sweepReminders(app.database), 7, "A's 60-day step, the vendor's 7-day step, and the newcomer's five 30-day steps");
  assert.equal(await sweepReminders(app.database), 0, 'a second sweep records nothing new');
  assert.equal((await tenant.selectFrom('reminders').select('id').execute()).length, 7);

  const forOfficer = (await officer.get('/api/reminders')).body.items as { id: string; kind: string; message: string; daysLeft: number; thresholdDays: number; about: string }[];
  assert.deepEqual(
    forOfficer.map((r) => [r.kind, r.about, r.daysLeft, r.thresholdDays]),
    [
      ['baa_ending', 'Answering Line Telephony', 5, 7],
      ['baa_ending', (await tenant.selectFrom('clients').select('name').where('id', '=', org.clients.A!).executeTakeFirstOrThrow()).name, 45, 60],
    ],
  );
  assert.match(forOfficer[0]!.message, /^The business associate agreement with Answering Line Telephony ends in 5 days \(\d{4}-\d{2}-\d{2}\): renew it, or its integrations must stop when it ends\.$/);
  assert.match(forOfficer[1]!.message, /ends in 45 days .*its PHI closes when it ends/);

  const self = await signedInClient(app, org.orgId, newcomer.id);
  const mine = (await self.get('/api/reminders')).body.items as { id: string; kind: string; message: string; daysLeft: number }[];
  assert.equal(mine.length, 5);
  assert.ok(mine.every((r) => r.kind === 'training_expiring' && r.daysLeft >= 19 && r.daysLeft <= 20), JSON.stringify(mine));
  assert.match(mine[0]!.message, /^Your .+ training expires in (19|20) days/);
  const agent = await signedInClient(app, org.orgId, org.users.agent!.id);
  assert.deepEqual((await agent.get('/api/reminders')).body.items, [], "an agent sees neither the BAAs nor a colleague's training");

  // Someone else's reminder is not theirs to acknowledge, nor to learn about.
  assert.equal((await agent.post(`/api/reminders/${forOfficer[0]!.id}/acknowledge`, {})).status, 404);
  assert.equal((await agent.post(`/api/reminders/${mine[0]!.id}/acknowledge`, {})).status, 404);
  assert.equal((await self.post(`/api/reminders/${mine[0]!.id}/acknowledge`, {})).status, 204);
  assert.equal((await self.post(`/api/reminders/${mine[0]!.id}/acknowledge`, {})).status, 204, 'acknowledging twice is harmless');
  assert.equal((await self.get('/api/reminders')).body.items.length, 4);
  const acknowledged = (await auditEvents(app, org.orgId)).filter((e) => e.action === 'reminder.acknowledged');
  assert.equal(acknowledged.length, 1);
  assert.equal(acknowledged[0]!.actor_id, newcomer.id);

  // A renewal that carries on from the end retires A's reminder; a course taken again retires its own.
  const renewal = await officer.post('/api/baas', { clientId: org.clients.A!, status: 'signed', effectiveOn: addDays(local, 46) });
  assert.equal(renewal.status, 201);
  assert.deepEqual(
    ((await officer.get('/api/reminders')).body.items as { about: string }[]).map((r) => r.about),
    ['Answering Line Telephony'],
  );
  const courseIds = (await tenant.selectFrom('courses').select('id').orderBy('created_at').orderBy('key').execute()).map((c) => c.id);
  assert.equal((await officer.post('/api/training/completions', { userId: newcomer.id, courseId: courseIds[1]!, completedOn: day, evidence: 'Refresher attested' })).status, 201);
  assert.equal((await self.get('/api/reminders')).body.items.length, 3, 'one acknowledged, one retaken');

  // Sixteen days on, two app instances sweep at once: the vendor's agreement has ended (no
  // reminder after the end), A is renewed, and the four courses not retaken reach their 7-day step.
  const later = new Date(Date.now() + 16 * 86_400_000);
  const [first, second] = await Promise.all([sweepReminders(app.database, later), sweepReminders(app.database, later)]);
  assert.equal(first + second, 4);
  const steps = await tenant.selectFrom('reminders').select(['kind', 'threshold_days']).where('threshold_days', '=', 7).where('kind', '=', 'training_expiring').execute();
  assert.equal(steps.length, 4);
});
