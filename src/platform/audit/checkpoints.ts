/**
 * Signed checkpoints of the audit chain, kept where the database cannot rewrite them.
 *
 * The chain's hashes hold no secret: whoever can write the database can recompute every link
 * and the head after an edit. A checkpoint closes that gap. Periodically the checkpointer reads
 * each organization's chain head and signs (organization, position, hash, time) with an Ed25519
 * key held apart from the database, then appends the signed line to a file of that organization
 * in the checkpoint directory (and, when configured, hands it to a witness over HTTP).
 * Verification then demands that the chain still reaches every signed position with the signed
 * hash: a cut tail, a deleted trail or a chain recomputed after an edit no longer matches.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, createHash, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import canonicalizeModule from 'canonicalize';
import { sql } from 'kysely';
import type { RingfenceDatabase } from '../db/database.ts';

const canonicalize = ((canonicalizeModule as unknown as { default?: typeof canonicalizeModule }).default ?? canonicalizeModule) as unknown as (input: unknown) => string;

/** What is signed, before the signature. */
export interface CheckpointBody {
  v: 1;
  orgId: string;
  /** The chain's length when it was read: links 1..position are covered. */
  position: number;
  /** The hash of the link at `position` (the head). */
  hash: string;
  /** When the head was read, under the sealer's lock: nothing sealed before this lies past `position`. */
  at: string;
  /** Which signing key: the first 16 hex digits of the SHA-256 of its public key (SPKI DER). */
  keyId: string;
}

export interface Checkpoint extends CheckpointBody {
  /** Ed25519 signature, base64. */
  sig: string;
}

const SIGNED_PREFIX = 'ringfence-audit-checkpoint/v1\n';
const ORG_ID = /^[0-9a-f-]{36}$/;

export interface CheckpointSettings {
  auditSigningKeyFile: string | null;
  auditCheckpointDir: string;
  auditWitnessUrl: string | null;
  dataDir: string;
  production: boolean;
  allowGeneratedKey: boolean;
}

/** Signs checkpoints and checks them. */
export interface AuditSigner {
  keyId: string;
  publicKey: KeyObject;
  /** Where the key came from, for the operator. */
  file: string;
  sign(body: CheckpointBody): Checkpoint;
  verify(checkpoint: Checkpoint): boolean;
}

export class CheckpointKeyError extends Error {}

function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

function signedBytes(body: CheckpointBody): Buffer {
  const { v, orgId, position, hash, at, keyId } = body;
  return Buffer.from(SIGNED_PREFIX + canonicalize({ v, orgId, position, hash, at, keyId }));
}

/**
 * Loads the checkpoint signing key: RINGFENCE_AUDIT_SIGNING_KEY_FILE, else a key generated
 * under the data directory (mode 0600, with its public half beside it for independent checks).
 * Production refuses the generated file unless RINGFENCE_ALLOW_GENERATED_KEY is set, as for the
 * master key: the point of the key is to live where the database does not.
 */
export function loadAuditSigner(settings: CheckpointSettings): AuditSigner {
  let file = settings.auditSigningKeyFile;
  if (!file) {
    file = path.join(settings.dataDir, 'audit-signing.key');
    if (settings.production && !settings.allowGeneratedKey) {
      throw new CheckpointKeyError('Invalid configuration: RINGFENCE_AUDIT_SIGNING_KEY_FILE must be set in production; a generated key file is refused unless RINGFENCE_ALLOW_GENERATED_KEY=true');
    }
    if (!existsSync(file)) {
      mkdirSync(settings.dataDir, { recursive: true, mode: 0o700 });
      const pair = generateKeyPairSync('ed25519');
      writeFileSync(file, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
      chmodSync(file, 0o600);
      writeFileSync(`${file}.pub`, pair.publicKey.export({ type: 'spki', format: 'pem' }), { mode: 0o644 });
    }
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new CheckpointKeyError(`Invalid configuration: the audit signing key ${file} cannot be read as a PEM private key (${(err as Error).message})`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new CheckpointKeyError(`Invalid configuration: the audit signing key ${file} must be an Ed25519 key`);
  const publicKey = createPublicKey(privateKey);
  const keyId = keyIdOf(publicKey);
  return {
    keyId,
    publicKey,
    file,
    sign: (body) => ({ ...body, sig: sign(null, signedBytes(body), privateKey).toString('base64') }),
    verify: (checkpoint) => verifyCheckpointSignature(checkpoint, publicKey),
  };
}

/** Whether a checkpoint carries a valid signature by this public key. */
export function verifyCheckpointSignature(checkpoint: Checkpoint, publicKey: KeyObject): boolean {
  if (checkpoint.keyId !== keyIdOf(publicKey)) return false;
  try {
    return verify(null, signedBytes(checkpoint), publicKey, Buffer.from(checkpoint.sig, 'base64'));
  } catch {
    return false;
  }
}

/** Parses one stored or received checkpoint; null when it is not one. */
export function parseCheckpoint(value: unknown): Checkpoint | null {
  if (!value || typeof value !== 'object') return null;
  const c = value as Record<string, unknown>;
  if (c.v !== 1 || typeof c.orgId !== 'string' || !ORG_ID.test(c.orgId)) return null;
  if (typeof c.position !== 'number' || !Number.isSafeInteger(c.position) || c.position < 0) return null;
  if (typeof c.hash !== 'string' || !/^[0-9a-f]{64}$/.test(c.hash)) return null;
  if (typeof c.at !== 'string' || Number.isNaN(Date.parse(c.at))) return null;
  if (typeof c.keyId !== 'string' || typeof c.sig !== 'string') return null;
  return { v: 1, orgId: c.orgId, position: c.position, hash: c.hash, at: c.at, keyId: c.keyId, sig: c.sig };
}

function checkpointFile(dir: string, orgId: string): string {
  if (!ORG_ID.test(orgId)) throw new Error('not an organization id');
  return path.join(dir, `${orgId}.checkpoints.jsonl`);
}

/** Appends a checkpoint line to its organization's file and syncs it to disk before returning. */
export async function appendCheckpoint(dir: string, checkpoint: Checkpoint): Promise<void> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const handle = await open(checkpointFile(dir, checkpoint.orgId), 'a', 0o600);
  try {
    await handle.write(`${JSON.stringify(checkpoint)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export interface StoredCheckpoints {
  /** The last checkpoint written (positions only grow). */
  latest: Checkpoint | null;
  /** Lines that are no checkpoint at all (a damaged or edited file). */
  unreadable: number;
}

/**
 * The latest checkpoint of an organization from its file, read from the end (the file grows for
 * years; only its tail is read). Positions only grow, so the last readable line is the latest.
 */
export async function readLatestCheckpoint(dir: string, orgId: string): Promise<StoredCheckpoints> {
  const file = checkpointFile(dir, orgId);
  if (!existsSync(file)) return { latest: null, unreadable: 0 };
  const size = (await stat(file)).size;
  const handle = await open(file, 'r');
  try {
    let unreadable = 0;
    let best: Checkpoint | null = null;
    // Read backwards in blocks until a checkpoint is found (normally the first block).
    let end = size;
    let carry = '';
    while (end > 0 && !best) {
      const start = Math.max(0, end - 64 * 1024);
      const buffer = Buffer.alloc(end - start);
      await handle.read(buffer, 0, buffer.length, start);
      const text = buffer.toString('utf8') + carry;
      const lines = text.split('\n');
      // The first piece may be a partial line unless this block starts the file.
      carry = start > 0 ? lines.shift()! : '';
      for (const line of lines.reverse()) {
        if (!line.trim()) continue;
        let parsed: Checkpoint | null = null;
        try {
          parsed = parseCheckpoint(JSON.parse(line));
        } catch {
          parsed = null;
        }
        if (!parsed || parsed.orgId !== orgId) {
          unreadable += 1;
          continue;
        }
        best = parsed;
        break;
      }
      end = start;
    }
    return { latest: best, unreadable };
  } finally {
    await handle.close();
  }
}

/** The organizations that have a checkpoint file: a trail deleted with its organization still has one. */
export async function checkpointedOrganizations(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir)).flatMap((name) => {
    const m = /^([0-9a-f-]{36})\.checkpoints\.jsonl$/.exec(name);
    return m ? [m[1]!] : [];
  });
}

/** Hands a checkpoint to the witness. Throws when the witness does not take it. */
export async function sendToWitness(witnessUrl: string, checkpoint: Checkpoint): Promise<void> {
  const res = await fetch(`${witnessUrl}/checkpoints`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(checkpoint), signal: AbortSignal.timeout(5000) });
  if (res.status !== 201 && res.status !== 200) throw new Error(`the audit witness answered ${res.status}`);
}

/** The witness's latest checkpoint of an organization (null when it holds none). */
export async function latestFromWitness(witnessUrl: string, orgId: string): Promise<Checkpoint | null> {
  const res = await fetch(`${witnessUrl}/checkpoints/${orgId}/latest`, { signal: AbortSignal.timeout(5000) });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`the audit witness answered ${res.status}`);
  return parseCheckpoint(await res.json());
}

/**
 * Reads every organization's chain head under the sealer's lock (no seal can be half-done, and
 * every seal after it is stamped later than `at`), then signs and stores a checkpoint for each
 * head that moved since `lastSigned`. Returns the checkpoints written.
 */
export async function writeCheckpoints(
  database: RingfenceDatabase,
  settings: CheckpointSettings,
  signer: AuditSigner,
  lastSigned: Map<string, number>,
): Promise<Checkpoint[]> {
  const { heads, at } = await database.unsafeKysely.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    // The same first write as the sealer: on SQLite it takes the write lock, on PostgreSQL the row lock below.
    await trx.insertInto('audit_seal_cursor').values({ id: 1, last_txid: 0, last_event_id: 0, updated_at: now }).onConflict((oc) => oc.column('id').doNothing()).execute();
    if (database.engine === 'postgres') await sql`select id from audit_seal_cursor where id = 1 for update`.execute(trx);
    const rows = await trx.selectFrom('audit_chain_heads').select(['org_id', 'position', 'hash']).execute();
    return { heads: rows, at: new Date().toISOString() };
  });
  const written: Checkpoint[] = [];
  for (const head of heads) {
    const position = Number(head.position);
    if (position === 0) continue;
    if (!lastSigned.has(head.org_id)) lastSigned.set(head.org_id, (await readLatestCheckpoint(settings.auditCheckpointDir, head.org_id)).latest?.position ?? 0);
    if (position <= lastSigned.get(head.org_id)!) continue;
    const checkpoint = signer.sign({ v: 1, orgId: head.org_id, position, hash: head.hash, at, keyId: signer.keyId });
    await appendCheckpoint(settings.auditCheckpointDir, checkpoint);
    lastSigned.set(head.org_id, position);
    written.push(checkpoint);
  }
  return written;
}

/**
 * Runs the checkpointer on an interval. A witness that cannot be reached is told the latest
 * checkpoint of each organization on a later round; the directory copy is written either way.
 * `stop()` writes a last round (after the sealer's last seal).
 */
export function startCheckpointer(
  database: RingfenceDatabase,
  settings: CheckpointSettings,
  signer: AuditSigner,
  intervalMs: number,
  onError: (err: unknown) => void,
): { stop(): Promise<void>; checkpointNow(): Promise<Checkpoint[]> } {
  const lastSigned = new Map<string, number>();
  const owedToWitness = new Map<string, Checkpoint>();
  let running: Promise<Checkpoint[]> | null = null;
  const round = async (): Promise<Checkpoint[]> => {
    const written = await writeCheckpoints(database, settings, signer, lastSigned);
    if (settings.auditWitnessUrl) {
      for (const c of written) owedToWitness.set(c.orgId, c);
      for (const [orgId, c] of owedToWitness) {
        try {
          await sendToWitness(settings.auditWitnessUrl, c);
          owedToWitness.delete(orgId);
        } catch (err) {
          onError(err);
        }
      }
    }
    return written;
  };
  const run = (): Promise<Checkpoint[]> => {
    running ??= round().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => {
    run().catch(onError);
  }, intervalMs);
  timer.unref();
  return {
    checkpointNow: async () => {
      if (running) await running.catch(() => []);
      return run();
    },
    stop: async () => {
      clearInterval(timer);
      if (running) await running.catch(onError);
      await round().catch(onError);
    },
  };
}
