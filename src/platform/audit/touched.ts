/**
 * Which patients the trail shows were touched, and with which fields: for an incident's scope
 * (everything a lost device's user accessed in a window, the patients behind an alert's
 * events, the patient on a misdirected task). Grouped per client and patient reference, with
 * the data categories of the fields read or changed; never the values.
 */
import { categoryOf, SUBJECTS, type DataCategory, type SubjectType } from '../authz/catalogue.ts';
import type { TenantDb } from '../db/tenant-db.ts';
import { isoTime as iso } from '../db/timestamps.ts';

export interface TouchedPatient {
  clientId: string;
  patientRef: string;
  events: number;
  categories: DataCategory[];
  firstAt: string;
  lastAt: string;
}

export interface TouchedFilter {
  /** Events of this person (their user id). */
  actorId?: string;
  /** From this instant, inclusive. */
  from?: string;
  /** Until this instant, exclusive. */
  to?: string;
  /** Only these events. */
  eventIds?: readonly number[];
  /** Only this client and patient reference. */
  patient?: { clientId: string; patientRef: string };
}


/** The patients the matching events name, most events first, at most `limit` of them. */
export async function touchedPatients(tenant: TenantDb, filter: TouchedFilter, limit = 10_000): Promise<TouchedPatient[]> {
  if (filter.eventIds && filter.eventIds.length === 0) return [];
  let q = tenant.selectFrom('audit_events').select(['client_id', 'patient_ref', 'resource_type', 'fields', 'occurred_at']).where('patient_ref', 'is not', null).where('client_id', 'is not', null).where('outcome', '=', 'success');
  if (filter.actorId) q = q.where('actor_id', '=', filter.actorId);
  if (filter.from) q = q.where('occurred_at', '>=', filter.from);
  if (filter.to) q = q.where('occurred_at', '<', filter.to);
  if (filter.eventIds) q = q.where('id', 'in', [...filter.eventIds]);
  if (filter.patient) q = q.where('client_id', '=', filter.patient.clientId).where('patient_ref', '=', filter.patient.patientRef);
  const rows = await q.orderBy('id').limit(200_000).execute();
  const byPatient = new Map<string, TouchedPatient & { cats: Set<DataCategory> }>();
  for (const r of rows) {
    const key = `${r.client_id}|${r.patient_ref}`;
    const at = iso(r.occurred_at);
    const entry = byPatient.get(key) ?? { clientId: r.client_id!, patientRef: r.patient_ref!, events: 0, categories: [], firstAt: at, lastAt: at, cats: new Set<DataCategory>() };
    entry.events += 1;
    if (at < entry.firstAt) entry.firstAt = at;
    if (at > entry.lastAt) entry.lastAt = at;
    const subject = r.resource_type && r.resource_type in SUBJECTS ? (r.resource_type as SubjectType) : null;
    for (const field of r.fields ? (JSON.parse(r.fields) as string[]) : []) {
      const category = subject ? categoryOf(subject, field) : 'operational';
      if (category !== 'operational') entry.cats.add(category);
    }
    byPatient.set(key, entry);
  }
  return [...byPatient.values()]
    .map(({ cats, ...p }) => ({ ...p, categories: [...cats].sort() }))
    .sort((a, b) => b.events - a.events || a.clientId.localeCompare(b.clientId) || a.patientRef.localeCompare(b.patientRef))
    .slice(0, limit);
}
