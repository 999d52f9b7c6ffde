import { randomUUID } from 'node:crypto';
import { BUILTIN_ROLES } from '../../platform/authz/builtin-roles.ts';
import type { TenantDb } from '../../platform/db/tenant-db.ts';

/** Copies the built-in roles into a new organization; from then on they are the organization's data. */
export async function seedBuiltinRoles(tenant: TenantDb): Promise<Map<string, string>> {
  const now = new Date().toISOString();
  const ids = new Map<string, string>();
  for (const role of BUILTIN_ROLES) {
    const roleId = randomUUID();
    ids.set(role.key, roleId);
    await tenant.insertInto('roles', { id: roleId, key: role.key, name: role.name, description: role.description, created_at: now }).execute();
    await tenant
      .insertInto(
        'role_permissions',
        role.grants.map((g) => ({ id: randomUUID(), role_id: roleId, action: g.action, subject: g.subject, categories: JSON.stringify(g.categories), scope: g.scope })),
      )
      .execute();
  }
  return ids;
}
