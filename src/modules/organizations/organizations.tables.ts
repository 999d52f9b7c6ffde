import type { Selectable } from 'kysely';
import type { Timestamp } from '../../platform/db/types.ts';

/** Organizations: one answering service each. This module owns these tables: only its own code queries them (test/ownership.test.ts). */
declare module '../../platform/db/types.ts' {
  interface Database {
    organizations: OrganizationsTable;
  }
}

export interface OrganizationsTable {
  id: string;
  name: string;
  created_at: Timestamp;
}
export type Organization = Selectable<OrganizationsTable>;
