import { sql, type Kysely } from 'kysely';
import type { Engine } from '../platform/db/database.ts';

/**
 * E-mail addresses are unique within an organization, not across the installation: one
 * organization's administrator can no longer learn from a refusal that an address is
 * registered with another organization. Sign-in handles an address held in several
 * organizations (docs/architecture.md, "Sign-in").
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  if (engine === 'postgres') {
    await sql`ALTER TABLE users DROP CONSTRAINT users_email_key`.execute(db);
  } else {
    // SQLite cannot drop a column's UNIQUE: the table is rebuilt from its own definition without
    // it, in SQLite's documented way (foreign keys off, new table, copy, drop, rename, check), in
    // one transaction of its own: SQLite migrations do not run in one, and the pragma cannot
    // change inside one.
    const { rows } = await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'users'`.execute(db);
    const definition = rows[0]?.sql;
    if (!definition || !/"email" text not null unique/i.test(definition)) throw new Error('users table definition is not the expected one');
    await sql`PRAGMA foreign_keys = OFF`.execute(db);
    try {
      await sql`BEGIN IMMEDIATE`.execute(db);
      try {
        await sql.raw(definition.replace(/"email" text not null unique/i, '"email" text not null').replace(/^create table "users"/i, 'create table "users_rebuilt"')).execute(db);
        await sql`INSERT INTO users_rebuilt SELECT * FROM users`.execute(db);
        await sql`DROP TABLE users`.execute(db);
        await sql`ALTER TABLE users_rebuilt RENAME TO users`.execute(db);
        const broken = await sql`PRAGMA foreign_key_check`.execute(db);
        if (broken.rows.length > 0) throw new Error(`rebuilding users left ${broken.rows.length} broken references`);
        await sql`COMMIT`.execute(db);
      } catch (err) {
        await sql`ROLLBACK`.execute(db);
        throw err;
      }
    } finally {
      await sql`PRAGMA foreign_keys = ON`.execute(db);
    }
  }
  await db.schema.dropIndex('users_org_idx').ifExists().execute();
  await db.schema.createIndex('users_org_email_unique').on('users').columns(['org_id', 'email']).unique().execute();
  // Sign-in finds the address's accounts across organizations.
  await db.schema.createIndex('users_email_idx').on('users').column('email').execute();
}
