/**
 * What each affected client is owed, and the notices that pay it: the deadline from the
 * client's own BAA (deadlines.ts), whether its trigger makes a notice owed under the
 * determination, the letters generated from the record (each a snapshot of the facts it
 * states, kept with its checksum), their sending, and the reminders before they fall due.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { DataCategory } from '../../platform/authz/catalogue.ts';
import { assertCan } from '../../platform/authz/guard.ts';
import { actorUserId, audit, inTransaction, type ActorContext } from '../../platform/context.ts';
import type { RingfenceDatabase } from '../../platform/db/database.ts';
import { tenantDb, type TenantDb } from '../../platform/db/tenant-db.ts';
import { AppError, invalidField, notFound } from '../../platform/http/errors.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { clientNoticeTerms, raiseIncidentNoticeReminders, retireIncidentNoticeReminders, type IncidentNoticeReminder, type NoticeTrigger } from '../compliance/index.ts';
import { staffNames, staffProfiles } from '../users/index.ts';
import { clientDates, dueReminderStep, noticeDeadline, type LawEnforcementDelay } from './deadlines.ts';
import type { AffectedClient, DeadlineView, NoticeView, SentInput } from './incidents.schemas.ts';
import type { Determination, IncidentRow, NoticeRow } from './incidents.tables.ts';
import { TYPE_LABELS, assessmentsOf, findIncident, hhsPhiTypes, incidentCategories } from './incidents.service.ts';
import { isoTime as iso, isoTimeOrNull as isoOrNull } from '../../platform/db/timestamps.ts';
import { renderLetterMarkdown, type LetterFacts } from './letter.ts';

/** Whether a client is owed a notice under its BAA's trigger and the determination (null: not yet determined). */
export function obligationOf(trigger: NoticeTrigger, determination: Determination | null): AffectedClient['obligation'] {
  if (trigger === 'security_incident') return 'owed';
  if (trigger === 'impermissible_use') return determination === 'excluded' ? 'not_owed' : 'owed';
  // An impermissible use or disclosure is presumed a breach until the assessment shows otherwise (164.402(2)).
  return determination === 'breach' ? 'owed' : determination === null ? 'presumed' : 'not_owed';
}

function delayOf(row: IncidentRow): LawEnforcementDelay | null {
  return row.le_delay_kind && row.le_delay_stated_at && row.le_delay_until ? { kind: row.le_delay_kind, statedAt: iso(row.le_delay_stated_at), until: iso(row.le_delay_until) } : null;
}

function presentNotice(n: NoticeRow, dueAt: string, names: Map<string, string>): NoticeView {
  const who = (id: string | null) => (id ? { id, name: names.get(id) ?? 'Unknown person' } : null);
  const sentAt = isoOrNull(n.sent_at);
  return {
    id: n.id,
    clientId: n.client_id,
    sequence: Number(n.sequence),
    previousId: n.previous_id,
    sha256: n.sha256,
    generatedAt: iso(n.generated_at),
    generatedBy: who(n.generated_by),
    sent: sentAt ? { at: sentAt, by: who(n.sent_by), via: n.sent_via!, to: n.sent_to ?? '', late: Number(n.sequence) === 1 && sentAt >= dueAt, lateReason: n.late_reason } : null,
  };
}

/** Every client in the incident's scope with its terms, deadline, obligation and notices. */
export async function affectedClients(ctx: ActorContext, row: IncidentRow, now = new Date(), known?: { determination: Determination | null }): Promise<AffectedClient[]> {
  const [clients, patients, notices, { determination }] = await Promise.all([
    ctx.db.selectFrom('incident_clients').selectAll().where('incident_id', '=', row.id).execute(),
    ctx.db.selectFrom('incident_patients').select(['client_id']).where('incident_id', '=', row.id).where('removed', '=', 0).execute(),
    ctx.db.selectFrom('incident_notices').selectAll().where('incident_id', '=', row.id).orderBy('sequence').execute(),
    known ?? assessmentsOf(ctx, row.id),
  ]);
  if (clients.length === 0) return [];
  const discoveredAt = iso(row.discovered_at);
  const terms = await clientNoticeTerms(ctx.db, clients.map((c) => c.client_id), discoveredAt);
  const names = await staffNames(ctx, [...new Set(notices.flatMap((n) => [n.generated_by, n.sent_by].filter((x): x is string => x !== null)))]);
  const delay = delayOf(row);
  const out: AffectedClient[] = [];
  for (const c of clients) {
    const t = terms.get(c.client_id);
    if (!t) continue;
    const deadline = noticeDeadline(discoveredAt, { window: t.window, unit: t.unit }, t.timeZone, delay);
    const own = notices.filter((n) => n.client_id === c.client_id).map((n) => presentNotice(n, deadline.dueAt, names));
    const first = own.find((n) => n.sequence === 1)?.sent ?? null;
    const obligation = obligationOf(t.trigger, determination);
    const removed = Number(c.removed) === 1;
    const noticeState: AffectedClient['noticeState'] = first ? (first.late ? 'sent_late' : 'sent') : obligation === 'not_owed' || removed ? 'not_owed' : now.getTime() >= Date.parse(deadline.dueAt) ? 'overdue' : 'due';
    const counted = patients.filter((p) => p.client_id === c.client_id).length;
    out.push({
      clientId: c.client_id,
      clientName: t.clientName,
      timeZone: t.timeZone,
      origin: c.origin,
      removed,
      reason: c.reason,
      individuals: c.individuals === null ? counted : Number(c.individuals),
      individualsSetByHand: c.individuals !== null,
      terms: { baaId: t.baaId, window: t.window, unit: t.unit, trigger: t.trigger },
      deadline,
      obligation,
      noticeState,
      notices: own,
    });
  }
  return out.sort((a, b) => Number(a.removed) - Number(b.removed) || a.deadline.dueAt.localeCompare(b.deadline.dueAt) || a.clientName.localeCompare(b.clientName));
}

/** Retires the reminders a change made stale: a notice sent or no longer owed, a deadline that moved, a closed incident. */
export async function retireStaleReminders(ctx: ActorContext, row: IncidentRow, known?: AffectedClient[]): Promise<void> {
  const clients = known ?? (await affectedClients(ctx, row));
  const open = row.status !== 'closed';
  await retireIncidentNoticeReminders(
    ctx.db,
    clients.map((c) => ({ incidentId: row.id, clientId: c.clientId, ...(open && (c.noticeState === 'due' || c.noticeState === 'overdue') ? { keepDueOn: c.deadline.dueOn } : {}) })),
    actorUserId(ctx),
  );
}

/** Every notice still owed, soonest first, overdue ones included: the compliance dashboard's card. */
export async function openDeadlines(ctx: ActorContext, now = new Date()): Promise<DeadlineView[]> {
  assertCan(ctx, 'read', 'ComplianceRecord');
  const rows = await ctx.db.selectFrom('incidents').selectAll().where('status', '<>', 'closed').execute();
  const out: DeadlineView[] = [];
  for (const row of rows) {
    for (const c of await affectedClients(ctx, row, now)) {
      if (c.noticeState !== 'due' && c.noticeState !== 'overdue') continue;
      out.push({
        incidentId: row.id,
        ref: row.ref,
        clientId: c.clientId,
        clientName: c.clientName,
        timeZone: c.timeZone,
        dueAt: c.deadline.dueAt,
        dueOn: c.deadline.dueOn,
        state: c.noticeState,
        obligation: c.obligation === 'presumed' ? 'presumed' : 'owed',
        hoursLeft: Math.round((Date.parse(c.deadline.dueAt) - now.getTime()) / 36_000) / 100,
      });
    }
  }
  return out.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

async function findNotice(ctx: ActorContext, incidentId: string, noticeId: string): Promise<NoticeRow> {
  const n = await ctx.db.selectFrom('incident_notices').selectAll().where('incident_id', '=', incidentId).where('id', '=', noticeId).executeTakeFirst();
  if (!n) throw notFound('Notice');
  return n;
}

/** The facts a letter to `clientId` states, from the record as it stands. */
async function letterFacts(ctx: ActorContext, row: IncidentRow, client: AffectedClient, sequence: number, previous: NoticeRow | null, generatedAt: string): Promise<LetterFacts> {
  const assessments = await assessmentsOf(ctx, row.id);
  const [organization, categories, patients] = await Promise.all([
    ctx.db.organization(),
    incidentCategories(ctx, row, assessments),
    ctx.db.selectFrom('incident_patients').select('patient_ref').where('incident_id', '=', row.id).where('client_id', '=', client.clientId).where('removed', '=', 0).orderBy('patient_ref').execute(),
  ]);
  const signed = assessments.rows.find((a) => a.signed_at !== null) ?? null;
  const mitigation = signed ? ((JSON.parse(signed.factors) as { mitigation: { text: string | null } }).mitigation.text ?? null) : null;
  const contactId = row.owner_id ?? actorUserId(ctx);
  const contact = contactId ? (await staffProfiles(ctx, [contactId])).get(contactId) : undefined;
  const delay = delayOf(row);
  return {
    organization: organization.name,
    client: { id: client.clientId, name: client.clientName, timeZone: client.timeZone },
    ref: row.ref,
    type: row.type,
    typeLabel: TYPE_LABELS[row.type],
    description: row.description,
    occurredFrom: isoOrNull(row.occurred_from),
    occurredTo: isoOrNull(row.occurred_to),
    discoveredAt: iso(row.discovered_at),
    hhs: { breachType: row.hhs_breach_type, location: row.hhs_location, phiTypes: hhsPhiTypes(categories) },
    categories: categories.filter((c): c is Exclude<DataCategory, 'operational'> => c !== 'operational'),
    individuals: client.individuals,
    patientRefs: patients.map((p) => p.patient_ref),
    determination: assessments.determination,
    mitigation,
    deadline: { dueAt: client.deadline.dueAt, dueOn: client.deadline.dueOn },
    clientDates: clientDates(iso(row.discovered_at), client.individuals, client.timeZone),
    contact: contact ? { name: contact.name, email: contact.email } : null,
    lawEnforcementDelay: delay ? { kind: delay.kind, until: delay.until } : null,
    sequence,
    previous: previous ? { id: previous.id, generatedAt: iso(previous.generated_at), sentAt: isoOrNull(previous.sent_at) } : null,
    generatedAt,
  };
}

/**
 * Generates the letter to one affected client from the record as it stands. A letter not yet
 * sent is generated again in place (the facts moved on); once one is sent, the next is a
 * supplemental notice linked to it.
 */
export async function generateNotice(ctx: ActorContext, incidentId: string, clientId: string): Promise<NoticeView> {
  assertCan(ctx, 'update', 'ComplianceRecord');
  return inTransaction(ctx, async (tx) => {
    const row = await findIncident(tx, incidentId);
    if (row.status === 'closed') throw new AppError('conflict', `Incident ${row.ref} is closed`, { field: 'status' });
    const client = (await affectedClients(tx, row)).find((c) => c.clientId === clientId && !c.removed);
    if (!client) throw new AppError('not_found', 'The client is not affected by this incident', { field: 'clientId' });
    const notices = await tx.db.selectFrom('incident_notices').selectAll().where('incident_id', '=', incidentId).where('client_id', '=', clientId).orderBy('sequence', 'desc').execute();
    const latest = notices[0] ?? null;
    const replacing = latest && latest.sent_at === null ? latest : null;
    const sequence = replacing ? Number(replacing.sequence) : (latest ? Number(latest.sequence) : 0) + 1;
    const previous = replacing ? (notices.find((n) => Number(n.sequence) === sequence - 1) ?? null) : latest;
    const generatedAt = new Date().toISOString();
    const facts = await letterFacts(tx, row, client, sequence, previous, generatedAt);
    const sha256 = createHash('sha256').update(renderLetterMarkdown(facts)).digest('hex');
    const id = replacing?.id ?? randomUUID();
    if (replacing) await tx.db.updateTable('incident_notices').set({ facts: JSON.stringify(facts), sha256, generated_at: generatedAt, generated_by: actorUserId(tx) }).where('id', '=', id).execute();
    else await tx.db.insertInto('incident_notices', { id, incident_id: incidentId, client_id: clientId, sequence, previous_id: previous?.id ?? null, facts: JSON.stringify(facts), sha256, generated_by: actorUserId(tx), generated_at: generatedAt, sent_at: null, sent_by: null, sent_via: null, sent_to: null, late_reason: null }).execute();
    if (row.status !== 'notifying') await tx.db.updateTable('incidents').set({ status: 'notifying', updated_at: generatedAt }).where('id', '=', incidentId).execute();
    await audit(tx, { action: 'incident.notice_generated', resourceType: 'Incident', resourceId: incidentId, clientId, details: { ref: row.ref, clientId, sequence, sha256 } });
    const names = await staffNames(tx, [actorUserId(tx)].filter((x): x is string => x !== null));
    return presentNotice(await findNotice(tx, incidentId, id), client.deadline.dueAt, names);
  });
}

/** A letter's facts, as generated; each read is an audit event (the attachment lists patient references). */
export async function readNotice(ctx: ActorContext, incidentId: string, noticeId: string, format: 'pdf' | 'md' | 'patients'): Promise<{ facts: LetterFacts; ref: string }> {
  const row = await findIncident(ctx, incidentId);
  const notice = await findNotice(ctx, incidentId, noticeId);
  await inTransaction(ctx, (tx) => audit(tx, { action: 'incident.notice_read', resourceType: 'Incident', resourceId: incidentId, clientId: notice.client_id, details: { ref: row.ref, noticeId, format } }));
  return { facts: JSON.parse(notice.facts) as LetterFacts, ref: row.ref };
}

/** Records that a letter was sent: how, to whom, when; a late first notice needs the reason for the delay. */
export async function markNoticeSent(ctx: ActorContext, incidentId: string, noticeId: string, input: SentInput): Promise<NoticeView> {
  assertCan(ctx, 'update', 'ComplianceRecord');
  return inTransaction(ctx, async (tx) => {
    const row = await findIncident(tx, incidentId);
    const notice = await findNotice(tx, incidentId, noticeId);
    if (notice.sent_at !== null) throw new AppError('conflict', 'This letter was sent already: generate a supplemental notice for what is new', { field: 'sentAt' });
    const sentAt = input.sentAt ? iso(input.sentAt) : new Date().toISOString();
    if (Date.parse(sentAt) > Date.now() + 60_000) throw invalidField('sentAt', 'must not be in the future');
    if (Date.parse(sentAt) < Date.parse(iso(notice.generated_at)) - 86_400_000) throw invalidField('sentAt', 'must not be before the letter was generated');
    const client = (await affectedClients(tx, row)).find((c) => c.clientId === notice.client_id);
    const late = Number(notice.sequence) === 1 && client !== undefined && sentAt >= client.deadline.dueAt;
    if (late && !input.lateReason?.trim()) throw invalidField('lateReason', `the notice was due by ${client!.deadline.dueOn} (the client’s day): say why it is late`);
    await tx.db
      .updateTable('incident_notices')
      .set({ sent_at: sentAt, sent_by: actorUserId(tx), sent_via: input.via, sent_to: input.to.trim(), late_reason: late ? input.lateReason!.trim() : null })
      .where('id', '=', noticeId)
      .execute();
    await audit(tx, { action: 'incident.notice_sent', resourceType: 'Incident', resourceId: incidentId, clientId: notice.client_id, details: { ref: row.ref, noticeId, via: input.via, late } });
    // Sent: its reminders are done with.
    await retireIncidentNoticeReminders(tx.db, [{ incidentId, clientId: notice.client_id }], actorUserId(tx));
    const names = await staffNames(tx, [actorUserId(tx), notice.generated_by].filter((x): x is string => x !== null));
    return presentNotice(await findNotice(tx, incidentId, noticeId), client?.deadline.dueAt ?? sentAt, names);
  });
}

/** Records the reminder steps due at `now` for one organization's open incidents; returns how many are new. */
async function sweepOrganization(tenant: TenantDb, ctx: ActorContext, now: Date, jobs: Jobs | undefined): Promise<number> {
  const rows = await tenant.selectFrom('incidents').selectAll().where('status', '<>', 'closed').execute();
  const due: IncidentNoticeReminder[] = [];
  for (const row of rows) {
    const clients = await affectedClients(ctx, row, now);
    for (const c of clients) {
      if (c.noticeState !== 'due' && c.noticeState !== 'overdue') continue;
      // An overdue notice always has its last step, even when the incident was reported after the deadline.
      const step = c.noticeState === 'overdue' ? 100 : dueReminderStep(iso(row.discovered_at), c.deadline.dueAt, now);
      if (step !== null) due.push({ incidentId: row.id, reference: row.ref, clientId: c.clientId, clientName: c.clientName, dueOn: c.deadline.dueOn, step });
    }
    await retireStaleReminders(ctx, row, clients);
  }
  return raiseIncidentNoticeReminders(tenant, jobs, due);
}

/** Every organization with open incidents: the reminders their notices call for at `now`. */
export async function sweepIncidentReminders(database: RingfenceDatabase, systemContext: (orgId: string) => ActorContext, now = new Date(), jobs?: Jobs): Promise<number> {
  const orgs = await database.unsafeKysely.selectFrom('incidents').select('org_id').where('status', '<>', 'closed').distinct().execute();
  let created = 0;
  for (const { org_id } of orgs) {
    const tenant = tenantDb(database.unsafeKysely, database.engine, org_id);
    created += await tenant.transaction((db) => sweepOrganization(db, { ...systemContext(org_id), db }, now, jobs));
  }
  return created;
}
