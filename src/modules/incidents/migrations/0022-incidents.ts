import { sql, type Kysely } from 'kysely';
import type { Engine } from '../../../platform/db/database.ts';
import { columnTypes } from '../../../platform/db/column-types.ts';

/**
 * Incidents and breach notification: the incident, the clients and patient references it
 * affects, its risk assessments (a signed one can be neither changed nor deleted: an amendment
 * is a new version), and the notices to each affected client. No PHI in any of them: the
 * description and reasoning are PHI-guarded text; patients appear by reference only.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);
  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    // INC-2026-0001: per organization and year of reporting.
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('discovered_at', t.timestamp, (c) => c.notNull())
    .addColumn('occurred_from', t.timestamp)
    .addColumn('occurred_to', t.timestamp)
    .addColumn('reported_at', t.timestamp, (c) => c.notNull())
    .addColumn('reported_by', 'text')
    .addColumn('owner_id', 'text')
    // PHI-guarded text.
    .addColumn('description', 'text', (c) => c.notNull())
    // task | alert | vendor | manual, and the id of what it was opened from.
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    // Whose access the scope is derived from (a lost device's user), and when.
    .addColumn('subject_user_id', 'text')
    .addColumn('vendor_id', 'text')
    .addColumn('hhs_breach_type', 'text', (c) => c.notNull())
    .addColumn('hhs_location', 'text', (c) => c.notNull())
    // JSON array of the data categories the events show.
    .addColumn('derived_categories', 'text', (c) => c.notNull())
    .addColumn('le_delay_kind', 'text')
    .addColumn('le_delay_stated_at', t.timestamp)
    .addColumn('le_delay_until', t.timestamp)
    .addColumn('le_agency', 'text')
    .addColumn('closed_at', t.timestamp)
    .addColumn('close_reason', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incidents_ref_idx').on('incidents').columns(['org_id', 'ref']).unique().execute();
  await db.schema.createIndex('incidents_source_idx').on('incidents').columns(['org_id', 'source_type', 'source_id']).execute();
  await db.schema.createIndex('incidents_status_idx').on('incidents').columns(['org_id', 'status', 'discovered_at']).execute();

  // What changed and why (a moved discovery, a scope edited), beside the audit event of each change.
  await db.schema
    .createTable('incident_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('changed_at', t.timestamp, (c) => c.notNull())
    .addColumn('changed_by', 'text')
    // JSON array of what changed (field names, "scope"), never values.
    .addColumn('changed', 'text', (c) => c.notNull())
    // PHI-guarded text.
    .addColumn('reason', 'text')
    .execute();
  await db.schema.createIndex('incident_changes_incident_idx').on('incident_changes').columns(['org_id', 'incident_id', 'changed_at']).execute();

  await db.schema
    .createTable('incident_clients')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    // derived | added
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('removed', 'integer', (c) => c.notNull())
    // A count set by hand (a vendor's incident, where the trail names no patient); null: the references counted.
    .addColumn('individuals', 'integer')
    .addColumn('reason', 'text')
    .addPrimaryKeyConstraint('incident_clients_pk', ['org_id', 'incident_id', 'client_id'])
    .execute();

  await db.schema
    .createTable('incident_patients')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('patient_ref', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('removed', 'integer', (c) => c.notNull())
    // How many events of the trail touched the patient in the incident's scope.
    .addColumn('events', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addPrimaryKeyConstraint('incident_patients_pk', ['org_id', 'incident_id', 'client_id', 'patient_ref'])
    .execute();

  await db.schema
    .createTable('incident_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    // JSON: the exclusions and the safe harbor, the four factors.
    .addColumn('exclusions', 'text', (c) => c.notNull())
    .addColumn('factors', 'text', (c) => c.notNull())
    // breach | low_probability | excluded
    .addColumn('determination', 'text')
    .addColumn('reasoning', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('signed_by', 'text')
    .addColumn('signed_at', t.timestamp)
    .execute();
  await db.schema.createIndex('incident_assessments_version_idx').on('incident_assessments').columns(['org_id', 'incident_id', 'version']).unique().execute();
  if (engine === 'sqlite') {
    for (const op of ['UPDATE', 'DELETE']) {
      await sql
        .raw(`CREATE TRIGGER incident_assessments_signed_${op.toLowerCase()} BEFORE ${op} ON incident_assessments WHEN OLD.signed_at IS NOT NULL BEGIN SELECT RAISE(ABORT, 'a signed assessment cannot change'); END`)
        .execute(db);
    }
  } else {
    await sql
      .raw(
        `CREATE OR REPLACE FUNCTION incident_assessments_signed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF OLD.signed_at IS NOT NULL THEN RAISE EXCEPTION 'a signed assessment cannot change'; END IF; IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$`,
      )
      .execute(db);
    await sql.raw(`CREATE TRIGGER incident_assessments_signed BEFORE UPDATE OR DELETE ON incident_assessments FOR EACH ROW EXECUTE FUNCTION incident_assessments_signed()`).execute(db);
  }

  await db.schema
    .createTable('incident_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    // 1 for the first notice, 2… for supplemental ones; each links the one before.
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('previous_id', 'text')
    // JSON: every fact the letter states, as they stood when it was generated.
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('generated_by', 'text')
    .addColumn('generated_at', t.timestamp, (c) => c.notNull())
    .addColumn('sent_at', t.timestamp)
    .addColumn('sent_by', 'text')
    .addColumn('sent_via', 'text')
    .addColumn('sent_to', 'text')
    .addColumn('late_reason', 'text')
    .execute();
  await db.schema.createIndex('incident_notices_sequence_idx').on('incident_notices').columns(['org_id', 'incident_id', 'client_id', 'sequence']).unique().execute();
}
