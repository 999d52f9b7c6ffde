import { sql, type Kysely } from 'kysely';
import type { Engine } from '../platform/db/database.ts';
import { columnTypes } from '../platform/db/column-types.ts';

/**
 * The record of each verification of an organization's audit trail (by command, by schedule
 * or from the console), so the console can show when the trail was last verified and how it
 * stood; and the record of each pruning past retention, the only deletion the trail allows: the
 * append-only triggers now let a row go only when a pruning record covers its position. The
 * signed checkpoints themselves live outside the database.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);
  await db.schema
    .createTable('audit_verifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('verified_at', t.timestamp, (c) => c.notNull())
    // 1 when the chain verified and matched its latest signed checkpoint.
    .addColumn('ok', 'integer', (c) => c.notNull())
    .addColumn('events', 'integer', (c) => c.notNull())
    .addColumn('unsealed', 'integer', (c) => c.notNull())
    .addColumn('events_per_second', 'integer')
    .addColumn('checkpoint_position', 'integer')
    .addColumn('checkpoint_at', t.timestamp)
    // directory | witness
    .addColumn('checkpoint_source', 'text')
    // The first problem in fixed words with positions and ids; never event content.
    .addColumn('problem', 'text')
    .addColumn('problem_position', 'integer')
    // command | schedule | console
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text')
    .execute();
  await db.schema.createIndex('audit_verifications_org_idx').on('audit_verifications').columns(['org_id', 'verified_at']).execute();

  await db.schema
    .createTable('audit_prunes')
    .addColumn('org_id', 'text', (c) => c.notNull())
    // Links 1..through_position (and their events) are pruned; the chain continues from anchor_hash.
    .addColumn('through_position', 'integer', (c) => c.notNull())
    .addColumn('anchor_hash', 'text', (c) => c.notNull())
    // The signed checkpoint (JSON) at through_position that vouches for the anchor.
    .addColumn('checkpoint', 'text', (c) => c.notNull())
    .addColumn('events', 'integer', (c) => c.notNull())
    .addColumn('oldest_at', t.timestamp)
    .addColumn('newest_at', t.timestamp)
    .addColumn('started_at', t.timestamp, (c) => c.notNull())
    .addColumn('completed_at', t.timestamp)
    .addPrimaryKeyConstraint('audit_prunes_pk', ['org_id', 'through_position'])
    .execute();

  // Deletion only under a pruning record; updates never; truncation never.
  const covered = {
    audit_chain: 'EXISTS (SELECT 1 FROM audit_prunes p WHERE p.org_id = OLD.org_id AND OLD.position <= p.through_position)',
    audit_events:
      'EXISTS (SELECT 1 FROM audit_chain c JOIN audit_prunes p ON p.org_id = c.org_id WHERE c.org_id = OLD.org_id AND c.event_id = OLD.id AND c.position <= p.through_position)',
  };
  for (const [table, condition] of Object.entries(covered)) {
    if (engine === 'sqlite') {
      await sql.raw(`DROP TRIGGER ${table}_no_delete`).execute(db);
      await sql.raw(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} WHEN NOT ${condition} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`).execute(db);
    } else {
      await sql.raw(`DROP TRIGGER ${table}_no_change ON ${table}`).execute(db);
      await sql.raw(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`).execute(db);
      await sql
        .raw(`CREATE OR REPLACE FUNCTION ${table}_prune_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF ${condition} THEN RETURN OLD; END IF; RAISE EXCEPTION '${table} is append-only'; END $$`)
        .execute(db);
      await sql.raw(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_prune_only()`).execute(db);
    }
  }
}
