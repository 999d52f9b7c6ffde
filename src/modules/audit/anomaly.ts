/**
 * Anomaly rules, evaluated as events arrive. The rules read the sealed trail in chain order from
 * their own position per organization (so every event is looked at once, whichever instance runs
 * them, and none is skipped after a crash), a second or two after the event was written: off the
 * request path, with the alert within seconds.
 *
 * Each rule is configurable per organization (on/off, severity, thresholds). Alerts hold fixed
 * words, counts, references and event ids; never PHI.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AuditEventRow } from '../../platform/audit/audit.tables.ts';
import { chainLengths, sealedEventsAfter } from '../../platform/audit/feed.ts';
import { inTransaction, type ActorContext } from '../../platform/context.ts';
import type { KeyRing } from '../../platform/crypto/keyring.ts';
import type { RingfenceDatabase } from '../../platform/db/database.ts';
import type { TenantDb } from '../../platform/db/tenant-db.ts';
import { unsafeSystemContext } from '../../platform/system-context.ts';
import { patientSharesFamilyName } from '../patients/index.ts';
import { hasTaskReason } from '../tasks/index.ts';
import { unsafePersonFacts } from '../users/index.ts';
import type { AlertSeverity } from './audit.tables.ts';

/** The rules, their default severity and thresholds, and what each looks for. */
export const ANOMALY_RULES = {
  no_reason: {
    label: 'Access to a patient without a reason',
    description: 'A person opened or revealed a patient with no callback of theirs for that patient, and none appeared within the grace period.',
    severity: 'medium' as AlertSeverity,
    params: { graceMinutes: 10 },
  },
  reveal_volume: {
    label: 'Reveals far above the person’s own baseline',
    description: 'More reveals in an hour than the person’s trailing average plus a number of standard deviations, and above a floor.',
    severity: 'high' as AlertSeverity,
    params: { sigma: 3, floor: 40, days: 14 },
  },
  unusual_hours: {
    label: 'Access at an unusual hour for the person',
    description: 'Access in an hour of the day in which the person, with enough history, almost never works.',
    severity: 'low' as AlertSeverity,
    params: { minHistory: 200, share: 0.01, days: 14 },
  },
  family_name: {
    label: 'Access to a patient who shares the person’s family name',
    description: 'Compared as blind-index digests under the client’s key; nothing is decrypted.',
    severity: 'high' as AlertSeverity,
    params: {},
  },
  bulk_export: {
    label: 'Bulk export or unusually large search',
    description: 'An export of the audit trail, or a search that returned more patients than the threshold.',
    severity: 'medium' as AlertSeverity,
    params: { searchResults: 50 },
  },
  after_deactivation: {
    label: 'Access attempt after deactivation',
    description: 'Someone tried to sign in as a deactivated person.',
    severity: 'high' as AlertSeverity,
    params: {},
  },
  new_network: {
    label: 'Sign-in from a new network',
    description: 'A person who has signed in before signed in from a network (IPv4 /24, IPv6 /64) never seen for them.',
    severity: 'low' as AlertSeverity,
    params: {},
  },
  break_glass: {
    label: 'Break-glass access',
    description: 'A person opened a patient of a client they are not assigned to, stating a reason. Always raised.',
    severity: 'high' as AlertSeverity,
    params: {},
  },
} as const;

export type AnomalyRule = keyof typeof ANOMALY_RULES;
export const ANOMALY_RULE_NAMES = Object.keys(ANOMALY_RULES) as AnomalyRule[];

export interface RuleSetting {
  rule: AnomalyRule;
  enabled: boolean;
  severity: AlertSeverity;
  params: Record<string, number>;
}

/** The organization's rule settings: its own where it set them, the defaults elsewhere. */
export async function ruleSettings(db: TenantDb): Promise<Map<AnomalyRule, RuleSetting>> {
  const rows = await db.selectFrom('audit_anomaly_rules').selectAll().execute();
  const own = new Map(rows.map((r) => [r.rule, r]));
  return new Map(
    ANOMALY_RULE_NAMES.map((rule) => {
      const row = own.get(rule);
      const defaults = ANOMALY_RULES[rule];
      return [rule, { rule, enabled: row ? Number(row.enabled) === 1 : true, severity: row?.severity ?? defaults.severity, params: { ...defaults.params, ...(row ? (JSON.parse(row.params) as Record<string, number>) : {}) } }];
    }),
  );
}

/** Reads of one patient's PHI by a person: reveals, reads of messages and pages, break-glass. */
const PATIENT_ACCESS = new Set(['phi.read', 'breakglass.opened']);
const hourOf = (iso: string) => iso.slice(0, 13);
const toIso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

/** An IPv4 /24 or an IPv6 /64, the unit a "new network" is counted in. */
export function networkOf(ip: string): string {
  const v4 = /^(?:::ffff:)?(\d+)\.(\d+)\.(\d+)\.\d+$/.exec(ip);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.0/24`;
  const groups = ip.split('::')[0]!.split(':');
  return `${groups.slice(0, 4).join(':')}::/64`;
}

interface Raise {
  rule: AnomalyRule;
  dedupeKey: string;
  personId: string | null;
  clientId: string | null;
  patientRef: string | null;
  summary: string;
  eventIds: number[];
}

/** Raises an alert once per dedupe key; true when it is new. */
async function raise(db: TenantDb, settings: Map<AnomalyRule, RuleSetting>, alert: Raise): Promise<boolean> {
  const setting = settings.get(alert.rule)!;
  const inserted = await db
    .insertInto('audit_alerts', {
      id: randomUUID(),
      rule: alert.rule,
      severity: setting.severity,
      status: 'open',
      raised_at: new Date().toISOString(),
      person_id: alert.personId,
      client_id: alert.clientId,
      patient_ref: alert.patientRef,
      summary: alert.summary,
      event_ids: JSON.stringify(alert.eventIds),
      dedupe_key: `${alert.rule}:${alert.dedupeKey}`,
      assigned_to: null,
      assigned_at: null,
      resolved_by: null,
      resolved_at: null,
      resolution_reason: null,
      incident_id: null,
    })
    .onConflict((oc) => oc.columns(['org_id', 'dedupe_key']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The person an event is about: its actor, or for sign-ins (made before anyone is signed in) the person signing in. */
function personOf(e: AuditEventRow): string | null {
  if (e.actor_type === 'user' && e.actor_id) return e.actor_id;
  if (e.action.startsWith('auth.') && e.resource_type === 'User') return e.resource_id;
  return null;
}

async function noReason(ctx: ActorContext, personId: string, clientId: string, patientRef: string): Promise<boolean> {
  return !(await hasTaskReason(ctx.db, { userId: personId, clientId, patientRef, anyOpenTask: false }));
}

/** The person's hourly counts over the trailing days before `hour` (hours without work count as zero). */
async function history(db: TenantDb, personId: string, hour: string, days: number): Promise<{ reveals: number[]; accessesByHourOfDay: number[]; total: number }> {
  const from = hourOf(new Date(Date.parse(`${hour}:00:00Z`) - days * 86_400_000).toISOString());
  const rows = await db.selectFrom('audit_person_hours').select(['hour', 'reveals', 'accesses']).where('user_id', '=', personId).where('hour', '>=', from).where('hour', '<', hour).execute();
  const reveals = new Array<number>(days * 24).fill(0);
  const byHour = new Array<number>(24).fill(0);
  let total = 0;
  const start = Date.parse(`${from}:00:00Z`);
  for (const r of rows) {
    const i = Math.round((Date.parse(`${r.hour}:00:00Z`) - start) / 3_600_000);
    if (i >= 0 && i < reveals.length) reveals[i] = Number(r.reveals);
    byHour[Number(r.hour.slice(11, 13))]! += Number(r.accesses);
    total += Number(r.accesses);
  }
  return { reveals, accessesByHourOfDay: byHour, total };
}

/** Looks at a batch of sealed events of one organization, in chain order, inside the caller's transaction. */
async function evaluateBatch(ctx: ActorContext, events: readonly AuditEventRow[], settings: Map<AnomalyRule, RuleSetting>): Promise<number> {
  const on = (rule: AnomalyRule) => settings.get(rule)!.enabled;
  const p = (rule: AnomalyRule) => settings.get(rule)!.params;
  let raised = 0;
  const counts = new Map<string, { personId: string; hour: string; reveals: number; accesses: number; eventIds: number[] }>();
  const family = new Map<string, string | null>();
  for (const e of events) {
    const personId = personOf(e);
    if (!personId) continue;
    const id = Number(e.id);
    const at = toIso(e.occurred_at);
    const details = e.details ? (JSON.parse(e.details) as Record<string, unknown>) : {};
    const access = PATIENT_ACCESS.has(e.action) || e.action === 'patient.searched';
    if (access) {
      const key = `${personId}|${hourOf(at)}`;
      const c = counts.get(key) ?? { personId, hour: hourOf(at), reveals: 0, accesses: 0, eventIds: [] };
      c.accesses += 1;
      if (e.action === 'phi.read' && e.resource_type === 'Patient') c.reveals += 1;
      c.eventIds.push(id);
      counts.set(key, c);
    }
    if (PATIENT_ACCESS.has(e.action) && e.patient_ref && e.client_id) {
      if (e.action === 'breakglass.opened' && on('break_glass')) {
        if (await raise(ctx.db, settings, { rule: 'break_glass', dedupeKey: String(id), personId, clientId: e.client_id, patientRef: e.patient_ref, summary: 'Break-glass access to a patient of a client the person is not assigned to', eventIds: [id] })) raised += 1;
      }
      if (on('no_reason') && e.action !== 'breakglass.opened' && (await noReason(ctx, personId, e.client_id, e.patient_ref))) {
        const grace = p('no_reason').graceMinutes ?? 10;
        if (grace <= 0) {
          if (await raise(ctx.db, settings, { rule: 'no_reason', dedupeKey: `${personId}:${e.patient_ref}:${at.slice(0, 10)}`, personId, clientId: e.client_id, patientRef: e.patient_ref, summary: 'Access to a patient with no callback of the person’s for them', eventIds: [id] })) raised += 1;
        } else {
          await ctx.db
            .insertInto('audit_anomaly_pending', { id: randomUUID(), rule: 'no_reason', event_id: id, person_id: personId, client_id: e.client_id, patient_ref: e.patient_ref, due_at: new Date(Date.parse(at) + grace * 60_000).toISOString() })
            .execute();
        }
      }
      if (on('family_name')) {
        if (!family.has(personId)) {
          const facts = await unsafePersonFacts(ctx.db, personId);
          const parts = facts?.displayName.trim().split(/\s+/) ?? [];
          family.set(personId, parts.length > 1 ? parts[parts.length - 1]! : null);
        }
        const name = family.get(personId);
        if (name && (await patientSharesFamilyName(ctx, e.client_id, e.patient_ref, name))) {
          if (await raise(ctx.db, settings, { rule: 'family_name', dedupeKey: `${personId}:${e.patient_ref}:${at.slice(0, 10)}`, personId, clientId: e.client_id, patientRef: e.patient_ref, summary: 'Access to a patient who shares the person’s family name', eventIds: [id] })) raised += 1;
        }
      }
    }
    if (on('bulk_export')) {
      const results = typeof details.results === 'number' ? details.results : 0;
      if (e.action === 'audit.exported') {
        if (await raise(ctx.db, settings, { rule: 'bulk_export', dedupeKey: String(id), personId, clientId: e.client_id, patientRef: null, summary: `Export of the audit trail (${String(details.format ?? 'file')})`, eventIds: [id] })) raised += 1;
      } else if ((e.action === 'patient.searched' || e.action === 'phi.read') && results > (p('bulk_export').searchResults ?? 50)) {
        if (await raise(ctx.db, settings, { rule: 'bulk_export', dedupeKey: String(id), personId, clientId: e.client_id, patientRef: null, summary: `A search that returned ${results} patients`, eventIds: [id] })) raised += 1;
      }
    }
    if (on('after_deactivation') && e.action === 'auth.login.failed' && details.reason === 'deactivated') {
      if (await raise(ctx.db, settings, { rule: 'after_deactivation', dedupeKey: `${personId}:${hourOf(at)}`, personId, clientId: null, patientRef: null, summary: 'Sign-in attempt as a deactivated person', eventIds: [id] })) raised += 1;
    }
    if (e.action === 'auth.login.succeeded' && e.ip) {
      const network = networkOf(e.ip);
      const known = await ctx.db.selectFrom('audit_person_networks').select('network').where('user_id', '=', personId).execute();
      if (!known.some((k) => k.network === network)) {
        await ctx.db.insertInto('audit_person_networks', { user_id: personId, network, first_seen: at }).onConflict((oc) => oc.columns(['org_id', 'user_id', 'network']).doNothing()).execute();
        if (known.length > 0 && on('new_network')) {
          if (await raise(ctx.db, settings, { rule: 'new_network', dedupeKey: `${personId}:${network}`, personId, clientId: null, patientRef: null, summary: `Sign-in from a new network (${network})`, eventIds: [id] })) raised += 1;
        }
      }
    }
  }

  // The person's own baseline: this hour against their trailing days.
  for (const c of counts.values()) {
    await ctx.db
      .insertInto('audit_person_hours', { user_id: c.personId, hour: c.hour, reveals: c.reveals, accesses: c.accesses })
      .onConflict((oc) => oc.columns(['org_id', 'user_id', 'hour']).doUpdateSet({ reveals: sql`audit_person_hours.reveals + ${c.reveals}`, accesses: sql`audit_person_hours.accesses + ${c.accesses}` }))
      .execute();
    const now = await ctx.db.selectFrom('audit_person_hours').select(['reveals', 'accesses']).where('user_id', '=', c.personId).where('hour', '=', c.hour).executeTakeFirstOrThrow();
    if (!on('reveal_volume') && !on('unusual_hours')) continue;
    const rv = p('reveal_volume');
    const past = await history(ctx.db, c.personId, c.hour, Math.max(rv.days ?? 14, p('unusual_hours').days ?? 14));
    if (on('reveal_volume') && c.reveals > 0) {
      const n = past.reveals.length;
      const mean = past.reveals.reduce((a, b) => a + b, 0) / n;
      const sd = Math.sqrt(past.reveals.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
      const threshold = Math.max(rv.floor ?? 40, mean + (rv.sigma ?? 3) * sd);
      if (Number(now.reveals) > threshold) {
        const summary = `${Number(now.reveals)} reveals in one hour against a baseline of ${mean.toFixed(1)} ± ${sd.toFixed(1)} per hour`;
        if (await raise(ctx.db, settings, { rule: 'reveal_volume', dedupeKey: `${c.personId}:${c.hour}`, personId: c.personId, clientId: null, patientRef: null, summary, eventIds: c.eventIds.slice(-50) })) raised += 1;
      }
    }
    const uh = p('unusual_hours');
    if (on('unusual_hours') && past.total >= (uh.minHistory ?? 200)) {
      const share = past.accessesByHourOfDay[Number(c.hour.slice(11, 13))]! / past.total;
      if (share < (uh.share ?? 0.01)) {
        const summary = `Access at ${c.hour.slice(11, 13)}:00 UTC, an hour with ${(share * 100).toFixed(1)}% of the person’s work over ${uh.days ?? 14} days`;
        if (await raise(ctx.db, settings, { rule: 'unusual_hours', dedupeKey: `${c.personId}:${c.hour}`, personId: c.personId, clientId: null, patientRef: null, summary, eventIds: c.eventIds.slice(0, 50) })) raised += 1;
      }
    }
  }
  return raised;
}

/** Checks whose grace period is over: raised if the reason still has not appeared. */
async function duePending(ctx: ActorContext, settings: Map<AnomalyRule, RuleSetting>, now: string): Promise<number> {
  const due = await ctx.db.selectFrom('audit_anomaly_pending').selectAll().where('due_at', '<=', now).orderBy('due_at').limit(500).execute();
  let raised = 0;
  for (const d of due) {
    if (settings.get('no_reason')!.enabled && (await noReason(ctx, d.person_id, d.client_id, d.patient_ref))) {
      const day = toIso(d.due_at).slice(0, 10);
      if (await raise(ctx.db, settings, { rule: 'no_reason', dedupeKey: `${d.person_id}:${d.patient_ref}:${day}`, personId: d.person_id, clientId: d.client_id, patientRef: d.patient_ref, summary: 'Access to a patient with no callback of the person’s for them', eventIds: [Number(d.event_id)] })) raised += 1;
    }
    await ctx.db.deleteFrom('audit_anomaly_pending').where('id', '=', d.id).execute();
  }
  return raised;
}

/**
 * One pass over every organization: the events sealed since the rules' position, then the
 * checks whose grace is over. Several instances may run passes: the position row's lock
 * serializes them per organization. Returns how many alerts were raised.
 */
export async function evaluateAnomalies(database: RingfenceDatabase, keyring: KeyRing, batch = 500): Promise<number> {
  const lengths = await chainLengths(database);
  let raised = 0;
  for (const [orgId, length] of lengths) {
    const system = unsafeSystemContext(database, keyring, orgId);
    for (;;) {
      const { done, count } = await inTransaction(system, async (tx) => {
        const now = new Date().toISOString();
        await tx.db.insertInto('audit_anomaly_cursor', { position: 0, updated_at: now }).onConflict((oc) => oc.column('org_id').doNothing()).execute();
        let q = tx.db.selectFrom('audit_anomaly_cursor').select('position');
        if (database.engine === 'postgres') q = q.forUpdate();
        const position = Number((await q.executeTakeFirstOrThrow()).position);
        const settings = await ruleSettings(tx.db);
        let count = 0;
        if (position < length) {
          const events = await sealedEventsAfter(tx.db, position, batch);
          if (events.length > 0) {
            count += await evaluateBatch(tx, events.map((e) => e.event), settings);
            await tx.db.updateTable('audit_anomaly_cursor').set({ position: events[events.length - 1]!.position, updated_at: now }).execute();
          }
          if (events.length === batch) return { done: false, count };
        }
        count += await duePending(tx, settings, now);
        return { done: true, count };
      });
      raised += count;
      if (done) break;
    }
  }
  return raised;
}

/** Runs the rules every second in the background. */
export function startAnomalyRules(database: RingfenceDatabase, keyring: KeyRing, onError: (err: unknown) => void, intervalMs = 1000): { stop(): Promise<void> } {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    running ??= evaluateAnomalies(database, keyring)
      .catch(onError)
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
