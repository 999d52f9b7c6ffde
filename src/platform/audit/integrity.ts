/**
 * Verifying the audit trail against its signed checkpoints, and keeping the record of each
 * verification for the console.
 *
 * The chain walk (verify.ts) proves the trail is internally consistent. The checkpoints prove it
 * is the trail that was signed: the chain must still reach the latest signed position, the link
 * there must carry the signed hash (every earlier link is committed to by it), and nothing that
 * was sealed before the checkpoint may lie beyond it.
 */
import { randomUUID } from 'node:crypto';
import type { RingfenceDatabase } from '../db/database.ts';
import type { JobDefinition } from '../jobs/jobs.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { checkpointedOrganizations, latestFromWitness, readLatestCheckpoint, type AuditSigner, type Checkpoint, type CheckpointSettings } from './checkpoints.ts';
import { lastPrune } from './retention.ts';
import { verifyOrganizationChain, type ChainVerification } from './verify.ts';

export interface TrailVerification extends ChainVerification {
  /** The latest signed checkpoint the chain was held to, and where it was found. */
  checkpoint: { position: number; at: string; source: 'directory' | 'witness' } | null;
  seconds: number;
  eventsPerSecond: number;
}

const iso = (value: unknown): string => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString());

/** The latest checkpoint of an organization from the directory and the witness, whichever reaches further. */
async function latestCheckpoint(settings: CheckpointSettings, orgId: string): Promise<{ checkpoint: Checkpoint | null; source: 'directory' | 'witness'; unreadable: number }> {
  const stored = await readLatestCheckpoint(settings.auditCheckpointDir, orgId);
  let best: { checkpoint: Checkpoint | null; source: 'directory' | 'witness' } = { checkpoint: stored.latest, source: 'directory' };
  if (settings.auditWitnessUrl) {
    const witnessed = await latestFromWitness(settings.auditWitnessUrl, orgId);
    if (witnessed && (!best.checkpoint || witnessed.position > best.checkpoint.position)) best = { checkpoint: witnessed, source: 'witness' };
  }
  return { ...best, unreadable: stored.unreadable };
}

/** Verifies one organization's chain and holds it to its latest signed checkpoint. */
export async function verifyOrganizationTrail(
  database: RingfenceDatabase,
  settings: CheckpointSettings,
  signer: Pick<AuditSigner, 'verify'>,
  orgId: string,
  onProgress?: (checked: number, total: number) => void,
): Promise<TrailVerification> {
  const started = performance.now();
  const { checkpoint, source, unreadable } = await latestCheckpoint(settings, orgId);
  // A pruned chain resumes from the signed hash its pruning record holds.
  const pruned = await lastPrune(database, orgId);
  const prunedSound = !pruned || (signer.verify(pruned.checkpoint) && pruned.checkpoint.orgId === orgId && pruned.checkpoint.position === pruned.throughPosition && pruned.checkpoint.hash === pruned.anchorHash);
  const chain = await verifyOrganizationChain(database, orgId, onProgress, pruned && prunedSound ? { from: { position: pruned.throughPosition, hash: pruned.anchorHash } } : {});
  const seconds = (performance.now() - started) / 1000;
  const result: TrailVerification = {
    ...chain,
    checkpoint: checkpoint ? { position: checkpoint.position, at: checkpoint.at, source } : null,
    seconds: Math.round(seconds * 1000) / 1000,
    eventsPerSecond: seconds > 0 ? Math.round(chain.sealed / seconds) : chain.sealed,
  };
  const fail = (position: number, eventId: number, reason: string): TrailVerification => ({ ...result, ok: false, firstProblem: result.firstProblem ?? { position, eventId, reason } });
  if (!prunedSound) return fail(pruned!.throughPosition, 0, `the pruning record through position ${pruned!.throughPosition} does not match a valid signed checkpoint`);
  if (!chain.ok) return result;
  if (unreadable > 0) return fail(0, 0, `the checkpoint file has ${unreadable} unreadable line(s) at its end`);
  if (!checkpoint) return result;
  if (!signer.verify(checkpoint)) return fail(checkpoint.position, 0, `the checkpoint signed at ${checkpoint.at} (${source}) does not carry a valid signature`);
  // The chain's length: what was pruned (accounted for by its record) and what was walked.
  const length = (pruned?.throughPosition ?? 0) + chain.sealed;
  if (length < checkpoint.position) {
    return fail(
      length,
      0,
      length === 0
        ? `the trail is empty, but a checkpoint signed at ${checkpoint.at} covers ${checkpoint.position} events: the trail was deleted`
        : `the chain ends at position ${length}, but a checkpoint signed at ${checkpoint.at} covers position ${checkpoint.position}: events were removed from its end`,
    );
  }
  const tenant = tenantDb(database.unsafeKysely, database.engine, orgId);
  const signed = await tenant.selectFrom('audit_chain').select(['hash', 'event_id']).where('position', '=', checkpoint.position).executeTakeFirst();
  if (!signed || signed.hash !== checkpoint.hash) {
    return fail(checkpoint.position, Number(signed?.event_id ?? 0), `the chain at position ${checkpoint.position} does not match the checkpoint signed at ${checkpoint.at}: it was rewritten`);
  }
  // Links past the checkpoint must have been sealed after it: the checkpoint read the head under the sealer's lock.
  const early = await tenant
    .selectFrom('audit_chain')
    .select(['position', 'event_id', 'sealed_at'])
    .where('position', '>', checkpoint.position)
    .where('sealed_at', '<', checkpoint.at)
    .orderBy('position')
    .executeTakeFirst();
  if (early) {
    return fail(Number(early.position), Number(early.event_id), `link ${Number(early.position)} claims to be sealed at ${iso(early.sealed_at)}, before the checkpoint of ${checkpoint.at} that ends at ${checkpoint.position}: it was added afterwards`);
  }
  return result;
}

/**
 * Verifies every organization's trail (or one): those in the database and those that only the
 * checkpoint directory still knows (a trail deleted together with its organization).
 */
export async function verifyTrails(
  database: RingfenceDatabase,
  settings: CheckpointSettings,
  signer: Pick<AuditSigner, 'verify'>,
  orgId: string | null,
  onProgress?: (orgId: string, checked: number, total: number) => void,
): Promise<TrailVerification[]> {
  let orgs: string[];
  if (orgId) orgs = [orgId];
  else {
    const known = (await database.unsafeKysely.selectFrom('organizations').select('id').orderBy('created_at').execute()).map((o) => o.id);
    orgs = [...known, ...(await checkpointedOrganizations(settings.auditCheckpointDir)).filter((id) => !known.includes(id)).sort()];
  }
  const results: TrailVerification[] = [];
  for (const id of orgs) results.push(await verifyOrganizationTrail(database, settings, signer, id, (c, t) => onProgress?.(id, c, t)));
  return results;
}

/** Keeps the outcome of a verification for the console. Holds positions and fixed words only. */
export async function recordVerifications(database: RingfenceDatabase, results: readonly TrailVerification[], trigger: 'command' | 'schedule' | 'console', requestedBy: string | null = null): Promise<void> {
  const known = new Set((await database.unsafeKysely.selectFrom('organizations').select('id').execute()).map((o) => o.id));
  const now = new Date().toISOString();
  for (const r of results) {
    if (!known.has(r.orgId)) continue;
    await tenantDb(database.unsafeKysely, database.engine, r.orgId)
      .insertInto('audit_verifications', {
        id: randomUUID(),
        verified_at: now,
        ok: r.ok ? 1 : 0,
        events: r.sealed,
        unsealed: r.unsealed,
        events_per_second: r.eventsPerSecond,
        checkpoint_position: r.checkpoint?.position ?? null,
        checkpoint_at: r.checkpoint?.at ?? null,
        checkpoint_source: r.checkpoint?.source ?? null,
        problem: r.firstProblem?.reason ?? null,
        problem_position: r.firstProblem?.position ?? null,
        trigger,
        requested_by: requestedBy,
      })
      .execute();
  }
}

export interface VerificationView {
  verifiedAt: string;
  ok: boolean;
  events: number;
  unsealed: number;
  eventsPerSecond: number | null;
  checkpoint: { position: number; at: string; source: 'directory' | 'witness' } | null;
  problem: string | null;
  problemPosition: number | null;
  trigger: 'command' | 'schedule' | 'console';
}

/** The organization's most recent verification, or null before the first. */
export async function latestVerification(database: RingfenceDatabase, orgId: string): Promise<VerificationView | null> {
  const row = await tenantDb(database.unsafeKysely, database.engine, orgId).selectFrom('audit_verifications').selectAll().orderBy('verified_at', 'desc').limit(1).executeTakeFirst();
  if (!row) return null;
  return {
    verifiedAt: iso(row.verified_at),
    ok: Number(row.ok) === 1,
    events: Number(row.events),
    unsealed: Number(row.unsealed),
    eventsPerSecond: row.events_per_second === null ? null : Number(row.events_per_second),
    checkpoint: row.checkpoint_position === null ? null : { position: Number(row.checkpoint_position), at: iso(row.checkpoint_at), source: row.checkpoint_source ?? 'directory' },
    problem: row.problem,
    problemPosition: row.problem_position === null ? null : Number(row.problem_position),
    trigger: row.trigger,
  };
}

export const AUDIT_VERIFY_JOB = 'audit-verify';

/** Verifies the trails every night, and one organization's when the console asks. */
export function auditVerifyJob(settings: CheckpointSettings, signer: Pick<AuditSigner, 'verify'>): JobDefinition<{ orgId?: string; requestedBy?: string | null }> {
  return {
    name: AUDIT_VERIFY_JOB,
    cron: '17 3 * * *',
    retryLimit: 1,
    // Ten million events take under a minute; a lease of half an hour leaves room.
    leaseSeconds: 1800,
    async run(payload, job) {
      const results = await verifyTrails(job.database, settings, signer, payload.orgId ?? null);
      await recordVerifications(job.database, results, payload.orgId ? 'console' : 'schedule', payload.requestedBy ?? null);
    },
  };
}
