/** Anomaly alerts for the compliance officer: list, open with the events behind them, assign, resolve; and the rules' settings. */
import { assertCan } from '../../platform/authz/guard.ts';
import { auditEventViews } from '../../platform/audit/feed.ts';
import type { AuditEventView } from '../../platform/audit/search.ts';
import { actorUserId, audit, inTransaction, type ActorContext } from '../../platform/context.ts';
import { AppError, invalidField } from '../../platform/http/errors.ts';
import { activeUserIds, staffNames } from '../users/index.ts';
import { patientIdByRef } from '../patients/index.ts';
import { peopleGranted } from '../../platform/authz/ability.ts';
import { ANOMALY_RULES, ANOMALY_RULE_NAMES, ruleSettings, type AnomalyRule, type RuleSetting } from './anomaly.ts';
import type { AlertSeverity, AlertStatus, AuditAlertsTable } from './audit.tables.ts';
import './audit.audit.ts';
import { isoTime as iso } from '../../platform/db/timestamps.ts';

export interface AlertView {
  id: string;
  rule: string;
  ruleLabel: string;
  severity: AlertSeverity;
  status: AlertStatus;
  raisedAt: string;
  person: { id: string; name: string } | null;
  clientId: string | null;
  patientRef: string | null;
  /** The patient the reference names (for their access history), when it still exists. */
  patientId: string | null;
  summary: string;
  eventIds: number[];
  assignedTo: { id: string; name: string } | null;
  resolution: { reason: string; by: { id: string; name: string } | null; at: string } | null;
  incidentId: string | null;
}


async function views(ctx: ActorContext, rows: AuditAlertsTable[]): Promise<AlertView[]> {
  const ids = [...new Set(rows.flatMap((r) => [r.person_id, r.assigned_to, r.resolved_by].filter((x): x is string => x !== null)))];
  const names = await staffNames(ctx, ids);
  const who = (id: string | null) => (id ? { id, name: names.get(id) ?? 'Unknown person' } : null);
  const patients = new Map<string, string | null>();
  for (const r of rows) {
    const key = `${r.client_id}|${r.patient_ref}`;
    if (r.client_id && r.patient_ref && !patients.has(key)) patients.set(key, await patientIdByRef(ctx, r.client_id, r.patient_ref));
  }
  return rows.map((r) => ({
    id: r.id,
    rule: r.rule,
    ruleLabel: ANOMALY_RULES[r.rule as AnomalyRule]?.label ?? r.rule,
    severity: r.severity,
    status: r.status,
    raisedAt: iso(r.raised_at),
    person: who(r.person_id),
    clientId: r.client_id,
    patientRef: r.patient_ref,
    patientId: patients.get(`${r.client_id}|${r.patient_ref}`) ?? null,
    summary: r.summary,
    eventIds: JSON.parse(r.event_ids) as number[],
    assignedTo: who(r.assigned_to),
    resolution: r.resolved_at ? { reason: r.resolution_reason ?? '', by: who(r.resolved_by), at: iso(r.resolved_at) } : null,
    incidentId: r.incident_id,
  }));
}

/** Alerts, open first (highest severity, newest), or the closed ones, newest first. */
export async function listAlerts(ctx: ActorContext, status: 'open' | 'closed' | 'all'): Promise<AlertView[]> {
  assertCan(ctx, 'read', 'AuditEvent');
  let q = ctx.db.selectFrom('audit_alerts').selectAll();
  if (status === 'open') q = q.where('status', '=', 'open');
  if (status === 'closed') q = q.where('status', '<>', 'open');
  const rows = await q.orderBy('raised_at', 'desc').limit(200).execute();
  const rank = { high: 0, medium: 1, low: 2 } as const;
  const sorted = status === 'open' ? [...rows].sort((a, b) => rank[a.severity] - rank[b.severity] || iso(b.raised_at).localeCompare(iso(a.raised_at))) : rows;
  return views(ctx, sorted);
}

/** How many alerts are open, and how many of them high, for the in-app notice. */
export async function alertSummary(ctx: ActorContext): Promise<{ open: number; high: number }> {
  assertCan(ctx, 'read', 'AuditEvent');
  const rows = await ctx.db.selectFrom('audit_alerts').select(['severity', (eb) => eb.fn.countAll<number>().as('n')]).where('status', '=', 'open').groupBy('severity').execute();
  return { open: rows.reduce((n, r) => n + Number(r.n), 0), high: Number(rows.find((r) => r.severity === 'high')?.n ?? 0) };
}

async function findAlert(ctx: ActorContext, id: string): Promise<AuditAlertsTable> {
  const row = await ctx.db.selectFrom('audit_alerts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No such alert');
  return row;
}

/** One alert with the events behind it. */
export async function getAlert(ctx: ActorContext, id: string): Promise<AlertView & { events: AuditEventView[] }> {
  assertCan(ctx, 'read', 'AuditEvent');
  const row = await findAlert(ctx, id);
  const [view] = await views(ctx, [row]);
  return { ...view!, events: await auditEventViews(ctx.db, JSON.parse(row.event_ids) as number[]) };
}

/** Assigns an alert to a compliance officer (someone who can read the trail). */
export async function assignAlert(ctx: ActorContext, id: string, assigneeId: string): Promise<AlertView> {
  assertCan(ctx, 'manage', 'ComplianceRecord');
  return inTransaction(ctx, async (tx) => {
    const row = await findAlert(tx, id);
    // Alerts go to those who can read the trail they point into.
    const readers = await peopleGranted(tx.db, 'read', 'AuditEvent');
    if (!readers.includes(assigneeId) || (await activeUserIds(tx.db, [assigneeId])).length === 0) throw invalidField('userId', 'Not an active person who can read the audit trail');
    await tx.db.updateTable('audit_alerts').set({ assigned_to: assigneeId, assigned_at: new Date().toISOString() }).where('id', '=', row.id).execute();
    await audit(tx, { action: 'audit.alert_assigned', resourceType: 'AuditAlert', resourceId: row.id, clientId: row.client_id, details: { alertId: row.id, assigneeId } });
    return (await views(tx, [await findAlert(tx, id)]))[0]!;
  });
}

/** Resolves an open alert: benign (with the reason) or escalated (to an incident, when one is named). */
export async function resolveAlert(ctx: ActorContext, id: string, input: { outcome: 'benign' | 'escalated'; reason: string; incidentId?: string | null }): Promise<AlertView> {
  assertCan(ctx, 'manage', 'ComplianceRecord');
  return inTransaction(ctx, async (tx) => {
    const row = await findAlert(tx, id);
    if (row.status !== 'open') throw new AppError('conflict', 'This alert is already resolved');
    const now = new Date().toISOString();
    await tx.db
      .updateTable('audit_alerts')
      .set({ status: input.outcome, resolved_by: actorUserId(tx), resolved_at: now, resolution_reason: input.reason, incident_id: input.incidentId ?? null, assigned_to: row.assigned_to ?? actorUserId(tx) })
      .where('id', '=', row.id)
      .execute();
    await audit(tx, { action: 'audit.alert_resolved', resourceType: 'AuditAlert', resourceId: row.id, clientId: row.client_id, details: { alertId: row.id, outcome: input.outcome, incidentId: input.incidentId ?? null } });
    return (await views(tx, [await findAlert(tx, id)]))[0]!;
  });
}

/** Every rule with the organization's settings, its label and what it looks for. */
export async function listRules(ctx: ActorContext): Promise<(RuleSetting & { label: string; description: string; defaults: Record<string, number> })[]> {
  assertCan(ctx, 'read', 'AuditEvent');
  const settings = await ruleSettings(ctx.db);
  return ANOMALY_RULE_NAMES.map((rule) => ({ ...settings.get(rule)!, label: ANOMALY_RULES[rule].label, description: ANOMALY_RULES[rule].description, defaults: { ...ANOMALY_RULES[rule].params } }));
}

/** Changes a rule's settings; thresholds must be ones the rule has, as non-negative numbers. */
export async function updateRule(ctx: ActorContext, rule: AnomalyRule, input: { enabled: boolean; severity: AlertSeverity; params?: Record<string, number> }): Promise<RuleSetting> {
  assertCan(ctx, 'manage', 'ComplianceRecord');
  const known = ANOMALY_RULES[rule].params as Record<string, number>;
  for (const [key, value] of Object.entries(input.params ?? {})) {
    if (!(key in known)) throw invalidField(`params.${key}`, `The rule ${rule} has no threshold ${key}`);
    if (!Number.isFinite(value) || value < 0) throw invalidField(`params.${key}`, 'Must be a number of zero or more');
  }
  const params = { ...known, ...(input.params ?? {}) };
  return inTransaction(ctx, async (tx) => {
    const now = new Date().toISOString();
    const values = { enabled: input.enabled ? 1 : 0, severity: input.severity, params: JSON.stringify(params), updated_at: now, updated_by: actorUserId(tx) };
    await tx.db
      .insertInto('audit_anomaly_rules', { rule, ...values })
      .onConflict((oc) => oc.columns(['org_id', 'rule']).doUpdateSet(values))
      .execute();
    await audit(tx, { action: 'audit.rule_changed', resourceType: 'AnomalyRule', resourceId: rule, details: { rule, enabled: input.enabled, severity: input.severity, params } });
    return { rule, enabled: input.enabled, severity: input.severity, params };
  });
}

/** What an incident opened from an alert starts from: the alert's subject and the events behind it. */
export interface AlertFacts {
  id: string;
  status: AlertStatus;
  raisedAt: string;
  personId: string | null;
  clientId: string | null;
  patientRef: string | null;
  eventIds: number[];
  incidentId: string | null;
}

/** One alert's facts, for the compliance officer escalating it; not found for anyone else. */
export async function alertFacts(ctx: ActorContext, id: string): Promise<AlertFacts> {
  assertCan(ctx, 'read', 'AuditEvent');
  const r = await findAlert(ctx, id);
  return { id: r.id, status: r.status, raisedAt: iso(r.raised_at), personId: r.person_id, clientId: r.client_id, patientRef: r.patient_ref, eventIds: JSON.parse(r.event_ids) as number[], incidentId: r.incident_id };
}
