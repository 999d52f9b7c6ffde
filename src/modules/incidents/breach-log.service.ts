/**
 * The breach log: per client and year, every incident that affected the client with its
 * determination and individual counts, as a covered entity needs it for its annual report of
 * breaches affecting fewer than 500 individuals (45 CFR 164.408(c)). The year is the client's
 * calendar year of discovery.
 */
import { DateTime } from 'luxon';
import { assertCan } from '../../platform/authz/guard.ts';
import { audit, inTransaction, type ActorContext } from '../../platform/context.ts';
import { csvCell } from '../../platform/http/csv.ts';
import type { BreachLogRow } from './incidents.schemas.ts';
import { assessmentsOf, hhsPhiTypes, incidentCategories } from './incidents.service.ts';
import { isoTime as iso } from '../../platform/db/timestamps.ts';
import { affectedClients } from './notices.service.ts';

export async function breachLog(ctx: ActorContext, filter: { clientId?: string; year: number }): Promise<BreachLogRow[]> {
  assertCan(ctx, 'read', 'ComplianceRecord');
  // A client's year can start a day before or end a day after UTC's.
  const from = new Date(Date.UTC(filter.year, 0, 1) - 86_400_000).toISOString();
  const to = new Date(Date.UTC(filter.year + 1, 0, 1) + 86_400_000).toISOString();
  const rows = await ctx.db.selectFrom('incidents').selectAll().where('discovered_at', '>=', from).where('discovered_at', '<', to).orderBy('discovered_at').execute();
  const out: BreachLogRow[] = [];
  for (const row of rows) {
    const assessments = await assessmentsOf(ctx, row.id);
    const [clients, categories] = await Promise.all([affectedClients(ctx, row, new Date(), assessments), incidentCategories(ctx, row, assessments)]);
    const { determination } = assessments;
    for (const c of clients) {
      if (c.removed || (filter.clientId && c.clientId !== filter.clientId)) continue;
      const local = (at: string | null) => (at ? DateTime.fromISO(at, { zone: c.timeZone }).toISODate() : null);
      const discoveredOn = local(iso(row.discovered_at))!;
      if (Number(discoveredOn.slice(0, 4)) !== filter.year) continue;
      const sent = c.notices.find((n) => n.sequence === 1)?.sent ?? null;
      out.push({
        incidentRef: row.ref,
        clientId: c.clientId,
        clientName: c.clientName,
        discoveredOn,
        occurredFrom: local(row.occurred_from ? iso(row.occurred_from) : null),
        occurredTo: local(row.occurred_to ? iso(row.occurred_to) : null),
        type: row.type,
        hhsBreachType: row.hhs_breach_type,
        hhsLocation: row.hhs_location,
        phiTypes: hhsPhiTypes(categories),
        determination,
        individuals: c.individuals,
        noticeSentOn: sent ? local(sent.at) : null,
        status: row.status,
      });
    }
  }
  return out.sort((a, b) => a.clientName.localeCompare(b.clientName) || a.discoveredOn.localeCompare(b.discoveredOn) || a.incidentRef.localeCompare(b.incidentRef));
}

/** The log as CSV (CRLF), audited as an export. */
export async function breachLogCsv(ctx: ActorContext, filter: { clientId?: string; year: number }): Promise<string> {
  const rows = await breachLog(ctx, filter);
  await inTransaction(ctx, (tx) => audit(tx, { action: 'incident.breach_log_exported', resourceType: 'Incident', clientId: filter.clientId ?? null, details: { clientId: filter.clientId ?? null, year: filter.year, rows: rows.length } }));
  const header = ['client', 'incident', 'discovered_on', 'occurred_from', 'occurred_to', 'type_of_breach', 'location_of_phi', 'type_of_phi', 'determination', 'individuals', 'notice_sent_on', 'status'];
  const lines = rows.map((r) => [r.clientName, r.incidentRef, r.discoveredOn, r.occurredFrom, r.occurredTo, r.hhsBreachType, r.hhsLocation, r.phiTypes.join('; '), r.determination ?? 'undetermined', r.individuals, r.noticeSentOn, r.status].map(csvCell).join(','));
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
