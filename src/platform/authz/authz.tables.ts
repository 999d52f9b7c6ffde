import type { Timestamp } from '../db/types.ts';

/** Break-glass grants. This part of the platform owns the table: only its own code queries it (test/ownership.test.ts). */
declare module '../db/types.ts' {
  interface Database {
    break_glass_grants: BreakGlassGrantsTable;
  }
}

export interface BreakGlassGrantsTable {
  id: string;
  org_id: string;
  user_id: string;
  client_id: string;
  patient_id: string;
  patient_ref: string;
  /** The stated reason, PHI-guarded when it was given. */
  reason: string;
  granted_at: Timestamp;
  expires_at: Timestamp;
  /** Set when the person (or a compliance officer) closed it before it expired. */
  closed_at: Timestamp | null;
}
