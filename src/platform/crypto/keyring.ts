import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { TenantDb } from '../db/tenant-db.ts';
import type { KeyPurpose } from '../db/types.ts';
import type { KeyProvider } from './key-provider.ts';

/** Where an encrypted value lives; bound into the ciphertext so it cannot be moved to another row, column or client. */
export interface FieldLocation {
  /** null for the organization's own secrets (MFA secrets, integration credentials). */
  clientId: string | null;
  table: string;
  column: string;
  rowId: string;
}

const FORMAT = 'rf1';
/** What a destroyed key's wrapped value is overwritten with: nothing is left to unwrap. */
const DESTROYED = '';

/** Thrown when a value cannot be decrypted: wrong location, tampered, or its key destroyed. */
export class DecryptError extends Error {}

interface KeyRow {
  id: string;
  version: number;
  wrapped_key: string;
  master_key_id: string;
  destroyed_at: string | null;
}

const KEY_ROW = ['id', 'version', 'wrapped_key', 'master_key_id', 'destroyed_at'] as const;

/** The key versions of one owner (a client, or the organization when clientId is null). */
export interface KeyVersionInfo {
  purpose: KeyPurpose;
  version: number;
  masterKeyId: string;
  createdAt: string;
  destroyedAt: string | null;
}

/** The key version an envelope was written under, or null when it is not an envelope. */
export function envelopeVersion(envelope: string): number | null {
  const match = /^rf1\.(\d+)\./.exec(envelope);
  return match ? Number(match[1]) : null;
}

/**
 * Envelope encryption: the master key (through a KeyProvider) wraps the data keys of each
 * client (and of the organization for its own secrets); fields are AES-256-GCM under a data
 * key with a random 96-bit nonce and the field's location as additional authenticated data.
 * Envelope: `rf1.<key version>.<nonce>.<ciphertext>.<tag>`.
 *
 * Every operation reads the key's row (one indexed lookup), so a rotation or a destroyed key
 * is seen at once by every app instance. Unwrapped keys are cached by row id and wrapped
 * value: a key row created in a transaction that rolled back can never be served again.
 */
export class KeyRing {
  readonly #provider: KeyProvider;
  /** Master keys by id: the current one, and during a rotation the previous ones, for unwrapping only. */
  readonly #unwrappers: Map<string, KeyProvider>;
  readonly #cache = new Map<string, { wrapped: string; key: Buffer }>();

  constructor(provider: KeyProvider, previous: readonly KeyProvider[] = []) {
    this.#provider = provider;
    this.#unwrappers = new Map([...previous, provider].map((p) => [p.keyId, p]));
  }

  get masterKeyId(): string {
    return this.#provider.keyId;
  }

  /** Creates the next data-key version for an organization (clientId null) or a client; new writes use it. */
  async createDataKey(tenant: TenantDb, clientId: string | null): Promise<number> {
    const current = await this.#latest(tenant, clientId, 'data');
    const version = (current?.version ?? 0) + 1;
    await this.#insertKey(tenant, clientId, 'data', version, false);
    return version;
  }

  /** The version new writes use, or null before the owner's first key. */
  async currentVersion(tenant: TenantDb, clientId: string | null): Promise<number | null> {
    return (await this.#latest(tenant, clientId, 'data'))?.version ?? null;
  }

  /** Encrypts a value for one field of one row under the current data key of its owner. */
  async encryptField(tenant: TenantDb, location: FieldLocation, plaintext: string): Promise<string> {
    const { key, version } = await this.#currentKey(tenant, location.clientId);
    return seal(key, version, fieldAad(tenant.orgId, location, version), plaintext);
  }

  /**
   * Encrypts several columns of one row with one key lookup. Null values stay null.
   */
  async encryptRow<C extends string>(
    tenant: TenantDb,
    owner: { clientId: string | null; table: string; rowId: string },
    values: Partial<Record<C, string | null>>,
  ): Promise<Partial<Record<C, string | null>>> {
    const { key, version } = await this.#currentKey(tenant, owner.clientId);
    const out: Partial<Record<C, string | null>> = {};
    for (const column of Object.keys(values) as C[]) {
      const plaintext = values[column];
      if (plaintext === undefined) continue;
      out[column] = plaintext === null ? null : seal(key, version, fieldAad(tenant.orgId, { ...owner, column }, version), plaintext);
    }
    return out;
  }

  /** Decrypts a value; fails when it was copied from another location or its key is gone. */
  async decryptField(tenant: TenantDb, location: FieldLocation, envelope: string): Promise<string> {
    const version = envelopeVersion(envelope);
    if (version === null) throw new DecryptError('Unknown envelope format');
    return open(await this.#keyOfVersion(tenant, location.clientId, version), fieldAad(tenant.orgId, location, version), envelope);
  }

  /** Decrypts several columns of one row, looking each key version up once. */
  async decryptRow<C extends string>(
    tenant: TenantDb,
    owner: { clientId: string | null; table: string; rowId: string },
    envelopes: Partial<Record<C, string | null>>,
  ): Promise<Partial<Record<C, string | null>>> {
    const keys = new Map<number, Buffer>();
    const out: Partial<Record<C, string | null>> = {};
    for (const column of Object.keys(envelopes) as C[]) {
      const envelope = envelopes[column];
      if (envelope === undefined) continue;
      if (envelope === null) {
        out[column] = null;
        continue;
      }
      const version = envelopeVersion(envelope);
      if (version === null) throw new DecryptError('Unknown envelope format');
      let key = keys.get(version);
      if (!key) {
        key = await this.#keyOfVersion(tenant, owner.clientId, version);
        keys.set(version, key);
      }
      out[column] = open(key, fieldAad(tenant.orgId, { ...owner, column }, version), envelope);
    }
    return out;
  }

  /**
   * Keyed blind indexes for one client, with one key lookup: HMAC-SHA256 of a normalised value
   * under the client's index key, so equal values are found without decrypting anything and
   * digests of one client mean nothing for another. `kind` separates the value spaces (a phone
   * and an MRN never collide).
   */
  async blindIndexer(tenant: TenantDb, clientId: string): Promise<(kind: string, normalized: string) => string> {
    const row = await this.#latestOrFirst(tenant, clientId, 'index');
    const key = await this.#unwrapRow(tenant, clientId, 'index', row);
    return (kind, normalized) => createHmac('sha256', key).update(kind).update('\u0000').update(normalized, 'utf8').digest('base64url');
  }

  /** The owner's key versions, newest first, for `ringfence keys status`. */
  async listKeys(tenant: TenantDb, clientId: string | null): Promise<KeyVersionInfo[]> {
    const rows = await ownerQuery(tenant, clientId)
      .select(['purpose', 'version', 'master_key_id', 'created_at', 'destroyed_at'])
      .orderBy('purpose')
      .orderBy('version', 'desc')
      .execute();
    return rows.map((r) => ({ purpose: r.purpose, version: Number(r.version), masterKeyId: r.master_key_id, createdAt: r.created_at, destroyedAt: r.destroyed_at }));
  }

  /**
   * Crypto-shredding: destroys every key of a client (data and index). The wrapped keys are
   * overwritten, so nothing that was encrypted under them can be read again, by this or any
   * other instance. Returns the number of keys destroyed.
   */
  async destroyKeys(tenant: TenantDb, clientId: string): Promise<number> {
    const result = await tenant
      .updateTable('data_keys')
      .set({ wrapped_key: DESTROYED, destroyed_at: new Date().toISOString() })
      .where('client_id', '=', clientId)
      .where('destroyed_at', 'is', null)
      .executeTakeFirst();
    // Drop unwrapped key material from memory too (other instances see destroyed_at on their next use).
    this.#cache.clear();
    return Number(result.numUpdatedRows);
  }

  /**
   * Master-key rotation: every live key of the organization still wrapped under a previous
   * master key is unwrapped with it and wrapped under the current one. Data is not touched.
   * Returns the number of keys rewrapped; afterwards the previous master key is not needed.
   */
  async rewrapUnderCurrentMasterKey(tenant: TenantDb): Promise<number> {
    const rows = await tenant
      .selectFrom('data_keys')
      .select(['id', 'client_id', 'purpose', 'version', 'wrapped_key', 'master_key_id'])
      .where('destroyed_at', 'is', null)
      .where('master_key_id', '<>', this.#provider.keyId)
      .execute();
    for (const row of rows) {
      const context = wrapContext(tenant.orgId, row.client_id, row.purpose, Number(row.version));
      const key = await this.#unwrapperFor(row.master_key_id).unwrap(row.wrapped_key, context);
      const wrapped = await this.#provider.wrap(key, context);
      await tenant.updateTable('data_keys').set({ wrapped_key: wrapped, master_key_id: this.#provider.keyId }).where('id', '=', row.id).execute();
    }
    return rows.length;
  }

  #unwrapperFor(masterKeyId: string): KeyProvider {
    const provider = this.#unwrappers.get(masterKeyId);
    if (!provider) throw new DecryptError(`A data key is wrapped under master key ${masterKeyId}, which is not configured (RINGFENCE_PREVIOUS_MASTER_KEY_FILE during a rotation)`);
    return provider;
  }

  async #currentKey(tenant: TenantDb, clientId: string | null): Promise<{ key: Buffer; version: number }> {
    const row = await this.#latestOrFirst(tenant, clientId, 'data');
    return { key: await this.#unwrapRow(tenant, clientId, 'data', row), version: Number(row.version) };
  }

  async #keyOfVersion(tenant: TenantDb, clientId: string | null, version: number): Promise<Buffer> {
    const row = await ownerQuery(tenant, clientId)
      .select(KEY_ROW)
      .where('purpose', '=', 'data')
      .where('version', '=', version)
      .executeTakeFirst();
    if (!row) throw new DecryptError('The data key for this value does not exist');
    return this.#unwrapRow(tenant, clientId, 'data', row);
  }

  /** The owner's newest key of a purpose, creating its first one when there is none. */
  async #latestOrFirst(tenant: TenantDb, clientId: string | null, purpose: KeyPurpose): Promise<KeyRow> {
    const row = await this.#latest(tenant, clientId, purpose);
    if (row) return row;
    // Two writers may race here: the second insert does nothing and both use the row that won.
    await this.#insertKey(tenant, clientId, purpose, 1, true);
    return (await this.#latest(tenant, clientId, purpose))!;
  }

  async #latest(tenant: TenantDb, clientId: string | null, purpose: KeyPurpose): Promise<KeyRow | undefined> {
    return ownerQuery(tenant, clientId)
      .select(KEY_ROW)
      .where('purpose', '=', purpose)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  async #unwrapRow(tenant: TenantDb, clientId: string | null, purpose: KeyPurpose, row: KeyRow): Promise<Buffer> {
    if (row.destroyed_at || row.wrapped_key === DESTROYED) throw new DecryptError('The key for this value was destroyed');
    const cached = this.#cache.get(row.id);
    if (cached && cached.wrapped === row.wrapped_key) return cached.key;
    const key = await this.#unwrapperFor(row.master_key_id).unwrap(row.wrapped_key, wrapContext(tenant.orgId, clientId, purpose, Number(row.version)));
    this.#cache.set(row.id, { wrapped: row.wrapped_key, key });
    return key;
  }

  async #insertKey(tenant: TenantDb, clientId: string | null, purpose: KeyPurpose, version: number, ifAbsent: boolean): Promise<void> {
    const wrapped = await this.#provider.wrap(randomBytes(32), wrapContext(tenant.orgId, clientId, purpose, version));
    const insert = tenant.insertInto('data_keys', {
      id: randomUUID(),
      client_id: clientId,
      purpose,
      version,
      wrapped_key: wrapped,
      master_key_id: this.#provider.keyId,
      created_at: new Date().toISOString(),
      destroyed_at: null,
    });
    await (ifAbsent ? insert.onConflict((oc) => oc.doNothing()) : insert).execute();
  }
}

function seal(key: Buffer, version: number, aad: string, plaintext: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [FORMAT, String(version), nonce.toString('base64url'), ct.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

function open(key: Buffer, aad: string, envelope: string): string {
  const [, , nonce, ct, tag] = envelope.split('.');
  if (!nonce || ct === undefined || !tag) throw new DecryptError('Unknown envelope format');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new DecryptError('The value does not decrypt at this location');
  }
}

function ownerQuery(tenant: TenantDb, clientId: string | null) {
  const q = tenant.selectFrom('data_keys');
  return clientId === null ? q.where('client_id', 'is', null) : q.where('client_id', '=', clientId);
}

function wrapContext(orgId: string, clientId: string | null, purpose: KeyPurpose, version: number): string {
  // Data keys keep the context they had before index keys existed, so stored keys still unwrap.
  return purpose === 'data' ? `ringfence-data-key|${orgId}|${clientId ?? '-'}|${version}` : `ringfence-index-key|${orgId}|${clientId ?? '-'}|${version}`;
}

function fieldAad(orgId: string, l: FieldLocation, version: number): string {
  return `${FORMAT}|${orgId}|${l.clientId ?? '-'}|${l.table}|${l.column}|${l.rowId}|${version}`;
}
