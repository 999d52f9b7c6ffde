import type { TenantInsert } from '../../platform/db/tenant-db.ts';

/** A new, active person's row: no authenticator yet (or one offered), no failed attempts. */
export function newUserRow(input: { id: string; email: string; displayName: string; passwordHash: string; mfaPendingSecretEnc?: string | null }): TenantInsert<'users'> {
  const now = new Date().toISOString();
  return {
    id: input.id,
    email: input.email,
    display_name: input.displayName,
    password_hash: input.passwordHash,
    status: 'active',
    failed_attempts: 0,
    mfa_failed_attempts: 0,
    locked_until: null,
    mfa_secret_enc: null,
    mfa_pending_secret_enc: input.mfaPendingSecretEnc ?? null,
    mfa_enrolled_at: null,
    mfa_last_step: null,
    password_changed_at: now,
    created_at: now,
    updated_at: now,
  };
}
