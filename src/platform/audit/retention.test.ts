import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp, createTestOrg, rawSql, sealUntilSettled } from '../../../test/helpers.ts';
import { ConfigError, loadConfig } from '../../config.ts';
import { appendAudit } from './append.ts';
import { loadAuditSigner, writeCheckpoints } from './checkpoints.ts';
import { SYSTEM_SOURCE } from './events.ts';
import { verifyOrganizationTrail } from './integrity.ts';
import { lastPrune, pruneOrganization, retentionCutoff } from './retention.ts';

const YEAR = 365.25 * 86_400_000;

test('retention: nothing is pruned inside six years; past it, only the checkpointed segment goes, with a signed record, and the rest still verifies', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A'] });
  const tenant = app.tenant(org.orgId);
  const write = async (n: number) => {
    for (let i = 0; i < n; i += 1) await appendAudit(tenant, SYSTEM_SOURCE, { action: 'client.updated', resourceType: 'Client', resourceId: org.clients.A!, details: { changed: ['name'] } });
    await sealUntilSettled(app, org.orgId);
  };
  await write(30);
  const signer = loadAuditSigner(app.config);
  const [checkpoint] = (await writeCheckpoints(app.database, app.config, signer, new Map())).filter((c) => c.orgId === org.orgId);
  assert.ok(checkpoint);
  // Written after the checkpoint: not yet covered by one, so never pruned with it.
  await write(5);

  assert.equal((await pruneOrganization(app.database, app.config, signer, org.orgId)).segment, null, 'today, everything is inside retention');
  const later = new Date(Date.now() + 6 * YEAR + 2 * 86_400_000);
  assert.ok(retentionCutoff(6, later).getTime() > Date.parse(checkpoint.at));
  const dry = await pruneOrganization(app.database, app.config, signer, org.orgId, { now: later, dryRun: true });
  assert.equal(dry.segment?.throughPosition, checkpoint.position);
  assert.equal(dry.deleted, 0);
  assert.equal(await lastPrune(app.database, org.orgId), null, 'a dry run records nothing');

  const pruned = await pruneOrganization(app.database, app.config, signer, org.orgId, { now: later, batch: 7 });
  assert.equal(pruned.segment?.throughPosition, checkpoint.position);
  assert.equal(pruned.deleted, checkpoint.position);
  const record = await lastPrune(app.database, org.orgId);
  assert.equal(record?.completed, true);
  assert.equal(record?.anchorHash, checkpoint.hash);
  assert.equal(signer.verify(record!.checkpoint), true, 'the record carries the signed checkpoint it pruned to');
  const first = await tenant.selectFrom('audit_chain').select('position').orderBy('position').limit(1).executeTakeFirstOrThrow();
  assert.equal(Number(first.position), checkpoint.position + 1);
  assert.ok((await tenant.selectFrom('audit_events').select('action').where('action', '=', 'audit.pruned').executeTakeFirst()) !== undefined, 'the pruning is itself in the trail');

  await sealUntilSettled(app, org.orgId);
  await writeCheckpoints(app.database, app.config, signer, new Map());
  const after = await verifyOrganizationTrail(app.database, app.config, signer, org.orgId);
  assert.equal(after.ok, true, after.firstProblem?.reason);
  // Today nothing more is past retention; any other deletion is still refused.
  assert.equal((await pruneOrganization(app.database, app.config, signer, org.orgId)).segment, null);
  await assert.rejects(rawSql(app, `DELETE FROM audit_events WHERE org_id = '${org.orgId}'`), /append-only/);
  await assert.rejects(rawSql(app, `DELETE FROM audit_chain WHERE org_id = '${org.orgId}'`), /append-only/);

  // A forged pruning record (moving the anchor) does not verify.
  await rawSql(app, `UPDATE audit_prunes SET anchor_hash = '${'f'.repeat(64)}' WHERE org_id = '${org.orgId}'`);
  const forged = await verifyOrganizationTrail(app.database, app.config, signer, org.orgId);
  assert.equal(forged.ok, false);
});

test('retention is six years at least: a shorter setting is refused by name', () => {
  assert.throws(() => loadConfig({ RINGFENCE_AUDIT_RETENTION_YEARS: '5' }, '/tmp'), (err: unknown) => err instanceof ConfigError && /RINGFENCE_AUDIT_RETENTION_YEARS/.test(err.message));
  assert.equal(loadConfig({ RINGFENCE_AUDIT_RETENTION_YEARS: '10' }, '/tmp').auditRetentionYears, 10);
  assert.equal(loadConfig({}, '/tmp').auditRetentionYears, 6);
});
