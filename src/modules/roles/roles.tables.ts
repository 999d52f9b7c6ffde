import type { Selectable } from 'kysely';
import type { Timestamp, JsonText } from '../../platform/db/types.ts';

/** Roles and their permissions, as data. This module owns these tables: only its own code queries them (test/ownership.test.ts). */
declare module '../../platform/db/types.ts' {
  interface Database {
    roles: RolesTable;
    role_permissions: RolePermissionsTable;
  }
}

export interface RolesTable {
  id: string;
  org_id: string;
  key: string;
  name: string;
  description: string;
  created_at: Timestamp;
}
export type PermissionScope = 'organization' | 'assigned_clients' | 'self';
export interface RolePermissionsTable {
  id: string;
  org_id: string;
  role_id: string;
  action: string;
  subject: string;
  /** JSON array of data categories the rule covers. */
  categories: JsonText;
  scope: PermissionScope;
}
export type Role = Selectable<RolesTable>;
export type RolePermission = Selectable<RolePermissionsTable>;
