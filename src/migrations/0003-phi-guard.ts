import type { Kysely } from 'kysely';
import type { Engine } from '../platform/db/database.ts';

/**
 * The PHI guard's per-client policy (refuse or redact PHI typed into operational text) and the
 * client's voicemail script, the first operational text a client keeps.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema.alterTable('clients').addColumn('phi_guard_mode', 'text', (c) => c.notNull().defaultTo('refuse')).execute();
  await db.schema.alterTable('clients').addColumn('voicemail_script', 'text').execute();
  await db.schema.createIndex('audit_events_client_action_idx').on('audit_events').columns(['org_id', 'client_id', 'action']).execute();
}
