import type { Selectable } from 'kysely';
import type { Timestamp, JsonText } from '../../platform/db/types.ts';

/** API tokens of integrations. This module owns these tables: only its own code queries them (test/ownership.test.ts). */
declare module '../../platform/db/types.ts' {
  interface Database {
    api_tokens: ApiTokensTable;
  }
}

export interface ApiTokensTable {
  id: string;
  org_id: string;
  name: string;
  token_hash: string;
  /** First characters of the token, shown so people can tell tokens apart. */
  token_prefix: string;
  scopes: JsonText;
  /** JSON array of client ids, or null for every client. */
  client_ids: JsonText | null;
  created_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}
export type ApiToken = Selectable<ApiTokensTable>;
