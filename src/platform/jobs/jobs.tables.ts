import type { Timestamp } from '../db/types.ts';

/**
 * Platform jobs on SQLite (migration 0013); on PostgreSQL pg-boss keeps them in its own schema
 * and this table does not exist. This part of the platform owns it: only its own code queries
 * it (test/ownership.test.ts).
 */
declare module '../db/types.ts' {
  interface Database {
    jobs: JobsTable;
  }
}

export interface JobsTable {
  id: string;
  name: string;
  /** JSON. */
  payload: string;
  status: 'queued' | 'active' | 'completed' | 'failed';
  attempts: number;
  retry_limit: number;
  retry_delay_seconds: number;
  run_at: Timestamp;
  singleton_key: string | null;
  periodic: number;
  locked_by: string | null;
  locked_until: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}
