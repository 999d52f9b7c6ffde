import { createMongoAbility, type MongoAbility, type RawRuleOf } from '@casl/ability';
import { permittedFieldsOf } from '@casl/ability/extra';
import type { TenantDb } from '../db/tenant-db.ts';
import { DATA_CATEGORIES, type Action, type DataCategory, type SubjectType } from './catalogue.ts';
import type { PermissionGrant } from './builtin-roles.ts';
import { activeBreakGlass } from './break-glass.ts';

/**
 * Conditions use two attributes every subject exposes to authorization: `clientId` (the
 * client a row belongs to) and `userId` (the person a row belongs to).
 */
export interface SubjectAttributes {
  clientId?: string | null;
  userId?: string | null;
  /** A patient row's own id (patients) or the patient it concerns: break-glass grants name one. */
  patientId?: string | null;
}

/**
 * The person id of an actor who is nobody (the system, a token) where a query needs one: it
 * matches no row. Plain text, since PostgreSQL refuses a NUL character in a value.
 */
export const NO_PERSON = 'no-person';

export type AppAbility = MongoAbility<[Action, SubjectType | ({ __caslSubjectType__: SubjectType } & SubjectAttributes)]>;

/** A grant with the clients it applies to, after role assignments are resolved. */
export interface ResolvedGrant extends PermissionGrant {
  clientIds: string[] | 'all';
  /** A break-glass grant: this one patient of the (single) client, until it expires. */
  patientId?: string;
}

/** Builds the CASL ability of one actor: deny by default, one rule per resolved grant, fields = data categories. */
export function buildAbility(grants: readonly ResolvedGrant[], actorUserId: string | null): AppAbility {
  const rules: RawRuleOf<AppAbility>[] = [];
  for (const grant of grants) {
    let conditions: Record<string, unknown> | undefined;
    if (grant.scope === 'assigned_clients' && grant.clientIds !== 'all') conditions = { clientId: { $in: grant.clientIds } };
    if (grant.scope === 'self') conditions = { userId: actorUserId ?? NO_PERSON };
    if (grant.patientId && grant.clientIds !== 'all') conditions = { clientId: { $in: grant.clientIds }, patientId: grant.patientId };
    rules.push({ action: grant.action, subject: grant.subject, fields: grant.categories, ...(conditions ? { conditions } : {}) } as RawRuleOf<AppAbility>);
  }
  return createMongoAbility<AppAbility>(rules);
}

/** Data categories the ability allows for an action on a subject type or one row. */
export function permittedCategories(ability: AppAbility, action: Action, target: Parameters<AppAbility['can']>[1]): Set<DataCategory> {
  return new Set(permittedFieldsOf(ability, action, target, { fieldsFrom: (rule) => rule.fields ?? [...DATA_CATEGORIES] }) as DataCategory[]);
}

/**
 * Resolves a person's grants from their role assignments (data, not code). An assignment
 * without a client covers every client; assignments to inactive clients grant nothing.
 */
export async function loadUserGrants(tenant: TenantDb, userId: string): Promise<ResolvedGrant[]> {
  const rows = await tenant
    .selectFrom('role_assignments')
    .innerJoin('role_permissions', (j) => j.onRef('role_permissions.role_id', '=', 'role_assignments.role_id').onRef('role_permissions.org_id', '=', 'role_assignments.org_id'))
    .leftJoin('clients', (j) => j.onRef('clients.id', '=', 'role_assignments.client_id').onRef('clients.org_id', '=', 'role_assignments.org_id'))
    .select([
      'role_permissions.id as permission_id',
      'role_permissions.action',
      'role_permissions.subject',
      'role_permissions.categories',
      'role_permissions.scope',
      'role_assignments.client_id',
      'clients.status as client_status',
    ])
    .where('role_assignments.user_id', '=', userId)
    .execute();
  const byPermission = new Map<string, ResolvedGrant>();
  for (const row of rows) {
    if (row.client_id !== null && row.client_status !== 'active') continue;
    let grant = byPermission.get(row.permission_id);
    if (!grant) {
      grant = {
        action: row.action as Action,
        subject: row.subject as SubjectType,
        categories: JSON.parse(row.categories) as DataCategory[],
        scope: row.scope,
        clientIds: [],
      };
      byPermission.set(row.permission_id, grant);
    }
    if (row.client_id === null) grant.clientIds = 'all';
    else if (grant.clientIds !== 'all') grant.clientIds.push(row.client_id);
  }
  const grants = [...byPermission.values()];
  return [...grants, ...breakGlassGrants(grants, await activeBreakGlass(tenant, userId))];
}

/**
 * A break-glass grant opens one patient of a client the person is not assigned to, with the
 * data categories their own roles give them on patients (read and reveal only), until it expires.
 */
function breakGlassGrants(grants: readonly ResolvedGrant[], open: readonly { clientId: string; patientId: string }[]): ResolvedGrant[] {
  if (open.length === 0) return [];
  const patientGrants = grants.filter((g) => g.subject === 'Patient' && (g.action === 'read' || g.action === 'reveal') && g.scope === 'assigned_clients' && g.clientIds !== 'all');
  return open.flatMap((bg) => patientGrants.map((g) => ({ ...g, clientIds: [bg.clientId], patientId: bg.patientId })));
}

/** Whether a role of the organization grants any data category other than operational: it reaches patient information. */
export async function roleReachesPhi(tenant: TenantDb, roleKey: string): Promise<boolean> {
  const rows = await tenant
    .selectFrom('role_permissions')
    .innerJoin('roles', (j) => j.onRef('roles.id', '=', 'role_permissions.role_id').onRef('roles.org_id', '=', 'role_permissions.org_id'))
    .select('role_permissions.categories')
    .where('roles.key', '=', roleKey)
    .execute();
  return rows.some((row) => (JSON.parse(row.categories) as DataCategory[]).some((c) => c !== 'operational'));
}

/**
 * The people (of those given, or everyone) whose roles reach patient information: any grant on
 * a data category other than operational. The training that stands between a person and PHI
 * applies to them only; an administrator who never sees PHI is neither warned nor counted.
 */
export async function peopleReachingPhi(tenant: TenantDb, userIds?: string[]): Promise<Set<string>> {
  if (userIds && userIds.length === 0) return new Set();
  let q = tenant
    .selectFrom('role_assignments')
    .innerJoin('role_permissions', (j) => j.onRef('role_permissions.role_id', '=', 'role_assignments.role_id').onRef('role_permissions.org_id', '=', 'role_assignments.org_id'))
    .select(['role_assignments.user_id', 'role_permissions.categories'])
    .distinct();
  if (userIds) q = q.where('role_assignments.user_id', 'in', userIds);
  const out = new Set<string>();
  for (const row of await q.execute()) {
    if ((JSON.parse(row.categories) as DataCategory[]).some((c) => c !== 'operational')) out.add(row.user_id);
  }
  return out;
}

/** Who holds a grant of `action` (or `manage`) on a subject with one of these scopes, optionally through an assignment for one client (or for every client). */
async function grantHolders(tenant: TenantDb, action: Action, subject: SubjectType, scopes: readonly PermissionGrant['scope'][], clientId?: string): Promise<string[]> {
  let q = tenant
    .selectFrom('role_assignments')
    .innerJoin('role_permissions', (j) => j.onRef('role_permissions.role_id', '=', 'role_assignments.role_id').onRef('role_permissions.org_id', '=', 'role_assignments.org_id'))
    .select('role_assignments.user_id')
    .distinct()
    .where('role_permissions.subject', '=', subject)
    .where('role_permissions.action', 'in', [action, 'manage'])
    .where('role_permissions.scope', 'in', [...scopes]);
  if (clientId !== undefined) q = q.where((eb) => eb.or([eb('role_assignments.client_id', '=', clientId), eb('role_assignments.client_id', 'is', null)]));
  const rows = await q.orderBy('role_assignments.user_id').execute();
  return rows.map((r) => r.user_id);
}

/**
 * The people whose roles grant `action` (or `manage`) on a subject across the whole
 * organization (active or not: ask the users module which are active): "whoever keeps the compliance records", found from the grants (roles are
 * data), never from a role's name.
 */
export function peopleGranted(tenant: TenantDb, action: Action, subject: SubjectType): Promise<string[]> {
  return grantHolders(tenant, action, subject, ['organization']);
}

/**
 * The people whose role assignments for one client (an assignment naming the client, or one
 * for every client) grant `action` (or `manage`) on a subject, with the scope of that grant:
 * "the providers of this practice", "its supervisors", found from the grants (roles are data),
 * never from a role's name. Active or not: ask the users module which are active.
 */
export function peopleGrantedForClient(tenant: TenantDb, action: Action, subject: SubjectType, clientId: string, scopes: readonly PermissionGrant['scope'][]): Promise<string[]> {
  return grantHolders(tenant, action, subject, scopes, clientId);
}
