import type { Kysely } from 'kysely';
import type { Engine } from '../platform/db/database.ts';
import { columnTypes } from '../platform/db/column-types.ts';

/**
 * Access reviews: a campaign lists every person's roles and client assignments as they stood
 * when it opened, each to a reviewer who certifies or revokes it; a revocation removes the
 * assignment at once.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);

  await db.schema
    .createTable('access_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('closed_by', 'text')
    .addColumn('closed_at', t.timestamp)
    .execute();

  await db.schema
    .createTable('access_review_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('review_id', 'text', (c) => c.notNull().references('access_reviews.id'))
    // The assignment as it stood: it may be gone by the time the item is decided.
    .addColumn('assignment_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('role_key', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text')
    .addColumn('reviewer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('decision', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', t.timestamp)
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('access_review_items_review_idx').on('access_review_items').columns(['org_id', 'review_id', 'user_id']).execute();
  await db.schema.createIndex('access_review_items_reviewer_idx').on('access_review_items').columns(['org_id', 'reviewer_id', 'decision']).execute();
}
