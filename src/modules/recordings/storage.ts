/**
 * Where recordings' ciphertext lives, behind one interface: the local filesystem under the
 * data directory (the embedded default). Only ciphertext ever reaches a store; objects are
 * written under a temporary name and renamed when complete, so a failed upload leaves no
 * object behind.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface RecordingStore {
  readonly kind: 'filesystem' | 's3';
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

const stores = new Map<string, RecordingStore>();

/** The store recordings go to for a data directory (one per process and directory). */
export function recordingStore(dataDir: string): RecordingStore {
  const root = path.join(dataDir, 'recordings');
  let store = stores.get(root);
  if (!store) {
    store = new FilesystemStore(root);
    stores.set(root, store);
  }
  return store;
}
