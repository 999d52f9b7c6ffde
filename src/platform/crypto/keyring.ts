import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { TenantDb } from '../db/tenant-db.ts';
import type { KeyPurpose } from './crypto.tables.ts';
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
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
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
  const match = /^rf1\.([1-9]\d*)\./.exec(envelope);
  return match ? Number(match[1]) : null;
}

/**
 * Refuses (throws) when PHI of this client may not be handled now: the compliance gate of one
 * request's actor (the client's BAA, the person's training; src/platform/crypto/phi-gate.ts).
 */
export type PhiGate = (tenant: TenantDb, clientId: string) => Promise<void>;

/** A value's owner as the key lookup reads it: a client id, or a location that names its client. */
type KeyOwner = string | { clientId: string | null };

/** Which version of a key: the one new writes use, or the one an envelope names. */
type Wanted = 'current' | number;

/**
 * The master keys and the unwrapped-key cache, shared by the system's key ring and every
 * request's client keys built from it. Not exported: only this file reaches key material.
 */
class KeyStore {
  readonly provider: KeyProvider;
  /** Master keys by id: the current one, and during a rotation the previous ones, for unwrapping only. */
  readonly #unwrappers: Map<string, KeyProvider>;
  readonly #cache = new Map<string, { wrapped: string; key: Buffer }>();

  constructor(provider: KeyProvider, previous: readonly KeyProvider[]) {
    this.provider = provider;
    this.#unwrappers = new Map([...previous, provider].map((p) => [p.keyId, p]));
  }

  /** A key of an owner, unwrapped: the current one (created on first use) or the version asked for. */
  async key(tenant: TenantDb, clientId: string | null, purpose: KeyPurpose, wanted: Wanted): Promise<{ key: Buffer; version: number }> {
    const row = wanted === 'current' ? await this.latestOrFirst(tenant, clientId, purpose) : await this.#version(tenant, clientId, purpose, wanted);
    return { key: await this.#unwrapRow(tenant, clientId, purpose, row), version: Number(row.version) };
  }

  async #version(tenant: TenantDb, clientId: string | null, purpose: KeyPurpose, version: number): Promise<KeyRow> {
    const row = await ownerQuery(tenant, clientId).select(KEY_ROW).where('purpose', '=', purpose).where('version', '=', version).executeTakeFirst();
    if (!row) throw new DecryptError('The data key for this value does not exist');
    return row;
  }

  /** The owner's newest key of a purpose, creating its first one when there is none. */
  async latestOrFirst(tenant: TenantDb, clientId: string | null, purpose: KeyPurpose): Promise<KeyRow> {
    const row = await this.latest(tenant, clientId, purpose);
    if (row) return row;
    // Two writers may race here: the second insert does nothing and both use the row that won.
    await this.insertKey(tenant, clientId, purpose, 1, true);
    return (await this.latest(tenant, clientId, purpose))!;
  }

  async latest(tenant: TenantDb, clientId: string | null, purpose: KeyPurpose): Promise<KeyRow | undefined> {
    return ownerQuery(tenant, clientId).select(KEY_ROW).where('purpose', '=', purpose).orderBy('version', 'desc').limit(1).executeTakeFirst();
  }

  unwrapperFor(masterKeyId: string): KeyProvider {
    const provider = this.#unwrappers.get(masterKeyId);
    if (!provider) throw new DecryptError(`A data key is wrapped under master key ${masterKeyId}, which is not configured (RINGFENCE_PREVIOUS_MASTER_KEY_FILE during a rotation)`);
    return provider;
  }

  /** Drops unwrapped key material from memory (other instances see destroyed_at on their next use). */
  forget(): void {
    this.#cache.clear();
  }

  async #unwrapRow(tenant: TenantDb, clientId: string | null, purpose: KeyPurpose, row: KeyRow): Promise<Buffer> {
    if (row.destroyed_at || row.wrapped_key === DESTROYED) throw new DecryptError('The key for this value was destroyed');
    const cached = this.#cache.get(row.id);
    if (cached && cached.wrapped === row.wrapped_key) return cached.key;
    const key = await this.unwrapperFor(row.master_key_id).unwrap(row.wrapped_key, wrapContext(tenant.orgId, clientId, purpose, Number(row.version)));
    this.#cache.set(row.id, { wrapped: row.wrapped_key, key });
    return key;
  }

  async insertKey(tenant: TenantDb, clientId: string | null, purpose: KeyPurpose, version: number, ifAbsent: boolean): Promise<void> {
    const wrapped = await this.provider.wrap(randomBytes(32), wrapContext(tenant.orgId, clientId, purpose, version));
    const insert = tenant.insertInto('data_keys', {
      id: randomUUID(),
      client_id: clientId,
      purpose,
      version,
      wrapped_key: wrapped,
      master_key_id: this.provider.keyId,
      created_at: new Date().toISOString(),
      destroyed_at: null,
    });
    await (ifAbsent ? insert.onConflict((oc) => oc.doNothing()) : insert).execute();
  }
}

/** Where a client's practice-link credentials live: the one client-keyed value that is not PHI. */
const CREDENTIALS = { table: 'practice_links', column: 'credentials_enc' } as const;

/**
 * A client's integration credentials (the practice link's login to the practice system):
 * encrypted under the client's data key, but not PHI, so not behind the PHI gate. An
 * administrator sets up and tests a link whatever the state of the client's BAA. The location
 * is fixed here, and bound into every ciphertext, so this path opens nothing but credentials.
 */
export class IntegrationCredentialKeys {
  readonly #store: KeyStore;

  constructor(store: KeyStore) {
    this.#store = store;
  }

  /** Encrypts a client's credentials for its practice link. */
  async encrypt(tenant: TenantDb, clientId: string, plaintext: string): Promise<string> {
    const { key, version } = await this.#store.key(tenant, clientId, 'data', 'current');
    return seal(key, version, fieldAad(tenant.orgId, credentialLocation(clientId), version), plaintext);
  }

  /** Decrypts a client's practice-link credentials; any other value fails (its location differs). */
  async decrypt(tenant: TenantDb, clientId: string, envelope: string): Promise<string> {
    const version = envelopeVersion(envelope);
    if (version === null) throw new DecryptError('Unknown envelope format');
    const { key } = await this.#store.key(tenant, clientId, 'data', version);
    return open(key, fieldAad(tenant.orgId, credentialLocation(clientId), version), envelope);
  }
}

function credentialLocation(clientId: string): FieldLocation {
  return { clientId, ...CREDENTIALS, rowId: clientId };
}

/**
 * The keys of an organization and its clients as one actor uses them: encrypting, decrypting
 * and blind-indexing values, each under its owner's key. Every method reaches a key through
 * the one lookup `#key`, which runs the PHI gate first for a client's key, so a method added
 * here is gated without anyone listing it. The organization's own key (MFA secrets, BAA
 * documents) is not PHI and is not gated; nor are a client's integration credentials
 * (`integrationCredentials`). A request gets these from the platform; the system's
 * `KeyRing` is the same without a gate.
 */
export class ClientKeys {
  readonly #store: KeyStore;
  /** null: the system (the command line, background services), which holds the master key already. */
  readonly #gate: PhiGate | null;
  /** A client's practice-link credentials: client-keyed but not PHI, so deliberately not gated. */
  readonly integrationCredentials: IntegrationCredentialKeys;

  constructor(store: KeyStore, gate: PhiGate | null) {
    this.#store = store;
    this.#gate = gate;
    this.integrationCredentials = new IntegrationCredentialKeys(store);
  }

  /** Encrypts a value for one field of one row under the current data key of its owner. */
  async encryptField(tenant: TenantDb, location: FieldLocation, plaintext: string): Promise<string> {
    const { key, version } = await this.#key(tenant, location, 'data', 'current');
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
    const { key, version } = await this.#key(tenant, owner, 'data', 'current');
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
    const { key } = await this.#key(tenant, location, 'data', version);
    return open(key, fieldAad(tenant.orgId, location, version), envelope);
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
        key = (await this.#key(tenant, owner, 'data', version)).key;
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
    const { key } = await this.#key(tenant, clientId, 'index', 'current');
    return (kind, normalized) => createHmac('sha256', key).update(kind).update('\u0000').update(normalized, 'utf8').digest('base64url');
  }

  /** The one way to a key: a client's key only after the PHI gate lets this actor handle its PHI. */
  async #key(tenant: TenantDb, owner: KeyOwner, purpose: KeyPurpose, wanted: Wanted): Promise<{ key: Buffer; version: number }> {
    const clientId = typeof owner === 'string' ? owner : owner.clientId;
    if (clientId !== null && this.#gate) await this.#gate(tenant, clientId);
    return this.#store.key(tenant, clientId, purpose, wanted);
  }
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
 *
 * This is the system's key ring, ungated (the command line and background services, which
 * hold the master key already), with key administration; a request uses `clientKeys(gate)`.
 */
export class KeyRing extends ClientKeys {
  readonly #store: KeyStore;

  constructor(provider: KeyProvider, previous: readonly KeyProvider[] = []) {
    const store = new KeyStore(provider, previous);
    super(store, null);
    this.#store = store;
  }

  /** The same keys (and cache) for one actor: every use of a client's key passes `gate` first. */
  clientKeys(gate: PhiGate): ClientKeys {
    return new ClientKeys(this.#store, gate);
  }

  get masterKeyId(): string {
    return this.#store.provider.keyId;
  }

  /** Creates the next data-key version for an organization (clientId null) or a client; new writes use it. */
  async createDataKey(tenant: TenantDb, clientId: string | null): Promise<number> {
    const current = await this.#store.latest(tenant, clientId, 'data');
    const version = (current?.version ?? 0) + 1;
    await this.#store.insertKey(tenant, clientId, 'data', version, false);
    return version;
  }

  /** The version new writes use, or null before the owner's first key. */
  async currentVersion(tenant: TenantDb, clientId: string | null): Promise<number | null> {
    return (await this.#store.latest(tenant, clientId, 'data'))?.version ?? null;
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
    this.#store.forget();
    return Number(result.numUpdatedRows);
  }

  /**
   * Master-key rotation: every live key of the organization still wrapped under a previous
   * master key is unwrapped with it and wrapped under the current one. Data is not touched.
   * Returns the number of keys rewrapped; afterwards the previous master key is not needed.
   */
  async rewrapUnderCurrentMasterKey(tenant: TenantDb): Promise<number> {
    const current = this.#store.provider;
    const rows = await tenant
      .selectFrom('data_keys')
      .select(['id', 'client_id', 'purpose', 'version', 'wrapped_key', 'master_key_id'])
      .where('destroyed_at', 'is', null)
      .where('master_key_id', '<>', current.keyId)
      .execute();
    for (const row of rows) {
      const context = wrapContext(tenant.orgId, row.client_id, row.purpose, Number(row.version));
      const key = await this.#store.unwrapperFor(row.master_key_id).unwrap(row.wrapped_key, context);
      const wrapped = await current.wrap(key, context);
      await tenant.updateTable('data_keys').set({ wrapped_key: wrapped, master_key_id: current.keyId }).where('id', '=', row.id).execute();
    }
    return rows.length;
  }
}

function seal(key: Buffer, version: number, aad: string, plaintext: string): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [FORMAT, String(version), nonce.toString('base64url'), ct.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

function open(key: Buffer, aad: string, envelope: string): string {
  // Parsed strictly: Node accepts GCM tags as short as 4 bytes and base64 decoding skips stray
  // characters, so a cut or padded envelope would otherwise still open.
  const [format, version, nonce, ct, tag, ...rest] = envelope.split('.');
  const nonceBytes = canonicalBase64url(nonce);
  const ctBytes = canonicalBase64url(ct);
  const tagBytes = canonicalBase64url(tag);
  if (format !== FORMAT || rest.length > 0 || !version || envelopeVersion(envelope) === null || nonceBytes?.length !== NONCE_BYTES || !ctBytes || tagBytes?.length !== TAG_BYTES) {
    throw new DecryptError('Unknown envelope format');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonceBytes, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(tagBytes);
    return Buffer.concat([decipher.update(ctBytes), decipher.final()]).toString('utf8');
  } catch {
    throw new DecryptError('The value does not decrypt at this location');
  }
}

/** The bytes of a base64url text only when it is exactly what encoding them gives back. */
function canonicalBase64url(text: string | undefined): Buffer | null {
  if (text === undefined) return null;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : null;
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
