import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { assertVendorMayCarryPhi, hasActiveBaa } from './phi-rules.ts';
import { addDays, addMonths, today, todayIn } from '../../platform/calendar.ts';
import { assignTestRole, auditEvents, buildTestApp, clientToday, completeTestTraining, createTestOrg, insertTestBaa, insertTestUser, pdfText, signedInClient } from '../../../test/helpers.ts';

/** A one-page PDF with a few non-ASCII bytes, as scanners write them. */
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n%'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]), Buffer.from('\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')]);

async function setup(t: Parameters<typeof buildTestApp>[0]) {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A', 'B', 'C'], baas: false, users: { compliance: ['compliance', null], agent: ['agent', 'A'] } });
  const officer = await signedInClient(app, org.orgId, org.users.compliance!.id);
  return { app, org, officer };
}

test('BAAs: checked terms, signing makes one active, terminated stays terminated, every change audited', async (t) => {
  const { app, org, officer } = await setup(t);
  const clientId = org.clients.A!;
  const missing = await officer.post('/api/baas', { status: 'signed' });
  assert.equal(missing.status, 400);
  assert.equal(missing.body.field, 'clientId');
  const noDate = await officer.post('/api/baas', { clientId, status: 'signed' });
  assert.equal(noDate.status, 400);
  assert.equal(noDate.body.field, 'effectiveOn');
  const notADay = await officer.post('/api/baas', { clientId, status: 'signed', effectiveOn: '2026-02-30' });
  assert.equal(notADay.status, 400);
  assert.match(notADay.body.detail, /The effective on is not a calendar date/);
  const backwards = await officer.post('/api/baas', { clientId, status: 'signed', effectiveOn: '2026-05-01', endsOn: '2026-04-30' });
  assert.equal(backwards.status, 400);
  assert.equal(backwards.body.field, 'endsOn');
  assert.equal((await app.tenant(org.orgId).selectFrom('baas').select('id').execute()).length, 0, 'nothing stored by refused requests');

  const draft = await officer.post('/api/baas', { clientId, counterpartySigner: 'Practice administrator', breachNoticeDays: 30 });
  assert.equal(draft.status, 201, draft.text);
  assert.equal(draft.body.status, 'draft');
  assert.equal(draft.body.active, false);
  const signed = await officer.patch(`/api/baas/${draft.body.id}`, { status: 'signed', effectiveOn: clientToday() });
  assert.equal(signed.status, 200);
  assert.equal(signed.body.active, true);
  const ended = await officer.patch(`/api/baas/${draft.body.id}`, { status: 'terminated' });
  assert.equal(ended.body.active, false);
  const revived = await officer.patch(`/api/baas/${draft.body.id}`, { status: 'signed' });
  assert.equal(revived.status, 409);
  assert.equal(revived.body.field, 'status');

  const events = await auditEvents(app, org.orgId);
  assert.equal(events.filter((e) => e.action === 'baa.created').length, 1);
  assert.equal(events.filter((e) => e.action === 'baa.updated').length, 2);
});

test('the signed PDF is stored encrypted, comes back byte for byte, and each download is logged; anything else is refused', async (t) => {
  const { app, org, officer } = await setup(t);
  const baa = (await officer.post('/api/baas', { clientId: org.clients.A!, status: 'signed', effectiveOn: clientToday() })).body;
  const notPdf = await officer.request('PUT', `/api/baas/${baa.id}/document?name=scan.pdf`, Buffer.from('GIF89a not a pdf'), { 'content-type': 'application/pdf' });
  assert.equal(notPdf.status, 400);
  assert.equal(notPdf.body.field, 'document');
  const json = await officer.request('PUT', `/api/baas/${baa.id}/document`, { pdf: 'base64…' });
  assert.equal(json.status, 400);
  const stored = await officer.request('PUT', `/api/baas/${baa.id}/document?name=Client A BAA (signed).pdf`, PDF, { 'content-type': 'application/pdf' });
  assert.equal(stored.status, 200, stored.text);
  assert.deepEqual(stored.body.document, { name: 'Client A BAA _signed_.pdf', bytes: PDF.length, sha256: createHash('sha256').update(PDF).digest('hex') });

  const row = await app.tenant(org.orgId).selectFrom('baas').select('document_enc').where('id', '=', baa.id).executeTakeFirstOrThrow();
  assert.match(row.document_enc!, /^rf1\./);
  assert.ok(!row.document_enc!.includes(PDF.toString('base64').slice(0, 24)), 'ciphertext, not the document');

  const res = await fetch(`${officer.baseUrl}/api/baas/${baa.id}/document`, { headers: { cookie: officer.cookie! } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/pdf');
  assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="Client A BAA _signed_\.pdf"/);
  assert.deepEqual(Buffer.from(await res.arrayBuffer()), PDF);
  const events = await auditEvents(app, org.orgId);
  assert.equal(events.filter((e) => e.action === 'baa.document_stored').length, 1);
  assert.equal(events.filter((e) => e.action === 'baa.document_read').length, 1);

  // An agent may not read compliance records.
  const agent = await signedInClient(app, org.orgId, org.users.agent!.id);
  assert.equal((await agent.get(`/api/baas/${baa.id}/document`)).status, 403);
});

test('the BAA chain lists every client and PHI-handling vendor, gaps first, and exports as CSV a spreadsheet will not execute', async (t) => {
  const { app, org, officer } = await setup(t);
  await insertTestBaa(app, org.orgId, org.clients.A!);
  await insertTestBaa(app, org.orgId, org.clients.B!, { effective_on: addMonths(today(), -24), ends_on: addMonths(today(), -1) });
  const phone = await officer.post('/api/vendors', { name: '=HYPERLINK("x") Telephony', services: ['telephony', 'recording'], handlesPhi: true });
  assert.equal(phone.status, 201, phone.text);
  assert.equal((await officer.post('/api/vendors', { name: 'Office Supplies Ltd', services: ['other'], handlesPhi: false })).status, 201);
  assert.equal((await officer.post('/api/vendors', { name: 'Office Supplies Ltd', services: ['other'], handlesPhi: false })).status, 409);

  const chain = await officer.get('/api/compliance/baa-chain');
  assert.equal(chain.status, 200);
  const states = chain.body.items.map((e: { party: { name: string }; state: string }) => [e.party.name.replace(/ [0-9a-f]{8}$/, ''), e.state]);
  assert.deepEqual(states, [
    ['=HYPERLINK("x") Telephony', 'missing'],
    ['Client C', 'missing'],
    ['Client B', 'expired'],
    ['Client A', 'active'],
  ]);
  const csv = await officer.get('/api/compliance/baa-chain?format=csv');
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
  const lines = csv.text.trim().split('\r\n');
  assert.equal(lines[0], 'party_type,party,services,state,effective_on,ends_on,breach_notice_days,breach_notice_unit,phi_shared_with');
  assert.equal(lines.length, 5);
  assert.ok(lines[1]!.startsWith(`vendor,"'=HYPERLINK(""x"") Telephony",telephony recording,missing`), lines[1]);
  assert.ok(lines[1]!.endsWith(',all clients'), 'a vendor serves every client unless told otherwise');

  // The same report as a PDF: the text, in order, gaps first.
  const res = await fetch(`${officer.baseUrl}/api/compliance/baa-chain?format=pdf`, { headers: { cookie: officer.cookie! } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/pdf');
  assert.match(res.headers.get('content-disposition') ?? '', new RegExp(`attachment; filename="baa-chain-${today()}\\.pdf"`));
  const text = pdfText(Buffer.from(await res.arrayBuffer()));
  assert.match(text, /Business associate agreement chain/);
  assert.match(text, /1 of 3 clients and 0 of 1 PHI-handling vendors hold an active BAA\. 3 gaps listed first/);
  const order = ['=HYPERLINK("x") Telephony', 'Client C', 'Client B', 'Client A'].map((name) => text.indexOf(name));
  assert.ok(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!)), `gaps first: ${order.join(', ')}`);
  assert.match(text, /No BAA/);
  assert.match(text, /Expired/);
});

test('vendors: whose PHI each touches shows in the chain, and an integration may carry PHI only through a covered vendor', async (t) => {
  const { app, org, officer } = await setup(t);
  const tenant = app.tenant(org.orgId);
  await insertTestBaa(app, org.orgId, org.clients.A!);
  const sms = await officer.post('/api/vendors', { name: 'Texting Co', services: ['sms'], handlesPhi: true, clientIds: [org.clients.A!] });
  assert.equal(sms.status, 201, sms.text);
  assert.deepEqual(sms.body.clientIds, [org.clients.A!]);
  const unknownClient = await officer.post('/api/vendors', { name: 'Other Co', services: ['sms'], handlesPhi: true, clientIds: [org.clients.A!.replace(/.$/, (c: string) => (c === '0' ? '1' : '0'))] });
  assert.equal(unknownClient.status, 404);
  assert.equal(unknownClient.body.field, 'clientIds');
  assert.equal((await tenant.selectFrom('vendors').select('id').where('name', '=', 'Other Co').execute()).length, 0, 'a refused vendor is not stored');
  const host = await officer.post('/api/vendors', { name: 'Hosting Co', services: ['hosting'], handlesPhi: true });
  assert.equal(host.body.clientIds, null);

  const chain = (await officer.get('/api/compliance/baa-chain')).body.items as { party: { id: string; name: string }; reach: string[] | null }[];
  const entry = (id: string) => chain.find((e) => e.party.id === id)!;
  assert.deepEqual(entry(sms.body.id).reach, [entry(org.clients.A!).party.name]);
  assert.equal(entry(host.body.id).reach, null);
  assert.deepEqual(entry(org.clients.A!).reach, ['Hosting Co', 'Texting Co']);
  assert.deepEqual(entry(org.clients.B!).reach, ['Hosting Co']);

  const refusal = async (options: { clientId?: string } = {}) => {
    try {
      await assertVendorMayCarryPhi(tenant, sms.body.id, options);
      return null;
    } catch (err) {
      return err as { code: string; detail: string; field?: string };
    }
  };
  assert.equal((await refusal())?.code, 'baa_required');
  assert.match((await refusal())!.detail, /Texting Co has no active signed business associate agreement: no PHI may be sent through it/);
  const baa = await officer.post('/api/baas', { vendorId: sms.body.id, status: 'signed', effectiveOn: today() });
  assert.equal(baa.status, 201);
  assert.equal(await refusal({ clientId: org.clients.A! }), null, 'covered for the client it serves');
  assert.match((await refusal({ clientId: org.clients.B! }))!.detail, /is not recorded as serving this client/);
  assert.equal((await officer.patch(`/api/vendors/${sms.body.id}`, { clientIds: null })).body.clientIds, null);
  assert.equal(await refusal({ clientId: org.clients.B! }), null, 'serving every client now');
  await officer.patch(`/api/vendors/${sms.body.id}`, { handlesPhi: false });
  assert.match((await refusal())!.detail, /recorded as not handling PHI/);
  await officer.patch(`/api/vendors/${sms.body.id}`, { handlesPhi: true, status: 'inactive' });
  assert.match((await refusal())!.detail, /is inactive/);
  await officer.patch(`/api/vendors/${sms.body.id}`, { status: 'active' });
  await officer.patch(`/api/baas/${baa.body.id}`, { status: 'terminated' });
  assert.equal((await refusal())?.code, 'baa_required', 'a terminated BAA stops the data at once');
  const events = await auditEvents(app, org.orgId);
  assert.ok(events.some((e) => e.action === 'vendor.updated' && JSON.parse(String(e.details)).changed.includes('clientIds')));
});

test('training: completions recorded with evidence, future dates refused, everyone sees their own standing', async (t) => {
  const { app, org, officer } = await setup(t);
  const newcomer = await insertTestUser(app, org.orgId, 'newcomer@example.test', { trained: false });
  const courses = (await officer.get('/api/courses')).body.items as { id: string; key: string; validityMonths: number; required: boolean }[];
  assert.deepEqual(
    courses.map((c) => c.key),
    ['hipaa_basics', 'minimum_necessary', 'verbal_phi', 'secure_messaging', 'breach_reporting'],
  );
  assert.ok(courses.every((c) => c.validityMonths === 12 && c.required));
  const future = await officer.post('/api/training/completions', { userId: newcomer.id, courseId: courses[0]!.id, completedOn: addMonths(today(), 1), evidence: 'Attested' });
  assert.equal(future.status, 400);
  assert.equal(future.body.field, 'completedOn');
  const blank = await officer.post('/api/training/completions', { userId: newcomer.id, courseId: courses[0]!.id, completedOn: today(), evidence: '   ' });
  assert.equal(blank.status, 400);
  assert.equal(blank.body.field, 'evidence');
  for (const course of courses) assert.equal((await officer.post('/api/training/completions', { userId: newcomer.id, courseId: course.id, completedOn: addMonths(today(), -11), evidence: 'Signed attestation' })).status, 201);

  const self = await signedInClient(app, org.orgId, newcomer.id);
  const mine = await self.get('/api/training/me');
  assert.equal(mine.body.phiAccess, true);
  assert.ok(mine.body.courses.every((c: { state: string; expiresOn: string }) => c.state === 'current' && c.expiresOn === addMonths(addMonths(today(), -11), 12)));
  const overview = await officer.get('/api/training/people');
  const row = overview.body.items.find((p: { userId: string }) => p.userId === newcomer.id);
  assert.deepEqual(row.lacking, []);
  assert.equal(row.nextExpiry, addMonths(addMonths(today(), -11), 12));
  assert.equal((await self.get(`/api/training/people/${newcomer.id}`)).status, 403, 'only compliance reads others’ records');
  assert.equal((await auditEvents(app, org.orgId)).filter((e) => e.action === 'training.completed').length, 5);
});

test('training import from CSV: a preview names each bad row, an import with any bad row stores nothing, a clean file is stored at once', async (t) => {
  const { app, org, officer } = await setup(t);
  const newcomer = await insertTestUser(app, org.orgId, 'Newcomer.Two@example.test', { trained: false });
  const csvHeaders = { 'content-type': 'text/csv' };
  const lastYear = addMonths(today(), -2);
  const bad = [
    'email,course,completed_on,evidence',
    `newcomer.two@example.test,hipaa_basics,${lastYear},LMS certificate 1182`,
    `nobody@example.test,hipaa_basics,${lastYear},LMS certificate 1183`,
    `newcomer.two@example.test,Underwater basket weaving,${lastYear},x`,
    `newcomer.two@example.test,Minimum necessary,2026-02-30,x`,
    `newcomer.two@example.test,verbal_phi,${addMonths(today(), 1)},x`,
    `newcomer.two@example.test,secure_messaging,${lastYear},`,
    `newcomer.two@example.test,hipaa_basics,${lastYear},LMS certificate 1182`,
    `newcomer.two@example.test,hipaa_basics,${lastYear},Certificate mailed to Jane Testperson at 555-201-3344`,
  ].join('\n');
  const preview = await officer.request('POST', '/api/training/import?dryRun=true', bad, csvHeaders);
  assert.equal(preview.status, 200, preview.text);
  assert.equal(preview.body.valid, 1);
  assert.equal(preview.body.invalid, 7);
  assert.deepEqual(
    preview.body.rows.map((r: { line: number; errors: string[] }) => [r.line, r.errors]),
    [
      [2, []],
      [3, ['email: no one with this address']],
      [4, ['course: no such course']],
      [5, ['completed_on: not a date (YYYY-MM-DD)']],
      [6, ['completed_on: in the future']],
      [7, ['evidence: empty']],
      [8, ['a repeat of an earlier row']],
      [9, ['evidence: contains PHI (NAME, PHONE); describe the evidence without patient details']],
    ],
  );
  const refused = await officer.request('POST', '/api/training/import', bad, csvHeaders);
  assert.equal(refused.status, 400);
  assert.match(refused.body.detail, /7 of 8 rows have errors: nothing was imported/);
  assert.deepEqual(refused.body.errors[0], { field: 'line 3', message: 'email: no one with this address' });
  assert.equal((await app.tenant(org.orgId).selectFrom('training_completions').select('id').where('user_id', '=', newcomer.id).execute()).length, 0);

  assert.equal((await officer.request('POST', '/api/training/import', 'name,date\nx,y', csvHeaders)).body.detail, 'The header row must name email, course, completed_on, evidence; missing email, course, completed_on, evidence');
  const keys = ['hipaa_basics', 'minimum_necessary', 'verbal_phi', 'secure_messaging', 'breach_reporting'];
  const clean = ['Email,Course,Completed_On,Evidence', ...keys.map((k) => `newcomer.two@example.test,${k},${lastYear},"LMS export, batch 7"`)].join('\r\n');
  const imported = await officer.request('POST', '/api/training/import', clean, csvHeaders);
  assert.equal(imported.status, 200, imported.text);
  assert.equal(imported.body.imported, 5);
  const self = await signedInClient(app, org.orgId, newcomer.id);
  assert.equal((await self.get('/api/training/me')).body.phiAccess, true);
  const events = await auditEvents(app, org.orgId);
  assert.deepEqual(JSON.parse(String(events.find((e) => e.action === 'training.imported')?.details)), { rows: 5, people: 1 });
});

test('the compliance dashboard: BAA coverage, vendors without BAAs, training coverage and expiries, open access reviews', async (t) => {
  const { app, org, officer } = await setup(t);
  const day = today();
  // A's agreement ends in 20 days, and its renewal, already signed, carries on the day after: nothing is ending for A.
  await insertTestBaa(app, org.orgId, org.clients.A!, { effective_on: addMonths(day, -12), ends_on: addDays(clientToday(), 20) });
  await insertTestBaa(app, org.orgId, org.clients.A!, { effective_on: addDays(clientToday(), 21) });
  await insertTestBaa(app, org.orgId, org.clients.B!, { effective_on: addMonths(day, -11), ends_on: addDays(clientToday(), 30) });
  // C has signed, to take effect in ten days: not covered yet.
  await insertTestBaa(app, org.orgId, org.clients.C!, { effective_on: addDays(clientToday(), 10) });
  const covered = (await officer.post('/api/vendors', { name: 'Covered Hosting', services: ['hosting'], handlesPhi: true })).body;
  await officer.post('/api/baas', { vendorId: covered.id, status: 'signed', effectiveOn: day });
  const bare = (await officer.post('/api/vendors', { name: 'Bare Transcription', services: ['transcription'], handlesPhi: true })).body;
  await officer.post('/api/vendors', { name: 'Paper Supplies', services: ['other'], handlesPhi: false });
  const untrained = await insertTestUser(app, org.orgId, 'untrained@example.test', { trained: false });
  const lapsing = await insertTestUser(app, org.orgId, 'lapsing@example.test', { trained: false });
  for (const person of [untrained, lapsing]) await assignTestRole(app, org.orgId, person.id, 'agent', org.clients.A!);
  await completeTestTraining(app, org.orgId, lapsing.id, addMonths(addDays(day, 10), -12));
  assert.equal((await officer.post('/api/access-reviews', { name: 'Pre-flu-season review' })).status, 201);

  const res = await officer.get('/api/compliance/dashboard');
  assert.equal(res.status, 200, res.text);
  const d = res.body;
  assert.equal(d.asOf, day);
  assert.deepEqual(d.baaCoverage, { clients: 3, covered: 2, byState: { active: 1, expiring: 1, pending: 1, draft: 0, expired: 0, terminated: 0, missing: 0 } });
  assert.deepEqual(d.vendors, { handlingPhi: 2, withoutBaa: [{ id: bare.id, name: 'Bare Transcription', services: ['transcription'], state: 'missing' }] });
  assert.deepEqual(
    d.baasEnding.map((e: { party: { id: string }; daysLeft: number }) => [e.party.id, e.daysLeft]),
    [[org.clients.B!, 30]],
  );
  // Everyone but the administrator, whose roles reach no PHI: training is counted for those it gates.
  const people = (await app.tenant(org.orgId).selectFrom('users').select('id').where('status', '=', 'active').where('id', '<>', org.admin.id).execute()).length;
  assert.equal(d.training.people, people);
  assert.equal(d.training.current, people - 1, 'everyone but the untrained newcomer (courses lapsing in ten days are still current)');
  assert.equal(d.training.byCourse.length, 5);
  for (const course of d.training.byCourse) assert.deepEqual([course.current, course.expiringSoon, course.expired, course.missing], [people - 2, 1, 0, 1], course.name);
  assert.equal(d.training.expiringSoon.length, 5);
  assert.ok(d.training.expiringSoon.every((e: { userId: string; daysLeft: number }) => e.userId === lapsing.id && e.daysLeft >= 9 && e.daysLeft <= 10));
  assert.equal(d.accessReviews.open.length, 1);
  assert.equal(d.accessReviews.open[0].name, 'Pre-flu-season review');
  assert.ok(d.accessReviews.open[0].progress.total >= 2);
  assert.ok(!('incidents' in d) && !('anomalies' in d), 'incidents and anomaly alerts are answered by their own modules (the console shows them beside)');

  const agent = await signedInClient(app, org.orgId, org.users.agent!.id);
  assert.equal((await agent.get('/api/compliance/dashboard')).status, 403);
});

test("a client's BAA takes effect and ends on the client's own calendar, not UTC's", async (t) => {
  const { app, org, officer } = await setup(t);
  const tenant = app.tenant(org.orgId);
  // At any moment one of these is on another day than UTC: Kiritimati is 14 hours ahead, Pago Pago 11 behind.
  const ahead = todayIn('Pacific/Kiritimati') !== today();
  const zone = ahead ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago';
  const local = todayIn(zone);
  assert.notEqual(local, today());
  await tenant.updateTable('clients').set({ time_zone: zone }).where('id', 'in', [org.clients.A!, org.clients.B!]).execute();
  // A: in effect on the client's today, which UTC has not reached (ahead) or has already left (behind).
  const open = await insertTestBaa(app, org.orgId, org.clients.A!, ahead ? { effective_on: local, ends_on: null } : { effective_on: addMonths(local, -12), ends_on: local });
  // B: not in effect on the client's today, though it is on UTC's: PHI must not open early nor stay open late.
  const closed = await insertTestBaa(app, org.orgId, org.clients.B!, ahead ? { effective_on: addMonths(local, -12), ends_on: today() } : { effective_on: today(), ends_on: null });

  assert.equal(await hasActiveBaa(tenant, org.clients.A!), true);
  assert.equal(await hasActiveBaa(tenant, org.clients.B!), false);
  assert.equal((await officer.get(`/api/baas/${open}`)).body.active, true);
  assert.equal((await officer.get(`/api/baas/${closed}`)).body.active, false);
  const chain = (await officer.get('/api/compliance/baa-chain')).body.items as { party: { id: string }; state: string }[];
  assert.equal(chain.find((e) => e.party.id === org.clients.A!)?.state, ahead ? 'active' : 'expiring');
  assert.equal(chain.find((e) => e.party.id === org.clients.B!)?.state, ahead ? 'expired' : 'pending', 'ended yesterday, or taking effect tomorrow, on the client’s calendar');
});
