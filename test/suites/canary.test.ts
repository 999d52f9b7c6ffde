/**
 * Canary suite: distinctive synthetic PHI goes in through the HTTP API the way people would
 * enter it, and must come out only where it belongs, in a decrypted answer to a person allowed
 * to read it. Everything else is searched for it: every URL requested, every other answer,
 * the server's logs, the audit trail, the raw bytes of the SQLite database and its write-ahead
 * log (outside ciphertext), and on PostgreSQL a pg_dump of the schema.
 * Outbound notifications are not searched here: a notification is rendered from a fixed
 * template whose parameters are checked (src/modules/notifications/templates.ts) and no
 * template takes patient data, so no path carries request text out of Ringfence.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import type pino from 'pino';
import { buildApp, loggerOptions } from '../../src/app.ts';
import { tenantDb } from '../../src/platform/db/tenant-db.ts';
import { ENGINE, TestClient, createTestDatabase, createTestOrg, insertTestQueue, sealUntilSettled, signedInClient, testConfig, type TestApp, type TestResponse } from '../helpers.ts';
import { report, scale } from './scale.ts';

const PATIENTS = scale(8, 40);
const PG_URL = process.env.RINGFENCE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Letters and digits that appear nowhere else: each canary carries one. */
const token = () => randomBytes(6).toString('base64url').replace(/[-_]/g, 'x');

interface Canary {
  given: string;
  family: string;
  phone: { area: string; line: string };
  email: string;
  dateOfBirth: string;
  mrn: string;
  line1: string;
  city: string;
  notes: string;
  message: string;
}

function newCanary(): Canary {
  const t = token();
  const area = String(200 + randomInt(700));
  const month = String(1 + randomInt(12)).padStart(2, '0');
  const day = String(1 + randomInt(28)).padStart(2, '0');
  return {
    given: `Ysolde${t}`,
    family: `Brannock${token()}`,
    // 555-0100 to 555-0199 are reserved for fiction.
    phone: { area, line: `01${String(randomInt(100)).padStart(2, '0')}` },
    email: `y.brannock.${token()}@example.test`,
    dateOfBirth: `19${30 + randomInt(30)}-${month}-${day}`,
    mrn: `MRN${String(randomInt(10_000_000, 100_000_000))}`,
    line1: `${100 + randomInt(9000)} Larkspur${token()} Road`,
    city: `Fenwick${token()}`,
    notes: `Allergic to ${token()}cillin`,
    message: `Triage ${token()}: wheezing since Tuesday`,
  };
}

/** Every way a canary could be written out: what must not appear. */
function needles(c: Canary): string[] {
  const [y, m, d] = c.dateOfBirth.split('-');
  const { area, line } = c.phone;
  return [
    c.given,
    c.family,
    c.email,
    c.mrn,
    c.line1,
    c.city,
    c.notes,
    c.message,
    `${m}/${d}/${y}`,
    `+1${area}555${line}`,
    `${area}-555-${line}`,
    `(${area}) 555-${line}`,
    `${area}555${line}`,
    c.dateOfBirth,
    c.mrn.toLowerCase(),
    c.given.toLowerCase(),
    c.family.toLowerCase(),
  ];
}

/** Needles that are only letters and digits could turn up by chance inside base64 ciphertext; search text with its envelopes cut out. */
const ENVELOPE = /rf1\.\d+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+|rfk1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g;
function outsideCiphertext(text: string): string {
  return text.replace(ENVELOPE, '<envelope>');
}

/** A client that records every URL it asks for and every answer it gets. */
class RecordingClient extends TestClient {
  constructor(
    baseUrl: string,
    readonly log: { url: string; status: number; text: string; allowed: boolean }[],
  ) {
    super(baseUrl);
  }
  allowNext = false;
  override async request<T = any>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse<T>> {
    const res = await super.request<T>(method, url, body, headers);
    this.log.push({ url: `${method} ${url}`, status: res.status, text: res.text, allowed: this.allowNext && res.status === 200 });
    this.allowNext = false;
    return res;
  }
  /** The next answer is a decrypted reveal to a person allowed to read it: the one place PHI belongs. */
  allowed(): this {
    this.allowNext = true;
    return this;
  }
}

test('canary: synthetic PHI appears only in decrypted answers to people allowed to read it', async (t) => {
  const started = Date.now();
  const { database, settings } = await createTestDatabase(t);
  const config = testConfig(settings, { RINGFENCE_LOG_LEVEL: 'debug' });
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(chunk.toString());
      cb();
    },
  });
  const app = await buildApp(config, { database, background: false, logger: { ...(loggerOptions(config) as pino.LoggerOptions), stream } as never });
  await app.listen({ port: 0, host: '127.0.0.1' });
  t.after(() => app.close());
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const testApp: TestApp = { app, database, config, url, client: () => new TestClient(url), tenant: (orgId) => tenantDb(database.unsafeKysely, database.engine, orgId) };

  const org = await createTestOrg(testApp, {
    clients: ['A', 'B'],
    users: { agent: ['agent', 'A'], nurse: ['clinical_agent', 'A'], supervisor: ['supervisor', 'A'], agentB: ['agent', 'B'], compliance: ['compliance', null] },
  });
  const clientA = org.clients.A!;
  const clientB = org.clients.B!;
  const queueA = await insertTestQueue(testApp, org.orgId, clientA, 'Refills');
  const exchanges: RecordingClient['log'] = [];
  const as = async (key: string): Promise<RecordingClient> => {
    const signed = await signedInClient(testApp, org.orgId, org.users[key]!.id);
    const client = new RecordingClient(url, exchanges);
    client.cookie = signed.cookie;
    client.csrf = signed.csrf;
    return client;
  };
  const [agent, nurse, supervisor, agentB, compliance] = await Promise.all(['agent', 'nurse', 'supervisor', 'agentB', 'compliance'].map(as));

  const canaries: Canary[] = [];
  let reveals = 0;
  for (let n = 0; n < PATIENTS; n += 1) {
    const c = newCanary();
    canaries.push(c);
    const phone = `(${c.phone.area}) 555-${c.phone.line}`;
    const patient = {
      name: { given: c.given, family: c.family },
      phones: [{ number: phone, type: 'mobile' }],
      email: c.email,
      dateOfBirth: c.dateOfBirth,
      address: { line1: c.line1, city: c.city, state: 'IL', postalCode: '62999' },
      mrn: c.mrn,
      notes: c.notes,
    };
    const created = await supervisor!.post('/api/patients', { clientId: clientA, ...patient });
    assert.equal(created.status, 201, created.text);
    const patientId = created.body.patient.id as string;

    // Found the ways a person finds a caller: by phone in any format, by MRN, by name and birth date.
    for (const body of [{ phone }, { phone: `${c.phone.area}.555.${c.phone.line}` }, { mrn: c.mrn }, { family: c.family, given: c.given, dateOfBirth: c.dateOfBirth }]) {
      const found = await agent!.post('/api/patients/search', { clientId: clientA, ...body });
      assert.equal(found.status, 200, found.text);
      assert.equal(found.body.items.length, 1);
    }
    assert.equal((await agentB!.post('/api/patients/search', { clientId: clientA, phone })).status, 403, 'another client’s agent');
    // The practice system is not linked: a clear refusal, with the PHI of the request not in it.
    await agent!.post('/api/patients/practice-search', { clientId: clientA, purpose: 'intake', phone, name: { given: c.given, family: c.family }, birthDate: c.dateOfBirth });

    // Reveals: allowed to the supervisor and the agent; refused to the other client's agent.
    const revealed = await supervisor!.allowed().post(`/api/patients/${patientId}/reveal`, { fields: ['name', 'phones', 'dateOfBirth', 'address', 'mrn', 'email', 'notes'], purpose: 'callback' });
    assert.equal(revealed.status, 200, revealed.text);
    assert.equal(revealed.body.fields.name.given, c.given, 'the reveal gives the value back');
    reveals += 1;
    await agent!.allowed().post(`/api/patients/${patientId}/reveal`, { fields: ['name', 'phones'], purpose: 'callback' });
    reveals += 1;
    assert.notEqual((await agentB!.post(`/api/patients/${patientId}/reveal`, { fields: ['name'], purpose: 'callback' })).status, 200);

    // Intake: PHI typed into operational text is refused, the task itself is taken.
    for (const title of [`Call back ${c.given} ${c.family} at ${phone}`, `Refill for MRN ${c.mrn}`, `DOB ${c.dateOfBirth}, lives at ${c.line1}`, `Email ${c.email} the results`]) {
      const refused = await agent!.post('/api/tasks', { clientId: clientA, queueId: queueA, patientId, reasonCode: 'refill', priority: 'routine', title });
      assert.equal(refused.status, 400, `refused: ${title} → ${refused.text}`);
    }
    const task = await agent!.post('/api/tasks', { clientId: clientA, queueId: queueA, patientId, reasonCode: 'refill', priority: 'routine', title: 'Refill request' });
    assert.equal(task.status, 201, task.text);
    const claimed = await agent!.post('/api/tasks/claim-next', { clientId: clientA });
    assert.equal(claimed.status, 200, claimed.text);
    assert.equal((await agent!.post(`/api/tasks/${claimed.body.id}/attempts`, { channel: 'voicemail', outcome: 'voicemail_left', note: `Left message for ${c.given} on ${phone}` })).status, 400);
    assert.equal((await agent!.post(`/api/tasks/${claimed.body.id}/attempts`, { channel: 'phone', outcome: 'no_answer', note: 'No answer' })).status, 201);
    // A clinical message is PHI by nature: stored encrypted, read back by the clinician.
    assert.equal((await nurse!.post(`/api/tasks/${task.body.id}/messages`, { body: c.message })).status, 201);
    const messages = await nurse!.allowed().get(`/api/tasks/${task.body.id}/messages`);
    assert.ok(messages.text.includes(c.message));
    reveals += 1;
    assert.notEqual((await agentB!.get(`/api/tasks/${task.body.id}/messages`)).status, 200);

    // Malformed input that carries PHI: the problem names the field, never echoes the value.
    await supervisor!.post('/api/patients', { clientId: clientA, name: { given: c.given, family: c.family }, dateOfBirth: `${c.dateOfBirth}T99`, email: `${c.email}@@` });
    await supervisor!.post('/api/patients', { clientId: clientA, name: { given: c.given, family: c.family }, nickname: c.family });
    await supervisor!.post('/api/patients', { clientId: clientB, name: { given: c.given, family: c.family }, phones: [{ number: phone, type: 'pager' }] });
    await supervisor!.patch(`/api/patients/${patientId}`, { phones: [{ number: `${c.given}-${phone}`, type: 'mobile' }] });
    await agent!.post('/api/patients/search', { clientId: clientA, phone: `${phone}${c.family}`.repeat(4) });
    await agent!.post('/api/patients/search', { clientId: clientA, dateOfBirth: `${c.dateOfBirth}x`, family: c.family });
    await agent!.request('POST', '/api/patients', `{"clientId":"${clientA}","name":{"given":"${c.given}"`);
    await supervisor!.post('/api/patients', { clientId: clientA, name: { given: c.given, family: c.family }, mrn: c.mrn });
    await agent!.get(`/api/patients?clientId=${clientA}`);
    await agent!.get(`/api/tasks/${task.body.id}`);
    await compliance!.get('/api/audit/events?action=phi');
  }
  await sealUntilSettled(testApp, org.orgId);

  const places: Record<string, string> = {};
  places.urls = exchanges.map((e) => e.url).join('\n');
  places.answers = exchanges
    .filter((e) => !e.allowed)
    .map((e) => e.text)
    .join('\n');
  places.errorAnswers = exchanges
    .filter((e) => e.status >= 400)
    .map((e) => e.text)
    .join('\n');
  const events = await testApp.tenant(org.orgId).selectFrom('audit_events').selectAll().execute();
  places.auditEvents = JSON.stringify(events);
  places.auditSearch = exchanges.filter((e) => e.url.includes('/api/audit/')).map((e) => e.text).join('\n');
  places.logs = lines.join('');
  if (ENGINE === 'sqlite') {
    const file = path.join(settings.dataDir, 'ringfence.sqlite');
    places.sqliteFile = outsideCiphertext(readFileSync(file).toString('latin1'));
    places.sqliteWal = existsSync(`${file}-wal`) ? outsideCiphertext(readFileSync(`${file}-wal`).toString('latin1')) : '';
    // The same bytes as UTF-8, for the canaries with letters outside ASCII in other runs.
    places.sqliteFileUtf8 = outsideCiphertext(readFileSync(file).toString('utf8'));
  } else {
    const dump = execFileSync('pg_dump', ['-n', database.schema!, PG_URL], { maxBuffer: 256 * 1024 * 1024 }).toString('utf8');
    places.pgDump = outsideCiphertext(dump);
  }

  // The searches can see plain text where it is stored: operational text is there to be found.
  const stored = ENGINE === 'sqlite' ? places.sqliteFile! + places.sqliteWal! : places.pgDump!;
  assert.ok(stored.includes('Refill request') && stored.includes('No answer'), 'the raw database shows operational text');
  assert.ok(places.logs.includes('request completed') && places.urls.includes('/reveal'), 'the logs and URLs were captured');

  const hits: string[] = [];
  const all = canaries.flatMap(needles);
  for (const [place, text] of Object.entries(places)) {
    for (const needle of all) if (text.includes(needle)) hits.push(`${place}: ${needle}`);
  }
  // The answers that may carry PHI did carry it: the canaries were real, and findable.
  const allowedText = exchanges
    .filter((e) => e.allowed)
    .map((e) => e.text)
    .join('\n');
  for (const c of canaries) for (const value of [c.given, c.family, c.mrn, c.line1, c.message]) assert.ok(allowedText.includes(value), `the allowed answers hold ${value}`);

  const sizes = Object.fromEntries(Object.entries(places).map(([k, v]) => [k, v.length]));
  report('canary', {
    patients: PATIENTS,
    needles: all.length,
    places: Object.keys(places).join(','),
    requests: exchanges.length,
    errorAnswers: exchanges.filter((e) => e.status >= 400).length,
    allowedReveals: reveals,
    auditEvents: events.length,
    logLines: lines.length,
    bytesSearched: Object.values(sizes).reduce((a, b) => a + b, 0),
    hits: hits.length,
    seconds: ((Date.now() - started) / 1000).toFixed(1),
  });
  assert.deepEqual(hits, [], 'no canary anywhere but the reveals');
});
