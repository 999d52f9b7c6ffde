import { sql, type Kysely } from 'kysely';
import type { Engine } from '../../../platform/db/database.ts';

/**
 * What each BAA requires of an incident notice besides its length: the window's unit
 * (calendar days, business days, or hours for "immediately") and what triggers a notice
 * (confirmed breaches only, any impermissible use or disclosure, any security incident).
 * Existing agreements keep what they meant: calendar days, breaches only.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema.alterTable('baas').addColumn('breach_notice_unit', 'text', (c) => c.notNull().defaultTo('calendar_days')).execute();
  await db.schema.alterTable('baas').addColumn('breach_notice_trigger', 'text', (c) => c.notNull().defaultTo('breach')).execute();
  await sql`UPDATE baas SET breach_notice_unit = 'calendar_days', breach_notice_trigger = 'breach'`.execute(db);
}
