import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Engine } from '../platform/db/database.ts';
import { columnTypes } from '../platform/db/column-types.ts';

/**
 * Compliance records that gate the work: vendors (subcontractors), business associate
 * agreements with clients and vendors (the signed document encrypted under the organization's
 * key), training courses and each person's completions.
 */
/**
 * The standard courses as they stood when this migration was written, copied here so that a
 * later change to the module's list never changes what this migration did.
 */
const COURSES_0005 = [
  ['hipaa_basics', 'HIPAA basics'],
  ['minimum_necessary', 'Minimum necessary'],
  ['verbal_phi', 'Verbal PHI on calls'],
  ['secure_messaging', 'Secure messaging'],
  ['breach_reporting', 'Recognising and reporting a breach'],
] as const;

interface CourseRow {
  id: string;
  org_id: string;
  key: string;
  name: string;
  validity_months: number;
  required: number;
  created_at: string;
}

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);

  await db.schema
    .createTable('vendors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    // JSON array of telephony, recording, transcription, sms, email, hosting, other.
    .addColumn('services', 'text', (c) => c.notNull())
    // 1 when it handles PHI (flags are 0 or 1: SQLite has no booleans).
    .addColumn('handles_phi', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('vendors_name_idx').on('vendors').columns(['org_id', 'name']).unique().execute();

  await db.schema
    .createTable('baas')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    // Exactly one of the two: the covered entity (client) or the subcontractor (vendor).
    .addColumn('client_id', 'text', (c) => c.references('clients.id'))
    .addColumn('vendor_id', 'text', (c) => c.references('vendors.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    // Calendar dates, YYYY-MM-DD.
    .addColumn('effective_on', 'text')
    .addColumn('ends_on', 'text')
    .addColumn('counterparty_signer', 'text')
    .addColumn('breach_notice_days', 'integer', (c) => c.notNull())
    .addColumn('termination_disposition', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    // The signed PDF: ciphertext under the organization's data key, bound to this row.
    .addColumn('document_enc', 'text')
    .addColumn('document_name', 'text')
    .addColumn('document_bytes', 'integer')
    .addColumn('document_sha256', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('baas_client_idx').on('baas').columns(['org_id', 'client_id', 'status']).execute();
  await db.schema.createIndex('baas_vendor_idx').on('baas').columns(['org_id', 'vendor_id', 'status']).execute();

  await db.schema
    .createTable('courses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('validity_months', 'integer', (c) => c.notNull())
    // A required course gates PHI access for everyone who has not completed it in its validity.
    .addColumn('required', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('courses_key_idx').on('courses').columns(['org_id', 'key']).unique().execute();

  await db.schema
    .createTable('training_completions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id'))
    .addColumn('completed_on', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  // Every organization starts with the standard courses, each valid for a year and required.
  const now = new Date().toISOString();
  const orgs = await (db as Kysely<{ organizations: { id: string } }>).selectFrom('organizations').select('id').execute();
  for (const org of orgs) {
    // A millisecond apart so that they list in this order; valid 12 months and required.
    const rows = COURSES_0005.map(([key, name], i): CourseRow => ({ id: randomUUID(), org_id: org.id, key, name, validity_months: 12, required: 1, created_at: new Date(Date.parse(now) + i).toISOString() }));
    await (db as Kysely<{ courses: CourseRow }>).insertInto('courses').values(rows).execute();
  }
  await db.schema.createIndex('training_completions_user_idx').on('training_completions').columns(['org_id', 'user_id', 'course_id', 'completed_on']).execute();
}
