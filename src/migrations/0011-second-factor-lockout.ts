import type { Kysely } from 'kysely';

/**
 * Wrong authenticator and recovery codes are counted apart from wrong passwords: a correct
 * password resets only the password count, so someone who knows a password cannot keep
 * guessing codes across sign-ins. Five wrong codes in a row lock the account.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('mfa_failed_attempts', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}
