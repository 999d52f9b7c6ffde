import { randomUUID } from 'node:crypto';
import { appendAudit } from '../audit/append.ts';
import type { AuditSource } from '../audit/events.ts';
import type { KeyRing } from '../crypto/keyring.ts';
import type { RingfenceDatabase } from '../db/database.ts';
import { tenantDb, type TenantDb } from '../db/tenant-db.ts';
import type { User } from '../../modules/users/users.tables.ts';
import type { Session } from './auth.tables.ts';
import { AppError, invalidField } from '../http/errors.ts';
import { assertAcceptablePassword, burnPasswordCheck, hashPassword, verifyPassword } from './passwords.ts';
import { normaliseRecoveryCode, recoveryCode, sha256Hex } from './secrets.ts';
import { createSession, endSession, endUserSessions, type NewSession, type SessionMeta, type SessionPolicy } from './sessions.ts';
import { newTotpSecret, totpUri, verifyTotp } from './totp.ts';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;
export const RECOVERY_CODE_COUNT = 10;

/** The same answer for an unknown email and a wrong password. */
const BAD_CREDENTIALS = 'The email address or password is not correct.';

export interface AuthDeps {
  database: RingfenceDatabase;
  keyring: KeyRing;
  policy: SessionPolicy;
}

/** An address whose password opens accounts in several organizations: the person picks one. */
export interface OrganizationChoice {
  organizations: { id: string; name: string }[];
}

/** How many accounts one address may hold across organizations, for sign-in's sake. */
const MAX_ACCOUNTS_PER_ADDRESS = 10;

export interface PasswordStepResult {
  session: NewSession;
  user: User;
  /** True when the person has no authenticator yet and must enrol one before anything else. */
  enrollmentRequired: boolean;
}

function secretLocation(userId: string, column: 'mfa_secret_enc' | 'mfa_pending_secret_enc') {
  return { clientId: null, table: 'users', column, rowId: userId };
}

function lockedMessage(until: string): string {
  return `Too many failed sign-in attempts. The account is locked until ${new Date(until).toISOString().slice(11, 16)} UTC; try again later or ask an administrator.`;
}

/** What failed: the password step, or the second factor (an authenticator or recovery code). */
type Factor = 'password' | 'second_factor';

const FAILURE_COUNT = { password: 'failed_attempts', second_factor: 'mfa_failed_attempts' } as const;

/**
 * Records a failed password or code. Each factor has its own count, kept across sign-ins: a
 * correct password resets only the password count, so knowing a password does not buy fresh
 * guesses at the codes. The fifth failure in a row of either locks the account for 15 minutes
 * and ends any half-finished sign-in. The count is raised in the database, so failures racing
 * each other are all counted.
 */
async function recordFailure(tenant: TenantDb, user: User, factor: Factor, source: AuditSource): Promise<AppError | null> {
  const column = FAILURE_COUNT[factor];
  return tenant.transaction(async (tx) => {
    await tx.updateTable('users').set((eb) => ({ [column]: eb(column, '+', 1) })).where('id', '=', user.id).execute();
    const { [column]: attempts } = await tx.selectFrom('users').select(column).where('id', '=', user.id).executeTakeFirstOrThrow();
    if (attempts < MAX_FAILED_ATTEMPTS) return null;
    const until = new Date(Date.now() + LOCKOUT_MINUTES * 60_000).toISOString();
    await tx.updateTable('users').set({ failed_attempts: 0, mfa_failed_attempts: 0, locked_until: until, updated_at: new Date().toISOString() }).where('id', '=', user.id).execute();
    await tx.updateTable('sessions').set({ ended_at: new Date().toISOString(), end_reason: 'locked' }).where('user_id', '=', user.id).where('stage', '=', 'mfa').where('ended_at', 'is', null).execute();
    await appendAudit(tx, source, { action: 'auth.lockout', outcome: 'failure', resourceType: 'User', resourceId: user.id, details: { until, attempts, factor } });
    return new AppError('locked', lockedMessage(until));
  });
}

/**
 * Step one of sign-in: email and password. Success opens a session that can only finish
 * sign-in (enter or enrol a TOTP code); nothing else is reachable until then.
 */
export async function signInWithPassword(
  deps: AuthDeps,
  email: string,
  password: string,
  meta: SessionMeta,
  requestId: string,
  organizationId?: string,
): Promise<PasswordStepResult | OrganizationChoice> {
  // An address is unique within an organization; the same person may hold it in several.
  let accounts = deps.database.unsafeKysely.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase());
  if (organizationId) accounts = accounts.where('org_id', '=', organizationId);
  const candidates = await accounts.orderBy('created_at').limit(MAX_ACCOUNTS_PER_ADDRESS).execute();
  if (candidates.length === 0) {
    await burnPasswordCheck(password);
    throw new AppError('unauthenticated', BAD_CREDENTIALS);
  }
  if (candidates.length === 1) return passwordStep(deps, candidates[0]!, () => verifyPassword(candidates[0]!.password_hash, password), meta, requestId);
  // Several: each password is checked once; only accounts it opens count, and the others are
  // not charged a failure (signing in to one organization must not lock the other).
  const verdicts = new Map<string, boolean>();
  for (const user of candidates) verdicts.set(user.id, await verifyPassword(user.password_hash, password));
  const opened = candidates.filter((u) => verdicts.get(u.id) && u.status === 'active' && !(u.locked_until && Date.parse(u.locked_until) > Date.now()));
  if (opened.length === 1) return passwordStep(deps, opened[0]!, async () => true, meta, requestId);
  if (opened.length > 1) {
    const orgs = await deps.database.unsafeKysely.selectFrom('organizations').select(['id', 'name']).where('id', 'in', opened.map((u) => u.org_id)).orderBy('name').execute();
    return { organizations: orgs };
  }
  // None opened: each account hears of the failure as if it were the only one.
  let failure: AppError = new AppError('unauthenticated', BAD_CREDENTIALS);
  for (const user of candidates) {
    try {
      await passwordStep(deps, user, async () => verdicts.get(user.id) ?? false, meta, requestId);
    } catch (err) {
      if (err instanceof AppError && err.code === 'locked' && failure.code !== 'locked') failure = err;
    }
  }
  throw failure;
}

/** The password step for one account: lockout, status, the password's verdict, then the half-finished session. */
async function passwordStep(deps: AuthDeps, user: User, checkPassword: () => Promise<boolean>, meta: SessionMeta, requestId: string): Promise<PasswordStepResult> {
  const tenant = tenantDb(deps.database.unsafeKysely, deps.database.engine, user.org_id);
  const source: AuditSource = { actorType: 'user', actorId: user.id, ip: meta.ip, requestId };
  if (user.locked_until && Date.parse(user.locked_until) > Date.now()) {
    await appendAudit(tenant, source, { action: 'auth.login.failed', outcome: 'failure', resourceType: 'User', resourceId: user.id, details: { reason: 'locked' } });
    throw new AppError('locked', lockedMessage(user.locked_until));
  }
  const passwordOk = await checkPassword();
  if (user.status !== 'active') {
    await appendAudit(tenant, source, { action: 'auth.login.failed', outcome: 'failure', resourceType: 'User', resourceId: user.id, details: { reason: 'deactivated' } });
    throw new AppError('unauthenticated', BAD_CREDENTIALS);
  }
  if (!passwordOk) {
    await appendAudit(tenant, source, { action: 'auth.login.failed', outcome: 'failure', resourceType: 'User', resourceId: user.id, details: { reason: 'bad_password' } });
    const locked = await recordFailure(tenant, user, 'password', source);
    throw locked ?? new AppError('unauthenticated', BAD_CREDENTIALS);
  }
  return tenant.transaction(async (tx) => {
    // Only the password count: wrong codes stay counted until a correct code is given.
    await tx.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', user.id).execute();
    const session = await createSession(tx, user.id, 'mfa', meta, deps.policy);
    await appendAudit(tx, source, { action: 'auth.login.succeeded', resourceType: 'User', resourceId: user.id, details: { stage: 'password' } });
    return { session, user, enrollmentRequired: user.mfa_enrolled_at === null };
  });
}

/** Stores a new offered (unconfirmed) authenticator secret. */
async function offerNewSecret(deps: AuthDeps, tenant: TenantDb, user: User, source: AuditSource): Promise<string> {
  const secret = newTotpSecret();
  const enc = await deps.keyring.encryptField(tenant, secretLocation(user.id, 'mfa_pending_secret_enc'), secret);
  await tenant.transaction(async (tx) => {
    await tx.updateTable('users').set({ mfa_pending_secret_enc: enc, updated_at: new Date().toISOString() }).where('id', '=', user.id).execute();
    await appendAudit(tx, source, { action: 'auth.mfa.enrollment_started', resourceType: 'User', resourceId: user.id, details: {} });
  });
  return secret;
}

/** Offers an authenticator secret to a person without one (keeps an offered, unconfirmed one so a scanned QR code stays valid). */
export async function startMfaEnrollment(deps: AuthDeps, user: User, source: AuditSource): Promise<{ totpUri: string; secret: string }> {
  if (user.mfa_enrolled_at) throw new AppError('conflict', 'An authenticator is already enrolled; re-enrol from your account page.');
  const tenant = tenantDb(deps.database.unsafeKysely, deps.database.engine, user.org_id);
  const secret = user.mfa_pending_secret_enc
    ? await deps.keyring.decryptField(tenant, secretLocation(user.id, 'mfa_pending_secret_enc'), user.mfa_pending_secret_enc)
    : await offerNewSecret(deps, tenant, user, source);
  return { totpUri: totpUri(secret, user.email), secret };
}

/**
 * Re-enrolment from the account page (new phone): the password confirms it is the person;
 * the current authenticator keeps working until the new one is confirmed with a code.
 */
export async function startMfaReenrollment(deps: AuthDeps, user: User, password: string, source: AuditSource): Promise<{ totpUri: string; secret: string }> {
  if (!(await verifyPassword(user.password_hash, password))) throw invalidField('password', 'is not correct');
  const tenant = tenantDb(deps.database.unsafeKysely, deps.database.engine, user.org_id);
  const secret = await offerNewSecret(deps, tenant, user, source);
  return { totpUri: totpUri(secret, user.email), secret };
}

/** Confirms re-enrolment with a code from the new authenticator; issues new recovery codes (the old ones stop working). */
export async function confirmMfaReenrollment(deps: AuthDeps, user: User, code: string, source: AuditSource): Promise<{ recoveryCodes: string[] }> {
  if (!user.mfa_pending_secret_enc) throw new AppError('conflict', 'Start re-enrolment first.');
  const tenant = tenantDb(deps.database.unsafeKysely, deps.database.engine, user.org_id);
  const secret = await deps.keyring.decryptField(tenant, secretLocation(user.id, 'mfa_pending_secret_enc'), user.mfa_pending_secret_enc);
  // A new secret has no used codes yet: the replay guard starts from its first code.
  const step = await verifyTotp(secret, code, null);
  if (step === null) {
    await appendAudit(tenant, source, { action: 'auth.mfa.failed', outcome: 'failure', resourceType: 'User', resourceId: user.id, details: { method: 'totp', reason: 'invalid' } });
    throw invalidField('code', 'is not correct for the new authenticator');
  }
  const enc = await deps.keyring.encryptField(tenant, secretLocation(user.id, 'mfa_secret_enc'), secret);
  return tenant.transaction(async (tx) => {
    const now = new Date().toISOString();
    await tx
      .updateTable('users')
      .set({ mfa_secret_enc: enc, mfa_pending_secret_enc: null, mfa_enrolled_at: now, mfa_last_step: step, updated_at: now })
      .where('id', '=', user.id)
      .execute();
    const recoveryCodes = await issueRecoveryCodes(tx, user.id);
    await appendAudit(tx, source, { action: 'auth.mfa.enrolled', resourceType: 'User', resourceId: user.id, details: { recoveryCodes: RECOVERY_CODE_COUNT } });
    return { recoveryCodes };
  });
}

export interface MfaStepResult {
  session: NewSession;
  /** Shown once, at enrolment. */
  recoveryCodes: string[] | null;
}

async function issueRecoveryCodes(tx: TenantDb, userId: string): Promise<string[]> {
  const now = new Date().toISOString();
  await tx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => recoveryCode());
  await tx.insertInto('recovery_codes', codes.map((c) => ({ id: randomUUID(), user_id: userId, code_hash: sha256Hex(normaliseRecoveryCode(c)), used_at: null, created_at: now }))).execute();
  return codes;
}

/**
 * Step two: a TOTP code (or, for an enrolled person, a single-use recovery code). Each TOTP
 * code is accepted once: the matched time step is stored with a conditional update, so two
 * requests racing with the same code cannot both pass. Success replaces the half-finished
 * session with a new one (new id).
 */
export async function completeMfa(
  deps: AuthDeps,
  pending: { session: Session; user: User },
  input: { code?: string; recoveryCode?: string },
  meta: SessionMeta,
  requestId: string,
): Promise<MfaStepResult> {
  const { user } = pending;
  if (pending.session.stage !== 'mfa') throw new AppError('conflict', 'This session has already finished signing in.');
  const tenant = tenantDb(deps.database.unsafeKysely, deps.database.engine, user.org_id);
  const source: AuditSource = { actorType: 'user', actorId: user.id, ip: meta.ip, requestId };
  if (user.locked_until && Date.parse(user.locked_until) > Date.now()) throw new AppError('locked', lockedMessage(user.locked_until));
  const enrolling = user.mfa_enrolled_at === null;
  const method = input.recoveryCode !== undefined ? 'recovery_code' : 'totp';

  const fail = async (reason: 'invalid' | 'replayed'): Promise<never> => {
    await appendAudit(tenant, source, { action: 'auth.mfa.failed', outcome: 'failure', resourceType: 'User', resourceId: user.id, details: { method, reason } });
    const locked = await recordFailure(tenant, user, 'second_factor', source);
    throw locked ?? new AppError('unauthenticated', reason === 'replayed' ? 'That code was already used; wait for the next one.' : 'The code is not correct.');
  };

  if (method === 'recovery_code') {
    if (enrolling) throw new AppError('validation', 'Recovery codes exist only after an authenticator is enrolled.', { field: 'recoveryCode' });
    const hash = sha256Hex(normaliseRecoveryCode(input.recoveryCode ?? ''));
    const viaRecovery = await tenant.transaction(async (tx) => {
      const used = await tx
        .updateTable('recovery_codes')
        .set({ used_at: new Date().toISOString() })
        .where('user_id', '=', user.id)
        .where('code_hash', '=', hash)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) return null;
      await tx.updateTable('users').set({ failed_attempts: 0, mfa_failed_attempts: 0 }).where('id', '=', user.id).execute();
      const left = await tx.selectFrom('recovery_codes').select((eb) => eb.fn.countAll().as('n')).where('user_id', '=', user.id).where('used_at', 'is', null).executeTakeFirstOrThrow();
      const session = await finishSignIn(tx, deps, pending.session, meta);
      await appendAudit(tx, source, { action: 'auth.mfa.verified', resourceType: 'User', resourceId: user.id, details: { method, recoveryCodesLeft: Number(left.n) } });
      return { session, recoveryCodes: null };
    });
    // Failures are recorded outside the transaction above: inside it, only `tx` may be used.
    return viaRecovery ?? fail('invalid');
  }

  const encrypted = enrolling ? user.mfa_pending_secret_enc : user.mfa_secret_enc;
  if (!encrypted) throw new AppError('conflict', 'Start enrolment first: request an authenticator secret.');
  const secret = await deps.keyring.decryptField(tenant, secretLocation(user.id, enrolling ? 'mfa_pending_secret_enc' : 'mfa_secret_enc'), encrypted);
  const step = await verifyTotp(secret, input.code ?? '', user.mfa_last_step);
  if (step === null) {
    const replayed = user.mfa_last_step !== null && (await verifyTotp(secret, input.code ?? '', null)) !== null;
    return fail(replayed ? 'replayed' : 'invalid');
  }
  const enrolledSecret = enrolling ? await deps.keyring.encryptField(tenant, secretLocation(user.id, 'mfa_secret_enc'), secret) : null;
  const outcome = await tenant.transaction(async (tx) => {
    const now = new Date().toISOString();
    const claimed = await tx
      .updateTable('users')
      .set({
        mfa_last_step: step,
        failed_attempts: 0,
        mfa_failed_attempts: 0,
        ...(enrolledSecret ? { mfa_secret_enc: enrolledSecret, mfa_pending_secret_enc: null, mfa_enrolled_at: now, updated_at: now } : {}),
      })
      .where('id', '=', user.id)
      .where((eb) => eb.or([eb('mfa_last_step', 'is', null), eb('mfa_last_step', '<', step)]))
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return null;
    const recoveryCodes = enrolling ? await issueRecoveryCodes(tx, user.id) : null;
    const session = await finishSignIn(tx, deps, pending.session, meta);
    if (enrolling) await appendAudit(tx, source, { action: 'auth.mfa.enrolled', resourceType: 'User', resourceId: user.id, details: { recoveryCodes: RECOVERY_CODE_COUNT } });
    await appendAudit(tx, source, { action: 'auth.mfa.verified', resourceType: 'User', resourceId: user.id, details: { method } });
    return { session, recoveryCodes };
  });
  return outcome ?? fail('replayed');
}

async function finishSignIn(tx: TenantDb, deps: AuthDeps, pending: Session, meta: SessionMeta): Promise<NewSession> {
  await endSession(tx, pending.id, 'rotated');
  return createSession(tx, pending.user_id, 'full', meta, deps.policy);
}

/** Changes one's own password: the current one first, then the rules; every other session of the person ends. */
export async function changePassword(deps: AuthDeps, user: User, session: Session, input: { currentPassword: string; newPassword: string }, source: AuditSource): Promise<void> {
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) throw invalidField('currentPassword', 'is not correct');
  assertAcceptablePassword(input.newPassword, user.email, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  const tenant = tenantDb(deps.database.unsafeKysely, deps.database.engine, user.org_id);
  await tenant.transaction(async (tx) => {
    const now = new Date().toISOString();
    await tx.updateTable('users').set({ password_hash: passwordHash, password_changed_at: now, updated_at: now }).where('id', '=', user.id).execute();
    await endUserSessions(tx, user.id, 'password_changed', session.id);
    await appendAudit(tx, source, { action: 'auth.password.changed', resourceType: 'User', resourceId: user.id, details: {} });
  });
}

/** Ends the caller's session. */
export async function signOut(deps: AuthDeps, session: Session, source: AuditSource): Promise<void> {
  const tenant = tenantDb(deps.database.unsafeKysely, deps.database.engine, session.org_id);
  await tenant.transaction(async (tx) => {
    await endSession(tx, session.id, 'logout');
    await appendAudit(tx, source, { action: 'auth.logout', resourceType: 'User', resourceId: session.user_id, details: {} });
  });
}

/**
 * Enrols a known authenticator secret without the sign-in flow: for the synthetic demo
 * organization (`npm run demo`) and test fixtures only, never for real people.
 */
export async function unsafeEnrolKnownSecret(deps: Pick<AuthDeps, 'database' | 'keyring'>, orgId: string, userId: string, secret: string): Promise<void> {
  const tenant = tenantDb(deps.database.unsafeKysely, deps.database.engine, orgId);
  const enc = await deps.keyring.encryptField(tenant, secretLocation(userId, 'mfa_secret_enc'), secret);
  await tenant.updateTable('users').set({ mfa_secret_enc: enc, mfa_pending_secret_enc: null, mfa_enrolled_at: new Date().toISOString() }).where('id', '=', userId).execute();
}
