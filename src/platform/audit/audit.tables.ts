import type { Generated, Insertable, Selectable } from 'kysely';
import type { Timestamp, JsonText } from '../db/types.ts';

/** The audit trail and its hash chain. This part of the platform owns these tables: only its own code queries them (test/ownership.test.ts). */
declare module '../db/types.ts' {
  interface Database {
    audit_events: AuditEventsTable;
    audit_chain: AuditChainTable;
    audit_chain_heads: AuditChainHeadsTable;
    audit_seal_cursor: AuditSealCursorTable;
    audit_verifications: AuditVerificationsTable;
    audit_prunes: AuditPrunesTable;
  }
}

export interface AuditEventsTable {
  id: Generated<number>;
  org_id: string;
  /** PostgreSQL: the writing transaction's id (set by the database); null on SQLite. */
  txid: Generated<number | null>;
  occurred_at: Timestamp;
  action: string;
  outcome: 'success' | 'failure';
  actor_type: 'user' | 'token' | 'system';
  actor_id: string | null;
  resource_type: string | null;
  resource_id: string | null;
  client_id: string | null;
  patient_ref: string | null;
  /** JSON array of the fields read or changed (names, never values). */
  fields: JsonText | null;
  purpose: string | null;
  ip: string | null;
  request_id: string | null;
  /** JSON object with non-PHI detail. */
  details: JsonText | null;
}
export interface AuditChainTable {
  event_id: number;
  org_id: string;
  position: number;
  prev_hash: string;
  hash: string;
  sealed_at: Timestamp;
}
/** The sealer's progress: a single row (id 1). */
export interface AuditSealCursorTable {
  id: number;
  last_txid: number;
  last_event_id: number;
  updated_at: Timestamp;
}
export interface AuditChainHeadsTable {
  org_id: string;
  position: number;
  hash: string;
  updated_at: Timestamp;
}
/** One verification of an organization's trail. */
export interface AuditVerificationsTable {
  id: string;
  org_id: string;
  verified_at: Timestamp;
  ok: number;
  events: number;
  unsealed: number;
  events_per_second: number | null;
  checkpoint_position: number | null;
  checkpoint_at: Timestamp | null;
  checkpoint_source: 'directory' | 'witness' | null;
  problem: string | null;
  problem_position: number | null;
  trigger: 'command' | 'schedule' | 'console';
  requested_by: string | null;
}
/** One pruning of a chain's oldest segment, past retention. */
export interface AuditPrunesTable {
  org_id: string;
  through_position: number;
  anchor_hash: string;
  checkpoint: string;
  events: number;
  oldest_at: Timestamp | null;
  newest_at: Timestamp | null;
  started_at: Timestamp;
  completed_at: Timestamp | null;
}
export type AuditEventRow = Selectable<AuditEventsTable>;
export type NewAuditEventRow = Insertable<AuditEventsTable>;
