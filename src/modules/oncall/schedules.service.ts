/**
 * On-call schedules per client, saved as versions: a save never edits the past. Each version
 * takes over at the instant it is saved, so "who was on call at 2 a.m. last March, and which
 * rule or override decided it" is answered by the version in force then. Saving reports the
 * gaps and double coverage of the next 30 days; a sweep warns the client's supervisors of a
 * gap within 72 hours.
 */
import { randomUUID } from 'node:crypto';
import { peopleGrantedForClient } from '../../platform/authz/ability.ts';
import { actorUserId, audit, inTransaction, type ActorContext } from '../../platform/context.ts';
import type { TenantDb } from '../../platform/db/tenant-db.ts';
import { invalidField } from '../../platform/http/errors.ts';
import { clientSettings } from '../clients/index.ts';
import { parsePolicy } from '../tasks/index.ts';
import { activeUserIds, staffNames } from '../users/index.ts';
import { assertOnCall, clientNotFound } from './access.ts';
import { usableContacts } from './contacts.service.ts';
import { parseSettings, type OnCallSettings } from './settings.ts';
import { checkCoverage, coverageAt, requiredWindows, timeline, validateSchedule, type ScheduleDocument, type Source } from './schedule.ts';

export const EMPTY_SCHEDULE: ScheduleDocument = { rotations: [], overrides: [] };
const DAY = 86_400_000;
/** Saving a schedule checks this far ahead; the sweep warns of gaps this close. */
export const SAVE_CHECK_DAYS = 30;
export const SWEEP_HOURS = 72;

const iso = (v: string | Date): string => new Date(v).toISOString();

export interface ScheduleVersion {
  version: number;
  effectiveFrom: string | null;
  document: ScheduleDocument;
  createdBy: string | null;
  createdAt: string | null;
}

/** The client, or the same not-found an id of nothing gets. */
async function clientOf(tenant: TenantDb, clientId: string) {
  const client = await clientSettings(tenant, clientId);
  if (!client) throw clientNotFound();
  return client;
}

/** Parsed documents by version row: a version never changes, so it is parsed once (the most recent 1,000 kept). */
const PARSED = new Map<string, ScheduleDocument>();
function parsedDocument(id: string, text: string): ScheduleDocument {
  let doc = PARSED.get(id);
  if (!doc) {
    doc = JSON.parse(text) as ScheduleDocument;
    if (PARSED.size >= 1000) PARSED.delete(PARSED.keys().next().value!);
    PARSED.set(id, doc);
  }
  return doc;
}

/** The version in force at an instant (the latest saved at or before it); version 0 (empty) before the first save. */
export async function versionAt(tenant: TenantDb, clientId: string, at: Date): Promise<ScheduleVersion> {
  const row = await tenant
    .selectFrom('oncall_schedule_versions')
    .selectAll()
    .where('client_id', '=', clientId)
    .where('effective_from', '<=', at.toISOString())
    .orderBy('effective_from', 'desc')
    .orderBy('version', 'desc')
    .executeTakeFirst();
  if (!row) return { version: 0, effectiveFrom: null, document: EMPTY_SCHEDULE, createdBy: null, createdAt: null };
  return { version: Number(row.version), effectiveFrom: iso(row.effective_from), document: parsedDocument(row.id, row.document), createdBy: row.created_by, createdAt: iso(row.created_at) };
}

/** The last version saved (in force now, or from the instant it was saved). */
async function latestVersion(tenant: TenantDb, clientId: string): Promise<ScheduleVersion> {
  const row = await tenant.selectFrom('oncall_schedule_versions').select('effective_from').where('client_id', '=', clientId).orderBy('version', 'desc').executeTakeFirst();
  return versionAt(tenant, clientId, row ? new Date(row.effective_from) : new Date(0));
}

/** The on-call providers of a client: people whose roles let them receive its pages (found from the grants), active. */
export async function providerIds(tenant: TenantDb, clientId: string): Promise<string[]> {
  return activeUserIds(tenant, await peopleGrantedForClient(tenant, 'update', 'UrgentMessage', clientId, ['self']));
}

/** A client's on-call settings (defaults until saved). */
export async function settingsOf(tenant: TenantDb, clientId: string): Promise<OnCallSettings> {
  const row = await tenant.selectFrom('oncall_settings').select('settings').where('client_id', '=', clientId).executeTakeFirst();
  return parseSettings(row?.settings);
}

export interface CoverageCheck {
  from: string;
  to: string;
  gaps: { start: string; end: string; reason: 'uncovered' | 'unreachable'; personId: string | null }[];
  overlaps: { start: string; end: string; sources: Source[] }[];
}

/** Gaps and double coverage of a document over [from, to) against the client's required hours and its providers' contact points. */
async function checkDocument(tenant: TenantDb, clientId: string, document: ScheduleDocument, from: Date, to: Date): Promise<CoverageCheck> {
  const client = await clientOf(tenant, clientId);
  const settings = await settingsOf(tenant, clientId);
  const people = [...new Set(document.rotations.flatMap((r) => r.shifts.map((s) => s.primary)).concat(document.overrides.map((o) => o.primary)))];
  const reachable = await usableContacts(tenant, people, clientId);
  const businessHours = parsePolicy(client.callbackPolicy).businessHours;
  const result = checkCoverage(document, client.timeZone, from, to, {
    required: (a, b) => requiredWindows(settings.coverage, client.timeZone, businessHours, a, b),
    reachable: (personId) => (reachable.get(personId)?.length ?? 0) > 0,
  });
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    gaps: result.gaps.map((g) => ({ start: g.start.toISOString(), end: g.end.toISOString(), reason: g.reason, personId: g.personId ?? null })),
    overlaps: result.overlaps.map((o) => ({ start: o.start.toISOString(), end: o.end.toISOString(), sources: o.sources })),
  };
}

/** Every person a document names must be an active on-call provider of the client. */
function assertProviders(document: ScheduleDocument, providers: Set<string>): void {
  const check = (id: string, field: string) => {
    if (!providers.has(id)) throw invalidField(field, 'is not an active on-call provider of this client; give them the On-call provider role for it first.');
  };
  document.rotations.forEach((r, i) =>
    r.shifts.forEach((s, j) => {
      check(s.primary, `rotations[${i}].shifts[${j}].primary`);
      s.backups.forEach((b, k) => check(b, `rotations[${i}].shifts[${j}].backups[${k}]`));
    }),
  );
  document.overrides.forEach((o, i) => {
    check(o.primary, `overrides[${i}].primary`);
    (o.backups ?? []).forEach((b, k) => check(b, `overrides[${i}].backups[${k}]`));
  });
}

export async function currentSchedule(ctx: ActorContext, clientId: string): Promise<ScheduleVersion & { timeZone: string }> {
  assertOnCall(ctx, 'read', clientId);
  const client = await clientOf(ctx.db, clientId);
  return { ...(await latestVersion(ctx.db, clientId)), timeZone: client.timeZone };
}

/**
 * Saves a new version of the client's schedule, in force from now: instants before now keep
 * the version that covered them. Answers with the check of the next 30 days.
 */
export async function saveSchedule(ctx: ActorContext, clientId: string, document: ScheduleDocument): Promise<{ version: number; effectiveFrom: string; check: CoverageCheck }> {
  assertOnCall(ctx, 'update', clientId);
  const client = await clientOf(ctx.db, clientId);
  validateSchedule(document, client.timeZone);
  assertProviders(document, new Set(await providerIds(ctx.db, clientId)));
  const now = new Date();
  const saved = await inTransaction(ctx, async (tx) => {
    const latest = await latestVersion(tx.db, clientId);
    const version = latest.version + 1;
    // Never before the version it follows, so versions are in force in the order they were saved.
    const effectiveFrom = latest.effectiveFrom && latest.effectiveFrom > now.toISOString() ? latest.effectiveFrom : now.toISOString();
    await tx.db
      .insertInto('oncall_schedule_versions', { id: randomUUID(), client_id: clientId, version, effective_from: effectiveFrom, document: JSON.stringify(document), created_by: actorUserId(tx), created_at: now.toISOString() })
      .execute();
    return { version, effectiveFrom };
  });
  const check = await checkDocument(ctx.db, clientId, document, now, new Date(now.getTime() + SAVE_CHECK_DAYS * DAY));
  await audit(ctx, {
    action: 'oncall.schedule_saved',
    resourceType: 'Client',
    resourceId: clientId,
    clientId,
    details: {
      version: saved.version,
      rotations: document.rotations.length,
      shifts: document.rotations.reduce((n, r) => n + r.shifts.length, 0),
      overrides: document.overrides.length,
      gaps: check.gaps.length,
      overlaps: check.overlaps.length,
    },
  });
  return { ...saved, check };
}

export interface CoverageSegment {
  start: string;
  end: string;
  primary: string;
  backups: string[];
  source: Source;
}

/**
 * Who covers when over a span (the schedule screen's week): each stretch as the version in
 * force then decided it, so past days show who really covered; and the gaps and double
 * coverage still ahead (from now on) in the current schedule.
 */
export async function scheduleSpan(ctx: ActorContext, clientId: string, from: Date, to: Date): Promise<{ segments: CoverageSegment[]; check: CoverageCheck; names: Record<string, string> }> {
  assertOnCall(ctx, 'read', clientId);
  if (to.getTime() <= from.getTime()) throw invalidField('to', 'must be after from.');
  if (to.getTime() - from.getTime() > 62 * DAY) throw invalidField('to', 'must be at most 62 days after from.');
  const client = await clientOf(ctx.db, clientId);
  const versions = await ctx.db
    .selectFrom('oncall_schedule_versions')
    .select(['effective_from', 'document'])
    .where('client_id', '=', clientId)
    .where('effective_from', '<', to.toISOString())
    .orderBy('effective_from')
    .orderBy('version')
    .execute();
  const segments: CoverageSegment[] = [];
  versions.forEach((v, i) => {
    const start = new Date(Math.max(from.getTime(), Date.parse(iso(v.effective_from))));
    const next = versions[i + 1];
    const end = new Date(Math.min(to.getTime(), next ? Date.parse(iso(next.effective_from)) : to.getTime()));
    if (end <= start) return;
    for (const c of timeline(JSON.parse(v.document) as ScheduleDocument, client.timeZone, start, end)) segments.push({ start: c.start.toISOString(), end: c.end.toISOString(), primary: c.primary, backups: c.backups, source: c.source });
  });
  const now = new Date();
  const checkFrom = new Date(Math.max(from.getTime(), now.getTime()));
  const check =
    checkFrom < to ? await checkDocument(ctx.db, clientId, (await latestVersion(ctx.db, clientId)).document, checkFrom, to) : { from: checkFrom.toISOString(), to: to.toISOString(), gaps: [], overlaps: [] };
  const ids = [...new Set(segments.flatMap((s) => [s.primary, ...s.backups]).concat(check.gaps.flatMap((g) => (g.personId ? [g.personId] : []))))];
  return { segments, check, names: Object.fromEntries(await staffNames(ctx, ids)) };
}

export interface Roster {
  at: string;
  primary: string | null;
  backups: string[];
  source: Source | null;
  version: number;
  effectiveFrom: string | null;
}

/** Who covers a client at an instant, by the version in force then; no grant check (the caller's). */
export async function rosterAt(tenant: TenantDb, clientId: string, at: Date): Promise<Roster> {
  const client = await clientOf(tenant, clientId);
  const version = await versionAt(tenant, clientId, at);
  const covered = coverageAt(version.document, client.timeZone, at);
  return { at: at.toISOString(), primary: covered?.primary ?? null, backups: covered?.backups ?? [], source: covered?.source ?? null, version: version.version, effectiveFrom: version.effectiveFrom };
}

/** `GET /api/clients/{id}/on-call?at=`: who covers at T, and which rule or override decided it, with names. */
export async function onCallAt(ctx: ActorContext, clientId: string, at: Date): Promise<Roster & { names: Record<string, string> }> {
  assertOnCall(ctx, 'read', clientId);
  const roster = await rosterAt(ctx.db, clientId, at);
  const ids = [roster.primary, ...roster.backups].filter((v): v is string => v !== null);
  return { ...roster, names: Object.fromEntries(await staffNames(ctx, ids)) };
}

/** Gaps in the next `hours` of a client's current schedule, for the sweep (no grant check). */
export async function upcomingGaps(tenant: TenantDb, clientId: string, now: Date, hours = SWEEP_HOURS): Promise<CoverageCheck> {
  return checkDocument(tenant, clientId, (await latestVersion(tenant, clientId)).document, now, new Date(now.getTime() + hours * 3_600_000));
}
