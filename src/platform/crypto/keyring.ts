import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import type { TenantDb } from '../db/tenant-db.ts';
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

/** Thrown when a value cannot be decrypted: wrong location, tampered, or its key destroyed. */
export class DecryptError extends Error {}

/**
 * Envelope encryption: the master key (through a KeyProvider) wraps one data key per client
 * (and one per organization for its own secrets); fields are AES-256-GCM under the data key
 * with a random 96-bit nonce and the field's location as additional authenticated data.
 * Envelope: `rf1.<key version>.<nonce>.<ciphertext>.<tag>`.
 */
export class KeyRing {
  readonly #provider: KeyProvider;
  readonly #cache = new Map<string, Buffer>();

  constructor(provider: KeyProvider) {
    this.#provider = provider;
  }

  get masterKeyId(): string {
    return this.#provider.keyId;
  }

  /** Creates the next data-key version for an organization (clientId null) or a client. */
  async createDataKey(tenant: TenantDb, clientId: string | null): Promise<number> {
    const current = await this.#currentVersion(tenant, clientId);
    const version = (current ?? 0) + 1;
    const key = randomBytes(32);
    const wrapped = await this.#provider.wrap(key, wrapContext(tenant.orgId, clientId, version));
    await tenant
      .insertInto('data_keys', {
        id: randomUUID(),
        client_id: clientId,
        version,
        wrapped_key: wrapped,
        master_key_id: this.#provider.keyId,
        created_at: new Date().toISOString(),
        destroyed_at: null,
      })
      .execute();
    this.#cache.set(cacheKey(tenant.orgId, clientId, version), key);
    return version;
  }

  /** Encrypts a value for one field of one row under the current data key of its owner. */
  async encryptField(tenant: TenantDb, location: FieldLocation, plaintext: string): Promise<string> {
    let version = await this.#currentVersion(tenant, location.clientId);
    if (version === null) version = await this.createDataKey(tenant, location.clientId);
    const key = await this.#dataKey(tenant, location.clientId, version);
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    cipher.setAAD(Buffer.from(fieldAad(tenant.orgId, location, version)));
    const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [FORMAT, String(version), nonce.toString('base64url'), ct.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
  }

  /** Decrypts a value; fails when it was copied from another location or its key is gone. */
  async decryptField(tenant: TenantDb, location: FieldLocation, envelope: string): Promise<string> {
    const [format, versionText, nonce, ct, tag] = envelope.split('.');
    const version = Number(versionText);
    if (format !== FORMAT || !Number.isInteger(version) || !nonce || ct === undefined || !tag) throw new DecryptError('Unknown envelope format');
    const key = await this.#dataKey(tenant, location.clientId, version);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
      decipher.setAAD(Buffer.from(fieldAad(tenant.orgId, location, version)));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new DecryptError('The value does not decrypt at this location');
    }
  }

  async #currentVersion(tenant: TenantDb, clientId: string | null): Promise<number | null> {
    const row = await ownerQuery(tenant, clientId)
      .select((eb) => eb.fn.max('version').as('version'))
      .where('destroyed_at', 'is', null)
      .executeTakeFirst();
    return row?.version == null ? null : Number(row.version);
  }

  async #dataKey(tenant: TenantDb, clientId: string | null, version: number): Promise<Buffer> {
    const ck = cacheKey(tenant.orgId, clientId, version);
    const cached = this.#cache.get(ck);
    if (cached) return cached;
    const row = await ownerQuery(tenant, clientId).select(['wrapped_key', 'destroyed_at']).where('version', '=', version).executeTakeFirst();
    if (!row || row.destroyed_at) throw new DecryptError('The data key for this value does not exist or was destroyed');
    const key = await this.#provider.unwrap(row.wrapped_key, wrapContext(tenant.orgId, clientId, version));
    this.#cache.set(ck, key);
    return key;
  }
}

function ownerQuery(tenant: TenantDb, clientId: string | null) {
  const q = tenant.selectFrom('data_keys');
  return clientId === null ? q.where('client_id', 'is', null) : q.where('client_id', '=', clientId);
}

function cacheKey(orgId: string, clientId: string | null, version: number): string {
  return `${orgId}|${clientId ?? '-'}|${version}`;
}

function wrapContext(orgId: string, clientId: string | null, version: number): string {
  return `ringfence-data-key|${orgId}|${clientId ?? '-'}|${version}`;
}

function fieldAad(orgId: string, l: FieldLocation, version: number): string {
  return `${FORMAT}|${orgId}|${l.clientId ?? '-'}|${l.table}|${l.column}|${l.rowId}|${version}`;
}
