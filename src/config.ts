import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The validated configuration of one Ringfence process. Built once, passed in; nothing else reads the environment. */
export interface RingfenceConfig {
  port: number;
  host: string;
  dataDir: string;
  /** `postgres://…` switches the data layer to PostgreSQL; otherwise SQLite under dataDir. */
  databaseUrl: string | null;
  /** PostgreSQL schema to use (tests run each suite in its own). */
  databaseSchema: string | null;
  /**
   * SQLite's `synchronous` pragma. `normal` (WAL synced at checkpoints) survives a crash of the
   * process but may lose the last commits to a power failure; `full` syncs the WAL on every commit.
   */
  sqliteSynchronous: SqliteSynchronous;
  masterKey: string | null;
  masterKeyFile: string | null;
  /** During a master-key rotation: the previous key, still accepted for unwrapping until `ringfence keys rotate-master` has run. */
  previousMasterKeyFile: string | null;
  /** In production a generated key file is refused unless this is set. */
  allowGeneratedKey: boolean;
  production: boolean;
  tlsCertFile: string | null;
  tlsKeyFile: string | null;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  logLevel: string;
  auditSealIntervalMs: number;
  /**
   * The Ed25519 key that signs audit checkpoints (PKCS#8 PEM). Kept apart from the database:
   * whoever can rewrite the database cannot forge a checkpoint. Unset: generated under dataDir.
   */
  auditSigningKeyFile: string | null;
  /** Where signed checkpoints are appended, one file per organization (default dataDir/audit-checkpoints). */
  auditCheckpointDir: string;
  /** Optional witness that keeps a copy of every checkpoint (`ringfence audit witness` serves one). */
  auditWitnessUrl: string | null;
  /** How often the chain heads are signed. */
  auditCheckpointIntervalMs: number;
  /** Audit events are kept at least this many years (6 at least, as HIPAA documentation retention asks). */
  auditRetentionYears: number;
  /** The largest call recording accepted, in megabytes (200). */
  recordingMaxMb: number;
  /** S3-compatible object storage for recordings; unset: the filesystem under dataDir. */
  recordingS3: { bucket: string; region: string; endpoint: string | null; accessKeyId: string | null; secretAccessKey: string | null; vendor: string } | null;
  /** Requests per minute per IP on the sign-in routes. */
  authRateLimitPerMinute: number;
  /**
   * The address people and services reach Ringfence at (links in pages and e-mails, the URL an
   * SMS provider signs its status callbacks over), without a trailing slash. Unset: the address
   * this process listens on.
   */
  publicUrl: string | null;
}

/** How SQLite syncs its write-ahead log: see RingfenceConfig.sqliteSynchronous. */
export type SqliteSynchronous = 'normal' | 'full';
const SQLITE_SYNCHRONOUS: SqliteSynchronous[] = ['normal', 'full'];

/** Thrown for an invalid setting; the message is one line that names the setting. */
export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(`Invalid configuration: ${setting} ${message}`);
  }
}

type Source = Record<string, string | undefined>;

interface SettingSpec {
  env: string;
  file: string;
}

/** The settings that make up `recordingS3`. */
type RecordingS3Setting = 'recordingS3Bucket' | 'recordingS3Region' | 'recordingS3Endpoint' | 'recordingS3AccessKeyId' | 'recordingS3SecretAccessKey' | 'recordingS3Vendor';

const SETTINGS = {
  port: { env: 'PORT', file: 'port' },
  host: { env: 'HOST', file: 'host' },
  dataDir: { env: 'RINGFENCE_DATA_DIR', file: 'dataDir' },
  databaseUrl: { env: 'DATABASE_URL', file: 'databaseUrl' },
  databaseSchema: { env: 'RINGFENCE_DATABASE_SCHEMA', file: 'databaseSchema' },
  sqliteSynchronous: { env: 'RINGFENCE_SQLITE_SYNCHRONOUS', file: 'sqliteSynchronous' },
  masterKey: { env: 'RINGFENCE_MASTER_KEY', file: 'masterKey' },
  masterKeyFile: { env: 'RINGFENCE_MASTER_KEY_FILE', file: 'masterKeyFile' },
  previousMasterKeyFile: { env: 'RINGFENCE_PREVIOUS_MASTER_KEY_FILE', file: 'previousMasterKeyFile' },
  allowGeneratedKey: { env: 'RINGFENCE_ALLOW_GENERATED_KEY', file: 'allowGeneratedKey' },
  production: { env: 'NODE_ENV', file: 'nodeEnv' },
  tlsCertFile: { env: 'RINGFENCE_TLS_CERT', file: 'tlsCert' },
  tlsKeyFile: { env: 'RINGFENCE_TLS_KEY', file: 'tlsKey' },
  sessionIdleMinutes: { env: 'RINGFENCE_SESSION_IDLE_MINUTES', file: 'sessionIdleMinutes' },
  sessionAbsoluteHours: { env: 'RINGFENCE_SESSION_ABSOLUTE_HOURS', file: 'sessionAbsoluteHours' },
  logLevel: { env: 'RINGFENCE_LOG_LEVEL', file: 'logLevel' },
  auditSealIntervalMs: { env: 'RINGFENCE_AUDIT_SEAL_INTERVAL_MS', file: 'auditSealIntervalMs' },
  auditSigningKeyFile: { env: 'RINGFENCE_AUDIT_SIGNING_KEY_FILE', file: 'auditSigningKeyFile' },
  auditCheckpointDir: { env: 'RINGFENCE_AUDIT_CHECKPOINT_DIR', file: 'auditCheckpointDir' },
  auditWitnessUrl: { env: 'RINGFENCE_AUDIT_WITNESS_URL', file: 'auditWitnessUrl' },
  auditCheckpointIntervalMs: { env: 'RINGFENCE_AUDIT_CHECKPOINT_INTERVAL_MS', file: 'auditCheckpointIntervalMs' },
  auditRetentionYears: { env: 'RINGFENCE_AUDIT_RETENTION_YEARS', file: 'auditRetentionYears' },
  recordingMaxMb: { env: 'RINGFENCE_RECORDING_MAX_MB', file: 'recordingMaxMb' },
  recordingS3Bucket: { env: 'RINGFENCE_RECORDING_S3_BUCKET', file: 'recordingS3Bucket' },
  recordingS3Region: { env: 'RINGFENCE_RECORDING_S3_REGION', file: 'recordingS3Region' },
  recordingS3Endpoint: { env: 'RINGFENCE_RECORDING_S3_ENDPOINT', file: 'recordingS3Endpoint' },
  recordingS3AccessKeyId: { env: 'RINGFENCE_RECORDING_S3_ACCESS_KEY_ID', file: 'recordingS3AccessKeyId' },
  recordingS3SecretAccessKey: { env: 'RINGFENCE_RECORDING_S3_SECRET_ACCESS_KEY', file: 'recordingS3SecretAccessKey' },
  recordingS3Vendor: { env: 'RINGFENCE_RECORDING_S3_VENDOR', file: 'recordingS3Vendor' },
  authRateLimitPerMinute: { env: 'RINGFENCE_AUTH_RATE_LIMIT', file: 'authRateLimitPerMinute' },
  publicUrl: { env: 'RINGFENCE_PUBLIC_URL', file: 'publicUrl' },
} satisfies Record<Exclude<keyof RingfenceConfig, 'recordingS3'> | RecordingS3Setting, SettingSpec>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** The settings table the README documents, generated from the same list the loader uses. */
export const CONFIG_ENV_NAMES = Object.values(SETTINGS).map((s) => s.env);

function readConfigFile(env: Source, cwd: string): Source {
  const explicit = env.RINGFENCE_CONFIG;
  const file = explicit ? path.resolve(cwd, explicit) : path.join(cwd, 'ringfence.config.json');
  if (!existsSync(file)) {
    if (explicit) throw new ConfigError('RINGFENCE_CONFIG', `points to ${file}, which does not exist`);
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new ConfigError('RINGFENCE_CONFIG', `${file} is not valid JSON`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError('RINGFENCE_CONFIG', `${file} must hold a JSON object`);
  }
  const known = new Set(Object.values(SETTINGS).map((s) => s.file));
  const out: Source = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (!known.has(key)) throw new ConfigError(key, `is not a known setting (in ${file})`);
    out[key] = value === null || value === undefined ? undefined : String(value);
  }
  return out;
}

/**
 * Loads the configuration from the environment and an optional JSON file
 * (`RINGFENCE_CONFIG`, or `./ringfence.config.json` when present). The environment wins.
 */
export function loadConfig(env: Source = process.env, cwd = process.cwd()): RingfenceConfig {
  const file = readConfigFile(env, cwd);
  const raw = (key: keyof typeof SETTINGS): string | undefined => {
    const spec: SettingSpec = SETTINGS[key];
    const v = env[spec.env] ?? file[spec.file];
    return v === undefined || v === '' ? undefined : v;
  };
  const int = (key: keyof typeof SETTINGS, dflt: number, min: number, max: number): number => {
    const v = raw(key);
    if (v === undefined) return dflt;
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
      throw new ConfigError(SETTINGS[key].env, `must be a whole number from ${min} to ${max} (got "${v}")`);
    }
    return Number(v);
  };
  const bool = (key: keyof typeof SETTINGS): boolean => {
    const v = raw(key);
    if (v === undefined) return false;
    if (['1', 'true', 'yes'].includes(v.toLowerCase())) return true;
    if (['0', 'false', 'no'].includes(v.toLowerCase())) return false;
    throw new ConfigError(SETTINGS[key].env, `must be true or false (got "${v}")`);
  };

  const databaseUrl = raw('databaseUrl') ?? null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', 'must be a postgres:// URL (leave it unset for the embedded SQLite database)');
  }
  const databaseSchema = raw('databaseSchema') ?? null;
  if (databaseSchema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(databaseSchema)) {
    throw new ConfigError('RINGFENCE_DATABASE_SCHEMA', 'must be a lowercase SQL identifier');
  }
  const sqliteSynchronous = (raw('sqliteSynchronous')?.toLowerCase() ?? 'normal') as SqliteSynchronous;
  if (!SQLITE_SYNCHRONOUS.includes(sqliteSynchronous)) {
    throw new ConfigError('RINGFENCE_SQLITE_SYNCHRONOUS', `must be one of ${SQLITE_SYNCHRONOUS.join(', ')} (got "${raw('sqliteSynchronous')}")`);
  }
  const masterKey = raw('masterKey') ?? null;
  if (masterKey !== null) {
    const bytes = Buffer.from(masterKey, 'base64');
    if (bytes.length !== 32 || bytes.toString('base64') !== masterKey.replace(/\s/g, '')) {
      throw new ConfigError('RINGFENCE_MASTER_KEY', 'must be 32 bytes encoded as base64 (openssl rand -base64 32)');
    }
  }
  const host = raw('host') ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(host)) throw new ConfigError('HOST', `is not a host name or address (got "${host}")`);
  const logLevel = raw('logLevel') ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError('RINGFENCE_LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  const nodeEnv = raw('production');
  const tlsCertFile = raw('tlsCertFile') ?? null;
  const tlsKeyFile = raw('tlsKeyFile') ?? null;
  if ((tlsCertFile === null) !== (tlsKeyFile === null)) {
    throw new ConfigError(tlsCertFile ? 'RINGFENCE_TLS_KEY' : 'RINGFENCE_TLS_CERT', 'must be set together with its pair');
  }
  for (const [setting, f] of [['RINGFENCE_TLS_CERT', tlsCertFile], ['RINGFENCE_TLS_KEY', tlsKeyFile], ['RINGFENCE_MASTER_KEY_FILE', null], ['RINGFENCE_PREVIOUS_MASTER_KEY_FILE', raw('previousMasterKeyFile') ?? null]] as const) {
    if (f !== null && !existsSync(path.resolve(cwd, f))) throw new ConfigError(setting, `points to ${f}, which does not exist`);
  }

  const port = int('port', 3000, 0, 65535);
  const publicUrl = raw('publicUrl')?.replace(/\/+$/, '') ?? null;
  if (publicUrl !== null) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(publicUrl);
    } catch {
      parsed = null;
    }
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.search || parsed.hash || parsed.username || parsed.password) {
      throw new ConfigError('RINGFENCE_PUBLIC_URL', `must be an http or https address such as https://ringfence.example.com, without a query or credentials (got "${publicUrl}")`);
    }
  }

  const auditWitnessUrl = raw('auditWitnessUrl')?.replace(/\/+$/, '') ?? null;
  if (auditWitnessUrl !== null && !/^https?:\/\/[^\s?#]+$/.test(auditWitnessUrl)) {
    throw new ConfigError('RINGFENCE_AUDIT_WITNESS_URL', `must be an http or https address without a query (got "${auditWitnessUrl}")`);
  }
  const dataDir = path.resolve(cwd, raw('dataDir') ?? './data');
  const bucket = raw('recordingS3Bucket');
  const recordingS3 = bucket
    ? {
        bucket,
        region: raw('recordingS3Region') ?? 'us-east-1',
        endpoint: raw('recordingS3Endpoint')?.replace(/\/+$/, '') ?? null,
        accessKeyId: raw('recordingS3AccessKeyId') ?? null,
        secretAccessKey: raw('recordingS3SecretAccessKey') ?? null,
        vendor: raw('recordingS3Vendor') ?? '',
      }
    : null;
  if (recordingS3 && !recordingS3.vendor) throw new ConfigError('RINGFENCE_RECORDING_S3_VENDOR', 'must name the vendor of the object storage, as the organizations record it with its BAA (recordings are PHI)');
  if (recordingS3?.endpoint && !/^https?:\/\/[^\s?#]+$/.test(recordingS3.endpoint)) throw new ConfigError('RINGFENCE_RECORDING_S3_ENDPOINT', `must be an http or https address (got "${recordingS3.endpoint}")`);

  return {
    port,
    host,
    dataDir,
    databaseUrl,
    databaseSchema,
    sqliteSynchronous,
    masterKey,
    masterKeyFile: raw('masterKeyFile') ? path.resolve(cwd, raw('masterKeyFile')!) : null,
    previousMasterKeyFile: raw('previousMasterKeyFile') ? path.resolve(cwd, raw('previousMasterKeyFile')!) : null,
    allowGeneratedKey: bool('allowGeneratedKey'),
    production: nodeEnv === 'production',
    tlsCertFile: tlsCertFile && path.resolve(cwd, tlsCertFile),
    tlsKeyFile: tlsKeyFile && path.resolve(cwd, tlsKeyFile),
    sessionIdleMinutes: int('sessionIdleMinutes', 15, 1, 24 * 60),
    sessionAbsoluteHours: int('sessionAbsoluteHours', 12, 1, 7 * 24),
    logLevel,
    auditSealIntervalMs: int('auditSealIntervalMs', 500, 10, 60_000),
    auditSigningKeyFile: raw('auditSigningKeyFile') ? path.resolve(cwd, raw('auditSigningKeyFile')!) : null,
    auditCheckpointDir: path.resolve(cwd, raw('auditCheckpointDir') ?? path.join(dataDir, 'audit-checkpoints')),
    auditWitnessUrl,
    auditCheckpointIntervalMs: int('auditCheckpointIntervalMs', 60_000, 100, 24 * 3600_000),
    auditRetentionYears: int('auditRetentionYears', 6, 6, 100),
    recordingMaxMb: int('recordingMaxMb', 200, 1, 4096),
    recordingS3,
    authRateLimitPerMinute: int('authRateLimitPerMinute', 30, 1, 100_000),
    publicUrl,
  };
}

/** True when the server listens only on this machine, where a plain-http session cookie is tolerable. */
export function isLoopbackHost(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1' || host === '[::1]';
}
