/**
 * Chunked authenticated encryption for large objects (call recordings): AES-256-GCM over
 * fixed-size chunks of 64 KiB, each with its own random nonce and an AAD binding the object's
 * id, the chunk's index and whether it is the last. So a reader can decrypt any chunk on its
 * own (a ranged read decrypts only the chunks it needs), and any reordering, dropped chunk,
 * truncation (even at a chunk boundary: the new last chunk is not marked final) or flipped bit
 * fails authentication instead of yielding altered plaintext.
 *
 * Stored chunk: nonce (12) ‖ ciphertext (≤ 64 KiB) ‖ tag (16). Every chunk but the last holds
 * exactly CHUNK_BYTES of plaintext; an empty object is one final chunk of none.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

export const CHUNK_BYTES = 64 * 1024;
const NONCE = 12;
const TAG = 16;
export const CHUNK_OVERHEAD = NONCE + TAG;
export const STORED_CHUNK_BYTES = CHUNK_BYTES + CHUNK_OVERHEAD;
const DOMAIN = Buffer.from('ringfence-chunk-v1');

/** Thrown when a chunk does not authenticate: the object was altered, truncated or reordered. */
export class ChunkIntegrityError extends Error {}

function aad(objectId: string, index: number, final: boolean): Buffer {
  const head = Buffer.alloc(5);
  head.writeUInt32BE(index, 0);
  head.writeUInt8(final ? 1 : 0, 4);
  return Buffer.concat([DOMAIN, Buffer.from(objectId, 'utf8'), head]);
}

/** One chunk, encrypted. */
export function sealChunk(key: Buffer, objectId: string, index: number, final: boolean, plaintext: Buffer): Buffer {
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aad(objectId, index, final));
  const body = cipher.update(plaintext);
  cipher.final();
  return Buffer.concat([nonce, body, cipher.getAuthTag()]);
}

/** One chunk, decrypted; a ChunkIntegrityError unless it is exactly chunk `index` of `objectId` (and the last one when `final`). */
export function openChunk(key: Buffer, objectId: string, index: number, final: boolean, stored: Buffer): Buffer {
  if (stored.length < CHUNK_OVERHEAD || stored.length > STORED_CHUNK_BYTES) throw new ChunkIntegrityError(`chunk ${index} has the wrong length`);
  const decipher = createDecipheriv('aes-256-gcm', key, stored.subarray(0, NONCE));
  decipher.setAAD(aad(objectId, index, final));
  decipher.setAuthTag(stored.subarray(stored.length - TAG));
  try {
    return Buffer.concat([decipher.update(stored.subarray(NONCE, stored.length - TAG)), decipher.final()]);
  } catch {
    throw new ChunkIntegrityError(`chunk ${index} does not authenticate`);
  }
}

/** How many chunks an object of `size` plaintext bytes has, and how many bytes it is stored in. */
export function layout(size: number): { chunks: number; storedBytes: number } {
  const chunks = Math.max(1, Math.ceil(size / CHUNK_BYTES));
  const last = size - (chunks - 1) * CHUNK_BYTES;
  return { chunks, storedBytes: (chunks - 1) * STORED_CHUNK_BYTES + last + CHUNK_OVERHEAD };
}

/**
 * Encrypts a stream as it flows: 64 KiB at a time, one chunk held back until it is known
 * whether more follows (so the last is marked final). Counts the plaintext bytes.
 */
export class ChunkEncryptor extends Transform {
  #parts: Buffer[] = [];
  #buffered = 0;
  #index = 0;
  bytes = 0;

  constructor(
    private readonly key: Buffer,
    private readonly objectId: string,
    private readonly limit = Number.POSITIVE_INFINITY,
  ) {
    super();
  }

  /** The next `n` buffered bytes, as one buffer. */
  #take(n: number): Buffer {
    const head = this.#parts[0];
    // Usually the stream's pieces are larger than a chunk: a view, not a copy.
    if (head && head.length >= n) {
      this.#parts[0] = head.subarray(n);
      if (this.#parts[0].length === 0) this.#parts.shift();
      this.#buffered -= n;
      return head.subarray(0, n);
    }
    const out = Buffer.allocUnsafe(n);
    let filled = 0;
    while (filled < n) {
      const head = this.#parts[0]!;
      const want = n - filled;
      if (head.length <= want) {
        head.copy(out, filled);
        filled += head.length;
        this.#parts.shift();
      } else {
        head.copy(out, filled, 0, want);
        this.#parts[0] = head.subarray(want);
        filled += want;
      }
    }
    this.#buffered -= n;
    return out;
  }

  override _transform(data: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += data.length;
    if (this.bytes > this.limit) {
      done(new RangeError(`larger than ${this.limit} bytes`));
      return;
    }
    this.#parts.push(data);
    this.#buffered += data.length;
    // Strictly more than a chunk: the chunk taken is certainly not the last.
    while (this.#buffered > CHUNK_BYTES) this.push(sealChunk(this.key, this.objectId, this.#index++, false, this.#take(CHUNK_BYTES)));
    done();
  }

  override _flush(done: TransformCallback): void {
    this.push(sealChunk(this.key, this.objectId, this.#index++, true, this.#take(this.#buffered)));
    done();
  }
}

/** The chunks holding plaintext bytes `start`…`end` (inclusive) of an object of `size` bytes, and where they are stored. */
export function chunksFor(size: number, start: number, end: number): { first: number; last: number; storedStart: number; storedEnd: number } {
  const { chunks, storedBytes } = layout(size);
  const first = Math.floor(start / CHUNK_BYTES);
  const last = Math.min(chunks - 1, Math.floor(end / CHUNK_BYTES));
  return { first, last, storedStart: first * STORED_CHUNK_BYTES, storedEnd: Math.min(storedBytes, (last + 1) * STORED_CHUNK_BYTES) - 1 };
}

/**
 * Decrypts plaintext bytes `start`…`end` (inclusive) from the stored bytes of the chunks that
 * hold them (`stored`, as `chunksFor` located them). A short read (the object was truncated)
 * fails like a tampered chunk.
 */
export function openRange(key: Buffer, objectId: string, size: number, start: number, end: number, stored: Buffer): Buffer {
  const { chunks } = layout(size);
  const { first, last, storedStart, storedEnd } = chunksFor(size, start, end);
  if (stored.length !== storedEnd - storedStart + 1) throw new ChunkIntegrityError('the stored object is shorter than its chunks');
  const out: Buffer[] = [];
  for (let i = first; i <= last; i += 1) {
    const from = (i - first) * STORED_CHUNK_BYTES;
    out.push(openChunk(key, objectId, i, i === chunks - 1, stored.subarray(from, Math.min(stored.length, from + STORED_CHUNK_BYTES))));
  }
  const plain = Buffer.concat(out);
  const offset = start - first * CHUNK_BYTES;
  return plain.subarray(offset, offset + (end - start + 1));
}
