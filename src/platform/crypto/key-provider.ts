import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { KeyRing } from './keyring.ts';

/**
 * Wraps and unwraps data keys with a key-encryption key. The local provider keeps the master
 * key in memory; a KMS provider (AWS KMS, Vault transit) implements the same two calls remotely.
 */
export interface KeyProvider {
  /** Identifies the master key, stored beside every wrapped key so rotation knows what to rewrap. */
  readonly keyId: string;
  wrap(dataKey: Buffer, context: string): Promise<string>;
  unwrap(wrapped: string, context: string): Promise<Buffer>;
}

const WRAP_FORMAT = 'rfk1';

/** The local key provider: AES-256-GCM under a 32-byte master key, the wrap bound to its context. */
export class LocalKeyProvider implements KeyProvider {
  readonly keyId: string;
  readonly #key: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('The master key must be 32 bytes');
    this.#key = Buffer.from(masterKey);
    this.keyId = `local:${createHash('sha256').update(this.#key).digest('hex').slice(0, 16)}`;
  }

  async wrap(dataKey: Buffer, context: string): Promise<string> {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, nonce);
    cipher.setAAD(Buffer.from(context));
    const ct = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return [WRAP_FORMAT, nonce.toString('base64url'), ct.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
  }

  async unwrap(wrapped: string, context: string): Promise<Buffer> {
    const [format, nonce, ct, tag] = wrapped.split('.');
    if (format !== WRAP_FORMAT || !nonce || !ct || !tag) throw new Error('Unknown wrapped-key format');
    // A full 16-byte tag only: Node would also accept a cut one.
    const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(nonce, 'base64url'), { authTagLength: 16 });
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]);
  }
}

export interface MasterKeySettings {
  masterKey: string | null;
  masterKeyFile: string | null;
  previousMasterKeyFile?: string | null;
  dataDir: string;
  production: boolean;
  allowGeneratedKey: boolean;
}

export interface LoadedMasterKey {
  key: Buffer;
  source: 'environment' | 'file' | 'generated-file';
  /** Set when the key came from (or was just written to) the generated key file. */
  generatedFile: string | null;
  warning: string | null;
}

/** Thrown when the master key cannot be used; names the setting to fix. */
export class MasterKeyError extends Error {}

/**
 * Finds the master key: RINGFENCE_MASTER_KEY, else RINGFENCE_MASTER_KEY_FILE, else a key file
 * generated under the data directory (mode 0600). Production refuses the generated file
 * unless RINGFENCE_ALLOW_GENERATED_KEY is set.
 */
export function loadMasterKey(settings: MasterKeySettings): LoadedMasterKey {
  if (settings.masterKey) return { key: Buffer.from(settings.masterKey, 'base64'), source: 'environment', generatedFile: null, warning: null };
  if (settings.masterKeyFile) return { key: readKeyFile(settings.masterKeyFile, 'RINGFENCE_MASTER_KEY_FILE'), source: 'file', generatedFile: null, warning: null };

  const file = path.join(settings.dataDir, 'master.key');
  if (settings.production && !settings.allowGeneratedKey) {
    throw new MasterKeyError(
      'Invalid configuration: RINGFENCE_MASTER_KEY (or RINGFENCE_MASTER_KEY_FILE) must be set in production; a generated key file is refused unless RINGFENCE_ALLOW_GENERATED_KEY=true',
    );
  }
  const warning = `Using the generated master key ${file}; production must supply its own (RINGFENCE_MASTER_KEY or RINGFENCE_MASTER_KEY_FILE)`;
  if (existsSync(file)) return { key: readKeyFile(file, 'the generated master key file'), source: 'generated-file', generatedFile: file, warning };
  mkdirSync(settings.dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return { key, source: 'generated-file', generatedFile: file, warning };
}

/**
 * The key ring of a process: the configured master key wraps new keys; during a master-key
 * rotation the previous key (RINGFENCE_PREVIOUS_MASTER_KEY_FILE) still unwraps keys not yet
 * rewrapped. Returns the generated-key warning, if any, for the caller to log.
 */
export function openKeyRing(settings: MasterKeySettings): { keyring: KeyRing; warning: string | null } {
  const master = loadMasterKey(settings);
  const previous = settings.previousMasterKeyFile ? [new LocalKeyProvider(readKeyFile(settings.previousMasterKeyFile, 'RINGFENCE_PREVIOUS_MASTER_KEY_FILE'))] : [];
  return { keyring: new KeyRing(new LocalKeyProvider(master.key), previous), warning: master.warning };
}

function readKeyFile(file: string, setting: string): Buffer {
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new MasterKeyError(`Invalid configuration: ${setting} (${file}) must hold 32 bytes encoded as base64`);
  return key;
}
