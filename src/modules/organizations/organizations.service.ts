import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { appendAudit } from '../../platform/audit/append.ts';
import type { AuditSource } from '../../platform/audit/events.ts';
import { assertAcceptablePassword, hashPassword } from '../../platform/auth/passwords.ts';
import { newTotpSecret, totpUri } from '../../platform/auth/totp.ts';
import type { KeyRing } from '../../platform/crypto/keyring.ts';
import { addStandardCourses } from '../compliance/index.ts';
import type { RingfenceDatabase } from '../../platform/db/database.ts';
import { tenantDb } from '../../platform/db/tenant-db.ts';
import { AppError, invalidField } from '../../platform/http/errors.ts';
import { seedBuiltinRoles } from '../roles/index.ts';
import { newUserRow } from '../users/index.ts';

export interface NewOrganization {
  orgName: string;
  email: string;
  password: string;
  displayName?: string;
}

export interface CreatedOrganization {
  orgId: string;
  userId: string;
  /** otpauth:// URI for the first admin's authenticator; enrolment completes with the first code. */
  totpUri: string;
  totpSecret: string;
}

/** Lowercased, trimmed email: one spelling per person. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Creates an organization with its built-in roles, its data key and its first administrator
 * (MFA enrolment pending). Runs before any tenant exists, so it uses the unscoped connection:
 * only first-run setup and `ringfence init` call it. With `onlyIfEmpty`, it refuses when any
 * organization exists (first-run setup happens once).
 */
export async function unsafeCreateOrganization(
  database: RingfenceDatabase,
  keyring: KeyRing,
  input: NewOrganization,
  source: AuditSource,
  options: { onlyIfEmpty?: boolean } = {},
): Promise<CreatedOrganization> {
  const orgName = input.orgName.trim();
  const email = normaliseEmail(input.email);
  if (!orgName) throw invalidField('orgName', 'must not be empty');
  assertAcceptablePassword(input.password, email);
  const passwordHash = await hashPassword(input.password);
  const secret = newTotpSecret();
  const orgId = randomUUID();
  const userId = randomUUID();
  const now = new Date().toISOString();

  await database.unsafeKysely.transaction().execute(async (trx) => {
    if (database.engine === 'postgres') await sql`select pg_advisory_xact_lock(7317001)`.execute(trx);
    if (options.onlyIfEmpty) {
      const existing = await trx.selectFrom('organizations').select('id').limit(1).executeTakeFirst();
      if (existing) throw new AppError('conflict', 'Setup has already been completed; sign in instead.');
    }
    // Addresses are unique per organization: a new organization's first administrator may use
    // one held elsewhere, and nothing here tells whether it is.
    await trx.insertInto('organizations').values({ id: orgId, name: orgName, created_at: now }).execute();
    const tenant = tenantDb(trx, database.engine, orgId);
    const roles = await seedBuiltinRoles(tenant);
    await addStandardCourses(tenant, now);
    await keyring.createDataKey(tenant, null);
    await tenant
      .insertInto(
        'users',
        newUserRow({
          id: userId,
          email,
          displayName: input.displayName?.trim() || email.split('@')[0]!,
          passwordHash,
          mfaPendingSecretEnc: await keyring.encryptField(tenant, { clientId: null, table: 'users', column: 'mfa_pending_secret_enc', rowId: userId }, secret),
        }),
      )
      .execute();
    await tenant.insertInto('role_assignments', { id: randomUUID(), user_id: userId, role_id: roles.get('admin')!, client_id: null, created_at: now, created_by: null }).execute();
    await appendAudit(tenant, source, { action: options.onlyIfEmpty ? 'setup.completed' : 'org.created', resourceType: 'Organization', resourceId: orgId, details: { orgName } });
    await appendAudit(tenant, source, { action: 'user.created', resourceType: 'User', resourceId: userId, details: { email } });
    await appendAudit(tenant, source, { action: 'role.assigned', resourceType: 'User', resourceId: userId, details: { role: 'admin', clientId: null } });
  });
  return { orgId, userId, totpUri: totpUri(secret, email), totpSecret: secret };
}

/** True until the first organization exists. */
export async function isSetupNeeded(database: RingfenceDatabase): Promise<boolean> {
  const row = await database.unsafeKysely.selectFrom('organizations').select('id').limit(1).executeTakeFirst();
  return !row;
}

/** Every organization's id, oldest first: what a sweep across organizations walks. */
export async function organizationIds(database: RingfenceDatabase): Promise<string[]> {
  return (await database.unsafeKysely.selectFrom('organizations').select('id').orderBy('created_at').execute()).map((o) => o.id);
}
