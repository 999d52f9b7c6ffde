import type { Generated, Selectable } from 'kysely';
import type { Timestamp, JsonText } from '../../platform/db/types.ts';

/** Clients: the practices an answering service works for. This module owns these tables: only its own code queries them (test/ownership.test.ts). */
declare module '../../platform/db/types.ts' {
  interface Database {
    clients: ClientsTable;
  }
}

export interface ClientsTable {
  id: string;
  org_id: string;
  name: string;
  time_zone: string;
  status: 'active' | 'inactive';
  phi_guard_mode: Generated<PhiGuardMode>;
  voicemail_script: string | null;
  /** The client's callback policy (JSON); null: the defaults. */
  callback_policy: JsonText | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
/** What the PHI guard does with PHI typed into a client's operational text. */
export type PhiGuardMode = 'refuse' | 'redact';
export type Client = Selectable<ClientsTable>;
