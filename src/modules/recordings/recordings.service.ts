/**
 * Call recordings: encrypted as they stream in (each its own AES-256 key, wrapped under the
 * client's; `platform/crypto/chunked.ts` for the audio), never a plaintext byte at rest, and
 * played back a range at a time, decrypting only the chunks the range needs. Every playback is
 * a `recording.played` audit event with the range played.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertCan, can, fieldCategories, rowScope } from '../../platform/authz/guard.ts';
import { actorUserId, audit, inTransaction, type ActorContext } from '../../platform/context.ts';
import { ChunkEncryptor, ChunkIntegrityError, chunksFor, openRange } from '../../platform/crypto/chunked.ts';
import { AppError, invalidField, notFound } from '../../platform/http/errors.ts';
import { existingClientIds } from '../clients/index.ts';
import { assertNamedVendorMayCarryPhi } from '../compliance/index.ts';
import { patientsUnderOpenIncidents } from '../incidents/index.ts';
import { taskFacts } from '../tasks/index.ts';
import type { RecordingStore } from './storage.ts';
import type { AudioType, Direction, RecordingRow } from './recordings.tables.ts';
import type { RecordingView } from './recordings.schemas.ts';
import './recordings.audit.ts';
import { isoTime as iso } from '../../platform/db/timestamps.ts';

/** How long a recording is kept unless its client's policy says otherwise. */
export const DEFAULT_RETENTION_DAYS = 90;
/** The most one ranged answer carries: an open-ended range ("bytes=0-") is answered in pieces of this size. */
export const MAX_RANGE_BYTES = 1024 * 1024;


function keyLocation(row: Pick<RecordingRow, 'id' | 'client_id'>) {
  return { clientId: row.client_id, table: 'recordings', column: 'data_key_enc', rowId: row.id };
}

export function presentRecording(r: RecordingRow): RecordingView {
  return {
    id: r.id,
    clientId: r.client_id,
    taskId: r.task_id,
    patientRef: r.patient_ref,
    callId: r.call_id,
    agentId: r.agent_id,
    direction: r.direction,
    durationSeconds: r.duration_seconds === null ? null : Number(r.duration_seconds),
    sizeBytes: Number(r.size_bytes),
    contentType: r.content_type,
    source: r.source,
    status: r.status,
    retentionUntil: iso(r.retention_until),
    createdAt: iso(r.created_at),
  };
}

export interface IngestInput {
  clientId: string;
  taskId?: string;
  direction: Direction;
  durationSeconds?: number;
  callId?: string;
  contentType: AudioType;
}

/**
 * Stores a recording from a stream: the client checked and its PHI gate passed before a byte is
 * read, the audio encrypted chunk by chunk on its way to the store, the row and its audit event
 * written once the object is complete. A stream over `maxBytes` is refused and leaves nothing.
 */
export async function ingestRecording(ctx: ActorContext, store: RecordingStore, input: IngestInput, body: Readable, maxBytes: number, source: RecordingRow['source'] = 'upload'): Promise<RecordingView> {
  assertCan(ctx, 'create', 'Recording');
  if (!(await existingClientIds(ctx.db, [input.clientId])).has(input.clientId) || !can(ctx, 'create', 'Recording', { clientId: input.clientId })) throw new AppError('not_found', 'Client not found', { field: 'clientId' });
  let task: Awaited<ReturnType<typeof taskFacts>> | null = null;
  if (input.taskId) {
    task = await taskFacts(ctx, input.taskId).catch(() => null);
    if (!task || task.clientId !== input.clientId) throw new AppError('not_found', 'Task not found', { field: 'taskId' });
  }
  // Object storage run by a vendor carries PHI only under its active BAA.
  if (store.vendor) await assertNamedVendorMayCarryPhi(ctx.db, store.vendor, { clientId: input.clientId });
  const id = randomUUID();
  const dataKey = randomBytes(32);
  const location = { id, client_id: input.clientId };
  // Wrapping the key passes the client's PHI gate (its BAA, the person's training) before any audio is read.
  const data_key_enc = await ctx.keyring.encryptField(ctx.db, keyLocation(location), dataKey.toString('base64'));
  const objectKey = `${ctx.orgId}/${input.clientId}/${id}.rfc`;
  const encryptor = new ChunkEncryptor(dataKey, id, maxBytes);
  // The upload feeds the encryptor and the store drains it; a failure of either side (a caller
  // who hangs up, a recording over the limit, the store refusing) ends both, leaving nothing.
  let fedError: unknown = null;
  const feeding = pipeline(body, encryptor).catch((err: unknown) => {
    fedError = err;
  });
  try {
    await store.put(objectKey, encryptor);
    await feeding;
    if (fedError) throw fedError;
  } catch (err) {
    encryptor.destroy();
    await feeding;
    await store.remove(objectKey);
    const cause = fedError ?? err;
    if (cause instanceof RangeError) throw new AppError('payload_too_large', `A recording may be at most ${Math.round(maxBytes / 1024 / 1024)} MB`, { field: 'audio' });
    throw cause;
  } finally {
    dataKey.fill(0);
  }
  if (encryptor.bytes === 0) {
    await store.remove(objectKey);
    throw invalidField('audio', 'is empty');
  }
  const now = new Date();
  const row: RecordingRow = {
    id,
    org_id: ctx.orgId,
    client_id: input.clientId,
    task_id: task?.id ?? null,
    patient_ref: task?.patientRef ?? null,
    call_id: input.callId ?? null,
    agent_id: task?.assigneeId ?? actorUserId(ctx),
    direction: input.direction,
    duration_seconds: input.durationSeconds ?? null,
    size_bytes: encryptor.bytes,
    content_type: input.contentType,
    store: store.kind,
    object_key: objectKey,
    data_key_enc,
    source,
    status: 'stored',
    retention_until: new Date(now.getTime() + DEFAULT_RETENTION_DAYS * 86_400_000).toISOString(),
    created_by: actorUserId(ctx),
    created_at: now.toISOString(),
    destroyed_at: null,
  };
  try {
    await inTransaction(ctx, async (tx) => {
      const { org_id: _org, ...values } = row;
      await tx.db.insertInto('recordings', values).execute();
      await audit(tx, { action: 'recording.stored', resourceType: 'Recording', resourceId: id, clientId: row.client_id, patientRef: row.patient_ref, details: { bytes: row.size_bytes, contentType: row.content_type, source, taskId: row.task_id } });
    });
  } catch (err) {
    await store.remove(objectKey);
    throw err;
  }
  return presentRecording(row);
}

/** Recordings the actor may see, newest first: of a task, a patient reference, or a client. */
export async function listRecordings(ctx: ActorContext, filter: { clientId?: string; taskId?: string; patientRef?: string }): Promise<RecordingView[]> {
  assertCan(ctx, 'read', 'Recording');
  let q = ctx.db.selectFrom('recordings').selectAll().where(rowScope(ctx, 'read', 'Recording', { clientId: 'client_id' })).where('status', '=', 'stored');
  if (filter.clientId) q = q.where('client_id', '=', filter.clientId);
  if (filter.taskId) q = q.where('task_id', '=', filter.taskId);
  if (filter.patientRef) q = q.where('patient_ref', '=', filter.patientRef.toUpperCase());
  return (await q.orderBy('created_at', 'desc').limit(200).execute()).map(presentRecording);
}

/** One recording a person may play (read with the recording category, or a compliance reveal); not found otherwise. */
async function findPlayable(ctx: ActorContext, id: string, mode: 'read' | 'reveal'): Promise<RecordingRow> {
  const row = await ctx.db.selectFrom('recordings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !fieldCategories(ctx, [mode], 'Recording', { clientId: row.client_id }).has('recording')) throw notFound('Recording');
  if (row.status !== 'stored' || row.data_key_enc === null) throw new AppError('gone', 'This recording was destroyed when its retention ended');
  return row;
}

export async function getRecording(ctx: ActorContext, id: string): Promise<RecordingView> {
  assertCan(ctx, 'read', 'Recording');
  const row = await ctx.db.selectFrom('recordings').selectAll().where('id', '=', id).where(rowScope(ctx, 'read', 'Recording', { clientId: 'client_id' })).executeTakeFirst();
  if (!row) throw notFound('Recording');
  return presentRecording(row);
}

/** A Range header's one range as inclusive bounds within `size`; null for none, 'unsatisfiable' when it cannot be met. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null | 'unsatisfiable' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)(?:,.*)?$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'unsatisfiable';
  if (m[1] === '') {
    // A suffix: the last n bytes.
    const n = Number(m[2]);
    if (n === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(m[1]);
  if (start >= size) return 'unsatisfiable';
  const end = m[2] === '' ? Math.min(size - 1, start + MAX_RANGE_BYTES - 1) : Math.min(size - 1, Number(m[2]));
  if (end < start) return 'unsatisfiable';
  return { start, end: Math.min(end, start + MAX_RANGE_BYTES - 1) };
}

export interface Playback {
  status: 200 | 206;
  headers: Record<string, string>;
  body: Buffer | Readable;
}

function refused(): AppError {
  return new AppError('conflict', 'This recording failed its integrity check (altered, reordered or truncated): it is not played');
}

/** Reads and decrypts stored bytes of the chunks holding `start`…`end`. */
async function decryptRange(store: RecordingStore, row: RecordingRow, key: Buffer, start: number, end: number): Promise<Buffer> {
  const size = Number(row.size_bytes);
  const { storedStart, storedEnd } = chunksFor(size, start, end);
  const stored = await store.read(row.object_key, storedStart, storedEnd).catch(() => Buffer.alloc(0));
  try {
    return openRange(key, row.id, size, start, end, stored);
  } catch (err) {
    if (err instanceof ChunkIntegrityError) throw refused();
    throw err;
  }
}

/**
 * Plays a recording, or the range asked for: a Range answers 206 with only the chunks it needs
 * decrypted (an open-ended one in pieces of at most 1 MiB), none the whole recording, decrypted
 * chunk by chunk as it is sent. Audited with the range; a compliance reveal names its purpose.
 */
export async function playRecording(ctx: ActorContext, store: RecordingStore, id: string, rangeHeader: string | undefined, mode: 'read' | 'reveal', purpose: string | null): Promise<Playback> {
  const row = await findPlayable(ctx, id, mode);
  if (store.vendor) await assertNamedVendorMayCarryPhi(ctx.db, store.vendor, { clientId: row.client_id });
  const size = Number(row.size_bytes);
  const range = parseRange(rangeHeader, size);
  if (range === 'unsatisfiable') throw new AppError('range_not_satisfiable', 'The range asked for is outside the recording', { field: 'range', headers: { 'content-range': `bytes */${size}` } });
  const key = Buffer.from(await ctx.keyring.decryptField(ctx.db, keyLocation(row), row.data_key_enc!), 'base64');
  const played = range ?? { start: 0, end: size - 1 };
  // Audited once it is known what is played: a refused recording is a failure, never "played".
  const record = (outcome: 'success' | 'failure') =>
    inTransaction(ctx, (tx) =>
      audit(tx, { action: 'recording.played', outcome, resourceType: 'Recording', resourceId: row.id, clientId: row.client_id, patientRef: row.patient_ref, fields: ['audio'], ...(purpose ? { purpose } : {}), details: { range: `bytes ${played.start}-${played.end}/${size}`, bytes: played.end - played.start + 1, mode } }),
    );
  const headers: Record<string, string> = { 'content-type': row.content_type, 'accept-ranges': 'bytes', 'cache-control': 'no-store' };
  // A range, or the whole recording's first piece: decrypted before the answer starts, so tampering is refused as a problem.
  let first: Buffer;
  try {
    first = await decryptRange(store, row, key, played.start, range ? range.end : Math.min(size, MAX_RANGE_BYTES) - 1);
  } catch (err) {
    key.fill(0);
    if (err instanceof AppError) await record('failure');
    throw err;
  }
  await record('success');
  if (range) {
    key.fill(0);
    return { status: 206, headers: { ...headers, 'content-range': `bytes ${range.start}-${range.end}/${size}`, 'content-length': String(first.length) }, body: first };
  }
  // The rest of the whole recording, decrypted as it is sent.
  const rest = async function* (): AsyncGenerator<Buffer> {
    try {
      yield first;
      for (let at = MAX_RANGE_BYTES; at < size; at += MAX_RANGE_BYTES) yield await decryptRange(store, row, key, at, Math.min(size, at + MAX_RANGE_BYTES) - 1);
    } finally {
      key.fill(0);
    }
  };
  return { status: 200, headers: { ...headers, 'content-length': String(size) }, body: Readable.from(rest()) };
}

/**
 * Destroys the recordings of one organization whose retention ended by `now`: the object, then
 * the recording's key (the row keeps its metadata, marked destroyed), each destruction an
 * audit event. A recording of a patient in an open incident's scope is held until it closes.
 * Returns how many were destroyed and how many held.
 */
export async function destroyExpiredRecordings(ctx: ActorContext, store: RecordingStore, now = new Date()): Promise<{ destroyed: number; held: number }> {
  const due = await ctx.db.selectFrom('recordings').selectAll().where('status', '=', 'stored').where('retention_until', '<=', now.toISOString()).orderBy('retention_until').limit(1000).execute();
  if (due.length === 0) return { destroyed: 0, held: 0 };
  const held = await patientsUnderOpenIncidents(ctx);
  let destroyed = 0;
  let kept = 0;
  for (const row of due) {
    if (row.patient_ref && held.has(`${row.client_id}|${row.patient_ref}`)) {
      kept += 1;
      continue;
    }
    await store.remove(row.object_key);
    await inTransaction(ctx, async (tx) => {
      await tx.db.updateTable('recordings').set({ status: 'destroyed', data_key_enc: null, destroyed_at: now.toISOString() }).where('id', '=', row.id).execute();
      await audit(tx, { action: 'recording.destroyed', resourceType: 'Recording', resourceId: row.id, clientId: row.client_id, patientRef: row.patient_ref, details: { reason: 'retention', retentionUntil: iso(row.retention_until), bytes: Number(row.size_bytes) } });
    });
    destroyed += 1;
  }
  return { destroyed, held: kept };
}
