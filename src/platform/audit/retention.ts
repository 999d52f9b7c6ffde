/**
 * Retention of the audit trail: events are kept at least `auditRetentionYears` (six by default,
 * never fewer). Pruning exists only past retention and only in whole checkpointed segments: it
 * removes links 1..P (and their events) where P is the position of a signed checkpoint taken
 * before the retention cut-off, and it first writes a pruning record holding that checkpoint, so
 * the chain that remains still verifies from the signed hash at P. Deletion runs in batches and
 * resumes where it stopped; the database refuses any other deletion (migration 0018).
 */
import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { RingfenceDatabase } from '../db/database.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { appendAudit } from './append.ts';
import { parseCheckpoint, type AuditSigner, type Checkpoint, type CheckpointSettings } from './checkpoints.ts';
import { SYSTEM_SOURCE } from './events.ts';
import { isoTimeOrNull as iso } from '../db/timestamps.ts';

export interface RetentionSettings extends CheckpointSettings {
  auditRetentionYears: number;
}

export interface PruneRecord {
  throughPosition: number;
  anchorHash: string;
  checkpoint: Checkpoint;
  events: number;
  oldestAt: string | null;
  newestAt: string | null;
  completed: boolean;
}

export interface PruneResult {
  orgId: string;
  cutoff: string;
  /** The segment pruned now (or that would be, in a dry run); null when none lies wholly past retention. */
  segment: { throughPosition: number; events: number; oldestAt: string | null; newestAt: string | null; checkpointAt: string } | null;
  deleted: number;
  dryRun: boolean;
}


/** The retention cut-off: nothing that occurred after it may be pruned. */
export function retentionCutoff(years: number, now = new Date()): Date {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - Math.max(6, years));
  return cutoff;
}

/** The organization's last pruning (null when the chain was never pruned). */
export async function lastPrune(database: RingfenceDatabase, orgId: string): Promise<PruneRecord | null> {
  const row = await tenantDb(database.unsafeKysely, database.engine, orgId).selectFrom('audit_prunes').selectAll().orderBy('through_position', 'desc').limit(1).executeTakeFirst();
  if (!row) return null;
  return {
    throughPosition: Number(row.through_position),
    anchorHash: row.anchor_hash,
    checkpoint: parseCheckpoint(JSON.parse(row.checkpoint))!,
    events: Number(row.events),
    oldestAt: iso(row.oldest_at),
    newestAt: iso(row.newest_at),
    completed: row.completed_at !== null,
  };
}

/** The last signed checkpoint taken before the cut-off, read through the organization's file (forward, a line at a time). */
async function lastCheckpointBefore(settings: CheckpointSettings, signer: Pick<AuditSigner, 'verify'>, orgId: string, cutoff: Date): Promise<Checkpoint | null> {
  const file = path.join(settings.auditCheckpointDir, `${orgId}.checkpoints.jsonl`);
  if (!existsSync(file)) return null;
  let best: Checkpoint | null = null;
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    let c: Checkpoint | null;
    try {
      c = parseCheckpoint(JSON.parse(line));
    } catch {
      c = null;
    }
    if (!c || c.orgId !== orgId || Date.parse(c.at) >= cutoff.getTime()) continue;
    if (signer.verify(c) && (!best || c.position > best.position)) best = c;
  }
  return best;
}

/**
 * Prunes the organization's oldest checkpointed segment past retention (or finishes a pruning
 * that stopped). The caller verifies the trail first (a trail that does not verify is not
 * pruned: its evidence would go with it).
 */
export async function pruneOrganization(
  database: RingfenceDatabase,
  settings: RetentionSettings,
  signer: Pick<AuditSigner, 'verify'>,
  orgId: string,
  options: { now?: Date; dryRun?: boolean; batch?: number } = {},
): Promise<PruneResult> {
  const cutoff = retentionCutoff(settings.auditRetentionYears, options.now);
  const tenant = tenantDb(database.unsafeKysely, database.engine, orgId);
  const batch = options.batch ?? 5000;
  const previous = await lastPrune(database, orgId);
  const result: PruneResult = { orgId, cutoff: cutoff.toISOString(), segment: null, deleted: 0, dryRun: options.dryRun === true };

  let record = previous && !previous.completed ? previous : null;
  if (!record) {
    const checkpoint = await lastCheckpointBefore(settings, signer, orgId, cutoff);
    const from = previous?.throughPosition ?? 0;
    if (!checkpoint || checkpoint.position <= from) return result;
    // The signed hash must be the chain's at that position: the segment is the one that was signed.
    const link = await tenant.selectFrom('audit_chain').select('hash').where('position', '=', checkpoint.position).executeTakeFirst();
    if (!link || link.hash !== checkpoint.hash) throw new Error(`The chain at position ${checkpoint.position} does not match the checkpoint signed at ${checkpoint.at}; verify the trail before pruning`);
    const span = await tenant
      .selectFrom('audit_chain')
      .innerJoin('audit_events', (j) => j.onRef('audit_events.id', '=', 'audit_chain.event_id').onRef('audit_events.org_id', '=', 'audit_chain.org_id'))
      .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('audit_events.occurred_at').as('oldest'), (eb) => eb.fn.max('audit_events.occurred_at').as('newest')])
      .where('audit_chain.position', '>', from)
      .where('audit_chain.position', '<=', checkpoint.position)
      .executeTakeFirstOrThrow();
    record = { throughPosition: checkpoint.position, anchorHash: checkpoint.hash, checkpoint, events: Number(span.n), oldestAt: iso(span.oldest), newestAt: iso(span.newest), completed: false };
    result.segment = { throughPosition: record.throughPosition, events: record.events, oldestAt: record.oldestAt, newestAt: record.newestAt, checkpointAt: checkpoint.at };
    if (options.dryRun) return result;
    const chosen = record;
    await database.unsafeKysely.transaction().execute(async (trx) => {
      const t = tenantDb(trx, database.engine, orgId);
      await t
        .insertInto('audit_prunes', {
          through_position: chosen.throughPosition,
          anchor_hash: chosen.anchorHash,
          checkpoint: JSON.stringify(chosen.checkpoint),
          events: chosen.events,
          oldest_at: chosen.oldestAt,
          newest_at: chosen.newestAt,
          started_at: new Date().toISOString(),
          completed_at: null,
        })
        .execute();
      await appendAudit(t, SYSTEM_SOURCE, {
        action: 'audit.pruned',
        resourceType: 'AuditTrail',
        details: { throughPosition: chosen.throughPosition, events: chosen.events, oldestAt: chosen.oldestAt, newestAt: chosen.newestAt, checkpointAt: chosen.checkpoint.at },
      });
    });
  } else {
    result.segment = { throughPosition: record.throughPosition, events: record.events, oldestAt: record.oldestAt, newestAt: record.newestAt, checkpointAt: record.checkpoint.at };
    if (options.dryRun) return result;
  }

  // Events first (the database allows an event to go while its link is covered), then links.
  for (;;) {
    const n = await database.unsafeKysely.transaction().execute(async (trx) => {
      const t = tenantDb(trx, database.engine, orgId);
      const links = await t.selectFrom('audit_chain').select(['position', 'event_id']).where('position', '<=', record.throughPosition).orderBy('position').limit(batch).execute();
      if (links.length === 0) return 0;
      const ids = links.map((l) => Number(l.event_id));
      await t.deleteFrom('audit_events').where('id', 'in', ids).execute();
      await t.deleteFrom('audit_chain').where('position', '<=', Number(links[links.length - 1]!.position)).execute();
      return links.length;
    });
    result.deleted += n;
    if (n < batch) break;
  }
  await tenant.updateTable('audit_prunes').set({ completed_at: new Date().toISOString() }).where('through_position', '=', record.throughPosition).execute();
  return result;
}
