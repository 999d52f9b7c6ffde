import type { ColumnType } from 'kysely';

/**
 * Table types for both engines. Conventions that keep SQLite and PostgreSQL interchangeable:
 * timestamps are ISO-8601 UTC strings in the application (PostgreSQL stores timestamptz and
 * its parser hands back ISO strings), JSON is stored as text, flags are timestamps or status
 * words rather than booleans, and ids are UUID strings except the audit sequence.
 */
export type Timestamp = string;
/** A JSON document stored as text. */
export type JsonText = string;

/**
 * The database of Ringfence: each owner (a module, or a part of the platform) declares its
 * tables in its own `*.tables.ts`, merged into this interface (`declare module`). Only the
 * owner's code queries them; others ask the owner (test/ownership.test.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Database {}

/** Tables whose rows belong to one organization and can only be reached through a tenant scope. */
export type OrgTable = {
  [K in keyof Database]: Database[K] extends { org_id: ColumnType<string, string, string> | string } ? K : never;
}[keyof Database];
