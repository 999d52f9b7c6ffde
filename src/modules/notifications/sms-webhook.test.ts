import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { addMonths, today } from '../../platform/calendar.ts';
import type { JobDefinition, JobPayload } from '../../platform/jobs/jobs.ts';
import { unsafeSystemContext } from '../../platform/system-context.ts';
import { auditEvents, buildTestApp, createTestOrg, everythingStored, signedInClient, type TestApp, type TestClient, type TestOrg } from '../../../test/helpers.ts';
import { jobsUnderTest, type JobsUnderTest } from '../../../test/jobs.ts';
import { INVALID_TEST_NUMBER, startSmsApiServer, type SmsApiServer } from '../../../test/sms-api-server.ts';
import { startWebhookReceiver } from '../../../test/webhook-receiver.ts';
import { deliverNotificationJob, notificationDeliveries, queueNotification } from './notifications.service.ts';
import { checkParams, renderTemplate } from './templates.ts';
import { verifyWebhookSignature, webhookSignature } from './webhook-channel.ts';

const ACCOUNT = { accountSid: `AC${'0123456789abcdef'.repeat(2)}`, authToken: 'synthetic-sms-auth-token-5Kq9' };
const FROM = '+15555550100';
/** Synthetic numbers from the 555-01xx range reserved for fiction. */
const PROVIDER_PHONE = '+15555550123';
const OUTCOME_JOB = 'test-page-outcome';

interface Setup {
  app: TestApp;
  org: TestOrg;
  admin: TestClient;
  officer: TestClient;
  jobs: JobsUnderTest;
  /** What the outcome job was given, run by the real job engine. */
  outcomes: JobPayload[];
}

async function setup(t: Parameters<typeof buildTestApp>[0]): Promise<Setup> {
  const outcomes: JobPayload[] = [];
  // The app knows the outcome job (its routes enqueue it) and the engine under test runs it.
  const outcomeJob: JobDefinition = { name: OUTCOME_JOB, retryLimit: 0, run: async (payload) => void outcomes.push(payload) };
  const app = await buildTestApp(t, {}, { jobs: [outcomeJob] });
  const org = await createTestOrg(app, { clients: ['A'], users: { compliance: ['compliance', null] } });
  const admin = await signedInClient(app, org.orgId, org.admin.id);
  const officer = await signedInClient(app, org.orgId, org.users.compliance!.id);
  const jobs = jobsUnderTest(t, app, [deliverNotificationJob as never, outcomeJob]);
  return { app, org, admin, officer, jobs, outcomes };
}

async function vendor(s: Setup, services: string[], options: { baa?: boolean; name?: string } = {}): Promise<string> {
  const v = await s.officer.post('/api/vendors', { name: options.name ?? `Synthetic ${services[0]} Provider`, services, handlesPhi: true });
  assert.equal(v.status, 201, v.text);
  if (options.baa !== false) assert.equal((await s.officer.post('/api/baas', { vendorId: v.body.id, status: 'signed', effectiveOn: addMonths(today(), -6) })).status, 201);
  return v.body.id;
}

async function smsChannel(s: Setup, sms: SmsApiServer, options: { authToken?: string; enable?: boolean } = {}): Promise<string> {
  const created = await s.admin.post('/api/notification-channels', { kind: 'sms', vendorId: await vendor(s, ['sms']), baseUrl: sms.url, accountSid: ACCOUNT.accountSid, fromNumber: FROM, authToken: options.authToken ?? ACCOUNT.authToken });
  assert.equal(created.status, 201, created.text);
  if (options.enable !== false) assert.equal((await s.admin.post(`/api/notification-channels/${created.body.id}/enable`)).status, 200);
  return created.body.id;
}

const ctxOf = (s: Setup) => unsafeSystemContext(s.app.database, s.app.app.platform.keyring, s.org.orgId);
const row = (s: Setup, id: string) => s.app.tenant(s.org.orgId).selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const pageParams = { clientName: 'Lakeside Pediatrics & Family', reference: 'U-7F3A2C', link: 'https://ringfence.example.test/urgent/3f2c7a', step: 1 };

async function waitForOutcomes(s: Setup, count: number): Promise<JobPayload[]> {
  for (let i = 0; i < 200 && s.outcomes.length < count; i += 1) await new Promise((r) => setTimeout(r, 25));
  return s.outcomes;
}

/** Queues a page by SMS and works its deliver job; returns the notification's id. */
async function page(s: Setup, to = PROVIDER_PHONE, failFast = true): Promise<string> {
  const id = await queueNotification(ctxOf(s), s.jobs, { channel: 'sms', to: { address: to }, template: 'urgent.page', params: pageParams, clientId: s.org.clients.A!, failFast, outcomeJob: { name: OUTCOME_JOB, payload: { orgId: s.org.orgId, pageId: 'page-1' } } });
  assert.ok(id);
  return id;
}

test('SMS: a page goes out through the Messages API with its status callback; a signed "delivered" callback marks it delivered and enqueues the outcome job once', async (t) => {
  const s = await setup(t);
  const sms = await startSmsApiServer(t, ACCOUNT);
  const channelId = await smsChannel(s, sms);
  const view = await s.admin.get(`/api/notification-channels/${channelId}`);
  assert.deepEqual(
    { kind: view.body.kind, baseUrl: view.body.baseUrl, accountSid: view.body.accountSid, fromNumber: view.body.fromNumber, hasCredentials: view.body.hasCredentials, statusCallbackUrl: view.body.statusCallbackUrl },
    { kind: 'sms', baseUrl: sms.url, accountSid: ACCOUNT.accountSid, fromNumber: FROM, hasCredentials: true, statusCallbackUrl: `${s.app.url}/api/notifications/sms-status/${channelId}` },
  );
  assert.ok(!view.text.includes(ACCOUNT.authToken), 'the auth token never comes back');
  assert.ok(!(await everythingStored(s.app)).includes(ACCOUNT.authToken), 'the auth token is stored nowhere in plaintext');

  const id = await page(s);
  assert.deepEqual(await s.jobs.runAll(), [[null]]);
  const [message] = await sms.waitFor(1);
  assert.equal(message!.to, PROVIDER_PHONE);
  assert.equal(message!.from, FROM);
  assert.equal(message!.body, 'Ringfence: urgent message for Lakeside Pediatrics & Family (ref U-7F3A2C). Sign in to read it: https://ringfence.example.test/urgent/3f2c7a');
  assert.ok(message!.body.length < 160 && !message!.body.includes('\n'), 'one short line');
  assert.equal(message!.statusCallback, `${s.app.url}/api/notifications/sms-status/${channelId}`);
  const sent = await row(s, id);
  assert.equal(sent.status, 'sent');
  assert.equal(sent.provider_message_id, message!.sid);

  // In-flight statuses change nothing: the row is sent already.
  assert.equal(await sms.deliver(message!.sid, 'sent'), 204);
  assert.equal((await row(s, id)).status, 'sent');
  assert.equal(await sms.deliver(message!.sid, 'delivered'), 204);
  const delivered = await row(s, id);
  assert.equal(delivered.status, 'delivered');
  assert.ok(delivered.delivered_at);
  assert.equal(delivered.failed_at, null);
  assert.deepEqual(await waitForOutcomes(s, 1), [{ orgId: s.org.orgId, pageId: 'page-1', notificationId: id, outcome: 'delivered' }]);

  // The provider retries a callback: nothing moves twice.
  assert.equal(await sms.deliver(message!.sid, 'delivered'), 204);
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(s.outcomes.length, 1);

  // The paging timeline's view: how it went, no number, no content.
  const [d] = await notificationDeliveries(s.app.tenant(s.org.orgId), [id, randomUUID()]);
  assert.deepEqual(Object.keys(d!).sort(), ['attempts', 'channel', 'deliveredAt', 'failedAt', 'id', 'lastError', 'queuedAt', 'sentAt', 'status']);
  assert.equal(d!.channel, 'sms');
  assert.equal(d!.status, 'delivered');
  assert.equal(d!.attempts, 1);
  assert.ok(d!.sentAt && d!.deliveredAt && d!.queuedAt);
  assert.ok(!JSON.stringify(d).includes(PROVIDER_PHONE));
});

test('SMS: a status callback without a valid signature, tampered, or for an unknown channel is refused 403 alike, and nothing changes', async (t) => {
  const s = await setup(t);
  const sms = await startSmsApiServer(t, ACCOUNT);
  const channelId = await smsChannel(s, sms);
  const id = await page(s);
  await s.jobs.runAll();
  const [message] = await sms.waitFor(1);
  for (const signature of ['missing', 'bad', 'tampered'] as const) assert.equal(await sms.deliver(message!.sid, 'delivered', { signature }), 403, signature);
  assert.equal(await sms.deliver(message!.sid, 'delivered', { url: `${s.app.url}/api/notifications/sms-status/${randomUUID()}` }), 403, 'an unknown channel looks like a bad signature');
  // A valid signature over another URL (another channel's) does not verify here either.
  const refused = await fetch(`${s.app.url}/api/notifications/sms-status/${channelId}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'AAAA' }, body: `MessageSid=${message!.sid}&MessageStatus=delivered` });
  assert.equal(refused.status, 403);
  const problem = (await refused.json()) as { type: string; detail: string };
  assert.equal(problem.type, 'urn:ringfence:problem:forbidden');
  assert.ok(!problem.detail.includes(channelId));
  const unchanged = await row(s, id);
  assert.equal(unchanged.status, 'sent');
  assert.equal(unchanged.delivered_at, null);
  await new Promise((r) => setTimeout(r, 150));
  assert.equal(s.outcomes.length, 0, 'no outcome job');
});

test('SMS: "undelivered" or "failed" ends the message failed with the provider’s code and enqueues the outcome job', async (t) => {
  const s = await setup(t);
  const sms = await startSmsApiServer(t, ACCOUNT);
  await smsChannel(s, sms);
  const id = await page(s);
  await s.jobs.runAll();
  const [message] = await sms.waitFor(1);
  assert.equal(await sms.deliver(message!.sid, 'undelivered', { errorCode: '30003' }), 204);
  const failed = await row(s, id);
  assert.equal(failed.status, 'failed');
  assert.ok(failed.failed_at);
  assert.equal(failed.last_error, 'the SMS provider reported undelivered (error 30003)');
  assert.deepEqual(await waitForOutcomes(s, 1), [{ orgId: s.org.orgId, pageId: 'page-1', notificationId: id, outcome: 'failed' }]);
  // A late "delivered" does not undo the end.
  assert.equal(await sms.deliver(message!.sid, 'delivered'), 204);
  assert.equal((await row(s, id)).status, 'failed');
});

test('SMS: a fail-fast page the provider refuses ends failed at its first attempt (no retry) and enqueues the outcome job; a retried one only after its last; the provider’s words never', async (t) => {
  const s = await setup(t);
  const sms = await startSmsApiServer(t, ACCOUNT);
  const channelId = await smsChannel(s, sms);

  const fast = await page(s, INVALID_TEST_NUMBER);
  assert.deepEqual(await s.jobs.runAll(), [[null]], 'one run, not thrown for a retry');
  const failed = await row(s, fast);
  assert.equal(failed.status, 'failed');
  assert.equal(Number(failed.attempts), 1);
  assert.equal(failed.last_error, 'the SMS provider refused the message (HTTP 400, error 21211)');
  assert.ok(failed.failed_at);
  assert.deepEqual(await waitForOutcomes(s, 1), [{ orgId: s.org.orgId, pageId: 'page-1', notificationId: fast, outcome: 'failed' }]);
  assert.deepEqual(sms.refused, [{ status: 400, code: 21211 }]);

  // Wrong credentials, retried: every attempt thrown, the message ends at the last, one outcome.
  assert.equal((await s.admin.patch(`/api/notification-channels/${channelId}`, { authToken: 'not-the-token' })).status, 200);
  const slow = await page(s, PROVIDER_PHONE, false);
  const [runs] = await s.jobs.runAll();
  assert.equal(runs!.length, (deliverNotificationJob.retryLimit ?? 5) + 1);
  assert.ok(runs!.every((r) => r !== null && r.endsWith('the SMS provider refused the credentials (HTTP 401, error 20003)')), JSON.stringify(runs));
  assert.ok((await row(s, slow)).failed_at);
  assert.deepEqual((await waitForOutcomes(s, 2))[1], { orgId: s.org.orgId, pageId: 'page-1', notificationId: slow, outcome: 'failed' });

  // The test button names the field each refusal points at.
  const badToken = await s.admin.post(`/api/notification-channels/${channelId}/test`, { to: PROVIDER_PHONE });
  assert.equal(badToken.status, 502);
  assert.equal(badToken.body.field, 'authToken');
  assert.equal((await s.admin.patch(`/api/notification-channels/${channelId}`, { authToken: ACCOUNT.authToken })).status, 200);
  const badNumber = await s.admin.post(`/api/notification-channels/${channelId}/test`, { to: INVALID_TEST_NUMBER });
  assert.equal(badNumber.status, 502);
  assert.equal(badNumber.body.field, 'to');
  const ok = await s.admin.post(`/api/notification-channels/${channelId}/test`, { to: '+1 (555) 555-0142' });
  assert.equal(ok.status, 200, ok.text);
  assert.match(ok.body.providerId, /^SM[0-9a-f]{32}$/);
  assert.equal((await sms.waitFor(1)).at(-1)!.body, 'Ringfence test message: it reached you, so the channel works.');

  const everything = JSON.stringify(await s.app.tenant(s.org.orgId).selectFrom('notifications').select(['last_error']).execute()) + JSON.stringify(await auditEvents(s.app, s.org.orgId));
  assert.ok(!everything.includes(INVALID_TEST_NUMBER) && !everything.includes('is not a valid phone number'), 'the provider’s message, which quotes the number, is nowhere');
});

test('webhook: signed JSON the receiver verifies; the secret is shown once; a replayed or altered request does not verify; a 500 fails the message', async (t) => {
  const s = await setup(t);
  const receiver = await startWebhookReceiver(t);
  const created = await s.admin.post('/api/notification-channels', { kind: 'webhook', vendorId: await vendor(s, ['other'], { name: 'Synthetic Paging Bridge' }) });
  assert.equal(created.status, 201, created.text);
  const secret = created.body.signingSecret as string;
  assert.match(secret, /^[A-Za-z0-9_-]{43}$/, '32 random bytes, base64url');
  const channelId = created.body.id as string;
  const shown = await s.admin.get(`/api/notification-channels/${channelId}`);
  assert.equal(shown.body.kind, 'webhook');
  assert.ok(!shown.text.includes(secret) && !('signingSecret' in shown.body), 'shown once only');
  assert.ok(!(await everythingStored(s.app)).includes(secret), 'stored only encrypted');
  assert.equal((await s.admin.post(`/api/notification-channels/${channelId}/enable`)).status, 200);
  receiver.setSecret(secret);

  const url = `${receiver.url}/hooks/ringfence`;
  const id = await queueNotification(ctxOf(s), s.jobs, { channel: 'webhook', to: { address: url }, template: 'urgent.page', params: pageParams, failFast: true, outcomeJob: { name: OUTCOME_JOB, payload: { pageId: 'page-2' } } });
  assert.ok(id);
  assert.deepEqual(await s.jobs.runAll(), [[null]]);
  const [hook] = await receiver.waitFor(1);
  assert.equal(hook!.verified, true);
  assert.equal(hook!.path, '/hooks/ringfence');
  assert.equal(hook!.headers['content-type'], 'application/json');
  const body = hook!.json!;
  assert.deepEqual(Object.keys(body).sort(), ['notificationId', 'params', 'sentAt', 'subject', 'text', 'type']);
  assert.equal(body.type, 'urgent.page');
  assert.equal(body.notificationId, id);
  assert.deepEqual(body.params, pageParams);
  assert.equal(body.subject, 'Urgent message for Lakeside Pediatrics & Family');
  const timestamp = hook!.headers['x-ringfence-timestamp'] as string;
  const signature = hook!.headers['x-ringfence-signature'] as string;
  assert.match(signature, /^v1=[0-9a-f]{64}$/);
  assert.equal(signature, webhookSignature(secret, timestamp, hook!.rawBody));
  assert.equal((await row(s, id)).status, 'sent');

  // The replay window: the same request five minutes and a second later is refused; so is any change.
  const at = Number(timestamp) * 1000;
  assert.equal(verifyWebhookSignature(secret, timestamp, hook!.rawBody, signature, { now: at + 299_000 }), true);
  assert.equal(verifyWebhookSignature(secret, timestamp, hook!.rawBody, signature, { now: at + 301_000 }), false);
  assert.equal(verifyWebhookSignature(secret, timestamp, hook!.rawBody, signature, { now: at - 301_000 }), false);
  assert.equal(verifyWebhookSignature(secret, String(Number(timestamp) + 1), hook!.rawBody, signature, { now: at }), false, 'a new timestamp on an old signature');
  assert.equal(verifyWebhookSignature(secret, timestamp, hook!.rawBody.replace('page', 'pagf'), signature, { now: at }), false);
  assert.equal(verifyWebhookSignature(`${secret}x`, timestamp, hook!.rawBody, signature, { now: at }), false);
  assert.equal(verifyWebhookSignature(secret, timestamp, hook!.rawBody, `v1=${'0'.repeat(64)}, ${signature}`, { now: at }), true, 'one of several signatures (a rotation)');
  assert.equal(verifyWebhookSignature(secret, timestamp, hook!.rawBody, null, { now: at }), false);

  // The receiver fails: the message ends failed at once (fail-fast) with the status only.
  receiver.answerWith(500);
  const failing = await queueNotification(ctxOf(s), s.jobs, { channel: 'webhook', to: { address: url }, template: 'urgent.page', params: pageParams, failFast: true, outcomeJob: { name: OUTCOME_JOB, payload: { pageId: 'page-3' } } });
  assert.deepEqual(await s.jobs.runAll(), [[null]]);
  const failed = await row(s, failing!);
  assert.equal(failed.status, 'failed');
  assert.equal(failed.last_error, 'the webhook receiver answered HTTP 500');
  assert.deepEqual(await waitForOutcomes(s, 1), [{ pageId: 'page-3', notificationId: failing, outcome: 'failed' }]);

  // A rotated secret is answered once; messages signed with it no longer verify with the old one.
  receiver.answerWith(null);
  const rotated = await s.admin.post(`/api/notification-channels/${channelId}/rotate-secret`);
  assert.equal(rotated.status, 200, rotated.text);
  assert.notEqual(rotated.body.signingSecret, secret);
  const test1 = await s.admin.post(`/api/notification-channels/${channelId}/test`, { to: url });
  assert.equal(test1.status, 502);
  assert.equal(test1.body.field, 'to');
  assert.match(test1.body.detail, /HTTP 401/);
  receiver.setSecret(rotated.body.signingSecret);
  assert.equal((await s.admin.post(`/api/notification-channels/${channelId}/test`, { to: url })).status, 200);
  assert.equal((await receiver.waitFor(4)).at(-1)!.json!.type, 'channel.test');

  // Plain http goes to the loopback interface only.
  const remote = await s.admin.post(`/api/notification-channels/${channelId}/test`, { to: 'http://hooks.example.test/ringfence' });
  assert.equal(remote.status, 400);
  assert.equal(remote.body.field, 'to');
  const actions = (await auditEvents(s.app, s.org.orgId)).map((e) => e.action).filter((a) => a.startsWith('notification_channel.'));
  assert.ok(actions.includes('notification_channel.secret_rotated'));
  assert.ok(!JSON.stringify(await auditEvents(s.app, s.org.orgId)).includes(rotated.body.signingSecret));
});

test('channels: enabling an SMS or webhook channel whose vendor has no BAA is refused naming the vendor; settings are checked field by field', async (t) => {
  const s = await setup(t);
  const sms = await startSmsApiServer(t, ACCOUNT);
  const unsigned = await vendor(s, ['sms'], { baa: false, name: 'Unsigned Texting Co' });
  const created = await s.admin.post('/api/notification-channels', { kind: 'sms', vendorId: unsigned, baseUrl: sms.url, accountSid: ACCOUNT.accountSid, fromNumber: FROM, authToken: ACCOUNT.authToken });
  assert.equal(created.status, 201, created.text);
  assert.equal(created.body.gate.open, false);
  const refused = await s.admin.post(`/api/notification-channels/${created.body.id}/enable`);
  assert.equal(refused.status, 403);
  assert.equal(refused.body.type, 'urn:ringfence:problem:baa_required');
  assert.equal(refused.body.field, 'vendorId');
  assert.match(refused.body.detail, /Unsigned Texting Co has no active signed business associate agreement/);
  const hookVendor = await vendor(s, ['other'], { baa: false, name: 'Unsigned Hook Receiver' });
  const hook = await s.admin.post('/api/notification-channels', { kind: 'webhook', vendorId: hookVendor });
  const hookRefused = await s.admin.post(`/api/notification-channels/${hook.body.id}/enable`);
  assert.equal(hookRefused.status, 403);
  assert.match(hookRefused.body.detail, /Unsigned Hook Receiver/);
  assert.equal(await queueNotification(ctxOf(s), s.jobs, { channel: 'sms', to: { address: PROVIDER_PHONE }, template: 'contact.verify', params: { code: '123456' } }), null, 'no enabled SMS channel: nothing queued');

  await s.app.tenant(s.org.orgId).deleteFrom('notification_channels').where('kind', '=', 'sms').execute();
  const signed = await vendor(s, ['sms']);
  const base = { kind: 'sms', vendorId: signed, baseUrl: sms.url, accountSid: ACCOUNT.accountSid, fromNumber: FROM, authToken: ACCOUNT.authToken };
  const cases: [Record<string, unknown>, string, RegExp?][] = [
    [{ ...base, baseUrl: 'http://api.sms.example.test' }, 'baseUrl', /https/],
    [{ ...base, baseUrl: 'https://api.sms.example.test/v1?x=1' }, 'baseUrl'],
    [{ ...base, fromNumber: '555-0100' }, 'fromNumber'],
    [{ ...base, authToken: undefined }, 'authToken'],
    [{ ...base, accountSid: undefined }, 'accountSid'],
    [{ ...base, host: 'smtp.example.test' }, 'host', /is not a setting of an SMS channel/],
    [{ ...base, vendorId: await vendor(s, ['email'], { name: 'Mail Only Relay' }) }, 'vendorId', /Mail Only Relay is not recorded as providing SMS/],
    [{ kind: 'webhook', vendorId: signed }, 'vendorId', /not recorded as providing other services/],
  ];
  for (const [body, field, detail] of cases) {
    const res = await s.admin.post('/api/notification-channels', body);
    assert.equal(res.status, 400, `${field}: ${res.text}`);
    assert.equal(res.body.field, field, res.text);
    if (detail) assert.match(res.body.detail, detail);
  }
  const ok = await s.admin.post('/api/notification-channels', base);
  assert.equal(ok.status, 201, ok.text);
  assert.equal((await s.admin.patch(`/api/notification-channels/${ok.body.id}`, { port: 25 })).body.field, 'port');
  assert.deepEqual((await s.admin.get('/api/notification-channels/vendors?kind=sms')).body.items.map((v: { name: string }) => v.name).sort(), ['Synthetic sms Provider', 'Unsigned Texting Co']);
  assert.equal((await s.admin.post(`/api/notification-channels/${ok.body.id}/enable`)).status, 200);
  assert.equal((await s.admin.post(`/api/notification-channels/${ok.body.id}/test`, {})).body.field, 'to', 'an SMS test needs a number');

  // A person is reached by userId on e-mail only; SMS needs a number in international form.
  await assert.rejects(queueNotification(ctxOf(s), s.jobs, { channel: 'sms', to: { userId: s.org.admin.id }, template: 'contact.verify', params: { code: '123456' } }), (err: { field?: string }) => err.field === 'to');
  await assert.rejects(queueNotification(ctxOf(s), s.jobs, { channel: 'sms', to: { address: '555 0123' }, template: 'contact.verify', params: { code: '123456' } }), (err: { field?: string; detail?: string }) => err.field === 'to' && !String(err.detail).includes('555 0123'));
  const verify = await queueNotification(ctxOf(s), s.jobs, { channel: 'sms', to: { address: PROVIDER_PHONE }, template: 'contact.verify', params: { code: '042917' } });
  assert.ok(verify);
  await s.jobs.runAll();
  assert.equal((await sms.waitFor(1)).at(-1)!.body, 'Your Ringfence verification code is 042917');
});

test('templates: a name holds a practice’s name only (no @, newline, phone number or free text); codes are six digits; links are plain http(s) paths', () => {
  for (const name of ['Lakeside Pediatrics', 'Clínica Santa Lucía & Asociados (Norte)', "O'Neill-Brandt Cardiology, P.C.", 'Suite 1200 Internal Medicine']) checkParams('urgent.page', { ...pageParams, clientName: name });
  const badNames = ['desk@lakeside.example.test', 'Lakeside\nPediatrics', '(312) 555-0187', '+1 312 555 0187', 'Patient: Zephyrine Quillfeather; DOB 1980-02-03', '', ' Lakeside', 'x'.repeat(81), '12345', 'Lakeside <b>', 'Lakeside; call back'];
  for (const clientName of badNames) {
    assert.throws(
      () => checkParams('urgent.page', { ...pageParams, clientName }),
      (err: { field?: string; detail?: string }) => err.field === 'params.clientName' && (clientName === '' || !String(err.detail).includes(clientName)),
      JSON.stringify(clientName),
    );
  }
  for (const code of ['12345', '1234567', 'abcdef', '12 456', 123456]) assert.throws(() => checkParams('contact.verify', { code }), JSON.stringify(code));
  const badLinks = ['https://ringfence.example.test/urgent/1?patient=Quillfeather', 'https://ringfence.example.test/urgent#x', 'https://user:pw@ringfence.example.test/u', 'javascript:alert(1)', 'ftp://ringfence.example.test/u', 'https://ringfence.example.test/urgent/Zephyrine Quillfeather', `https://ringfence.example.test/${'a'.repeat(300)}`, 'https://ringfence.example.test/a%20b'];
  for (const link of badLinks) assert.throws(() => checkParams('urgent.page', { ...pageParams, link }), (err: { field?: string }) => err.field === 'params.link', link);
  checkParams('urgent.page', { ...pageParams, link: 'http://127.0.0.1:3000/urgent/0f1e_2d-3c' });
  assert.throws(() => checkParams('urgent.page', { ...pageParams, step: 51 }), (err: { field?: string }) => err.field === 'params.step');

  const page = renderTemplate('urgent.page', pageParams);
  assert.equal(page.subject, 'Urgent message for Lakeside Pediatrics & Family');
  assert.match(page.text, /^Urgent message for Lakeside Pediatrics & Family \(reference U-7F3A2C\)\. Sign in to read and acknowledge it: https:\/\/ringfence\.example\.test\/urgent\/3f2c7a\n\nThis message was sent by Ringfence/);
  assert.ok(page.sms.length < 160 && !page.sms.includes('\n'));
  assert.equal(renderTemplate('contact.verify', { code: '123456' }).sms, 'Your Ringfence verification code is 123456');
  // Without a short form of its own, a template's SMS is its subject.
  assert.equal(renderTemplate('training.expiring', { courseKey: 'hipaa_basics', expiresOn: '2027-01-01', daysLeft: 3 }).sms, 'Your training expires in 3 days');
});
