/**
 * Business associate agreements, with clients and with vendors, and their signed documents
 * (encrypted under the organization's key). Whether an agreement opens PHI is decided in
 * phi-rules.ts; here the records are kept, each change an audit event.
 */
import { createHash, randomUUID } from 'node:crypto';
import { assertCan } from '../../platform/authz/guard.ts';
import { baaActive, baaCalendar } from './phi-rules.ts';
import { isCalendarDay } from '../../platform/calendar.ts';
import { actorUserId, audit, inTransaction, type ActorContext } from '../../platform/context.ts';
import type { BaaRow, BaaStatus } from './compliance.tables.ts';
import type { BaaInput, BaaView } from './compliance.schemas.ts';
import { AppError, invalidField, notFound } from '../../platform/http/errors.ts';
import { findVendor } from './vendors.service.ts';

function presentBaa(b: BaaRow, day: string): BaaView {
  return {
    id: b.id,
    party: b.client_id ? { type: 'client', id: b.client_id } : { type: 'vendor', id: b.vendor_id! },
    status: b.status,
    active: baaActive(b, day),
    effectiveOn: b.effective_on,
    endsOn: b.ends_on,
    counterpartySigner: b.counterparty_signer,
    breachNoticeDays: Number(b.breach_notice_days),
    breachNoticeUnit: b.breach_notice_unit,
    breachNoticeTrigger: b.breach_notice_trigger,
    terminationDisposition: b.termination_disposition,
    notes: b.notes,
    document: b.document_name ? { name: b.document_name, bytes: Number(b.document_bytes), sha256: b.document_sha256! } : null,
    createdAt: b.created_at,
    updatedAt: b.updated_at,
  };
}

/** Refuses a day that is not on the calendar (2025-02-30); an empty one is left to the caller. */
export function assertCalendarDay(field: string, day: string | null | undefined): void {
  if (day && !isCalendarDay(day)) throw invalidField(field, 'is not a calendar date');
}

/** A signed agreement needs its dates: from when, and (optionally) until when. */
function assertBaaDates(status: BaaStatus, effectiveOn: string | null, endsOn: string | null): void {
  assertCalendarDay('effectiveOn', effectiveOn);
  assertCalendarDay('endsOn', endsOn);
  if (status === 'signed' && !effectiveOn) throw invalidField('effectiveOn', 'a signed BAA needs the date it takes effect');
  if (effectiveOn && endsOn && endsOn < effectiveOn) throw invalidField('endsOn', 'must not be before effectiveOn');
}

/** The agreements, newest first, of one client or vendor or of all. */
export async function listBaas(ctx: ActorContext, filter: { clientId?: string; vendorId?: string }): Promise<BaaView[]> {
  assertCan(ctx, 'read', 'ComplianceRecord');
  let q = ctx.db.selectFrom('baas').selectAll();
  if (filter.clientId) q = q.where('client_id', '=', filter.clientId);
  if (filter.vendorId) q = q.where('vendor_id', '=', filter.vendorId);
  const [rows, dayOf] = await Promise.all([q.orderBy('created_at', 'desc').orderBy('id').execute(), baaCalendar(ctx.db)]);
  return rows.map((b) => presentBaa(b, dayOf(b)));
}

async function findBaa(ctx: ActorContext, id: string): Promise<BaaRow> {
  const row = await ctx.db.selectFrom('baas').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('BAA');
  return row;
}

/** One agreement, judged on its party's calendar. */
export async function getBaa(ctx: ActorContext, id: string): Promise<BaaView> {
  assertCan(ctx, 'read', 'ComplianceRecord');
  const [row, dayOf] = await Promise.all([findBaa(ctx, id), baaCalendar(ctx.db)]);
  return presentBaa(row, dayOf(row));
}

/** Records an agreement with a client or a vendor (one of the two), a draft unless told otherwise. */
export async function createBaa(ctx: ActorContext, input: BaaInput & { clientId?: string; vendorId?: string }): Promise<BaaView> {
  assertCan(ctx, 'create', 'ComplianceRecord');
  if ((input.clientId === undefined) === (input.vendorId === undefined)) throw invalidField('clientId', 'give either clientId or vendorId');
  const status = input.status ?? 'draft';
  const effectiveOn = input.effectiveOn ?? null;
  const endsOn = input.endsOn ?? null;
  assertBaaDates(status, effectiveOn, endsOn);
  const id = randomUUID();
  const now = new Date().toISOString();
  await inTransaction(ctx, async (tx) => {
    if (input.clientId) {
      const client = await tx.db.selectFrom('clients').select('id').where('id', '=', input.clientId).executeTakeFirst();
      if (!client) throw new AppError('not_found', 'Client not found.', { field: 'clientId' });
    } else {
      await findVendor(tx, input.vendorId!).catch(() => {
        throw new AppError('not_found', 'Vendor not found.', { field: 'vendorId' });
      });
    }
    await tx.db
      .insertInto('baas', {
        id,
        client_id: input.clientId ?? null,
        vendor_id: input.vendorId ?? null,
        status,
        effective_on: effectiveOn,
        ends_on: endsOn,
        counterparty_signer: input.counterpartySigner?.trim() || null,
        breach_notice_days: input.breachNoticeDays ?? 60,
        breach_notice_unit: input.breachNoticeUnit ?? 'calendar_days',
        breach_notice_trigger: input.breachNoticeTrigger ?? 'breach',
        termination_disposition: input.terminationDisposition ?? 'destroy',
        notes: input.notes?.trim() || null,
        document_enc: null,
        document_name: null,
        document_bytes: null,
        document_sha256: null,
        created_by: actorUserId(tx),
        created_at: now,
        updated_at: now,
      })
      .execute();
    await audit(tx, { action: 'baa.created', resourceType: 'Baa', resourceId: id, clientId: input.clientId ?? null, details: { party: input.clientId ? 'client' : 'vendor', partyId: (input.clientId ?? input.vendorId)!, status } });
  });
  return getBaa(ctx, id);
}

/** Changes an agreement (sign, extend, terminate); a terminated one stays terminated. */
export async function updateBaa(ctx: ActorContext, id: string, input: BaaInput): Promise<BaaView> {
  assertCan(ctx, 'update', 'ComplianceRecord');
  await inTransaction(ctx, async (tx) => {
    const row = await findBaa(tx, id);
    if (row.status === 'terminated' && input.status !== undefined && input.status !== 'terminated') throw new AppError('conflict', 'A terminated BAA stays terminated: record a new one.', { field: 'status' });
    const set: Partial<BaaRow> = {};
    if (input.status !== undefined) set.status = input.status;
    if (input.effectiveOn !== undefined) set.effective_on = input.effectiveOn;
    if (input.endsOn !== undefined) set.ends_on = input.endsOn;
    if (input.counterpartySigner !== undefined) set.counterparty_signer = input.counterpartySigner?.trim() || null;
    if (input.breachNoticeDays !== undefined) set.breach_notice_days = input.breachNoticeDays;
    if (input.breachNoticeUnit !== undefined) set.breach_notice_unit = input.breachNoticeUnit;
    if (input.breachNoticeTrigger !== undefined) set.breach_notice_trigger = input.breachNoticeTrigger;
    if (input.terminationDisposition !== undefined) set.termination_disposition = input.terminationDisposition;
    if (input.notes !== undefined) set.notes = input.notes?.trim() || null;
    const changed = Object.keys(set);
    if (changed.length === 0) return;
    assertBaaDates(set.status ?? row.status, set.effective_on !== undefined ? set.effective_on : row.effective_on, set.ends_on !== undefined ? set.ends_on : row.ends_on);
    await tx.db.updateTable('baas').set({ ...set, updated_at: new Date().toISOString() }).where('id', '=', id).execute();
    await audit(tx, { action: 'baa.updated', resourceType: 'Baa', resourceId: id, clientId: row.client_id, details: { changed, status: set.status ?? row.status } });
  });
  return getBaa(ctx, id);
}

/** The largest signed document accepted, in bytes. */
export const MAX_BAA_DOCUMENT_BYTES = 10 * 1024 * 1024;

function documentLocation(id: string) {
  return { clientId: null, table: 'baas', column: 'document_enc', rowId: id };
}

/** Stores the signed PDF, encrypted under the organization's key; replaces any earlier one. */
export async function putBaaDocument(ctx: ActorContext, id: string, name: string, pdf: Buffer): Promise<BaaView> {
  assertCan(ctx, 'update', 'ComplianceRecord');
  if (pdf.length === 0) throw invalidField('document', 'is empty');
  if (pdf.length > MAX_BAA_DOCUMENT_BYTES) throw new AppError('payload_too_large', `The document is larger than ${MAX_BAA_DOCUMENT_BYTES / 1024 / 1024} MB`, { field: 'document' });
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw invalidField('document', 'is not a PDF');
  const fileName = name.trim().replace(/[^\w.\- ]+/g, '_').slice(0, 120) || 'baa.pdf';
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  await inTransaction(ctx, async (tx) => {
    const row = await findBaa(tx, id);
    const document_enc = await tx.keyring.encryptField(tx.db, documentLocation(id), pdf.toString('base64'));
    await tx.db.updateTable('baas').set({ document_enc, document_name: fileName, document_bytes: pdf.length, document_sha256: sha256, updated_at: new Date().toISOString() }).where('id', '=', id).execute();
    await audit(tx, { action: 'baa.document_stored', resourceType: 'Baa', resourceId: id, clientId: row.client_id, details: { name: fileName, bytes: pdf.length, sha256 } });
  });
  return getBaa(ctx, id);
}

/** The signed PDF; every download is an audit event. */
export async function readBaaDocument(ctx: ActorContext, id: string): Promise<{ name: string; pdf: Buffer }> {
  assertCan(ctx, 'read', 'ComplianceRecord');
  const row = await findBaa(ctx, id);
  if (!row.document_enc || !row.document_name) throw notFound('Signed document');
  const pdf = Buffer.from(await ctx.keyring.decryptField(ctx.db, documentLocation(id), row.document_enc), 'base64');
  await inTransaction(ctx, (tx) => audit(tx, { action: 'baa.document_read', resourceType: 'Baa', resourceId: id, clientId: row.client_id, details: { name: row.document_name! } }));
  return { name: row.document_name, pdf };
}
