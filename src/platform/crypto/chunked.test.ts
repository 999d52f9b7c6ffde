import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { test } from 'node:test';
import fc from 'fast-check';
import { CHUNK_BYTES, ChunkEncryptor, ChunkIntegrityError, STORED_CHUNK_BYTES, chunksFor, layout, openRange } from './chunked.ts';

const KEY = randomBytes(32);
const ID = 'rec-7f3k2q';

/** Encrypts `plain`, fed in pieces of the given sizes (as a socket would). */
async function seal(plain: Buffer, pieces: number[] = [7919]): Promise<Buffer> {
  const parts: Buffer[] = [];
  let at = 0;
  for (let i = 0; at < plain.length; i += 1) {
    const n = Math.max(1, pieces[i % pieces.length]!);
    parts.push(plain.subarray(at, at + n));
    at += n;
  }
  return buffer(Readable.from(parts).pipe(new ChunkEncryptor(KEY, ID)));
}

const read = (stored: Buffer, size: number, start: number, end: number, id = ID) => {
  const { storedStart, storedEnd } = chunksFor(size, start, end);
  return openRange(KEY, id, size, start, end, stored.subarray(storedStart, storedEnd + 1));
};

test('any range of any object decrypts to exactly those bytes, however the stream arrived', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 0, max: 3 * CHUNK_BYTES + 5 }),
      fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 4 }),
      fc.tuple(fc.nat(), fc.nat()),
      async (size, pieces, [a, b]) => {
        const plain = randomBytes(size);
        const stored = await seal(plain, pieces);
        assert.equal(stored.length, layout(size).storedBytes);
        if (size === 0) return;
        const start = Math.min(a, b) % size;
        const end = start + (Math.max(a, b) % (size - start));
        assert.deepEqual(read(stored, size, start, end), plain.subarray(start, end + 1));
      },
    ),
    { numRuns: 60 },
  );
});

test('range boundaries: the first byte, the last byte, a range across two chunks, exactly one chunk', async () => {
  const size = 2 * CHUNK_BYTES + 100;
  const plain = randomBytes(size);
  const stored = await seal(plain);
  assert.deepEqual(read(stored, size, 0, 0), plain.subarray(0, 1));
  assert.deepEqual(read(stored, size, size - 1, size - 1), plain.subarray(size - 1));
  assert.deepEqual(read(stored, size, CHUNK_BYTES - 10, CHUNK_BYTES + 9), plain.subarray(CHUNK_BYTES - 10, CHUNK_BYTES + 10));
  assert.deepEqual(read(stored, size, CHUNK_BYTES, 2 * CHUNK_BYTES - 1), plain.subarray(CHUNK_BYTES, 2 * CHUNK_BYTES));
  // A range over one chunk reads only that chunk's stored bytes.
  assert.deepEqual(chunksFor(size, CHUNK_BYTES, 2 * CHUNK_BYTES - 1), { first: 1, last: 1, storedStart: STORED_CHUNK_BYTES, storedEnd: 2 * STORED_CHUNK_BYTES - 1 });
});

test('a flipped bit anywhere, a dropped chunk, chunks reordered, truncation (at a chunk boundary too), or another object’s chunks: refused, never other bytes', async () => {
  const size = 3 * CHUNK_BYTES;
  const plain = randomBytes(size);
  const stored = await seal(plain);
  const whole = (bytes: Buffer, n = size) => openRange(KEY, ID, n, 0, n - 1, bytes);
  assert.deepEqual(whole(stored), plain);
  const refused = (what: string, fn: () => unknown) => assert.throws(fn, ChunkIntegrityError, what);
  fc.assert(
    fc.property(fc.nat({ max: stored.length * 8 - 1 }), (bit) => {
      const flipped = Buffer.from(stored);
      flipped[bit >> 3]! ^= 1 << (bit & 7);
      refused(`bit ${bit}`, () => whole(flipped));
    }),
    { numRuns: 200 },
  );
  const chunk = (i: number) => stored.subarray(i * STORED_CHUNK_BYTES, (i + 1) * STORED_CHUNK_BYTES);
  refused('a dropped chunk', () => whole(Buffer.concat([chunk(0), chunk(2)]), 2 * CHUNK_BYTES));
  refused('a dropped chunk, the size kept', () => whole(Buffer.concat([chunk(0), chunk(2)])));
  refused('reordered', () => whole(Buffer.concat([chunk(1), chunk(0), chunk(2)])));
  refused('truncated inside a chunk', () => whole(stored.subarray(0, stored.length - 100)));
  refused('truncated at a chunk boundary, with a size to match', () => whole(stored.subarray(0, 2 * STORED_CHUNK_BYTES), 2 * CHUNK_BYTES));
  refused('another object', () => openRange(KEY, 'rec-other', size, 0, size - 1, stored));
  refused('another key', () => openRange(randomBytes(32), ID, size, 0, size - 1, stored));
});

test('the encryptor refuses more than its limit', async () => {
  const tooBig = Readable.from([randomBytes(1000), randomBytes(1000)]).pipe(new ChunkEncryptor(KEY, ID, 1500));
  await assert.rejects(buffer(tooBig), RangeError);
});
