import { sql, type Kysely } from 'kysely';
import type { Engine } from '../platform/db/database.ts';

/**
 * Audit search over millions of events: every filter of `GET /api/audit/events` (and a
 * patient's access history) is one range of one index, newest first. Results are ordered by
 * (occurred_at, id), so each index ends with occurred_at: a time range is part of the index
 * range instead of a filter on rows read in id order, and the keyset cursor continues inside
 * the same range. Rows with equal times are ordered by id, which SQLite keeps in every index
 * (the rowid) and PostgreSQL sorts in the few rows sharing a millisecond.
 *
 * Already there and kept: (org_id, occurred_at) for the unfiltered trail and time ranges,
 * (org_id, actor_id, occurred_at) for one person, (org_id, client_id, action) for the counts
 * per action. Added: one patient, one client, one action (an action family is one range per
 * action of the family). The patient and client indexes leave out the events without one
 * (sign-ins, organization settings), so those events pay for two indexes fewer.
 *
 * A patient's history covers the records merged into it: the merged records are found by the
 * record they point at, an index only merged records are in.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema
    .createIndex('audit_events_org_patient_idx')
    .on('audit_events')
    .columns(['org_id', 'patient_ref', 'occurred_at'])
    .where(sql<boolean>`patient_ref IS NOT NULL`)
    .execute();
  await db.schema
    .createIndex('audit_events_org_client_idx')
    .on('audit_events')
    .columns(['org_id', 'client_id', 'occurred_at'])
    .where(sql<boolean>`client_id IS NOT NULL`)
    .execute();
  await db.schema.createIndex('audit_events_org_action_idx').on('audit_events').columns(['org_id', 'action', 'occurred_at']).execute();
  await db.schema
    .createIndex('patients_merged_into_idx')
    .on('patients')
    .columns(['org_id', 'merged_into_id'])
    .where(sql<boolean>`merged_into_id IS NOT NULL`)
    .execute();
}
