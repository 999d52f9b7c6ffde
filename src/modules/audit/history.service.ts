/**
 * A patient's side of the audit trail: the access history a compliance officer reads on
 * screen, and the accounting of disclosures a practice (the covered entity) asks for when a
 * patient requests one (45 CFR 164.528). Both read the events carrying the patient's
 * reference within its client, including those of records merged into it. Reading either is
 * itself an audit event about the patient.
 */
import { audit, type ActorContext } from '../../platform/context.ts';
import { assertCan } from '../../platform/authz/guard.ts';
import { auditEventPages, auditTime, searchAuditEvents, type AuditEventView } from '../../platform/audit/search.ts';
import { invalidField } from '../../platform/http/errors.ts';
import { clientSettings } from '../clients/index.ts';
import { patientAuditIdentity, type PatientAuditIdentity } from '../patients/index.ts';
import { staffProfiles, type StaffProfile } from '../users/index.ts';
import type { AccessHistory, DisclosureFormat, HistoryEntry } from './audit.schemas.ts';
import { disclosuresCsv, disclosuresPdf, type DisclosureHeading, type DisclosureRow } from './disclosures-document.ts';
import { entryMeaning, isAccounted, peopleNamed, personLabel } from './entry-kinds.ts';

/** An accounting covers at most six years (45 CFR 164.528(a)(3)), and a day for time zones. */
const MAX_PERIOD_MS = (6 * 366 + 1) * 86_400_000;

async function clientNameOf(ctx: ActorContext, clientId: string): Promise<{ name: string; timeZone: string }> {
  const client = await clientSettings(ctx.db, clientId);
  return { name: client?.name ?? 'Unknown client', timeZone: client?.timeZone ?? 'UTC' };
}

async function peopleOf(ctx: ActorContext, events: AuditEventView[]): Promise<Map<string, StaffProfile>> {
  const ids = new Set<string>();
  for (const e of events) {
    if (e.actorType === 'user' && e.actorId) ids.add(e.actorId);
    for (const id of peopleNamed(e)) ids.add(id);
  }
  return staffProfiles(ctx, [...ids]);
}

function actorOf(e: AuditEventView, people: Map<string, StaffProfile>): HistoryEntry['actor'] {
  const profile = e.actorType === 'user' && e.actorId ? people.get(e.actorId) : undefined;
  const tokenName = e.actorType === 'token' ? 'API token' : null;
  return { type: e.actorType, id: e.actorId, name: profile?.name ?? e.actorName ?? tokenName, email: profile?.email ?? e.actorEmail, roles: profile?.roles ?? [] };
}

function actorLabel(e: AuditEventView, people: Map<string, StaffProfile>): string {
  if (e.actorType === 'system') return 'Ringfence (automatic)';
  if (e.actorType === 'token') return 'An integration (API token)';
  return personLabel(e.actorId ? people.get(e.actorId) : undefined, e.actorEmail ?? 'a former member of staff');
}

/**
 * One page of a patient's access history, newest first (keyset paging as in audit search).
 * The caller's audit grant must reach the patient's client; otherwise the answer is the 404 of
 * a patient that does not exist. Each page shown is an `audit.patient_history_viewed` event.
 */
export async function patientAccessHistory(
  ctx: ActorContext,
  patientId: string,
  query: { before?: number; limit?: number; action?: string; from?: string; to?: string },
): Promise<AccessHistory> {
  assertCan(ctx, 'read', 'AuditEvent');
  const patient = await patientAuditIdentity(ctx, patientId, { action: 'read', subject: 'AuditEvent' });
  const client = await clientNameOf(ctx, patient.clientId);
  const page = await searchAuditEvents(ctx, { ...query, clientId: patient.clientId, patientRefs: patient.refs });
  const people = await peopleOf(ctx, page.items);
  const items = page.items.map((e): HistoryEntry => {
    const meaning = entryMeaning(e, people, client);
    return {
      id: e.id,
      occurredAt: e.occurredAt,
      action: e.action,
      kind: meaning.kind,
      description: meaning.description,
      outcome: e.outcome,
      actor: actorOf(e, people),
      recipient: meaning.recipient,
      patientRef: e.patientRef ?? patient.ref,
      resourceType: e.resourceType,
      resourceId: e.resourceId,
      fields: e.fields,
      categories: meaning.categories,
      purpose: e.purpose,
      details: e.details,
      sealed: e.sealed,
    };
  });
  // Written before the page leaves: if the record of this reading cannot be written, nothing is shown.
  await audit(ctx, {
    action: 'audit.patient_history_viewed',
    resourceType: 'Patient',
    resourceId: patient.id,
    clientId: patient.clientId,
    patientRef: patient.ref,
    details: { results: items.length, before: query.before ?? null },
  });
  return { patient: { id: patient.id, ref: patient.ref, clientId: patient.clientId, clientName: client.name, refs: patient.refs }, items, limit: page.limit, nextBefore: page.nextBefore, hasMore: page.hasMore };
}

/** Every access and disclosure of the patient in the period, oldest first, read a page at a time. */
async function* disclosureRows(ctx: ActorContext, patient: PatientAuditIdentity, client: { name: string }, from: string, to: string): AsyncGenerator<DisclosureRow> {
  for await (const events of auditEventPages(ctx, { clientId: patient.clientId, patientRefs: patient.refs, from, to })) {
    const people = await peopleOf(ctx, events);
    for (const e of events) {
      const meaning = entryMeaning(e, people, client);
      if (!isAccounted(meaning.kind)) continue;
      yield {
        eventId: e.id,
        occurredAt: e.occurredAt,
        kind: meaning.kind,
        action: e.action,
        description: meaning.description,
        person: actorLabel(e, people),
        recipient: meaning.recipient,
        what: meaning.what,
        fields: e.fields ?? [],
        categories: meaning.categories,
        purpose: e.purpose,
        outcome: e.outcome,
        patientRef: e.patientRef ?? patient.ref,
      };
    }
  }
}

export interface DisclosureDocument {
  fileName: string;
  contentType: string;
  /** The document, produced as the events are read. */
  chunks: AsyncIterable<Buffer | string>;
}

function periodOrThrow(fromText: string, toText: string): { from: string; to: string } {
  const from = auditTime(fromText, 'from');
  const to = auditTime(toText, 'to');
  if (to <= from) throw invalidField('to', 'must be later than from');
  if (Date.parse(to) - Date.parse(from) > MAX_PERIOD_MS) throw invalidField('from', 'must be at most six years before to');
  return { from, to };
}

/**
 * The accounting of disclosures of one patient over a period, as PDF or CSV: each access and
 * disclosure with its time, who (the person and their roles, or the recipient outside the
 * workforce), what (field names and categories), the purpose and the action. The patient is
 * named by reference only. The download is an `audit.disclosures_exported` event, written
 * before the first byte.
 */
export async function patientDisclosures(ctx: ActorContext, patientId: string, query: { from: string; to: string; format?: DisclosureFormat }): Promise<DisclosureDocument> {
  assertCan(ctx, 'export', 'AuditEvent');
  const format = query.format ?? 'pdf';
  const period = periodOrThrow(query.from, query.to);
  const patient = await patientAuditIdentity(ctx, patientId, { action: 'export', subject: 'AuditEvent' });
  const client = await clientNameOf(ctx, patient.clientId);
  const organization = (await ctx.db.organization()).name;
  const generatedBy = ctx.actor.type === 'user' ? `${ctx.actor.displayName} <${ctx.actor.email}>` : ctx.actor.type === 'token' ? `API token ${ctx.actor.name}` : 'Ringfence';
  await audit(ctx, {
    action: 'audit.disclosures_exported',
    resourceType: 'Patient',
    resourceId: patient.id,
    clientId: patient.clientId,
    patientRef: patient.ref,
    details: { format, from: period.from, to: period.to },
  });
  const heading: DisclosureHeading = {
    organization,
    clientName: client.name,
    timeZone: client.timeZone,
    patientRef: patient.ref,
    otherRefs: patient.refs.filter((r) => r !== patient.ref),
    from: period.from,
    to: period.to,
    generatedAt: new Date().toISOString(),
    generatedBy,
  };
  const rows = disclosureRows(ctx, patient, client, period.from, period.to);
  const base = `disclosures-${patient.ref}-${period.from.slice(0, 10)}-to-${period.to.slice(0, 10)}`;
  return format === 'csv'
    ? { fileName: `${base}.csv`, contentType: 'text/csv; charset=utf-8', chunks: disclosuresCsv(heading, rows) }
    : { fileName: `${base}.pdf`, contentType: 'application/pdf', chunks: disclosuresPdf(heading, rows) };
}
