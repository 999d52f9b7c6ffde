import type { Kysely } from 'kysely';
import type { Engine } from '../../../platform/db/database.ts';
import { columnTypes } from '../../../platform/db/column-types.ts';

/**
 * Anomaly alerts and what the rules need to raise them as events arrive: each organization's
 * rule settings, the position in the chain the rules have read to, checks waiting out a grace
 * period, each person's hourly activity (their own baseline) and the networks they signed in
 * from; and break-glass grants.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);
  await db.schema
    .createTable('audit_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    // low | medium | high
    .addColumn('severity', 'text', (c) => c.notNull())
    // open | benign | escalated
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('raised_at', t.timestamp, (c) => c.notNull())
    .addColumn('person_id', 'text')
    .addColumn('client_id', 'text')
    .addColumn('patient_ref', 'text')
    // Fixed words with counts and times: never PHI.
    .addColumn('summary', 'text', (c) => c.notNull())
    // JSON array of the audit event ids behind the alert.
    .addColumn('event_ids', 'text', (c) => c.notNull())
    // One alert per rule and subject (a person's hour, an event).
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('assigned_to', 'text')
    .addColumn('assigned_at', t.timestamp)
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_at', t.timestamp)
    // PHI-guarded text of the compliance officer.
    .addColumn('resolution_reason', 'text')
    .addColumn('incident_id', 'text')
    .execute();
  await db.schema.createIndex('audit_alerts_dedupe_idx').on('audit_alerts').columns(['org_id', 'dedupe_key']).unique().execute();
  await db.schema.createIndex('audit_alerts_status_idx').on('audit_alerts').columns(['org_id', 'status', 'raised_at']).execute();

  await db.schema
    .createTable('audit_anomaly_rules')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    // JSON object of the rule's thresholds.
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('audit_anomaly_rules_pk', ['org_id', 'rule'])
    .execute();

  await db.schema
    .createTable('audit_anomaly_cursor')
    .addColumn('org_id', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_anomaly_pending')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('event_id', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('patient_ref', 'text', (c) => c.notNull())
    .addColumn('due_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_anomaly_pending_due_idx').on('audit_anomaly_pending').columns(['org_id', 'due_at']).execute();

  await db.schema
    .createTable('audit_person_hours')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    // UTC hour, `2026-12-07T14`.
    .addColumn('hour', 'text', (c) => c.notNull())
    .addColumn('reveals', 'integer', (c) => c.notNull())
    .addColumn('accesses', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_person_hours_pk', ['org_id', 'user_id', 'hour'])
    .execute();

  await db.schema
    .createTable('audit_person_networks')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    // An IPv4 /24 or IPv6 /64 prefix.
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('first_seen', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_person_networks_pk', ['org_id', 'user_id', 'network'])
    .execute();
}
