import type { ColumnType } from 'kysely';
import type { Timestamp } from '../db/types.ts';

/** Wrapped data keys of the organization and its clients. This part of the platform owns these tables: only its own code queries them (test/ownership.test.ts). */
declare module '../db/types.ts' {
  interface Database {
    data_keys: DataKeysTable;
  }
}

export interface DataKeysTable {
  id: string;
  org_id: string;
  /** null: the organization's own key (MFA secrets, integration credentials). */
  client_id: string | null;
  /** data: versioned field-encryption keys; index: the client's blind-index (HMAC) key. */
  purpose: ColumnType<KeyPurpose, KeyPurpose | undefined, KeyPurpose>;
  version: number;
  /** The data key wrapped by the master key; emptied when the key is destroyed. */
  wrapped_key: string;
  master_key_id: string;
  created_at: Timestamp;
  destroyed_at: Timestamp | null;
}
export type KeyPurpose = 'data' | 'index';
