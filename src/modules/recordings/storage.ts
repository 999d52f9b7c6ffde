/**
 * Where recordings' ciphertext lives, behind one interface: the local filesystem under the
 * data directory (the embedded default), or S3-compatible object storage. Only ciphertext ever
 * reaches a store. On the filesystem an object is written under a temporary name and renamed
 * when complete; on S3 a multipart upload is completed only at the end (and aborted on a
 * failure), so a failed upload leaves no object behind either way. The S3 store names its
 * vendor: no recording goes to it or comes from it without the vendor's active BAA.
 */
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { RingfenceConfig } from '../../config.ts';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface RecordingStore {
  readonly kind: 'filesystem' | 's3';
  /** The vendor whose service holds the objects, as organizations record it; null for this server's own disk. */
  readonly vendor: string | null;
  /** Stores the stream under `key`; nothing is left under `key` when it fails. */
  put(key: string, body: Readable): Promise<void>;
  /** Bytes `start`…`end` (inclusive) of the object; fewer when the object is shorter. */
  read(key: string, start: number, end: number): Promise<Buffer>;
  /** The object's length, or null when there is none. */
  size(key: string): Promise<number | null>;
  remove(key: string): Promise<void>;
}

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9/_.-]{0,200}$/;

function assertKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error('unsafe object key');
}

export class FilesystemStore implements RecordingStore {
  readonly kind = 'filesystem' as const;
  readonly vendor = null;
  constructor(private readonly root: string) {}

  #path(key: string): string {
    assertKey(key);
    return path.join(this.root, key);
  }

  async put(key: string, body: Readable): Promise<void> {
    const target = this.#path(key);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    const partial = `${target}.partial`;
    try {
      await pipeline(body, createWriteStream(partial, { mode: 0o600 }));
      await rename(partial, target);
    } catch (err) {
      await rm(partial, { force: true });
      throw err;
    }
  }

  async read(key: string, start: number, end: number): Promise<Buffer> {
    const handle = await open(this.#path(key), 'r');
    try {
      const out = Buffer.alloc(end - start + 1);
      const { bytesRead } = await handle.read(out, 0, out.length, start);
      return out.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }

  async size(key: string): Promise<number | null> {
    try {
      return (await stat(this.#path(key))).size;
    } catch {
      return null;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.#path(key), { force: true });
  }
}

export class S3Store implements RecordingStore {
  readonly kind = 's3' as const;
  readonly #client: S3Client;

  constructor(
    private readonly settings: NonNullable<RingfenceConfig['recordingS3']>,
  ) {
    this.#client = new S3Client({
      region: settings.region,
      ...(settings.endpoint ? { endpoint: settings.endpoint, forcePathStyle: true } : {}),
      ...(settings.accessKeyId && settings.secretAccessKey ? { credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } } : {}),
    });
  }

  get vendor(): string {
    return this.settings.vendor;
  }

  async put(key: string, body: Readable): Promise<void> {
    assertKey(key);
    // Parts of 8 MiB, at most two in flight: memory stays flat whatever the recording's length.
    await new Upload({ client: this.#client, params: { Bucket: this.settings.bucket, Key: key, Body: body, ContentType: 'application/octet-stream' }, partSize: 8 * 1024 * 1024, queueSize: 2, leavePartsOnError: false }).done();
  }

  async read(key: string, start: number, end: number): Promise<Buffer> {
    assertKey(key);
    const answer = await this.#client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: key, Range: `bytes=${start}-${end}` }));
    return Buffer.from(await answer.Body!.transformToByteArray());
  }

  async size(key: string): Promise<number | null> {
    assertKey(key);
    try {
      return (await this.#client.send(new HeadObjectCommand({ Bucket: this.settings.bucket, Key: key }))).ContentLength ?? null;
    } catch {
      return null;
    }
  }

  async remove(key: string): Promise<void> {
    assertKey(key);
    await this.#client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: key }));
  }
}

const stores = new Map<string, RecordingStore>();

/** The store recordings go to under a configuration (one per process and place). */
export function recordingStore(config: Pick<RingfenceConfig, 'dataDir' | 'recordingS3'>): RecordingStore {
  const s3 = config.recordingS3;
  const place = s3 ? `s3:${s3.endpoint ?? 'aws'}/${s3.bucket}` : path.join(config.dataDir, 'recordings');
  let store = stores.get(place);
  if (!store) {
    store = s3 ? new S3Store(s3) : new FilesystemStore(place);
    stores.set(place, store);
  }
  return store;
}
