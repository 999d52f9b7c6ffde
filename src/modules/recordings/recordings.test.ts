import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { CHUNK_BYTES, STORED_CHUNK_BYTES } from '../../platform/crypto/chunked.ts';
import { auditEvents, buildTestApp, createTestOrg, eventually, everythingStored, insertTestTask, signedInClient, type TestApp, type TestClient, type TestOrg } from '../../../test/helpers.ts';
import { startS3Server } from '../../../test/s3.ts';
import { jobsUnderTest } from '../../../test/jobs.ts';
import { recordingRetentionJob } from './retention.job.ts';

/** A phrase that stands for a patient's name and symptoms spoken on the call: it must never be found at rest. */
const SPOKEN = Buffer.from('SYNTHETIC-PATIENT-ORIEL-VANTONGEREN-CHEST-PAIN');

/** Synthetic audio of `size` bytes with the spoken phrase repeated through it. */
function syntheticAudio(size: number): Buffer {
  const audio = randomBytes(size);
  for (let at = 0; at + SPOKEN.length <= size; at += 9_973) SPOKEN.copy(audio, at);
  return audio;
}

interface Setup {
  app: TestApp;
  org: TestOrg;
  supervisor: TestClient;
}

async function setup(t: TestContext): Promise<Setup> {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A', 'B'], users: { supervisor: ['supervisor', 'A'], supervisorB: ['supervisor', 'B'], agent: ['agent', 'A'], compliance: ['compliance', null] } });
  return { app, org, supervisor: await signedInClient(app, org.orgId, org.users.supervisor!.id) };
}

/** A request with a binary answer, as the browser's audio element makes it. */
async function fetchAudio(client: TestClient, url: string, range?: string): Promise<{ status: number; headers: Headers; body: Buffer; json: any }> {
  const res = await fetch(client.baseUrl + url, { headers: { cookie: client.cookie!, ...(range ? { range } : {}) } });
  const body = Buffer.from(await res.arrayBuffer());
  let json: any = null;
  if ((res.headers.get('content-type') ?? '').includes('json')) json = JSON.parse(body.toString());
  return { status: res.status, headers: res.headers, body, json };
}

async function upload(s: Setup, audio: Buffer, query: Record<string, string>, as = s.supervisor, type = 'audio/mpeg') {
  return as.request('POST', `/api/recordings?${new URLSearchParams(query)}`, audio, { 'content-type': type });
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])) if (e.isFile()) out.push(path.join(e.parentPath, e.name));
  return out;
}

test('a recording is stored encrypted as it streams in: no plaintext byte in the data directory or the database; linked to its task and patient', async (t) => {
  const s = await setup(t);
  const task = await insertTestTask(s.app, s.org.orgId, s.org.clients.A!);
  const audio = syntheticAudio(3 * CHUNK_BYTES + 1234);
  const stored = await upload(s, audio, { clientId: s.org.clients.A!, taskId: task.id, direction: 'inbound', durationSeconds: '42', callId: 'CA1234' });
  assert.equal(stored.status, 201, stored.text);
  assert.equal(stored.body.sizeBytes, audio.length);
  assert.equal(stored.body.taskId, task.id);
  assert.match(stored.body.patientRef, /^P-/);
  const dataDir = s.app.app.platform.config.dataDir;
  const files = await filesUnder(path.join(dataDir, 'recordings'));
  assert.equal(files.length, 1, 'one object, no temporary file left');
  const object = await readFile(files[0]!);
  assert.equal(object.length, 3 * STORED_CHUNK_BYTES + 1234 + 28);
  for (const file of await filesUnder(dataDir)) assert.ok(!(await readFile(file)).includes(SPOKEN), `${file} holds no spoken word`);
  assert.ok(!(await everythingStored(s.app)).includes(SPOKEN.toString()), 'nor does the database');

  const list = await s.supervisor.get(`/api/recordings?taskId=${task.id}`);
  assert.deepEqual(list.body.items.map((r: any) => r.id), [stored.body.id]);
  const whole = await fetchAudio(s.supervisor, `/api/recordings/${stored.body.id}/audio`);
  assert.equal(whole.status, 200);
  assert.deepEqual(whole.body, audio, 'played back exactly');
  assert.ok((await auditEvents(s.app, s.org.orgId)).some((e) => e.action === 'recording.stored' && e.resource_id === stored.body.id));
});

test('ranges: the first byte, the last byte, across two chunks, a suffix, open-ended in pieces, and an unsatisfiable one (416); each playback audited with its range', async (t) => {
  const s = await setup(t);
  const audio = syntheticAudio(2 * CHUNK_BYTES + 500);
  const { id } = (await upload(s, audio, { clientId: s.org.clients.A! })).body;
  const url = `/api/recordings/${id}/audio`;
  const cases: [string, number, number][] = [
    ['bytes=0-0', 0, 0],
    [`bytes=${audio.length - 1}-${audio.length - 1}`, audio.length - 1, audio.length - 1],
    [`bytes=${CHUNK_BYTES - 3}-${CHUNK_BYTES + 3}`, CHUNK_BYTES - 3, CHUNK_BYTES + 3],
    ['bytes=-100', audio.length - 100, audio.length - 1],
    [`bytes=${CHUNK_BYTES}-`, CHUNK_BYTES, audio.length - 1],
  ];
  for (const [range, start, end] of cases) {
    const r = await fetchAudio(s.supervisor, url, range);
    assert.equal(r.status, 206, range);
    assert.equal(r.headers.get('content-range'), `bytes ${start}-${end}/${audio.length}`, range);
    assert.deepEqual(r.body, audio.subarray(start, end + 1), range);
  }
  const beyond = await fetchAudio(s.supervisor, url, `bytes=${audio.length}-`);
  assert.equal(beyond.status, 416);
  assert.equal(beyond.headers.get('content-range'), `bytes */${audio.length}`);
  assert.equal(beyond.json.type, 'urn:ringfence:problem:range_not_satisfiable');
  const played = (await auditEvents(s.app, s.org.orgId)).filter((e) => e.action === 'recording.played' && e.resource_id === id);
  assert.equal(played.length, cases.length);
  assert.deepEqual(JSON.parse(played[2]!.details!).range, `bytes ${CHUNK_BYTES - 3}-${CHUNK_BYTES + 3}/${audio.length}`);
  assert.equal(played[0]!.actor_id, s.org.users.supervisor!.id);
});

test('a tampered recording is refused (409), never played: a flipped bit, a truncated file, a dropped or reordered chunk; a shredded client’s recording is gone (410)', async (t) => {
  const s = await setup(t);
  const audio = syntheticAudio(3 * CHUNK_BYTES);
  const { id } = (await upload(s, audio, { clientId: s.org.clients.A! })).body;
  const [file] = await filesUnder(path.join(s.app.app.platform.config.dataDir, 'recordings'));
  const original = await readFile(file!);
  const chunk = (i: number) => original.subarray(i * STORED_CHUNK_BYTES, (i + 1) * STORED_CHUNK_BYTES);
  const tamperings: [string, Buffer, string | undefined][] = [
    ['a flipped bit in the middle chunk', Buffer.from(original).fill(original[STORED_CHUNK_BYTES + 500]! ^ 4, STORED_CHUNK_BYTES + 500, STORED_CHUNK_BYTES + 501), `bytes=${CHUNK_BYTES + 10}-${CHUNK_BYTES + 20}`],
    ['truncated', original.subarray(0, original.length - 1000), `bytes=${audio.length - 10}-`],
    ['truncated at a chunk boundary', original.subarray(0, 2 * STORED_CHUNK_BYTES), undefined],
    ['a chunk dropped', Buffer.concat([chunk(0), chunk(2)]), undefined],
    ['chunks reordered', Buffer.concat([chunk(1), chunk(0), chunk(2)]), 'bytes=0-10'],
  ];
  for (const [what, bytes, range] of tamperings) {
    await writeFile(file!, bytes);
    const r = await fetchAudio(s.supervisor, `/api/recordings/${id}/audio`, range);
    assert.equal(r.status, 409, what);
    assert.equal(r.json.type, 'urn:ringfence:problem:conflict', what);
  }
  const refusedPlays = (await auditEvents(s.app, s.org.orgId)).filter((e) => e.action === 'recording.played' && e.resource_id === id);
  assert.deepEqual(refusedPlays.map((e) => e.outcome), tamperings.map(() => 'failure'), 'a refused recording is audited as a failed playback, never as played');
  await writeFile(file!, original);
  assert.equal((await fetchAudio(s.supervisor, `/api/recordings/${id}/audio`, 'bytes=0-0')).status, 206, 'restored, it plays again');

  await s.app.app.platform.keyring.destroyKeys(s.app.tenant(s.org.orgId), s.org.clients.A!);
  assert.equal((await fetchAudio(s.supervisor, `/api/recordings/${id}/audio`, 'bytes=0-0')).status, 410, 'its key is gone with the client’s');
});

test('who plays: a supervisor of the client; compliance only by a logged reveal with its purpose; another client’s supervisor gets what a missing id gets; an agent nothing', async (t) => {
  const s = await setup(t);
  const { id } = (await upload(s, syntheticAudio(5000), { clientId: s.org.clients.A! })).body;
  const otherSupervisor = await signedInClient(s.app, s.org.orgId, s.org.users.supervisorB!.id);
  const agent = await signedInClient(s.app, s.org.orgId, s.org.users.agent!.id);
  const officer = await signedInClient(s.app, s.org.orgId, s.org.users.compliance!.id);
  const foreign = await fetchAudio(otherSupervisor, `/api/recordings/${id}/audio`, 'bytes=0-9');
  const missing = await fetchAudio(otherSupervisor, `/api/recordings/${crypto.randomUUID()}/audio`, 'bytes=0-9');
  assert.deepEqual([foreign.status, foreign.json.detail], [missing.status, missing.json.detail]);
  assert.equal(foreign.status, 404);
  assert.equal((await fetchAudio(agent, `/api/recordings/${id}/audio`, 'bytes=0-9')).status, 403);
  assert.equal((await fetchAudio(officer, `/api/recordings/${id}/audio`, 'bytes=0-9')).status, 403, 'compliance does not simply play');
  assert.equal((await fetchAudio(officer, `/api/recordings/${id}/audio/reveal`, 'bytes=0-9')).status, 400, 'a reveal names its purpose');
  const revealed = await fetchAudio(officer, `/api/recordings/${id}/audio/reveal?purpose=compliance_review`, 'bytes=0-9');
  assert.equal(revealed.status, 206);
  const event = (await auditEvents(s.app, s.org.orgId)).find((e) => e.action === 'recording.played' && e.actor_id === s.org.users.compliance!.id);
  assert.equal(event?.purpose, 'compliance_review');
  assert.equal(JSON.parse(event!.details!).mode, 'reveal');
  // Uploading: for one's own clients only, audio only, not empty, not over the limit.
  assert.equal((await upload(s, syntheticAudio(100), { clientId: s.org.clients.B! })).status, 404);
  assert.equal((await upload(s, syntheticAudio(100), { clientId: s.org.clients.A! }, s.supervisor, 'application/pdf')).status, 415);
  assert.equal((await upload(s, Buffer.alloc(0), { clientId: s.org.clients.A! })).status, 400);
  assert.equal((await upload(s, syntheticAudio(100), { clientId: s.org.clients.A! }, agent)).status, 403);
});

test('a recording over the size limit is refused and leaves nothing behind', async (t) => {
  const app = await buildTestApp(t, { RINGFENCE_RECORDING_MAX_MB: '1' });
  const org = await createTestOrg(app, { clients: ['A'], users: { supervisor: ['supervisor', 'A'] } });
  const supervisor = await signedInClient(app, org.orgId, org.users.supervisor!.id);
  const tooBig = await supervisor.request('POST', `/api/recordings?clientId=${org.clients.A}`, syntheticAudio(1024 * 1024 + 1), { 'content-type': 'audio/wav' });
  assert.equal(tooBig.status, 413, tooBig.text);
  assert.deepEqual(await filesUnder(path.join(app.app.platform.config.dataDir, 'recordings')), []);
  assert.equal((await app.tenant(org.orgId).selectFrom('recordings').select('id').execute()).length, 0);
});

test('on S3-compatible storage (a real s3rver on loopback): only with the vendor’s active BAA; ciphertext only in the bucket; ranges read from it', async (t) => {
  const s3 = await startS3Server(t);
  const app = await buildTestApp(t, {
    RINGFENCE_RECORDING_S3_BUCKET: s3.bucket,
    RINGFENCE_RECORDING_S3_ENDPOINT: s3.endpoint,
    RINGFENCE_RECORDING_S3_ACCESS_KEY_ID: 'S3RVER',
    RINGFENCE_RECORDING_S3_SECRET_ACCESS_KEY: 'S3RVER',
    RINGFENCE_RECORDING_S3_VENDOR: 'Harbor Object Storage',
  });
  const org = await createTestOrg(app, { clients: ['A'], users: { supervisor: ['supervisor', 'A'], compliance: ['compliance', null] } });
  const s: Setup = { app, org, supervisor: await signedInClient(app, org.orgId, org.users.supervisor!.id) };
  const audio = syntheticAudio(2 * CHUNK_BYTES + 77);
  const refused = await upload(s, audio, { clientId: org.clients.A! });
  assert.equal(refused.status, 403, refused.text);
  assert.equal(refused.body.type, 'urn:ringfence:problem:baa_required');
  assert.deepEqual(await filesUnder(s3.directory).then((f) => f.filter((x) => x.includes('.rfc'))), [], 'nothing sent without the BAA');

  const officer = await signedInClient(app, org.orgId, org.users.compliance!.id);
  const vendor = await officer.post('/api/vendors', { name: 'Harbor Object Storage', services: ['hosting'], handlesPhi: true });
  assert.equal((await officer.post('/api/baas', { vendorId: vendor.body.id, status: 'signed', effectiveOn: '2025-01-01' })).status, 201);
  const stored = await upload(s, audio, { clientId: org.clients.A! });
  assert.equal(stored.status, 201, stored.text);
  const objects = await filesUnder(s3.directory);
  assert.ok(objects.length > 0, 'the object is in the bucket');
  for (const file of objects) assert.ok(!(await readFile(file)).includes(SPOKEN), `${file} holds no spoken word`);
  assert.deepEqual(await filesUnder(path.join(app.app.platform.config.dataDir, 'recordings')), [], 'nothing under the data directory');
  const part = await fetchAudio(s.supervisor, `/api/recordings/${stored.body.id}/audio`, `bytes=${CHUNK_BYTES - 5}-${CHUNK_BYTES + 5}`);
  assert.equal(part.status, 206);
  assert.deepEqual(part.body, audio.subarray(CHUNK_BYTES - 5, CHUNK_BYTES + 6));
});

test('retention: the daily job (the real job engine) destroys expired recordings, object and key, audited; one of a patient in an open incident is held until it closes', async (t) => {
  const s = await setup(t);
  const tenant = s.app.tenant(s.org.orgId);
  const taskHeld = await insertTestTask(s.app, s.org.orgId, s.org.clients.A!);
  const held = (await upload(s, syntheticAudio(3000), { clientId: s.org.clients.A!, taskId: taskHeld.id })).body;
  const expired = (await upload(s, syntheticAudio(3000), { clientId: s.org.clients.A! })).body;
  const current = (await upload(s, syntheticAudio(3000), { clientId: s.org.clients.A! })).body;
  const past = new Date(Date.now() - 86_400_000).toISOString();
  await tenant.updateTable('recordings').set({ retention_until: past }).where('id', 'in', [held.id, expired.id]).execute();
  // The held recording's patient is in an open incident's scope.
  const officer = await signedInClient(s.app, s.org.orgId, s.org.users.compliance!.id);
  const incident = await officer.post('/api/incidents', { type: 'other', description: 'A dispute about what was said on the call.', clientIds: [s.org.clients.A] });
  assert.equal((await officer.post(`/api/incidents/${incident.body.id}/scope`, { reason: 'The caller disputes the call.', addPatients: [{ clientId: s.org.clients.A, patientRef: held.patientRef }] })).status, 200);

  const jobs = jobsUnderTest(t, s.app, [recordingRetentionJob]);
  await jobs.enqueue({ db: tenant }, recordingRetentionJob.name, {});
  assert.deepEqual(await jobs.runAll(), [[null]]);
  const status = async (id: string) => (await tenant.selectFrom('recordings').select(['status', 'data_key_enc']).where('id', '=', id).executeTakeFirstOrThrow());
  assert.deepEqual(await status(expired.id), { status: 'destroyed', data_key_enc: null });
  assert.equal((await status(held.id)).status, 'stored', 'held by the open incident');
  assert.equal((await status(current.id)).status, 'stored', 'not yet due');
  assert.equal((await fetchAudio(s.supervisor, `/api/recordings/${expired.id}/audio`, 'bytes=0-0')).status, 410);
  const files = await filesUnder(path.join(s.app.app.platform.config.dataDir, 'recordings'));
  assert.equal(files.length, 2, 'its object is gone, the others remain');
  const destroyedEvent = (await auditEvents(s.app, s.org.orgId)).find((e) => e.action === 'recording.destroyed');
  assert.equal(destroyedEvent?.resource_id, expired.id);

  // The incident closes: the next run destroys the held one too.
  await tenant.updateTable('incidents').set({ status: 'closed' }).where('id', '=', incident.body.id).execute();
  await jobs.enqueue({ db: tenant }, recordingRetentionJob.name, {});
  assert.deepEqual(await jobs.runAll(), [[null]]);
  assert.equal((await status(held.id)).status, 'destroyed');
});

test('a caller who hangs up in the middle of an upload leaves no object and no row', async (t) => {
  const s = await setup(t);
  const url = new URL(`${s.supervisor.baseUrl}/api/recordings?clientId=${s.org.clients.A}`);
  await new Promise<void>((resolve) => {
    const req = httpRequest(url, { method: 'POST', headers: { cookie: s.supervisor.cookie!, 'x-csrf-token': s.supervisor.csrf!, 'content-type': 'audio/wav', 'content-length': String(4 * CHUNK_BYTES) } });
    req.on('error', () => resolve());
    req.write(syntheticAudio(CHUNK_BYTES + 10));
    setTimeout(() => {
      req.destroy();
      resolve();
    }, 300);
  });
  await eventually('the upload abandoned', async () => (await filesUnder(path.join(s.app.app.platform.config.dataDir, 'recordings'))).length === 0, 5_000);
  await new Promise((r) => setTimeout(r, 300));
  assert.deepEqual(await filesUnder(path.join(s.app.app.platform.config.dataDir, 'recordings')), []);
  assert.equal((await s.app.tenant(s.org.orgId).selectFrom('recordings').select('id').execute()).length, 0);
});
