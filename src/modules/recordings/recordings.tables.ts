import type { Selectable } from 'kysely';
import type { Timestamp } from '../../platform/db/types.ts';

/** Call recordings. This module owns this table: only its own code queries it (test/ownership.test.ts). */
declare module '../../platform/db/types.ts' {
  interface Database {
    recordings: RecordingsTable;
  }
}

export const DIRECTIONS = ['inbound', 'outbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const AUDIO_TYPES = ['audio/mpeg', 'audio/wav', 'audio/x-wav', 'audio/ogg', 'audio/webm', 'audio/mp4', 'audio/aac', 'audio/flac'] as const;
export type AudioType = (typeof AUDIO_TYPES)[number];

export interface RecordingsTable {
  id: string;
  org_id: string;
  client_id: string;
  task_id: string | null;
  patient_ref: string | null;
  /** The telephony side's call id. */
  call_id: string | null;
  agent_id: string | null;
  direction: Direction;
  duration_seconds: number | null;
  /** Plaintext bytes. */
  size_bytes: number;
  content_type: AudioType;
  store: 'filesystem' | 's3';
  object_key: string;
  /** The recording's AES-256 key, base64, encrypted under the client's data key; null once destroyed. */
  data_key_enc: string | null;
  source: 'upload' | 'telephony';
  status: 'stored' | 'destroyed';
  retention_until: Timestamp;
  created_by: string | null;
  created_at: Timestamp;
  destroyed_at: Timestamp | null;
}
export type RecordingRow = Selectable<RecordingsTable>;
