import { randomUUID } from 'node:crypto';
import { assertAcceptablePassword, hashPassword } from '../../platform/auth/passwords.ts';
import { endUserSessions } from '../../platform/auth/sessions.ts';
import { assertCan, filterFields, rowScope } from '../../platform/authz/guard.ts';
import { actorUserId, audit, inTransaction, type ActorContext } from '../../platform/context.ts';
import { roleReachesPhi } from '../../platform/authz/ability.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { paginate, parseSort, type PageRequest, type PageResult } from '../../platform/db/paging.ts';
import type { User } from './users.tables.ts';
import type { TenantDb } from '../../platform/db/tenant-db.ts';
import { AppError, invalidField, notFound } from '../../platform/http/errors.ts';
import { normaliseEmail } from '../organizations/index.ts';
import { newUserRow } from './user-row.ts';
import { clientSettings } from '../clients/index.ts';
import type { NewStaffMember, RoleAssignmentView, RoleGrant, StaffMember, StaffMemberChanges } from './users.schemas.ts';

export interface UserListQuery extends PageRequest {
  q?: string;
  status?: 'active' | 'deactivated';
  sort?: string;
}

const SORTS = { email: 'users.email', displayName: 'users.display_name', createdAt: 'users.created_at', status: 'users.status' } as const;

/**
 * Email addresses are unique within an organization (another organization may hold the same
 * one, and nothing here tells whether it does); sign-in handles an address in several.
 */
function emailConflict(err: unknown): never {
  if (isUniqueViolation(err)) throw new AppError('conflict', 'A person with this email address already exists.', { field: 'email' });
  throw err;
}

async function assignmentsOf(ctx: ActorContext, userIds: string[]): Promise<Map<string, RoleAssignmentView[]>> {
  const out = new Map<string, RoleAssignmentView[]>();
  if (userIds.length === 0) return out;
  const rows = await ctx.db
    .selectFrom('role_assignments')
    .innerJoin('roles', (j) => j.onRef('roles.id', '=', 'role_assignments.role_id').onRef('roles.org_id', '=', 'role_assignments.org_id'))
    .leftJoin('clients', (j) => j.onRef('clients.id', '=', 'role_assignments.client_id').onRef('clients.org_id', '=', 'role_assignments.org_id'))
    .select(['role_assignments.id', 'role_assignments.user_id', 'roles.key as role', 'roles.name as roleName', 'role_assignments.client_id as clientId', 'clients.name as clientName'])
    .where('role_assignments.user_id', 'in', userIds)
    .orderBy('roles.key')
    .orderBy('clients.name')
    .execute();
  for (const { user_id, ...view } of rows) {
    const list = out.get(user_id) ?? [];
    list.push(view);
    out.set(user_id, list);
  }
  return out;
}

function present(user: User, roles: RoleAssignmentView[]): StaffMember {
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    status: user.status,
    mfaEnrolled: user.mfa_enrolled_at !== null,
    lockedUntil: user.locked_until && Date.parse(user.locked_until) > Date.now() ? user.locked_until : null,
    createdAt: user.created_at,
    roles,
  };
}

function scopedUsers(ctx: ActorContext, action: 'read' | 'update') {
  return ctx.db.selectFrom('users').where(rowScope(ctx, action, 'User', { userId: 'users.id' }));
}

/** Lists the people of the organization the actor may see, a page at a time. */
export async function listUsers(ctx: ActorContext, query: UserListQuery): Promise<PageResult<StaffMember>> {
  assertCan(ctx, 'read', 'User');
  let q = scopedUsers(ctx, 'read').selectAll('users');
  if (query.status) q = q.where('users.status', '=', query.status);
  if (query.q) {
    const like = `%${query.q.toLowerCase().replace(/[%_\\]/g, '')}%`;
    q = q.where((eb) => eb.or([eb(eb.fn('lower', ['users.email']), 'like', like), eb(eb.fn('lower', ['users.display_name']), 'like', like)]));
  }
  const sort = parseSort(query.sort, SORTS, 'users.email');
  const page = await paginate(q.orderBy(sort.column, sort.direction).orderBy('users.id'), query);
  const roles = await assignmentsOf(
    ctx,
    page.items.map((u) => u.id),
  );
  return { ...page, items: page.items.map((u) => filterFields(ctx, 'read', 'User', present(u, roles.get(u.id) ?? []), { userId: u.id }) as StaffMember) };
}

async function findUser(ctx: ActorContext, id: string, action: 'read' | 'update'): Promise<User> {
  const user = await scopedUsers(ctx, action).selectAll('users').where('users.id', '=', id).executeTakeFirst();
  if (!user) throw notFound('Person');
  return user;
}

/** One person, with their roles. */
export async function getUser(ctx: ActorContext, id: string): Promise<StaffMember> {
  assertCan(ctx, 'read', 'User');
  const user = await findUser(ctx, id, 'read');
  return present(user, (await assignmentsOf(ctx, [id])).get(id) ?? []);
}

/**
 * The display names of these people (staff, not patients): what a report shows beside the work
 * they did. Any reader of the report may see who did the work, so no user permission is asked.
 */
export async function staffNames(ctx: ActorContext, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** Who a person is in an audit record: name, address and the names of the roles they hold now. */
export interface StaffProfile {
  name: string;
  email: string;
  roles: string[];
}

/**
 * Names, addresses and current role names of these people (staff, not patients), for the audit
 * trail's readers, who see who did what already: no user permission is asked.
 */
export async function staffProfiles(ctx: ActorContext, ids: readonly string[]): Promise<Map<string, StaffProfile>> {
  if (ids.length === 0) return new Map();
  const people = await ctx.db.selectFrom('users').select(['id', 'display_name', 'email']).where('id', 'in', [...ids]).execute();
  const roles = await ctx.db
    .selectFrom('role_assignments')
    .innerJoin('roles', (j) => j.onRef('roles.id', '=', 'role_assignments.role_id').onRef('roles.org_id', '=', 'role_assignments.org_id'))
    .select(['role_assignments.user_id', 'roles.name'])
    .where('role_assignments.user_id', 'in', [...ids])
    .orderBy('roles.name')
    .execute();
  const out = new Map(people.map((p) => [p.id, { name: p.display_name, email: p.email, roles: [] as string[] }]));
  for (const r of roles) {
    const profile = out.get(r.user_id);
    if (profile && !profile.roles.includes(r.name)) profile.roles.push(r.name);
  }
  return out;
}

/** Adds a person to the organization, optionally with roles. */
export async function createUser(ctx: ActorContext, input: NewStaffMember): Promise<StaffMember> {
  assertCan(ctx, 'create', 'User');
  const email = normaliseEmail(input.email);
  assertAcceptablePassword(input.password, email);
  const passwordHash = await hashPassword(input.password);
  const id = randomUUID();
  await inTransaction(ctx, async (tx) => {
    const taken = await tx.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (taken) throw new AppError('conflict', 'A person with this email address already exists.', { field: 'email' });
    await tx.db.insertInto('users', newUserRow({ id, email, displayName: input.displayName.trim(), passwordHash })).execute();
    await audit(tx, { action: 'user.created', resourceType: 'User', resourceId: id, details: { email } });
    for (const r of input.roles ?? []) await assignRoleInTx(tx, id, r.role, r.clientId);
  }).catch(emailConflict);
  return getUser(ctx, id);
}

/** Changes a person's name or email address. */
export async function updateUser(ctx: ActorContext, id: string, input: StaffMemberChanges): Promise<StaffMember> {
  assertCan(ctx, 'update', 'User');
  await inTransaction(ctx, async (tx) => {
    const user = await findUser(tx, id, 'update');
    const changes: Partial<Pick<User, 'display_name' | 'email'>> = {};
    if (input.displayName !== undefined && input.displayName.trim() !== user.display_name) changes.display_name = input.displayName.trim();
    if (input.email !== undefined && normaliseEmail(input.email) !== user.email) {
      const email = normaliseEmail(input.email);
      const taken = await tx.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
      if (taken) throw new AppError('conflict', 'A person with this email address already exists.', { field: 'email' });
      changes.email = email;
    }
    const changed = Object.keys(changes).map((k) => (k === 'display_name' ? 'displayName' : k));
    if (changed.length === 0) return;
    await tx.db.updateTable('users').set({ ...changes, updated_at: new Date().toISOString() }).where('id', '=', id).execute();
    await audit(tx, { action: 'user.updated', resourceType: 'User', resourceId: id, details: { changed } });
  }).catch(emailConflict);
  return getUser(ctx, id);
}

async function activeAdminCount(tx: ActorContext, exceptUserId: string | null, exceptAssignmentId: string | null): Promise<number> {
  let q = tx.db
    .selectFrom('role_assignments')
    .innerJoin('roles', (j) => j.onRef('roles.id', '=', 'role_assignments.role_id').onRef('roles.org_id', '=', 'role_assignments.org_id'))
    .innerJoin('users', (j) => j.onRef('users.id', '=', 'role_assignments.user_id').onRef('users.org_id', '=', 'role_assignments.org_id'))
    .select((eb) => eb.fn.count<number>('users.id').distinct().as('n'))
    .where('roles.key', '=', 'admin')
    .where('users.status', '=', 'active');
  if (exceptUserId) q = q.where('users.id', '<>', exceptUserId);
  if (exceptAssignmentId) q = q.where('role_assignments.id', '<>', exceptAssignmentId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** Deactivates a person: every session they have ends at once. The last administrator cannot be deactivated. */
export async function deactivateUser(ctx: ActorContext, id: string): Promise<StaffMember> {
  assertCan(ctx, 'update', 'User');
  if (id === actorUserId(ctx)) throw new AppError('conflict', 'You cannot deactivate yourself.');
  await inTransaction(ctx, async (tx) => {
    const user = await findUser(tx, id, 'update');
    if (user.status === 'deactivated') return;
    if ((await activeAdminCount(tx, id, null)) === 0) throw new AppError('conflict', 'This is the last active administrator; make someone else an administrator first.');
    await tx.db.updateTable('users').set({ status: 'deactivated', updated_at: new Date().toISOString() }).where('id', '=', id).execute();
    const sessionsEnded = await endUserSessions(tx.db, id, 'deactivated');
    await audit(tx, { action: 'user.deactivated', resourceType: 'User', resourceId: id, details: { sessionsEnded } });
  });
  return getUser(ctx, id);
}

/** Lets a deactivated person sign in again. */
export async function reactivateUser(ctx: ActorContext, id: string): Promise<StaffMember> {
  assertCan(ctx, 'update', 'User');
  await inTransaction(ctx, async (tx) => {
    const user = await findUser(tx, id, 'update');
    if (user.status === 'active') return;
    await tx.db.updateTable('users').set({ status: 'active', failed_attempts: 0, mfa_failed_attempts: 0, locked_until: null, updated_at: new Date().toISOString() }).where('id', '=', id).execute();
    await audit(tx, { action: 'user.reactivated', resourceType: 'User', resourceId: id, details: {} });
  });
  return getUser(ctx, id);
}

async function assignRoleInTx(tx: ActorContext, userId: string, roleKey: string, clientId: string | null): Promise<string> {
  const role = await tx.db.selectFrom('roles').select(['id', 'key']).where('key', '=', roleKey).executeTakeFirst();
  if (!role) throw invalidField('role', `is not a role of this organization`);
  if (clientId !== null) {
    if (!(await clientSettings(tx.db, clientId))) throw invalidField('clientId', 'is not a client of this organization');
  }
  let dup = tx.db.selectFrom('role_assignments').select('id').where('user_id', '=', userId).where('role_id', '=', role.id);
  dup = clientId === null ? dup.where('client_id', 'is', null) : dup.where('client_id', '=', clientId);
  if (await dup.executeTakeFirst()) throw new AppError('conflict', 'The person already has this role for this client.', { field: 'role' });
  const id = randomUUID();
  await tx.db.insertInto('role_assignments', { id, user_id: userId, role_id: role.id, client_id: clientId, created_at: new Date().toISOString(), created_by: actorUserId(tx) }).execute();
  await audit(tx, { action: 'role.assigned', resourceType: 'User', resourceId: userId, clientId, details: { role: role.key, clientId } });
  return id;
}

/** Gives a person a role, for one client or (clientId null) for every client. Takes effect on their next request. */
export async function assignRole(ctx: ActorContext, userId: string, input: RoleGrant): Promise<StaffMember> {
  assertCan(ctx, 'create', 'RoleAssignment');
  // Nobody opens patient information to themselves: another administrator must grant it. The
  // attempt is kept (outside the refused change) as an alert for compliance.
  if (userId === actorUserId(ctx) && (await roleReachesPhi(ctx.db, input.role))) {
    await inTransaction(ctx, (tx) => audit(tx, { action: 'role.self_grant_refused', outcome: 'failure', resourceType: 'User', resourceId: userId, details: { role: input.role, clientId: input.clientId } }));
    throw new AppError('forbidden', 'You cannot give yourself a role that reaches patient information; another administrator must grant it.', { field: 'role' });
  }
  await inTransaction(ctx, async (tx) => {
    await findUser(tx, userId, 'read');
    await assignRoleInTx(tx, userId, input.role, input.clientId);
  });
  return getUser(ctx, userId);
}

/** Takes a role away; effective at once, because permissions are resolved on every request. */
export async function revokeRole(ctx: ActorContext, userId: string, assignmentId: string): Promise<StaffMember> {
  assertCan(ctx, 'delete', 'RoleAssignment');
  await inTransaction(ctx, (tx) => revokeAssignmentInTx(tx, userId, assignmentId));
  return getUser(ctx, userId);
}

/**
 * Removes one role assignment of a person, in the caller's transaction (here, or an access
 * review's revocation): never the last active administrator; audited as `role.revoked`.
 */
export async function revokeAssignmentInTx(tx: ActorContext, userId: string, assignmentId: string): Promise<void> {
  const assignment = await tx.db
    .selectFrom('role_assignments')
    .innerJoin('roles', (j) => j.onRef('roles.id', '=', 'role_assignments.role_id').onRef('roles.org_id', '=', 'role_assignments.org_id'))
    .select(['role_assignments.id', 'role_assignments.client_id', 'roles.key'])
    .where('role_assignments.id', '=', assignmentId)
    .where('role_assignments.user_id', '=', userId)
    .executeTakeFirst();
  if (!assignment) throw notFound('Role assignment');
  if (assignment.key === 'admin' && (await activeAdminCount(tx, null, assignment.id)) === 0) {
    throw new AppError('conflict', 'This is the last active administrator; make someone else an administrator first.');
  }
  await tx.db.deleteFrom('role_assignments').where('id', '=', assignmentId).execute();
  await audit(tx, { action: 'role.revoked', resourceType: 'User', resourceId: userId, clientId: assignment.client_id, details: { role: assignment.key, clientId: assignment.client_id } });
}

/** Clears a lockout before it lapses. */
export async function unlockUser(ctx: ActorContext, id: string): Promise<StaffMember> {
  assertCan(ctx, 'update', 'User');
  await inTransaction(ctx, async (tx) => {
    await findUser(tx, id, 'update');
    await tx.db.updateTable('users').set({ failed_attempts: 0, mfa_failed_attempts: 0, locked_until: null, updated_at: new Date().toISOString() }).where('id', '=', id).execute();
    await audit(tx, { action: 'user.updated', resourceType: 'User', resourceId: id, details: { changed: ['lockedUntil'] } });
  });
  return getUser(ctx, id);
}

/** Removes a person's authenticator (lost phone and recovery codes): they enrol again at next sign-in, and their sessions end. */
export async function resetUserMfa(ctx: ActorContext, id: string): Promise<StaffMember> {
  assertCan(ctx, 'update', 'User');
  if (id === actorUserId(ctx)) throw new AppError('conflict', 'Re-enrol your own authenticator from your account page.');
  await inTransaction(ctx, async (tx) => {
    await findUser(tx, id, 'update');
    await tx.db
      .updateTable('users')
      .set({ mfa_secret_enc: null, mfa_pending_secret_enc: null, mfa_enrolled_at: null, mfa_last_step: null, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await tx.db.deleteFrom('recovery_codes').where('user_id', '=', id).execute();
    await endUserSessions(tx.db, id, 'mfa_reset');
    await audit(tx, { action: 'user.updated', resourceType: 'User', resourceId: id, details: { changed: ['mfa'] } });
  });
  return getUser(ctx, id);
}

/**
 * The address of an active person of the organization, or null: for a background sender
 * (a notification), which acts for no one and so has no grants to check.
 */
/** Which of these people are active (deactivated people are told nothing and can do nothing). */
export async function activeUserIds(tenant: TenantDb, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tenant.selectFrom('users').select('id').where('id', 'in', [...ids]).where('status', '=', 'active').orderBy('id').execute();
  return rows.map((r) => r.id);
}

export async function unsafeActiveAddress(tenant: TenantDb, userId: string): Promise<string | null> {
  const row = await tenant.selectFrom('users').select(['email', 'status']).where('id', '=', userId).executeTakeFirst();
  return row?.status === 'active' ? row.email : null;
}

/** A person's name and whether they are active, for the system's own work (anomaly rules); null when unknown. */
export async function unsafePersonFacts(tenant: TenantDb, userId: string): Promise<{ displayName: string; active: boolean } | null> {
  const row = await tenant.selectFrom('users').select(['display_name', 'status']).where('id', '=', userId).executeTakeFirst();
  return row ? { displayName: row.display_name, active: row.status === 'active' } : null;
}
