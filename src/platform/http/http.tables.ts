import type { Timestamp, JsonText } from '../db/types.ts';

/** Stored answers of idempotent requests. This part of the platform owns these tables: only its own code queries them (test/ownership.test.ts). */
declare module '../db/types.ts' {
  interface Database {
    idempotency_keys: IdempotencyKeysTable;
  }
}

export interface IdempotencyKeysTable {
  org_id: string;
  actor_id: string;
  key: string;
  route: string;
  request_hash: string;
  status_code: number;
  response: JsonText;
  created_at: Timestamp;
}
