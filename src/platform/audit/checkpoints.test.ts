import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { sql } from 'kysely';
import { buildTestApp, createTestOrg, eventually, sealUntilSettled, signedInClient, type TestApp } from '../../../test/helpers.ts';
import { loadAuditSigner, readLatestCheckpoint, type Checkpoint } from './checkpoints.ts';
import { verifyOrganizationTrail } from './integrity.ts';

const BIN = new URL('../../../bin/ringfence.js', import.meta.url).pathname;

/** A real witness process on a loopback port; its address once it listens. */
async function startWitness(t: TestContext, publicKeyFile: string): Promise<{ url: string; dir: string; process: ChildProcess }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ringfence-witness-'));
  const child = spawn(process.execPath, [BIN, 'audit', 'witness', '--dir', dir, '--port', '0', '--public-key', publicKeyFile], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'test' } });
  t.after(() => {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = await eventually('the witness to listen', () => /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1], 30_000);
  return { url, dir, process: child };
}

async function trailOf(app: TestApp) {
  const org = await createTestOrg(app, { clients: ['A'], users: { compliance: ['compliance', null], agent: ['agent', 'A'] } });
  // A few events: sign-ins of the people.
  await signedInClient(app, org.orgId, org.users.agent!.id);
  const compliance = await signedInClient(app, org.orgId, org.users.compliance!.id);
  await sealUntilSettled(app, org.orgId);
  return { org, compliance };
}

test('the server signs each moved chain head into its checkpoint file; the console shows the last verification, and a new one runs on request', async (t) => {
  const app = await buildTestApp(t, { RINGFENCE_AUDIT_CHECKPOINT_INTERVAL_MS: '200', RINGFENCE_AUDIT_SEAL_INTERVAL_MS: '100' }, { background: true });
  const { org, compliance } = await trailOf(app);
  const signer = loadAuditSigner(app.config);
  assert.ok(existsSync(`${signer.file}.pub`), 'the public key lies beside the signing key for auditors');
  const head = await app.tenant(org.orgId).selectFrom('audit_chain_heads').select(['position', 'hash']).executeTakeFirstOrThrow();
  const latest = await eventually('a checkpoint of the head', async () => {
    const c = (await readLatestCheckpoint(app.config.auditCheckpointDir, org.orgId)).latest;
    return c && c.position >= Number(head.position) ? c : null;
  });
  assert.equal(signer.verify(latest), true);
  assert.equal(latest.keyId, signer.keyId);
  // The key is nowhere in the database.
  const pem = readFileSync(signer.file, 'utf8').split('\n').slice(1, -2).join('');
  for (const table of ['audit_events', 'audit_verifications', 'audit_chain', 'audit_chain_heads']) {
    const dump = JSON.stringify((await sql.raw(`select * from ${table}`).execute(app.database.unsafeKysely)).rows);
    assert.ok(!dump.includes(pem.slice(10, 40)), `the signing key is not in ${table}`);
  }
  // A checkpoint line per moved head, not per round.
  const lines = readFileSync(path.join(app.config.auditCheckpointDir, `${org.orgId}.checkpoints.jsonl`), 'utf8').trim().split('\n');
  const positions = lines.map((l) => (JSON.parse(l) as Checkpoint).position);
  assert.deepEqual(positions, [...new Set(positions)].sort((a, b) => a - b));

  assert.deepEqual((await compliance.get('/api/audit/verification')).body, { latest: null, pending: false });
  const asked = await compliance.post('/api/audit/verification');
  assert.equal(asked.status, 202, asked.text);
  const done = await eventually('the verification', async () => {
    const v = await compliance.get(`/api/audit/verification?job=${asked.body.jobId}`);
    return v.body.pending === false && v.body.latest ? v.body : null;
  });
  assert.equal(done.latest.ok, true, JSON.stringify(done.latest));
  assert.equal(done.latest.trigger, 'console');
  assert.ok(done.latest.events >= latest.position);
  assert.ok(done.latest.checkpoint.position >= latest.position);
  const agent = await signedInClient(app, org.orgId, org.users.agent!.id);
  assert.equal((await agent.get('/api/audit/verification')).status, 403);
});

test('a witness on another port keeps its own copy: a wiped checkpoint directory does not hide a deleted trail; it refuses forged and rewound checkpoints', async (t) => {
  const app = await buildTestApp(t, { RINGFENCE_AUDIT_CHECKPOINT_INTERVAL_MS: '200', RINGFENCE_AUDIT_SEAL_INTERVAL_MS: '100' });
  // The key the app will sign with, made before the witness starts so it can be pinned.
  const signer = loadAuditSigner(app.config);
  const witness = await startWitness(t, `${signer.file}.pub`);
  const witnessed = await buildTestApp(t, { RINGFENCE_DATA_DIR: app.config.dataDir, RINGFENCE_AUDIT_SIGNING_KEY_FILE: signer.file, RINGFENCE_AUDIT_WITNESS_URL: witness.url, RINGFENCE_AUDIT_CHECKPOINT_INTERVAL_MS: '200' });
  const { org } = await trailOf(witnessed);
  await witnessed.app.platform.checkpointAudit();
  const held = await eventually('the witness copy', async () => {
    const res = await fetch(`${witness.url}/checkpoints/${org.orgId}/latest`);
    return res.status === 200 ? ((await res.json()) as Checkpoint) : null;
  });
  assert.equal(signer.verify(held), true);

  // Someone with the database and the data directory deletes the trail and the checkpoint file.
  const config = { ...witnessed.config };
  rmSync(config.auditCheckpointDir, { recursive: true, force: true });
  await witnessed.database.unsafeKysely.transaction().execute(async (trx) => {
    if (witnessed.database.engine === 'sqlite') for (const table of ['audit_events', 'audit_chain']) await sql.raw(`DROP TRIGGER ${table}_no_delete`).execute(trx);
    else await sql.raw('SET LOCAL session_replication_role = replica').execute(trx);
    for (const table of ['audit_chain', 'audit_events', 'audit_chain_heads'] as const) await trx.deleteFrom(table).where('org_id', '=', org.orgId).execute();
  });
  const result = await verifyOrganizationTrail(witnessed.database, config, signer, org.orgId);
  assert.equal(result.ok, false);
  assert.equal(result.checkpoint?.source, 'witness');
  assert.match(result.firstProblem!.reason, /the trail was deleted/);

  // A checkpoint signed by another key is refused; so is one behind what the witness holds.
  const other = generateKeyPairSync('ed25519');
  const forged = { ...held, position: held.position + 5 };
  const body = (c: Checkpoint) => Buffer.from(`ringfence-audit-checkpoint/v1\n${JSON.stringify({ at: c.at, hash: c.hash, keyId: c.keyId, orgId: c.orgId, position: c.position, v: 1 })}`);
  const post = (c: Checkpoint) => fetch(`${witness.url}/checkpoints`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(c) });
  assert.equal((await post({ ...forged, sig: sign(null, body(forged), other.privateKey).toString('base64') })).status, 400);
  const rewound = signer.sign({ v: 1, orgId: held.orgId, position: held.position - 1, hash: held.hash, at: new Date().toISOString(), keyId: signer.keyId });
  assert.equal((await post(rewound)).status, 409);
  assert.equal((await post(held)).status, 200, 'the same checkpoint again is accepted once');
  assert.equal(readFileSync(path.join(witness.dir, `${org.orgId}.checkpoints.jsonl`), 'utf8').trim().split('\n').length, 1);
});
