import type { Selectable } from 'kysely';
import type { Timestamp } from '../../platform/db/types.ts';

/** Each client's link to its practice system. This module owns these tables: only its own code queries them (test/ownership.test.ts). */
declare module '../../platform/db/types.ts' {
  interface Database {
    practice_links: PracticeLinksTable;
  }
}

export interface PracticeLinksTable {
  client_id: string;
  org_id: string;
  base_url: string;
  auth_type: 'none' | 'bearer' | 'basic';
  /** JSON credentials, encrypted under the client's data key. */
  credentials_enc: string | null;
  updated_by: string | null;
  updated_at: Timestamp;
}
export type PracticeLink = Selectable<PracticeLinksTable>;
