import type { Selectable, Updateable } from 'kysely';
import type { Timestamp } from '../../platform/db/types.ts';

/** People of an organization and the roles they hold. This module owns these tables: only its own code queries them (test/ownership.test.ts). */
declare module '../../platform/db/types.ts' {
  interface Database {
    users: UsersTable;
    role_assignments: RoleAssignmentsTable;
  }
}

export interface UsersTable {
  id: string;
  org_id: string;
  email: string;
  display_name: string;
  password_hash: string;
  status: 'active' | 'deactivated';
  /** Wrong passwords in a row; a correct password resets it. */
  failed_attempts: number;
  /** Wrong authenticator or recovery codes in a row, across sign-ins; only a correct code resets it. */
  mfa_failed_attempts: number;
  locked_until: Timestamp | null;
  /** TOTP secret, encrypted under the organization's data key. */
  mfa_secret_enc: string | null;
  /** A secret offered for enrolment and not yet confirmed with a code. */
  mfa_pending_secret_enc: string | null;
  mfa_enrolled_at: Timestamp | null;
  /** Last accepted TOTP time step: a code is accepted once. */
  mfa_last_step: number | null;
  password_changed_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface RoleAssignmentsTable {
  id: string;
  org_id: string;
  user_id: string;
  role_id: string;
  /** null: the role applies to every client of the organization. */
  client_id: string | null;
  created_at: Timestamp;
  created_by: string | null;
}
export type User = Selectable<UsersTable>;
export type RoleAssignment = Selectable<RoleAssignmentsTable>;
export type UserUpdate = Updateable<UsersTable>;
