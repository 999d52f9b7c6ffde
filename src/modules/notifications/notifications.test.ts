import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays, addMonths, today } from '../../platform/calendar.ts';
import { unsafeSystemContext } from '../../platform/system-context.ts';
import { assignTestRole, auditEvents, buildTestApp, completeTestTraining, createTestOrg, everythingStored, insertTestPatient, insertTestUser, signedInClient, type TestApp, type TestClient, type TestOrg } from '../../../test/helpers.ts';
import { jobsUnderTest, type JobsUnderTest } from '../../../test/jobs.ts';
import { startSmtpServer } from '../../../test/smtp.ts';
import { sweepReminders } from '../compliance/reminders.service.ts';
import { deliverNotificationJob, queueNotification } from './notifications.service.ts';
import { TEMPLATES, checkParams, renderTemplate, type ParamSpec } from './templates.ts';

const SMTP_USER = 'relay-user';
const SMTP_PASS = 'synthetic-relay-password-7Q2';

interface Setup {
  app: TestApp;
  org: TestOrg;
  admin: TestClient;
  officer: TestClient;
  jobs: JobsUnderTest;
}

async function setup(t: Parameters<typeof buildTestApp>[0]): Promise<Setup> {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A'], users: { compliance: ['compliance', null], agent: ['agent', 'A'] } });
  const admin = await signedInClient(app, org.orgId, org.admin.id);
  const officer = await signedInClient(app, org.orgId, org.users.compliance!.id);
  const jobs = jobsUnderTest(t, app, [deliverNotificationJob as never]);
  return { app, org, admin, officer, jobs };
}

/** A vendor recorded by the compliance officer, with a signed BAA in effect unless `baa` is false. */
async function relayVendor(s: Setup, options: { baa?: boolean; name?: string } = {}): Promise<{ vendorId: string; baaId: string | null }> {
  const vendor = await s.officer.post('/api/vendors', { name: options.name ?? 'Synthetic Mail Relay', services: ['email'], handlesPhi: true });
  assert.equal(vendor.status, 201, vendor.text);
  if (options.baa === false) return { vendorId: vendor.body.id, baaId: null };
  const baa = await s.officer.post('/api/baas', { vendorId: vendor.body.id, status: 'signed', effectiveOn: addMonths(today(), -6) });
  assert.equal(baa.status, 201, baa.text);
  return { vendorId: vendor.body.id, baaId: baa.body.id };
}

async function createChannel(s: Setup, vendorId: string, port: number, credentials: { username: string; password: string } | null = { username: SMTP_USER, password: SMTP_PASS }) {
  const res = await s.admin.post('/api/notification-channels', { kind: 'email', vendorId, host: '127.0.0.1', port, secure: false, fromAddress: 'alerts@ringfence.example.test', credentials });
  assert.equal(res.status, 201, res.text);
  return res.body as { id: string; enabled: boolean; hasCredentials: boolean; gate: { open: boolean; reason: string | null } };
}

const notifications = (s: Setup) => s.app.tenant(s.org.orgId).selectFrom('notifications').selectAll().orderBy('created_at').execute();

test('e-mail: a message goes out through the relay and arrives with its recipient, subject and body; credentials are stored encrypted and never shown', async (t) => {
  const s = await setup(t);
  const smtp = await startSmtpServer(t, { user: SMTP_USER, pass: SMTP_PASS });
  const { vendorId } = await relayVendor(s);
  const channel = await createChannel(s, vendorId, smtp.port);
  assert.equal(channel.enabled, false, 'a new channel waits to be enabled');
  assert.equal(channel.hasCredentials, true);
  assert.ok(!JSON.stringify(channel).includes(SMTP_PASS) && !JSON.stringify(channel).includes(SMTP_USER), 'credentials never come back');

  // Stored only as an envelope under the organization's key, nowhere in plaintext.
  const stored = await everythingStored(s.app);
  assert.ok(!stored.includes(SMTP_PASS), 'the password is stored nowhere in plaintext');
  assert.ok(!stored.includes(SMTP_USER), 'nor the user name');
  const row = await s.app.tenant(s.org.orgId).selectFrom('notification_channels').selectAll().where('id', '=', channel.id).executeTakeFirstOrThrow();
  assert.match(row.credentials_enc!, /^rf1\.\d+\./);

  // Nothing is queued while the channel is disabled.
  const ctx = unsafeSystemContext(s.app.database, s.app.app.platform.keyring, s.org.orgId);
  assert.equal(await queueNotification(ctx, s.jobs, { to: { userId: s.org.users.compliance!.id }, template: 'channel.test', params: { channelId: channel.id } }), null);

  const enabled = await s.admin.post(`/api/notification-channels/${channel.id}/enable`);
  assert.equal(enabled.status, 200, enabled.text);
  assert.equal(enabled.body.enabled, true);
  assert.deepEqual(enabled.body.gate, { open: true, reason: null });

  const id = await queueNotification(ctx, s.jobs, { to: { userId: s.org.users.compliance!.id }, template: 'baa.ending', params: { baaId: vendorId, party: 'vendor', endsOn: '2027-01-31', daysLeft: 7 } });
  assert.ok(id);
  assert.deepEqual(
    s.jobs.queued.map(({ name, payload }) => ({ name, payload })),
    [{ name: 'notification-deliver', payload: { orgId: s.org.orgId, notificationId: id } }],
    'the job carries ids only',
  );
  assert.equal((await notifications(s))[0]!.status, 'queued');
  assert.deepEqual(await s.jobs.runAll(), [[null]]);

  const [mail] = await smtp.waitFor(1);
  assert.ok(mail);
  assert.deepEqual(mail.to, [(await s.app.tenant(s.org.orgId).selectFrom('users').select('email').where('id', '=', s.org.users.compliance!.id).executeTakeFirstOrThrow()).email]);
  assert.equal(mail.from, 'alerts@ringfence.example.test');
  assert.equal(mail.user, SMTP_USER, 'the relay saw the decrypted credentials');
  assert.equal(mail.subject, 'A business associate agreement ends in 7 days');
  assert.match(mail.text, /^A business associate agreement with a vendor ends in 7 days \(2027-01-31\)\./);
  assert.ok(mail.text.includes(vendorId));
  const sent = (await notifications(s))[0]!;
  assert.equal(sent.status, 'sent');
  assert.equal(Number(sent.attempts), 1);
  assert.equal(sent.provider_message_id, mail.messageId);
  assert.ok(sent.sent_at);

  // The test button: the same path, answered at once.
  const tested = await s.admin.post(`/api/notification-channels/${channel.id}/test`, { to: 'desk@example.test' });
  assert.equal(tested.status, 200, tested.text);
  const mails = await smtp.waitFor(2);
  assert.deepEqual(mails[1]!.to, ['desk@example.test']);
  assert.equal(mails[1]!.subject, 'Ringfence test message');

  const actions = (await auditEvents(s.app, s.org.orgId)).filter((e) => e.action.startsWith('notification_channel.'));
  assert.deepEqual(
    actions.map((e) => e.action),
    ['notification_channel.created', 'notification_channel.enabled', 'notification_channel.tested'],
  );
  assert.ok(!JSON.stringify(actions).includes(SMTP_PASS));
});

test('e-mail: the vendor gate refuses a relay without an active BAA on enable and on every send, and a lapsed BAA stops sending at once', async (t) => {
  const s = await setup(t);
  const smtp = await startSmtpServer(t, { user: SMTP_USER, pass: SMTP_PASS });
  const ctx = unsafeSystemContext(s.app.database, s.app.app.platform.keyring, s.org.orgId);

  // No BAA: enabling is refused naming the vendor field, and a test message is refused the same way.
  const { vendorId: bare } = await relayVendor(s, { baa: false, name: 'Unsigned Relay' });
  const channel = await createChannel(s, bare, smtp.port);
  assert.equal(channel.gate.open, false);
  const refused = await s.admin.post(`/api/notification-channels/${channel.id}/enable`);
  assert.equal(refused.status, 403);
  assert.equal(refused.body.type, 'urn:ringfence:problem:baa_required');
  assert.equal(refused.body.field, 'vendorId');
  assert.match(refused.body.detail, /Unsigned Relay has no active signed business associate agreement/);
  const test1 = await s.admin.post(`/api/notification-channels/${channel.id}/test`, {});
  assert.equal(test1.status, 403);
  assert.equal(test1.body.field, 'vendorId');
  const [failedTest] = await notifications(s);
  assert.equal(failedTest!.status, 'failed');
  assert.match(failedTest!.last_error!, /no active signed business associate agreement/);

  // With a BAA the relay carries messages…
  const baa = await s.officer.post('/api/baas', { vendorId: bare, status: 'signed', effectiveOn: addMonths(today(), -6), endsOn: addDays(today(), 30) });
  assert.equal(baa.status, 201);
  assert.equal((await s.admin.post(`/api/notification-channels/${channel.id}/enable`)).status, 200);
  await queueNotification(ctx, s.jobs, { to: { userId: s.org.admin.id }, template: 'channel.test', params: { channelId: channel.id } });
  assert.deepEqual(await s.jobs.runAll(), [[null]]);
  assert.equal((await smtp.waitFor(1)).length, 1);

  // …until it lapses: the next send is refused, retried to the last, and stays failed.
  assert.equal((await s.officer.patch(`/api/baas/${baa.body.id}`, { endsOn: addDays(today(), -1) })).status, 200);
  const id = await queueNotification(ctx, s.jobs, { to: { userId: s.org.admin.id }, template: 'channel.test', params: { channelId: channel.id } });
  const [runs] = await s.jobs.runAll();
  assert.equal(runs!.length, (deliverNotificationJob.retryLimit ?? 5) + 1, 'every attempt refused, each thrown for the engine to retry');
  assert.ok(runs!.every((r) => r !== null && /no active signed business associate agreement/.test(r)));
  const row = (await notifications(s)).find((n) => n.id === id)!;
  assert.equal(row.status, 'failed');
  assert.equal(Number(row.attempts), runs!.length);
  assert.match(row.last_error!, /Unsigned Relay has no active signed business associate agreement/);
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(smtp.received.length, 1, 'nothing more arrived');
  assert.equal((await s.admin.get(`/api/notification-channels/${channel.id}`)).body.gate.open, false);
});

test('e-mail: an SMTP refusal or a stopped server records the failure without the server’s words and throws for a retry; the test button says which field', async (t) => {
  const s = await setup(t);
  const smtp = await startSmtpServer(t, { user: SMTP_USER, pass: SMTP_PASS, reject: 'bounce' });
  const ctx = unsafeSystemContext(s.app.database, s.app.app.platform.keyring, s.org.orgId);
  const { vendorId } = await relayVendor(s);
  const channel = await createChannel(s, vendorId, smtp.port);
  assert.equal((await s.admin.post(`/api/notification-channels/${channel.id}/enable`)).status, 200);

  // A recipient the server refuses.
  const bounced = await insertTestUser(s.app, s.org.orgId, 'bounce-desk@example.test');
  const id = await queueNotification(ctx, s.jobs, { to: { userId: bounced.id }, template: 'channel.test', params: { channelId: channel.id } });
  const [runs] = await s.jobs.runAll();
  assert.equal(runs!.length, (deliverNotificationJob.retryLimit ?? 5) + 1);
  assert.ok(runs!.every((r) => r !== null && /EENVELOPE 550/.test(r)), JSON.stringify(runs));
  const row = (await notifications(s)).find((n) => n.id === id)!;
  assert.equal(row.status, 'failed');
  assert.equal(row.last_error, 'the SMTP server refused the sender or recipient (EENVELOPE 550 after RCPT TO)');
  const test1 = await s.admin.post(`/api/notification-channels/${channel.id}/test`, { to: 'bounce@example.test' });
  assert.equal(test1.status, 502);
  assert.equal(test1.body.type, 'urn:ringfence:problem:delivery_failed');
  assert.equal(test1.body.field, 'to');

  // Wrong credentials: the form's password field is named.
  assert.equal((await s.admin.patch(`/api/notification-channels/${channel.id}`, { credentials: { username: SMTP_USER, password: 'not the password' } })).status, 200);
  const test2 = await s.admin.post(`/api/notification-channels/${channel.id}/test`, {});
  assert.equal(test2.status, 502);
  assert.equal(test2.body.field, 'credentials.password');
  assert.match(test2.body.detail, /refused the credentials \(EAUTH 535/);

  // The server stopped: the connection is refused, recorded, and retried.
  assert.equal((await s.admin.patch(`/api/notification-channels/${channel.id}`, { credentials: { username: SMTP_USER, password: SMTP_PASS } })).status, 200);
  await smtp.stop();
  const down = await queueNotification(ctx, s.jobs, { to: { userId: s.org.admin.id }, template: 'channel.test', params: { channelId: channel.id } });
  const [downRuns] = await s.jobs.runAll();
  assert.ok(downRuns!.every((r) => r !== null && /ECONNREFUSED/.test(r)), JSON.stringify(downRuns));
  const downRow = (await notifications(s)).find((n) => n.id === down)!;
  assert.equal(downRow.status, 'failed');
  assert.equal(downRow.last_error, 'the SMTP server refused the connection (ECONNREFUSED)');
  const test3 = await s.admin.post(`/api/notification-channels/${channel.id}/test`, {});
  assert.equal(test3.status, 502);
  assert.equal(test3.body.field, 'host');
  assert.equal(smtp.received.length, 0, 'nothing arrived');
});

test('e-mail: no message carries PHI: templates take ids, counts, dates, keys and fixed words only, and anything else is refused before it is queued', async (t) => {
  // Every parameter of every template is one of the kinds that cannot hold free text (a name is a practice's, checked below and in sms.test.ts).
  const kinds = new Set<ParamSpec['kind']>(['id', 'date', 'count', 'key', 'reference', 'choice', 'name', 'code', 'link']);
  for (const [key, tpl] of Object.entries(TEMPLATES)) for (const [name, spec] of Object.entries(tpl.params as Record<string, ParamSpec>)) assert.ok(kinds.has(spec.kind), `${key}.${name}`);

  const s = await setup(t);
  const smtp = await startSmtpServer(t);
  const { vendorId } = await relayVendor(s);
  const channel = await createChannel(s, vendorId, smtp.port, null);
  assert.equal((await s.admin.post(`/api/notification-channels/${channel.id}/enable`)).status, 200);
  const ctx = unsafeSystemContext(s.app.database, s.app.app.platform.keyring, s.org.orgId);
  const patient = { given: 'Zephyrine', family: 'Quillfeather' };
  await insertTestPatient(s.app, s.org.orgId, s.org.clients.A!, { name: patient, phones: [{ number: '+1 312 555 0187', kind: 'mobile' }] as never });

  // A patient's name where a key, a choice or an id belongs: refused, naming the parameter and never the value.
  const attempts: [string, Record<string, unknown>, string][] = [
    ['training.expiring', { courseKey: `${patient.given} ${patient.family}`, expiresOn: '2027-01-01', daysLeft: 3 }, 'params.courseKey'],
    ['baa.ending', { baaId: vendorId, party: patient.family, endsOn: '2027-01-01', daysLeft: 3 }, 'params.party'],
    ['baa.ending', { baaId: patient.given, party: 'client', endsOn: '2027-01-01', daysLeft: 3 }, 'params.baaId'],
    ['channel.test', { channelId: channel.id, note: patient.family }, 'params.note'],
  ];
  for (const [template, params, field] of attempts) {
    await assert.rejects(
      queueNotification(ctx, s.jobs, { to: { userId: s.org.admin.id }, template: template as 'channel.test', params: params as never }),
      (err: { field?: string; detail?: string }) => err.field === field && !String(err.detail).includes(patient.family) && !String(err.detail).includes(patient.given),
    );
    assert.throws(() => renderTemplate(template, params));
  }
  assert.equal((await notifications(s)).length, 0, 'nothing was recorded');
  assert.equal(s.jobs.queued.length, 0, 'nothing was queued');

  // What does go out, through every template, holds nothing of the patient.
  checkParams('training.expiring', { courseKey: 'hipaa_basics', expiresOn: '2027-01-01', daysLeft: 3 });
  await queueNotification(ctx, s.jobs, { to: { userId: s.org.admin.id }, template: 'training.expiring', params: { courseKey: 'hipaa_basics', expiresOn: '2027-01-01', daysLeft: 3 } });
  await queueNotification(ctx, s.jobs, { to: { userId: s.org.admin.id }, template: 'baa.ending', params: { baaId: vendorId, party: 'client', endsOn: '2027-01-01', daysLeft: 3 }, clientId: s.org.clients.A! });
  await queueNotification(ctx, s.jobs, { to: { address: 'desk@example.test' }, template: 'channel.test', params: { channelId: channel.id } });
  assert.ok((await s.jobs.runAll()).every((runs) => runs.at(-1) === null));
  const mails = await smtp.waitFor(3);
  assert.equal(mails.length, 3);
  const everything = JSON.stringify(mails).toLowerCase() + JSON.stringify(await notifications(s)).toLowerCase();
  for (const fragment of [patient.given, patient.family, '555 0187', '5550187']) assert.ok(!everything.includes(fragment.toLowerCase()), fragment);
});

test('reminders: a new BAA step is e-mailed to whoever keeps the compliance records, once; the administrators when nobody does; nothing without a channel', async (t) => {
  const s = await setup(t);
  const smtp = await startSmtpServer(t);
  const { vendorId } = await relayVendor(s);
  // A second relay whose BAA ends in 5 days: its 7-day step comes due.
  const ending = await s.officer.post('/api/vendors', { name: 'Ending Telephony', services: ['telephony'], handlesPhi: true });
  const endingBaa = await s.officer.post('/api/baas', { vendorId: ending.body.id, status: 'signed', effectiveOn: addMonths(today(), -12), endsOn: addDays(today(), 5) });
  assert.equal(endingBaa.status, 201);

  // No channel yet: the step is recorded and nothing is queued.
  assert.equal(await sweepReminders(s.app.database, new Date(), s.jobs), 1);
  assert.equal(s.jobs.queued.length, 0);

  const channel = await createChannel(s, vendorId, smtp.port, null);
  assert.equal((await s.admin.post(`/api/notification-channels/${channel.id}/enable`)).status, 200);
  await s.app.tenant(s.org.orgId).deleteFrom('reminders').execute();
  assert.equal(await sweepReminders(s.app.database, new Date(), s.jobs), 1);
  assert.equal(s.jobs.queued.length, 1, 'one officer, one message');
  assert.equal(await sweepReminders(s.app.database, new Date(), s.jobs), 0);
  assert.equal(s.jobs.queued.length, 1, 'a step already recorded is not e-mailed again');
  assert.deepEqual(await s.jobs.runAll(), [[null]]);
  const [mail] = await smtp.waitFor(1);
  const officerEmail = (await s.app.tenant(s.org.orgId).selectFrom('users').select('email').where('id', '=', s.org.users.compliance!.id).executeTakeFirstOrThrow()).email;
  assert.deepEqual(mail!.to, [officerEmail]);
  assert.equal(mail!.subject, 'A business associate agreement ends in 5 days');
  assert.ok(mail!.text.includes(endingBaa.body.id));
  assert.ok(!mail!.text.includes('Ending Telephony'), 'ids and dates only');

  // Nobody keeps the compliance records: the administrators are told.
  await s.app.tenant(s.org.orgId).updateTable('users').set({ status: 'deactivated' }).where('id', '=', s.org.users.compliance!.id).execute();
  await s.app.tenant(s.org.orgId).deleteFrom('reminders').execute();
  assert.equal(await sweepReminders(s.app.database, new Date(), s.jobs), 1);
  assert.deepEqual(await s.jobs.runAll(), [[null]]);
  const mails = await smtp.waitFor(2);
  assert.deepEqual(mails[1]!.to, [s.org.admin.email]);
});

test('reminders: a person whose training lapses soon is e-mailed one message per course, naming the course key and the date', async (t) => {
  const s = await setup(t);
  const smtp = await startSmtpServer(t);
  const { vendorId } = await relayVendor(s);
  const channel = await createChannel(s, vendorId, smtp.port, null);
  assert.equal((await s.admin.post(`/api/notification-channels/${channel.id}/enable`)).status, 200);
  const newcomer = await insertTestUser(s.app, s.org.orgId, 'newcomer-training@example.test', { trained: false });
  await assignTestRole(s.app, s.org.orgId, newcomer.id, 'agent', s.org.clients.A!);
  await completeTestTraining(s.app, s.org.orgId, newcomer.id, addMonths(addDays(today(), 20), -12));

  assert.equal(await sweepReminders(s.app.database, new Date(), s.jobs), 5);
  assert.ok((await s.jobs.runAll()).every((runs) => runs.at(-1) === null));
  const mails = await smtp.waitFor(5);
  assert.equal(mails.length, 5);
  assert.ok(mails.every((m) => m.to.length === 1 && m.to[0] === 'newcomer-training@example.test'), 'to the person, nobody else');
  assert.ok(mails.every((m) => /^Your training expires in (19|20) days$/.test(m.subject)), JSON.stringify(mails.map((m) => m.subject)));
  assert.ok(mails.some((m) => m.text.includes('"hipaa_basics"')));
});

test('channel settings: refusals name the field; one e-mail channel per organization; changes are audited by name; other roles are refused', async (t) => {
  const s = await setup(t);
  const { vendorId } = await relayVendor(s);
  const telephony = await s.officer.post('/api/vendors', { name: 'Phones Only', services: ['telephony'], handlesPhi: true });
  const base = { kind: 'email', vendorId, host: 'smtp.example.test', port: 587, secure: false, fromAddress: 'alerts@example.test' };

  const badHost = await s.admin.post('/api/notification-channels', { ...base, host: 'smtp://relay.example.test/' });
  assert.equal(badHost.status, 400);
  assert.equal(badHost.body.field, 'host');
  const badPort = await s.admin.post('/api/notification-channels', { ...base, port: 70000 });
  assert.equal(badPort.status, 400);
  assert.equal(badPort.body.field, 'port');
  const badFrom = await s.admin.post('/api/notification-channels', { ...base, fromAddress: 'not an address' });
  assert.equal(badFrom.status, 400);
  assert.equal(badFrom.body.field, 'fromAddress');
  const notMail = await s.admin.post('/api/notification-channels', { ...base, vendorId: telephony.body.id });
  assert.equal(notMail.status, 400);
  assert.equal(notMail.body.field, 'vendorId');
  assert.match(notMail.body.detail, /Phones Only is not recorded as providing e-mail/);
  const unknownVendor = await s.admin.post('/api/notification-channels', { ...base, vendorId: '00000000-0000-4000-8000-000000000000' });
  assert.equal(unknownVendor.status, 404);
  assert.equal(unknownVendor.body.field, 'vendorId');

  const created = await s.admin.post('/api/notification-channels', base);
  assert.equal(created.status, 201);
  const again = await s.admin.post('/api/notification-channels', base);
  assert.equal(again.status, 409);
  assert.equal(again.body.field, 'kind');
  const vendors = await s.admin.get('/api/notification-channels/vendors');
  assert.deepEqual(vendors.body.items.map((v: { name: string }) => v.name), ['Synthetic Mail Relay']);

  const changed = await s.admin.patch(`/api/notification-channels/${created.body.id}`, { port: 2525, credentials: { username: 'u', password: 'p-synthetic' } });
  assert.equal(changed.status, 200);
  assert.equal(changed.body.port, 2525);
  assert.equal((await s.admin.post(`/api/notification-channels/${created.body.id}/enable`)).status, 200);
  assert.equal((await s.admin.post(`/api/notification-channels/${created.body.id}/disable`)).body.enabled, false);
  const events = (await auditEvents(s.app, s.org.orgId)).filter((e) => e.action.startsWith('notification_channel.'));
  assert.deepEqual(events.map((e) => [e.action, JSON.parse(e.details ?? '{}')]), [
    ['notification_channel.created', { kind: 'email', vendorId, host: 'smtp.example.test' }],
    ['notification_channel.updated', { changed: ['port', 'credentials'] }],
    ['notification_channel.enabled', { vendorId }],
    ['notification_channel.disabled', {}],
  ]);

  const agent = await signedInClient(s.app, s.org.orgId, s.org.users.agent!.id);
  assert.equal((await agent.get('/api/notification-channels')).status, 403);
  assert.equal((await s.officer.post(`/api/notification-channels/${created.body.id}/enable`)).status, 403);
  const other = await createTestOrg(s.app, {});
  const stranger = await signedInClient(s.app, other.orgId, other.admin.id);
  assert.equal((await stranger.get(`/api/notification-channels/${created.body.id}`)).status, 404);
});
