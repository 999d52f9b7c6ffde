import type { Selectable } from 'kysely';
import type { Timestamp } from '../db/types.ts';

/** Sign-in: sessions and recovery codes. This part of the platform owns these tables: only its own code queries them (test/ownership.test.ts). */
declare module '../db/types.ts' {
  interface Database {
    sessions: SessionsTable;
    recovery_codes: RecoveryCodesTable;
  }
}

export interface SessionsTable {
  /** SHA-256 of the session token; the token itself is only in the cookie. */
  id: string;
  org_id: string;
  user_id: string;
  stage: 'mfa' | 'full';
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  absolute_expires_at: Timestamp;
  ended_at: Timestamp | null;
  end_reason: string | null;
  ip: string | null;
  user_agent: string | null;
}
export interface RecoveryCodesTable {
  id: string;
  org_id: string;
  user_id: string;
  code_hash: string;
  used_at: Timestamp | null;
  created_at: Timestamp;
}
export type Session = Selectable<SessionsTable>;
