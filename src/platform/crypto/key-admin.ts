import { sql, type ExpressionBuilder } from 'kysely';
import { appendAudit } from '../audit/append.ts';
import type { AuditSource } from '../audit/events.ts';
import type { TenantDb } from '../db/tenant-db.ts';
import type { Database } from '../db/types.ts';
import { envelopeVersion, type KeyRing, type KeyVersionInfo } from './keyring.ts';

/**
 * Every column that holds ciphertext, with the column naming its owner (the client whose key
 * encrypts it; null: the organization's key). Rotation rewraps exactly these columns; a test
 * checks that every `*_enc` column of the schema is listed here.
 */
export const ENCRYPTED_COLUMNS = [
  { table: 'users', idColumn: 'id', clientColumn: null, columns: ['mfa_secret_enc', 'mfa_pending_secret_enc'] },
  { table: 'baas', idColumn: 'id', clientColumn: null, columns: ['document_enc'] },
  {
    table: 'patients',
    idColumn: 'id',
    clientColumn: 'client_id',
    columns: [
      'name_enc',
      'phones_enc',
      'email_enc',
      'callback_window_enc',
      'date_of_birth_enc',
      'address_enc',
      'mrn_enc',
      'identifiers_enc',
      'fhir_patient_id_enc',
      'insurance_member_id_enc',
      'notes_enc',
    ],
  },
  { table: 'practice_links', idColumn: 'client_id', clientColumn: 'client_id', columns: ['credentials_enc'] },
  { table: 'task_messages', idColumn: 'id', clientColumn: 'client_id', columns: ['body_enc'] },
  { table: 'notification_channels', idColumn: 'id', clientColumn: null, columns: ['credentials_enc'] },
  { table: 'urgent_messages', idColumn: 'id', clientColumn: 'client_id', columns: ['body_enc'] },
  { table: 'urgent_message_replies', idColumn: 'id', clientColumn: 'client_id', columns: ['body_enc'] },
  // A recording's own key: rewrapping it leaves the audio as it is; shredding the client leaves it unreadable.
  { table: 'recordings', idColumn: 'id', clientColumn: 'client_id', columns: ['data_key_enc'] },
] as const satisfies readonly { table: keyof Database; idColumn: string; clientColumn: string | null; columns: readonly string[] }[];

/** Tables of blind-index digests, removed with a client's keys (the digests would otherwise still link equal values). */
const BLIND_INDEX_TABLES = ['patient_index'] as const;

type EncryptedTable = (typeof ENCRYPTED_COLUMNS)[number];

export interface KeyAdminContext {
  tenant: TenantDb;
  keyring: KeyRing;
  source: AuditSource;
}

export interface OwnerKeyStatus {
  /** null: the organization's own key. */
  clientId: string | null;
  clientName: string | null;
  currentVersion: number | null;
  keys: KeyVersionInfo[];
  /** Rows with a value under an older data-key version. */
  rowsToRewrap: number;
}

/** The key owners of the organization: itself and each of its clients. */
async function owners(tenant: TenantDb, clientId?: string | null): Promise<{ clientId: string | null; clientName: string | null }[]> {
  if (clientId === null) return [{ clientId: null, clientName: null }];
  let q = tenant.selectFrom('clients').select(['id', 'name']).orderBy('name');
  if (clientId !== undefined) q = q.where('id', '=', clientId);
  const clients = await q.execute();
  if (clientId !== undefined && clients.length === 0) throw new Error(`No client ${clientId} in this organization`);
  const list = clients.map((c) => ({ clientId: c.id as string | null, clientName: c.name as string | null }));
  return clientId === undefined ? [{ clientId: null, clientName: null }, ...list] : list;
}

function tablesOf(clientId: string | null): EncryptedTable[] {
  return ENCRYPTED_COLUMNS.filter((t) => (clientId === null ? t.clientColumn === null : t.clientColumn !== null));
}

/** WHERE: rows of the owner with at least one value not under `version`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function pendingRows(table: EncryptedTable, clientId: string | null, version: number): (eb: ExpressionBuilder<any, any>) => ReturnType<ExpressionBuilder<any, any>['and']> {
  const prefix = `rf1.${version}.%`;
  return (eb) =>
    eb.and([
      ...(table.clientColumn ? [eb(sql.ref(table.clientColumn), '=', clientId)] : []),
      eb.or(table.columns.map((c) => eb.and([eb(sql.ref(c), 'is not', null), eb(sql.ref(c), 'not like', prefix)]))),
    ]);
}

async function countPending(tenant: TenantDb, clientId: string | null, version: number): Promise<number> {
  let total = 0;
  for (const table of tablesOf(clientId)) {
    const row = await tenant
      .selectFrom(table.table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(pendingRows(table, clientId, version))
      .executeTakeFirst();
    total += Number(row?.n ?? 0);
  }
  return total;
}

/** Key versions and rewrap backlog of the organization and each of its clients. */
export async function keyStatus(ctx: KeyAdminContext, clientId?: string | null): Promise<OwnerKeyStatus[]> {
  const out: OwnerKeyStatus[] = [];
  for (const owner of await owners(ctx.tenant, clientId)) {
    const currentVersion = await ctx.keyring.currentVersion(ctx.tenant, owner.clientId);
    const keys = await ctx.keyring.listKeys(ctx.tenant, owner.clientId);
    const rowsToRewrap = currentVersion === null ? 0 : await countPending(ctx.tenant, owner.clientId, currentVersion);
    out.push({ ...owner, currentVersion, keys, rowsToRewrap });
  }
  return out;
}

/** Makes a new data-key version for a client (or the organization); new writes use it at once. */
export async function rotateDataKey(ctx: KeyAdminContext, clientId: string | null): Promise<number> {
  return ctx.tenant.transaction(async (tenant) => {
    const version = await ctx.keyring.createDataKey(tenant, clientId);
    await appendAudit(tenant, ctx.source, { action: 'keys.rotated', resourceType: 'DataKey', clientId, details: { version } });
    return version;
  });
}

export interface RewrapProgress {
  clientId: string | null;
  done: number;
  total: number;
}

export interface RewrapOptions {
  batchSize?: number;
  /** Stops after the current batch; running again resumes with the rows still pending. */
  signal?: AbortSignal;
  onProgress?(progress: RewrapProgress): void;
}

/**
 * Re-encrypts every value written under an older data-key version with the current one, in
 * batches of one transaction each, while the app keeps running. Each row is updated only if
 * none of its values changed since it was read (a concurrent write already used the current
 * key). Interrupted, it resumes where it stopped: only rows still under an old key are read.
 */
export async function rewrap(ctx: KeyAdminContext, clientId: string | null, options: RewrapOptions = {}): Promise<{ rewrapped: number; interrupted: boolean }> {
  const version = await ctx.keyring.currentVersion(ctx.tenant, clientId);
  if (version === null) return { rewrapped: 0, interrupted: false };
  const batchSize = options.batchSize ?? 200;
  const total = await countPending(ctx.tenant, clientId, version);
  let done = 0;
  const finish = async (interrupted: boolean) => {
    await appendAudit(ctx.tenant, ctx.source, { action: 'keys.rewrapped', resourceType: 'DataKey', clientId, details: { version, rows: done, interrupted } });
    return { rewrapped: done, interrupted };
  };
  options.onProgress?.({ clientId, done, total });
  for (const table of tablesOf(clientId)) {
    let after = '';
    for (;;) {
      if (options.signal?.aborted) return finish(true);
      const rows = (await ctx.tenant
        .selectFrom(table.table)
        .select([sql.ref(table.idColumn).as('row_id'), ...table.columns.map((c) => sql.ref(c).as(c))])
        .where(pendingRows(table, clientId, version))
        .where(sql.ref(table.idColumn), '>', after)
        .orderBy(sql.ref(table.idColumn))
        .limit(batchSize)
        .execute()) as unknown as ({ row_id: string } & Record<string, string | null>)[];
      if (rows.length === 0) break;
      await ctx.tenant.transaction(async (tenant) => {
        for (const row of rows) {
          const owner = { clientId, table: table.table, rowId: row.row_id };
          const old = Object.fromEntries(table.columns.map((c) => [c, row[c] ?? null])) as Record<string, string | null>;
          const stale = Object.fromEntries(Object.entries(old).filter(([, v]) => v !== null && envelopeVersion(v) !== version)) as Record<string, string>;
          const fresh = await ctx.keyring.encryptRow(tenant, owner, await ctx.keyring.decryptRow(tenant, owner, stale));
          let update = tenant
            .updateTable(table.table)
            // eslint-disable-next-line @typescript-eslint/no-explicit-any
            .set(fresh as any)
            .where(sql.ref(table.idColumn), '=', row.row_id);
          for (const [column, value] of Object.entries(stale)) update = update.where(sql.ref(column), '=', value);
          await update.execute();
        }
      });
      after = rows[rows.length - 1]!.row_id;
      done += rows.length;
      options.onProgress?.({ clientId, done, total });
    }
  }
  return finish(false);
}

/**
 * Crypto-shredding: destroys every key of a client and its blind-index digests. All of the
 * client's encrypted values become unreadable for good; the rows themselves stay until the
 * contract-end process removes them.
 */
export async function destroyClientKeys(ctx: KeyAdminContext, clientId: string): Promise<number> {
  return ctx.tenant.transaction(async (tenant) => {
    const destroyed = await ctx.keyring.destroyKeys(tenant, clientId);
    for (const table of BLIND_INDEX_TABLES) await tenant.deleteFrom(table).where('client_id', '=', clientId).execute();
    await appendAudit(tenant, ctx.source, { action: 'keys.destroyed', resourceType: 'DataKey', clientId, details: { keys: destroyed } });
    return destroyed;
  });
}

/**
 * Master-key rotation for one organization: data keys still wrapped under the previous master
 * key are rewrapped under the current one; no data is re-encrypted. Run with the new key
 * configured and the old one as RINGFENCE_PREVIOUS_MASTER_KEY_FILE, so running instances
 * (configured the same way) keep working throughout.
 */
export async function rotateMasterKey(ctx: KeyAdminContext): Promise<number> {
  return ctx.tenant.transaction(async (tenant) => {
    const keys = await ctx.keyring.rewrapUnderCurrentMasterKey(tenant);
    if (keys > 0) await appendAudit(tenant, ctx.source, { action: 'keys.master_rotated', resourceType: 'DataKey', details: { keys, masterKeyId: ctx.keyring.masterKeyId } });
    return keys;
  });
}
