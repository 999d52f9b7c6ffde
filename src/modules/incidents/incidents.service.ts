/**
 * Incidents: reported by anyone from where the work happens (a wrong number after details were
 * given, an anomaly alert, a vendor's incident, or by hand), worked by compliance. The affected
 * clients and patients are derived from the audit trail and editable with a reason; each
 * affected client's notice deadline follows its own BAA (notices.service.ts). Every change is
 * an audit event, and what changed is kept with its reason.
 */
import { randomUUID } from 'node:crypto';
import { touchedPatients, type TouchedPatient } from '../../platform/audit/touched.ts';
import type { DataCategory } from '../../platform/authz/catalogue.ts';
import { assertCan, can } from '../../platform/authz/guard.ts';
import { actorUserId, audit, inTransaction, type ActorContext } from '../../platform/context.ts';
import { AppError, invalidField, notFound } from '../../platform/http/errors.ts';
import { alertFacts, resolveAlert } from '../audit/index.ts';
import { vendorClientIds } from '../compliance/index.ts';
import { existingClientIds } from '../clients/index.ts';
import { taskDisclosure } from '../tasks/index.ts';
import { activeUserIds, staffNames } from '../users/index.ts';
import { ORAL_DELAY_DAYS } from './deadlines.ts';
import type { AssessmentView, IncidentChanges, IncidentSummary, IncidentView, ReportInput, ScopeChanges } from './incidents.schemas.ts';
import type { AssessmentRow, HhsBreachType, HhsLocation, HhsPhiType, IncidentRow, IncidentStatus, IncidentType, SourceType } from './incidents.tables.ts';
import { affectedClients, retireStaleReminders } from './notices.service.ts';
import './incidents.audit.ts';
import { isoTime as iso, isoTimeOrNull as isoOrNull } from '../../platform/db/timestamps.ts';


/** What HHS's portal would call it, until compliance says otherwise. */
const HHS_DEFAULTS: Record<IncidentType, { breachType: HhsBreachType; location: HhsLocation }> = {
  misdirected_disclosure: { breachType: 'Unauthorized Access/Disclosure', location: 'Other' },
  wrong_number_voicemail: { breachType: 'Unauthorized Access/Disclosure', location: 'Other' },
  lost_device: { breachType: 'Loss', location: 'Laptop' },
  stolen_device: { breachType: 'Theft', location: 'Laptop' },
  unauthorized_access: { breachType: 'Unauthorized Access/Disclosure', location: 'Network Server' },
  vendor_incident: { breachType: 'Hacking/IT Incident', location: 'Network Server' },
  other: { breachType: 'Other', location: 'Other' },
};

/** The portal's categories of PHI for Ringfence's data categories: contact and identity are demographic. */
const HHS_PHI: Record<Exclude<DataCategory, 'operational'>, HhsPhiType> = { contact: 'Demographic', identity: 'Demographic', clinical: 'Clinical', billing: 'Financial', recording: 'Other' };

export function hhsPhiTypes(categories: readonly DataCategory[]): HhsPhiType[] {
  const types = new Set(categories.flatMap((c) => (c === 'operational' ? [] : [HHS_PHI[c]])));
  return (['Clinical', 'Demographic', 'Financial', 'Other'] as const).filter((t) => types.has(t));
}

export const TYPE_LABELS: Record<IncidentType, string> = {
  misdirected_disclosure: 'Misdirected disclosure',
  wrong_number_voicemail: 'Voicemail left on a wrong number',
  lost_device: 'Lost device',
  stolen_device: 'Stolen device',
  unauthorized_access: 'Unauthorized access',
  vendor_incident: 'Vendor incident',
  other: 'Other',
};

/** The incident with this id, for those who work incidents; not found for anyone else. */
export async function findIncident(ctx: ActorContext, id: string): Promise<IncidentRow> {
  assertCan(ctx, 'read', 'ComplianceRecord');
  const row = await ctx.db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Incident');
  return row;
}

/** Refuses a change to a closed incident. */
export function assertOpen(row: IncidentRow): void {
  if (row.status === 'closed') throw new AppError('conflict', `Incident ${row.ref} is closed`, { field: 'status' });
}

/** Moves a reported incident on to assessing once compliance works it; never back. */
export async function markAssessing(ctx: ActorContext, row: IncidentRow): Promise<void> {
  if (row.status === 'reported') await ctx.db.updateTable('incidents').set({ status: 'assessing', owner_id: row.owner_id ?? actorUserId(ctx), updated_at: new Date().toISOString() }).where('id', '=', row.id).execute();
}

/** Notes what changed and why, beside the audit event. */
export async function recordChange(ctx: ActorContext, incidentId: string, changed: string[], reason: string | null): Promise<void> {
  await ctx.db.insertInto('incident_changes', { id: randomUUID(), incident_id: incidentId, changed_at: new Date().toISOString(), changed_by: actorUserId(ctx), changed: JSON.stringify(changed), reason }).execute();
}

/** The next reference of the organization's year: INC-20260001. */
async function nextRef(ctx: ActorContext, at: Date): Promise<string> {
  const prefix = `INC-${at.getUTCFullYear()}`;
  const last = await ctx.db.selectFrom('incidents').select('ref').where('ref', 'like', `${prefix}%`).orderBy('ref', 'desc').limit(1).executeTakeFirst();
  const n = last ? Number(last.ref.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(n).padStart(4, '0')}`;
}

/** What the trail says an incident touched, from what it was opened from. */
interface DerivedScope {
  clients: string[];
  patients: TouchedPatient[];
  categories: DataCategory[];
}

async function deriveScope(
  ctx: ActorContext,
  from: { taskPatient?: { clientId: string; patientRef: string; agentId: string | null; since: string; until: string }; eventIds?: number[]; person?: { userId: string; from: string; to: string }; clientIds?: string[] },
): Promise<DerivedScope> {
  const patients = new Map<string, TouchedPatient>();
  const add = (list: TouchedPatient[]) => {
    for (const p of list) {
      const key = `${p.clientId}|${p.patientRef}`;
      const seen = patients.get(key);
      patients.set(key, seen ? { ...seen, events: seen.events + p.events, categories: [...new Set([...seen.categories, ...p.categories])].sort() } : p);
    }
  };
  const categories = new Set<DataCategory>();
  if (from.taskPatient) {
    const { clientId, patientRef, agentId, since, until } = from.taskPatient;
    const touched = await touchedPatients(ctx.db, { patient: { clientId, patientRef }, ...(agentId ? { actorId: agentId } : {}), from: since, to: until });
    // The patient was named on the call whatever the agent had revealed before it.
    add(touched.length > 0 ? touched : [{ clientId, patientRef, events: 1, categories: ['contact'], firstAt: until, lastAt: until }]);
    categories.add('contact');
  }
  if (from.eventIds) add(await touchedPatients(ctx.db, { eventIds: from.eventIds }));
  if (from.person) add(await touchedPatients(ctx.db, { actorId: from.person.userId, from: from.person.from, to: from.person.to }));
  for (const p of patients.values()) for (const c of p.categories) categories.add(c);
  const clients = [...new Set([...(from.clientIds ?? []), ...[...patients.values()].map((p) => p.clientId)])];
  return { clients, patients: [...patients.values()], categories: [...categories].sort() };
}

async function storeScope(ctx: ActorContext, incidentId: string, scope: DerivedScope): Promise<void> {
  const known = await ctx.db.selectFrom('incident_clients').select('client_id').where('incident_id', '=', incidentId).execute();
  const knownPatients = await ctx.db.selectFrom('incident_patients').select(['client_id', 'patient_ref']).where('incident_id', '=', incidentId).execute();
  const haveClient = new Set(known.map((k) => k.client_id));
  const havePatient = new Set(knownPatients.map((k) => `${k.client_id}|${k.patient_ref}`));
  const clients = scope.clients.filter((c) => !haveClient.has(c));
  if (clients.length > 0) await ctx.db.insertInto('incident_clients', clients.map((client_id) => ({ incident_id: incidentId, client_id, origin: 'derived' as const, removed: 0, individuals: null, reason: null }))).execute();
  const fresh = scope.patients.filter((p) => !havePatient.has(`${p.clientId}|${p.patientRef}`));
  for (let i = 0; i < fresh.length; i += 500) {
    await ctx.db
      .insertInto(
        'incident_patients',
        fresh.slice(i, i + 500).map((p) => ({ incident_id: incidentId, client_id: p.clientId, patient_ref: p.patientRef, origin: 'derived' as const, removed: 0, events: p.events, reason: null })),
      )
      .execute();
  }
}

const plusSecond = (at: string) => new Date(Date.parse(at) + 1000).toISOString();

function assertWindow(from: string | null | undefined, to: string | null | undefined): void {
  if (from && to && Date.parse(to) < Date.parse(from)) throw invalidField('occurredTo', 'must not be before occurredFrom');
}

/**
 * Reports an incident. Anyone may report one by hand or from a task they can read; an alert, a
 * vendor, a person's access or a list of clients is compliance's to name. Reporting from the
 * same task or alert twice answers the incident reported the first time.
 */
export async function reportIncident(ctx: ActorContext, input: ReportInput): Promise<{ id: string; ref: string; existing: boolean }> {
  const officer = can(ctx, 'manage', 'ComplianceRecord');
  for (const field of ['alertId', 'vendorId', 'subjectUserId', 'clientIds'] as const) {
    if (input[field] !== undefined && !officer) throw new AppError('forbidden', 'Only compliance opens an incident from an alert, a vendor, a person’s access or a list of clients; report it by hand and compliance will add them.', { field });
  }
  if (input.taskId && input.alertId) throw invalidField('alertId', 'report from a task or from an alert, not both');
  assertWindow(input.occurredFrom, input.occurredTo);
  const now = new Date();
  const nowIso = now.toISOString();
  if (input.discoveredAt && Date.parse(input.discoveredAt) > now.getTime() + 60_000) throw invalidField('discoveredAt', 'must not be in the future');

  return inTransaction(ctx, async (tx) => {
    let sourceType: SourceType = 'manual';
    let sourceId: string | null = null;
    let discoveredAt = input.discoveredAt ? iso(input.discoveredAt) : nowIso;
    const from: Parameters<typeof deriveScope>[1] = {};
    if (input.taskId) {
      const task = await taskDisclosure(tx, input.taskId).catch((err: unknown) => {
        if (err instanceof AppError && err.code === 'not_found') throw new AppError('not_found', 'Task not found', { field: 'taskId' });
        throw err;
      });
      sourceType = 'task';
      sourceId = task.id;
      // The first moment anyone knew: when the agent logged the wrong number.
      if (!input.discoveredAt && task.disclosedAt) discoveredAt = task.disclosedAt;
      from.taskPatient = { clientId: task.clientId, patientRef: task.patientRef, agentId: task.agentId, since: task.createdAt, until: plusSecond(task.disclosedAt ?? nowIso) };
    }
    if (input.alertId) {
      const alert = await alertFacts(tx, input.alertId).catch((err: unknown) => {
        if (err instanceof AppError && err.code === 'not_found') throw new AppError('not_found', 'Alert not found', { field: 'alertId' });
        throw err;
      });
      sourceType = 'alert';
      sourceId = alert.id;
      if (!input.discoveredAt) discoveredAt = alert.raisedAt;
      from.eventIds = alert.eventIds;
      if (alert.clientId) from.clientIds = [alert.clientId];
    }
    let vendorId: string | null = null;
    if (input.vendorId) {
      const reach = await vendorClientIds(tx.db, input.vendorId);
      if (!reach) throw new AppError('not_found', 'Vendor not found', { field: 'vendorId' });
      vendorId = reach.vendor.id;
      if (sourceType === 'manual') {
        sourceType = 'vendor';
        sourceId = reach.vendor.id;
      }
      from.clientIds = [...(from.clientIds ?? []), ...reach.clientIds];
    }
    if (input.subjectUserId) {
      // A person who has left since is still someone whose access can be looked at.
      if (!(await staffNames(tx, [input.subjectUserId])).has(input.subjectUserId)) throw new AppError('not_found', 'Person not found', { field: 'subjectUserId' });
      if (!input.occurredFrom) throw invalidField('occurredFrom', 'give the window of the person’s access to look at');
      from.person = { userId: input.subjectUserId, from: iso(input.occurredFrom), to: input.occurredTo ? iso(input.occurredTo) : discoveredAt };
    }
    if (input.clientIds) {
      const existing = await existingClientIds(tx.db, input.clientIds);
      const unknown = input.clientIds.find((id) => !existing.has(id));
      if (unknown) throw new AppError('not_found', 'Client not found', { field: 'clientIds' });
      from.clientIds = [...(from.clientIds ?? []), ...input.clientIds];
    }
    if (sourceId) {
      const before = await tx.db.selectFrom('incidents').select(['id', 'ref']).where('source_type', '=', sourceType).where('source_id', '=', sourceId).where('status', '<>', 'closed').executeTakeFirst();
      if (before && sourceType !== 'vendor') return { id: before.id, ref: before.ref, existing: true };
    }
    const scope = await deriveScope(tx, from);
    const id = randomUUID();
    const ref = await nextRef(tx, now);
    const hhs = HHS_DEFAULTS[input.type];
    await tx.db
      .insertInto('incidents', {
        id,
        ref,
        type: input.type,
        status: 'reported',
        discovered_at: discoveredAt,
        occurred_from: input.occurredFrom ? iso(input.occurredFrom) : null,
        occurred_to: input.occurredTo ? iso(input.occurredTo) : null,
        reported_at: nowIso,
        reported_by: actorUserId(tx),
        owner_id: officer ? actorUserId(tx) : null,
        description: input.description.trim(),
        source_type: sourceType,
        source_id: sourceId,
        subject_user_id: input.subjectUserId ?? null,
        vendor_id: vendorId,
        hhs_breach_type: hhs.breachType,
        hhs_location: hhs.location,
        derived_categories: JSON.stringify(scope.categories),
        le_delay_kind: null,
        le_delay_stated_at: null,
        le_delay_until: null,
        le_agency: null,
        closed_at: null,
        close_reason: null,
        created_at: nowIso,
        updated_at: nowIso,
      })
      .execute();
    await storeScope(tx, id, scope);
    await audit(tx, { action: 'incident.reported', resourceType: 'Incident', resourceId: id, details: { ref, type: input.type, source: sourceType, clients: scope.clients.length, patients: scope.patients.length } });
    if (sourceType === 'alert' && sourceId) await resolveAlert(tx, sourceId, { outcome: 'escalated', reason: `Escalated to incident ${ref}.`, incidentId: id }).catch((err: unknown) => {
      // An alert resolved before keeps its resolution; the incident still names it.
      if (!(err instanceof AppError && err.code === 'conflict')) throw err;
    });
    return { id, ref, existing: false };
  });
}

function presentAssessment(a: AssessmentRow, names: Map<string, string>): AssessmentView {
  const who = (id: string | null) => (id ? { id, name: names.get(id) ?? 'Unknown person' } : null);
  return {
    id: a.id,
    version: Number(a.version),
    exclusions: JSON.parse(a.exclusions) as AssessmentView['exclusions'],
    factors: JSON.parse(a.factors) as AssessmentView['factors'],
    determination: a.determination,
    reasoning: a.reasoning,
    createdBy: who(a.created_by),
    createdAt: iso(a.created_at),
    updatedAt: iso(a.updated_at),
    signedBy: who(a.signed_by),
    signedAt: isoOrNull(a.signed_at),
  };
}

/** The assessments of an incident, newest first, and the determination of the latest signed one. */
export async function assessmentsOf(ctx: ActorContext, incidentId: string): Promise<{ rows: AssessmentRow[]; determination: AssessmentRow['determination']; categories: DataCategory[] | null }> {
  const rows = await ctx.db.selectFrom('incident_assessments').selectAll().where('incident_id', '=', incidentId).orderBy('version', 'desc').execute();
  const signed = rows.find((r) => r.signed_at !== null);
  const latest = rows[0];
  const categories = latest ? (JSON.parse(latest.factors) as AssessmentView['factors']).nature.categories : null;
  return { rows, determination: signed?.determination ?? null, categories: categories && categories.length > 0 ? categories : null };
}

/** The whole incident as the compliance officer works it. */
export async function getIncident(ctx: ActorContext, id: string, now = new Date()): Promise<IncidentView> {
  const row = await findIncident(ctx, id);
  const assessments = await assessmentsOf(ctx, id);
  const [clients, patients, changes] = await Promise.all([
    affectedClients(ctx, row, now, assessments),
    ctx.db.selectFrom('incident_patients').selectAll().where('incident_id', '=', id).orderBy('client_id').orderBy('patient_ref').execute(),
    ctx.db.selectFrom('incident_changes').selectAll().where('incident_id', '=', id).orderBy('changed_at', 'desc').execute(),
  ]);
  const people = [row.reported_by, row.owner_id, row.subject_user_id, ...assessments.rows.flatMap((a) => [a.created_by, a.signed_by]), ...changes.map((c) => c.changed_by), ...clients.flatMap((c) => c.notices.flatMap((n) => [n.generatedBy?.id ?? null, n.sent?.by?.id ?? null]))];
  const names = await staffNames(ctx, [...new Set(people.filter((p): p is string => p !== null))]);
  const who = (pid: string | null) => (pid ? { id: pid, name: names.get(pid) ?? 'Unknown person' } : null);
  const vendor = row.vendor_id ? await vendorClientIds(ctx.db, row.vendor_id) : null;
  const categories = JSON.parse(row.derived_categories) as DataCategory[];
  return {
    id: row.id,
    ref: row.ref,
    type: row.type,
    status: row.status,
    description: row.description,
    discoveredAt: iso(row.discovered_at),
    occurredFrom: isoOrNull(row.occurred_from),
    occurredTo: isoOrNull(row.occurred_to),
    reportedAt: iso(row.reported_at),
    reportedBy: who(row.reported_by),
    owner: who(row.owner_id),
    source: { type: row.source_type, id: row.source_id },
    subjectUser: who(row.subject_user_id),
    vendor: vendor ? { id: vendor.vendor.id, name: vendor.vendor.name } : null,
    hhs: { breachType: row.hhs_breach_type, location: row.hhs_location, phiTypes: hhsPhiTypes(assessments.categories ?? categories) },
    categories,
    lawEnforcementDelay: row.le_delay_kind ? { kind: row.le_delay_kind, statedAt: iso(row.le_delay_stated_at), until: iso(row.le_delay_until), agency: row.le_agency } : null,
    individuals: clients.filter((c) => !c.removed).reduce((n, c) => n + c.individuals, 0),
    clients,
    patients: patients.map((p) => ({ clientId: p.client_id, patientRef: p.patient_ref, origin: p.origin, removed: Number(p.removed) === 1, events: Number(p.events), reason: p.reason })),
    assessments: assessments.rows.map((a) => presentAssessment(a, names)),
    determination: assessments.determination,
    changes: changes.map((c) => ({ at: iso(c.changed_at), by: who(c.changed_by), changed: JSON.parse(c.changed) as string[], reason: c.reason })),
    closedAt: isoOrNull(row.closed_at),
    closeReason: row.close_reason,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** Every incident, open first (then newest), with its next deadline. */
export async function listIncidents(ctx: ActorContext, filter: { status?: 'open' | 'closed' | 'all' }, now = new Date()): Promise<IncidentSummary[]> {
  assertCan(ctx, 'read', 'ComplianceRecord');
  let q = ctx.db.selectFrom('incidents').selectAll();
  if ((filter.status ?? 'all') === 'open') q = q.where('status', '<>', 'closed');
  if (filter.status === 'closed') q = q.where('status', '=', 'closed');
  const rows = await q.orderBy('discovered_at', 'desc').limit(500).execute();
  const names = await staffNames(ctx, [...new Set(rows.flatMap((r) => (r.owner_id ? [r.owner_id] : [])))]);
  const out: IncidentSummary[] = [];
  for (const row of rows) {
    const assessments = await assessmentsOf(ctx, row.id);
    const clients = await affectedClients(ctx, row, now, assessments);
    const { determination } = assessments;
    const open = clients.filter((c) => !c.removed && (c.noticeState === 'due' || c.noticeState === 'overdue')).sort((a, b) => a.deadline.dueAt.localeCompare(b.deadline.dueAt))[0];
    out.push({
      id: row.id,
      ref: row.ref,
      type: row.type,
      status: row.status,
      discoveredAt: iso(row.discovered_at),
      owner: row.owner_id ? { id: row.owner_id, name: names.get(row.owner_id) ?? 'Unknown person' } : null,
      clients: clients.filter((c) => !c.removed).length,
      individuals: clients.filter((c) => !c.removed).reduce((n, c) => n + c.individuals, 0),
      determination,
      nextDeadline: open && row.status !== 'closed' ? { clientId: open.clientId, clientName: open.clientName, timeZone: open.timeZone, dueAt: open.deadline.dueAt, dueOn: open.deadline.dueOn, state: open.noticeState } : null,
    });
  }
  return out.sort((a, b) => Number(a.status === 'closed') - Number(b.status === 'closed'));
}

/** Changes the incident's facts; moving discovery needs a reason, since every clock starts there. */
export async function updateIncident(ctx: ActorContext, id: string, input: IncidentChanges): Promise<IncidentView> {
  assertCan(ctx, 'update', 'ComplianceRecord');
  await inTransaction(ctx, async (tx) => {
    const row = await findIncident(tx, id);
    assertOpen(row);
    const set: Partial<IncidentRow> = {};
    if (input.type !== undefined) set.type = input.type;
    if (input.description !== undefined) set.description = input.description.trim();
    if (input.discoveredAt !== undefined && iso(input.discoveredAt) !== iso(row.discovered_at)) {
      if (Date.parse(input.discoveredAt) > Date.now() + 60_000) throw invalidField('discoveredAt', 'must not be in the future');
      if (!input.reason) throw invalidField('reason', 'say why discovery moved: every deadline starts there');
      set.discovered_at = iso(input.discoveredAt);
    }
    if (input.occurredFrom !== undefined) set.occurred_from = input.occurredFrom ? iso(input.occurredFrom) : null;
    if (input.occurredTo !== undefined) set.occurred_to = input.occurredTo ? iso(input.occurredTo) : null;
    assertWindow(set.occurred_from !== undefined ? set.occurred_from : row.occurred_from, set.occurred_to !== undefined ? set.occurred_to : row.occurred_to);
    if (input.ownerId !== undefined) {
      if (input.ownerId !== null && (await activeUserIds(tx.db, [input.ownerId])).length === 0) throw invalidField('ownerId', 'is not an active person of the organization');
      set.owner_id = input.ownerId;
    }
    if (input.hhsBreachType !== undefined) set.hhs_breach_type = input.hhsBreachType;
    if (input.hhsLocation !== undefined) set.hhs_location = input.hhsLocation;
    if (input.lawEnforcementDelay !== undefined) {
      const d = input.lawEnforcementDelay;
      if (d === null) Object.assign(set, { le_delay_kind: null, le_delay_stated_at: null, le_delay_until: null, le_agency: null });
      else {
        if (Date.parse(d.until) <= Date.parse(d.statedAt)) throw invalidField('lawEnforcementDelay.until', 'must be after statedAt');
        // An oral statement delays for at most 30 days (45 CFR 164.412(b)); a written one for what it states.
        const cap = Date.parse(d.statedAt) + ORAL_DELAY_DAYS * 86_400_000;
        const until = d.kind === 'oral' ? new Date(Math.min(Date.parse(d.until), cap)).toISOString() : iso(d.until);
        Object.assign(set, { le_delay_kind: d.kind, le_delay_stated_at: iso(d.statedAt), le_delay_until: until, le_agency: d.agency?.trim() || null });
      }
    }
    const changed = Object.keys(set);
    if (changed.length === 0) return;
    await tx.db.updateTable('incidents').set({ ...set, updated_at: new Date().toISOString() }).where('id', '=', id).execute();
    await markAssessing(tx, row);
    await recordChange(tx, id, changed, input.reason?.trim() || null);
    await audit(tx, { action: 'incident.updated', resourceType: 'Incident', resourceId: id, details: { ref: row.ref, changed, status: row.status === 'reported' ? 'assessing' : row.status } });
    await retireStaleReminders(tx, await findIncident(tx, id));
  });
  return getIncident(ctx, id);
}

/** Edits the affected scope, with the reason: patients and clients added or removed, individual counts set by hand. */
export async function changeScope(ctx: ActorContext, id: string, input: ScopeChanges): Promise<IncidentView> {
  assertCan(ctx, 'update', 'ComplianceRecord');
  await inTransaction(ctx, async (tx) => {
    const row = await findIncident(tx, id);
    assertOpen(row);
    const reason = input.reason.trim();
    const clientIds = [...new Set([...(input.addClients ?? []), ...(input.addPatients ?? []).map((p) => p.clientId), ...(input.individuals ?? []).map((i) => i.clientId)])];
    const existing = await existingClientIds(tx.db, clientIds);
    const unknown = clientIds.find((c) => !existing.has(c));
    if (unknown) throw new AppError('not_found', 'Client not found', { field: 'clientId' });
    let added = 0;
    let removed = 0;
    const ensureClient = async (clientId: string) => {
      const have = await tx.db.selectFrom('incident_clients').select(['removed']).where('incident_id', '=', id).where('client_id', '=', clientId).executeTakeFirst();
      if (!have) await tx.db.insertInto('incident_clients', { incident_id: id, client_id: clientId, origin: 'added', removed: 0, individuals: null, reason }).execute();
      else if (Number(have.removed) === 1) await tx.db.updateTable('incident_clients').set({ removed: 0, reason }).where('incident_id', '=', id).where('client_id', '=', clientId).execute();
      return !have || Number(have.removed) === 1;
    };
    for (const clientId of input.addClients ?? []) if (await ensureClient(clientId)) added++;
    for (const p of input.addPatients ?? []) {
      await ensureClient(p.clientId);
      const ref = p.patientRef.toUpperCase();
      const have = await tx.db.selectFrom('incident_patients').select('removed').where('incident_id', '=', id).where('client_id', '=', p.clientId).where('patient_ref', '=', ref).executeTakeFirst();
      if (!have) await tx.db.insertInto('incident_patients', { incident_id: id, client_id: p.clientId, patient_ref: ref, origin: 'added', removed: 0, events: 0, reason }).execute();
      else if (Number(have.removed) === 1) await tx.db.updateTable('incident_patients').set({ removed: 0, reason }).where('incident_id', '=', id).where('client_id', '=', p.clientId).where('patient_ref', '=', ref).execute();
      else continue;
      added++;
    }
    for (const p of input.removePatients ?? []) {
      const res = await tx.db.updateTable('incident_patients').set({ removed: 1, reason }).where('incident_id', '=', id).where('client_id', '=', p.clientId).where('patient_ref', '=', p.patientRef.toUpperCase()).where('removed', '=', 0).executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) throw new AppError('not_found', `Patient ${p.patientRef} is not in this incident's scope`, { field: 'removePatients' });
      removed++;
    }
    for (const clientId of input.removeClients ?? []) {
      const res = await tx.db.updateTable('incident_clients').set({ removed: 1, reason }).where('incident_id', '=', id).where('client_id', '=', clientId).where('removed', '=', 0).executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) throw new AppError('not_found', 'Client is not in this incident’s scope', { field: 'removeClients' });
      removed++;
    }
    for (const { clientId, count } of input.individuals ?? []) {
      await ensureClient(clientId);
      await tx.db.updateTable('incident_clients').set({ individuals: count, reason }).where('incident_id', '=', id).where('client_id', '=', clientId).execute();
    }
    const [clients, patients] = await Promise.all([
      tx.db.selectFrom('incident_clients').select('client_id').where('incident_id', '=', id).where('removed', '=', 0).execute(),
      tx.db.selectFrom('incident_patients').select('patient_ref').where('incident_id', '=', id).where('removed', '=', 0).execute(),
    ]);
    await tx.db.updateTable('incidents').set({ updated_at: new Date().toISOString() }).where('id', '=', id).execute();
    await markAssessing(tx, row);
    await recordChange(tx, id, ['scope'], reason);
    await audit(tx, { action: 'incident.scope_changed', resourceType: 'Incident', resourceId: id, details: { ref: row.ref, clients: clients.length, patients: patients.length, added, removed, counts: (input.individuals ?? []).length } });
    await retireStaleReminders(tx, row);
  });
  return getIncident(ctx, id);
}

/** Derives the scope again from the trail (after the window or the person changed): what is new is added, edits stay. */
export async function rederiveScope(ctx: ActorContext, id: string): Promise<IncidentView> {
  assertCan(ctx, 'update', 'ComplianceRecord');
  await inTransaction(ctx, async (tx) => {
    const row = await findIncident(tx, id);
    assertOpen(row);
    const from: Parameters<typeof deriveScope>[1] = {};
    if (row.source_type === 'task' && row.source_id) {
      const task = await taskDisclosure(tx, row.source_id).catch(() => null);
      if (task) from.taskPatient = { clientId: task.clientId, patientRef: task.patientRef, agentId: task.agentId, since: task.createdAt, until: plusSecond(task.disclosedAt ?? iso(row.discovered_at)) };
    }
    if (row.source_type === 'alert' && row.source_id) {
      const alert = await alertFacts(tx, row.source_id).catch(() => null);
      if (alert) from.eventIds = alert.eventIds;
    }
    if (row.vendor_id) from.clientIds = (await vendorClientIds(tx.db, row.vendor_id))?.clientIds ?? [];
    if (row.subject_user_id && row.occurred_from) from.person = { userId: row.subject_user_id, from: iso(row.occurred_from), to: row.occurred_to ? iso(row.occurred_to) : iso(row.discovered_at) };
    const scope = await deriveScope(tx, from);
    await storeScope(tx, id, scope);
    const categories = [...new Set([...(JSON.parse(row.derived_categories) as DataCategory[]), ...scope.categories])].sort();
    await tx.db.updateTable('incidents').set({ derived_categories: JSON.stringify(categories), updated_at: new Date().toISOString() }).where('id', '=', id).execute();
    await markAssessing(tx, row);
    await recordChange(tx, id, ['scope'], null);
    await audit(tx, { action: 'incident.scope_changed', resourceType: 'Incident', resourceId: id, details: { ref: row.ref, clients: scope.clients.length, patients: scope.patients.length, added: 0, removed: 0, counts: 0 } });
  });
  return getIncident(ctx, id);
}

/** Closes an incident once every notice it owes has been sent. */
export async function closeIncident(ctx: ActorContext, id: string, reason: string): Promise<IncidentView> {
  assertCan(ctx, 'update', 'ComplianceRecord');
  await inTransaction(ctx, async (tx) => {
    const row = await findIncident(tx, id);
    assertOpen(row);
    const { rows } = await assessmentsOf(tx, id);
    if (!rows.some((a) => a.signed_at !== null)) throw new AppError('conflict', 'Sign the risk assessment before closing the incident', { field: 'assessment' });
    const clients = await affectedClients(tx, row);
    const unsent = clients.filter((c) => !c.removed && (c.noticeState === 'due' || c.noticeState === 'overdue'));
    if (unsent.length > 0) throw new AppError('conflict', `A notice is still owed to ${unsent.map((c) => c.clientName).join(', ')}`, { field: 'notices' });
    const now = new Date().toISOString();
    await tx.db.updateTable('incidents').set({ status: 'closed' satisfies IncidentStatus, closed_at: now, close_reason: reason.trim(), updated_at: now }).where('id', '=', id).execute();
    await recordChange(tx, id, ['status'], reason.trim());
    await audit(tx, { action: 'incident.closed', resourceType: 'Incident', resourceId: id, details: { ref: row.ref } });
    await retireStaleReminders(tx, { ...row, status: 'closed' }, clients);
  });
  return getIncident(ctx, id);
}

/** Categories and counts of an incident for its notices and the breach log. */
export async function incidentCategories(ctx: ActorContext, row: IncidentRow, known?: { categories: DataCategory[] | null }): Promise<DataCategory[]> {
  const { categories } = known ?? (await assessmentsOf(ctx, row.id));
  return categories ?? (JSON.parse(row.derived_categories) as DataCategory[]);
}

/** The patients in the scope of an open incident, as `clientId|patientRef`: their records are held (a recording is not destroyed). */
export async function patientsUnderOpenIncidents(ctx: Pick<ActorContext, 'db'>): Promise<Set<string>> {
  const rows = await ctx.db
    .selectFrom('incident_patients')
    .innerJoin('incidents', (j) => j.onRef('incidents.id', '=', 'incident_patients.incident_id').onRef('incidents.org_id', '=', 'incident_patients.org_id'))
    .select(['incident_patients.client_id', 'incident_patients.patient_ref'])
    .where('incidents.status', '<>', 'closed')
    .where('incident_patients.removed', '=', 0)
    .execute();
  return new Set(rows.map((r) => `${r.client_id}|${r.patient_ref}`));
}
