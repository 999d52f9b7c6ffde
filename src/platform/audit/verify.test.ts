import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setImmediate } from 'node:timers/promises';
import { ENGINE, buildTestApp, createTestOrg, rawSql, sealUntilSettled, type TestApp } from '../../../test/helpers.ts';
import { appendAudit } from './append.ts';
import type { AuditEventRow } from './audit.tables.ts';
import { linkHash, sealAllPending } from './chain.ts';
import { SYSTEM_SOURCE } from './events.ts';
import { verifyOrganizationChain, type ChainVerification } from './verify.ts';

const EVENTS = 240;
const THREADS = 2;
/** Where the walkers' ranges begin for this chain (verify.ts splits the head's length evenly). */
const SEAMS = (length: number) => Array.from({ length: THREADS }, (_, i) => 1 + Math.floor((i * length) / THREADS));

/** What a verification found, without its timing and threads. */
const found = ({ seconds: _s, eventsPerSecond: _e, threads: _t, ...rest }: ChainVerification) => rest;

/** Lets the test play an attacker with database access: the append-only triggers off, for good. */
async function disableTriggers(app: TestApp): Promise<void> {
  for (const table of ['audit_events', 'audit_chain']) {
    if (ENGINE === 'sqlite') for (const op of ['update', 'delete']) await rawSql(app, `DROP TRIGGER ${table}_no_${op}`);
    else await rawSql(app, `ALTER TABLE ${table} DISABLE TRIGGER USER`);
  }
}

test('walker threads find exactly what one walk finds: a sound chain, and each tampering around the seams of their ranges', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app);
  const tenant = app.tenant(org.orgId);
  // Several transactions, so that on PostgreSQL the events carry several transaction ids.
  for (let batch = 0; batch < 8; batch += 1) {
    await tenant.transaction(async (tx) => {
      for (let i = 0; i < EVENTS / 8; i += 1) await appendAudit(tx, SYSTEM_SOURCE, { action: 'client.updated', resourceType: 'Client', resourceId: `c-${batch}-${i}`, details: { changed: ['name'] } });
    });
  }
  await sealUntilSettled(app, org.orgId);
  const events = await tenant.selectFrom('audit_events').selectAll().orderBy('id').execute();
  const links = await tenant.selectFrom('audit_chain').selectAll().orderBy('position').execute();
  const head = await tenant.selectFrom('audit_chain_heads').selectAll().executeTakeFirstOrThrow();
  const length = links.length;
  assert.ok(length > EVENTS, `a chain of ${length} links`);
  const seams = SEAMS(length);

  // Without a head the chain's length is unknown and the walk stays on one thread.
  const compare = async (what: string, threads = THREADS): Promise<ChainVerification> => {
    const one = await verifyOrganizationChain(app.database, org.orgId, undefined, { walk: { threads: 1, parallelFrom: Number.POSITIVE_INFINITY } });
    const progress: [number, number][] = [];
    const many = await verifyOrganizationChain(app.database, org.orgId, (checked, total) => progress.push([checked, total]), { walk: { threads: THREADS, parallelFrom: 0 } });
    assert.equal(one.threads, 1);
    assert.equal(many.threads, threads, `${what}: walked on ${threads} threads`);
    assert.deepEqual(found(many), found(one), what);
    assert.ok(
      progress.every(([checked], i) => i === 0 || checked >= progress[i - 1]![0]),
      `${what}: progress only grows`,
    );
    return one;
  };

  const sound = await compare('sound chain');
  assert.equal(sound.ok, true, JSON.stringify(sound.firstProblem));
  assert.equal(sound.sealed, length);

  await disableTriggers(app);
  const db = app.database.unsafeKysely;
  /** Puts the organization's trail back as it was sealed. */
  const restore = async () => {
    await db.deleteFrom('audit_chain').where('org_id', '=', org.orgId).execute();
    await db.deleteFrom('audit_events').where('org_id', '=', org.orgId).execute();
    for (let i = 0; i < events.length; i += 100) await db.insertInto('audit_events').values(events.slice(i, i + 100) as never).execute();
    for (let i = 0; i < links.length; i += 100) await db.insertInto('audit_chain').values(links.slice(i, i + 100) as never).execute();
    await db.deleteFrom('audit_chain_heads').where('org_id', '=', org.orgId).execute();
    await db.insertInto('audit_chain_heads').values(head).execute();
  };
  const at = (position: number) => links[position - 1]!;
  const event = (id: number) => db.updateTable('audit_events').where('org_id', '=', org.orgId).where('id', '=', id);
  const link = (position: number) => db.updateTable('audit_chain').where('org_id', '=', org.orgId).where('position', '=', position);
  const forged = (id: number, like: AuditEventRow): AuditEventRow => ({ ...like, id, details: '{"forged":true}' });

  // Each range's first link and the last link before it, and the chain's ends.
  const positions = [...new Set([1, ...seams.slice(1).flatMap((s) => [s - 1, s]), length])];
  const trials: [string, () => Promise<unknown>, number?][] = [];
  const kinds: [string, (p: number) => Promise<unknown>][] = [
    ['event at P edited', (p) => event(Number(at(p).event_id)).set({ details: '{"edited":true}' }).execute()],
    ['event at P removed', (p) => db.deleteFrom('audit_events').where('org_id', '=', org.orgId).where('id', '=', Number(at(p).event_id)).execute()],
    ['link P removed', (p) => db.deleteFrom('audit_chain').where('org_id', '=', org.orgId).where('position', '=', p).execute()],
    ['link P does not follow', (p) => link(p).set({ prev_hash: at(p).hash }).execute()],
  ];
  // Each position meets two kinds of tampering, and each kind meets every kind of position (start, either side of a seam, end).
  positions.forEach((p, i) => {
    for (const [what, tamper] of [kinds[i % kinds.length]!, kinds[(i + 2) % kinds.length]!]) trials.push([what.replace('P', String(p)), () => tamper(p)]);
  });
  for (const s of seams.slice(1)) {
    trials.push([
      `links ${s - 1} and ${s} trade places`,
      async () => {
        await link(s - 1).set({ position: -1 }).execute();
        await link(s).set({ position: s - 1 }).execute();
        await link(-1).set({ position: s }).execute();
      },
    ]);
  }
  trials.push(['head one further', () => db.updateTable('audit_chain_heads').set({ position: Number(head.position) + 1 }).where('org_id', '=', org.orgId).execute()]);
  trials.push(['head gone', () => db.deleteFrom('audit_chain_heads').where('org_id', '=', org.orgId).execute(), 1]);
  trials.push(['an event slipped in behind the sealer', () => db.insertInto('audit_events').values(forged(0, events[5]!) as never).execute()]);
  trials.push([
    'a forged event linked after the last with a correct hash',
    async () => {
      const last = at(length);
      const fake = forged(Number(events[events.length - 1]!.id) + 1000, events[events.length - 1]!);
      await db.insertInto('audit_events').values(fake as never).execute();
      await db
        .insertInto('audit_chain')
        .values({ org_id: org.orgId, event_id: Number(fake.id), position: length + 1, prev_hash: last.hash, hash: linkHash(last.hash, length + 1, fake), sealed_at: last.sealed_at })
        .execute();
    },
  ]);
  if (ENGINE === 'postgres') {
    trials.push([`event at ${seams[1]} a microsecond later`, () => rawSql(app, `UPDATE audit_events SET occurred_at = occurred_at + interval '1 microsecond' WHERE org_id = '${org.orgId}' AND id = ${Number(at(seams[1]!).event_id)}`)]);
  }

  for (const [what, tamper, threads] of trials) {
    await tamper();
    const result = await compare(what, threads);
    assert.equal(result.ok, false, `${what} is caught`);
    await restore();
  }
  assert.equal((await compare('restored')).ok, true);
});

test('a sealer at work while walker threads walk never makes a sound chain look broken: they all read one snapshot', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app);
  const tenant = app.tenant(org.orgId);
  const write = async (n: number) => {
    await tenant.transaction(async (tx) => {
      for (let i = 0; i < n; i += 1) await appendAudit(tx, SYSTEM_SOURCE, { action: 'client.updated', details: { changed: ['name'] } });
    });
  };
  await write(150);
  await sealUntilSettled(app, org.orgId);
  let writing = true;
  const writer = (async () => {
    let rounds = 0;
    while (writing || rounds < 3) {
      await write(5);
      await sealAllPending(app.database, 7);
      rounds += 1;
      // As requests would: on SQLite these writes never wait on I/O, and would otherwise starve the event loop.
      await setImmediate();
    }
    return rounds;
  })();
  const results: ChainVerification[] = [];
  try {
    for (let i = 0; i < 4; i += 1) results.push(await verifyOrganizationChain(app.database, org.orgId, undefined, { walk: { threads: THREADS, parallelFrom: 0 } }));
  } finally {
    writing = false;
  }
  assert.ok((await writer) >= 3, 'the sealer sealed meanwhile');
  for (const r of results) {
    assert.equal(r.threads, THREADS);
    assert.equal(r.ok, true, JSON.stringify(r.firstProblem));
  }
});
