/**
 * Compliance records: vendors, business associate agreements (with clients and vendors) and
 * their signed documents, training courses and completions, and the BAA-chain report. The
 * gate these records open or close is the platform's (src/platform/compliance/phi-gate.ts);
 * this module only keeps the records, each change an audit event.
 */
import { createHash, randomUUID } from 'node:crypto';
import { assertCan } from '../../platform/authz/guard.ts';
import { baaActive, baaCalendar, lackingCourses, renewed, trainingStanding, trainingStandingOfAll, type CourseStanding } from '../../platform/compliance/phi-gate.ts';
import { addDays, daysUntil, isCalendarDay, today, todayIn } from '../../platform/calendar.ts';
import { actorUserId, audit, inTransaction, type ActorContext } from '../../platform/context.ts';
import type { TenantDb } from '../../platform/db/tenant-db.ts';
import type { BaaRow, BaaStatus, VendorRow, VendorService } from '../../platform/db/types.ts';
import { AppError, invalidField, notFound } from '../../platform/http/errors.ts';

export interface VendorView {
  id: string;
  name: string;
  services: VendorService[];
  handlesPhi: boolean;
  /** The clients whose PHI it touches; null for every client (hosting, telephony). */
  clientIds: string[] | null;
  status: 'active' | 'inactive';
  notes: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface VendorInput {
  name?: string;
  services?: VendorService[];
  handlesPhi?: boolean;
  clientIds?: string[] | null;
  status?: 'active' | 'inactive';
  notes?: string | null;
}

/** Which clients' PHI each vendor touches: vendor id → client ids, null meaning every client. */
async function vendorReach(tenant: TenantDb, vendors: VendorRow[]): Promise<(v: VendorRow) => string[] | null> {
  const listed = vendors.some((v) => Number(v.all_clients) !== 1) ? await tenant.selectFrom('vendor_clients').select(['vendor_id', 'client_id']).execute() : [];
  return (v) => (Number(v.all_clients) === 1 ? null : listed.filter((l) => l.vendor_id === v.id).map((l) => l.client_id));
}

function presentVendor(v: VendorRow, clientIds: string[] | null): VendorView {
  return { id: v.id, name: v.name, services: JSON.parse(v.services) as VendorService[], handlesPhi: Number(v.handles_phi) === 1, clientIds, status: v.status, notes: v.notes, createdAt: v.created_at, updatedAt: v.updated_at };
}

async function presentVendors(tenant: TenantDb, rows: VendorRow[]): Promise<VendorView[]> {
  const reach = await vendorReach(tenant, rows);
  return rows.map((v) => presentVendor(v, reach(v)));
}

export async function listVendors(ctx: ActorContext): Promise<VendorView[]> {
  assertCan(ctx, 'read', 'ComplianceRecord');
  return presentVendors(ctx.db, await ctx.db.selectFrom('vendors').selectAll().orderBy('name').execute());
}

async function findVendor(ctx: ActorContext, id: string): Promise<VendorRow> {
  const row = await ctx.db.selectFrom('vendors').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Vendor');
  return row;
}

async function getVendor(ctx: ActorContext, id: string): Promise<VendorView> {
  return (await presentVendors(ctx.db, [await findVendor(ctx, id)]))[0]!;
}

/** Sets which clients' PHI a vendor touches (null: every client); each listed client must exist. */
async function setVendorReach(tx: ActorContext, vendorId: string, clientIds: string[] | null): Promise<void> {
  await tx.db.deleteFrom('vendor_clients').where('vendor_id', '=', vendorId).execute();
  await tx.db.updateTable('vendors').set({ all_clients: clientIds === null ? 1 : 0 }).where('id', '=', vendorId).execute();
  const unique = [...new Set(clientIds ?? [])];
  if (unique.length === 0) return;
  const found = await tx.db.selectFrom('clients').select('id').where('id', 'in', unique).execute();
  if (found.length !== unique.length) throw new AppError('not_found', 'Client not found', { field: 'clientIds' });
  await tx.db.insertInto('vendor_clients', unique.map((client_id) => ({ vendor_id: vendorId, client_id }))).execute();
}

export async function createVendor(ctx: ActorContext, input: Required<Pick<VendorInput, 'name' | 'services' | 'handlesPhi'>> & VendorInput): Promise<VendorView> {
  assertCan(ctx, 'create', 'ComplianceRecord');
  const name = input.name.trim();
  if (!name) throw invalidField('name', 'must not be empty');
  const id = randomUUID();
  const now = new Date().toISOString();
  await inTransaction(ctx, async (tx) => {
    const taken = await tx.db.selectFrom('vendors').select('id').where('name', '=', name).executeTakeFirst();
    if (taken) throw new AppError('conflict', 'A vendor with this name already exists', { field: 'name' });
    await tx.db
      .insertInto('vendors', { id, name, services: JSON.stringify([...new Set(input.services)]), handles_phi: input.handlesPhi ? 1 : 0, status: input.status ?? 'active', notes: input.notes?.trim() || null, created_at: now, updated_at: now })
      .execute();
    await setVendorReach(tx, id, input.clientIds ?? null);
    await audit(tx, { action: 'vendor.created', resourceType: 'Vendor', resourceId: id, details: { name, handlesPhi: input.handlesPhi } });
  });
  return getVendor(ctx, id);
}

export async function updateVendor(ctx: ActorContext, id: string, input: VendorInput): Promise<VendorView> {
  assertCan(ctx, 'update', 'ComplianceRecord');
  await inTransaction(ctx, async (tx) => {
    const row = await findVendor(tx, id);
    const set: Partial<VendorRow> = {};
    if (input.name !== undefined) {
      const name = input.name.trim();
      if (!name) throw invalidField('name', 'must not be empty');
      const taken = await tx.db.selectFrom('vendors').select('id').where('name', '=', name).where('id', '!=', id).executeTakeFirst();
      if (taken) throw new AppError('conflict', 'A vendor with this name already exists', { field: 'name' });
      set.name = name;
    }
    if (input.services !== undefined) set.services = JSON.stringify([...new Set(input.services)]);
    if (input.handlesPhi !== undefined) set.handles_phi = input.handlesPhi ? 1 : 0;
    if (input.status !== undefined) set.status = input.status;
    if (input.notes !== undefined) set.notes = input.notes?.trim() || null;
    const changed = [...Object.keys(set), ...(input.clientIds !== undefined ? ['clientIds'] : [])];
    if (changed.length === 0) return;
    await tx.db.updateTable('vendors').set({ ...set, updated_at: new Date().toISOString() }).where('id', '=', row.id).execute();
    if (input.clientIds !== undefined) await setVendorReach(tx, id, input.clientIds);
    await audit(tx, { action: 'vendor.updated', resourceType: 'Vendor', resourceId: id, details: { changed } });
  });
  return getVendor(ctx, id);
}

export interface BaaView {
  id: string;
  party: { type: 'client' | 'vendor'; id: string };
  status: BaaStatus;
  /** Signed and in effect today. */
  active: boolean;
  effectiveOn: string | null;
  endsOn: string | null;
  counterpartySigner: string | null;
  breachNoticeDays: number;
  terminationDisposition: 'return' | 'destroy';
  notes: string | null;
  document: { name: string; bytes: number; sha256: string } | null;
  createdAt: string;
  updatedAt: string;
}

export interface BaaInput {
  status?: BaaStatus;
  effectiveOn?: string | null;
  endsOn?: string | null;
  counterpartySigner?: string | null;
  breachNoticeDays?: number;
  terminationDisposition?: 'return' | 'destroy';
  notes?: string | null;
}

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
    terminationDisposition: b.termination_disposition,
    notes: b.notes,
    document: b.document_name ? { name: b.document_name, bytes: Number(b.document_bytes), sha256: b.document_sha256! } : null,
    createdAt: b.created_at,
    updatedAt: b.updated_at,
  };
}

function assertCalendarDay(field: string, day: string | null | undefined): void {
  if (day && !isCalendarDay(day)) throw invalidField(field, 'is not a calendar date');
}

/** A signed agreement needs its dates: from when, and (optionally) until when. */
function assertBaaDates(status: BaaStatus, effectiveOn: string | null, endsOn: string | null): void {
  assertCalendarDay('effectiveOn', effectiveOn);
  assertCalendarDay('endsOn', endsOn);
  if (status === 'signed' && !effectiveOn) throw invalidField('effectiveOn', 'a signed BAA needs the date it takes effect');
  if (effectiveOn && endsOn && endsOn < effectiveOn) throw invalidField('endsOn', 'must not be before effectiveOn');
}

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

export async function getBaa(ctx: ActorContext, id: string): Promise<BaaView> {
  assertCan(ctx, 'read', 'ComplianceRecord');
  const [row, dayOf] = await Promise.all([findBaa(ctx, id), baaCalendar(ctx.db)]);
  return presentBaa(row, dayOf(row));
}

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
      if (!client) throw new AppError('not_found', 'Client not found', { field: 'clientId' });
    } else {
      await findVendor(tx, input.vendorId!).catch(() => {
        throw new AppError('not_found', 'Vendor not found', { field: 'vendorId' });
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

export async function updateBaa(ctx: ActorContext, id: string, input: BaaInput): Promise<BaaView> {
  assertCan(ctx, 'update', 'ComplianceRecord');
  await inTransaction(ctx, async (tx) => {
    const row = await findBaa(tx, id);
    if (row.status === 'terminated' && input.status !== undefined && input.status !== 'terminated') throw new AppError('conflict', 'A terminated BAA stays terminated: record a new one', { field: 'status' });
    const set: Partial<BaaRow> = {};
    if (input.status !== undefined) set.status = input.status;
    if (input.effectiveOn !== undefined) set.effective_on = input.effectiveOn;
    if (input.endsOn !== undefined) set.ends_on = input.endsOn;
    if (input.counterpartySigner !== undefined) set.counterparty_signer = input.counterpartySigner?.trim() || null;
    if (input.breachNoticeDays !== undefined) set.breach_notice_days = input.breachNoticeDays;
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

export interface ChainEntry {
  party: { type: 'client' | 'vendor'; id: string; name: string };
  /** For vendors: what they do, and whether PHI passes through them. */
  services: VendorService[];
  handlesPhi: boolean;
  /**
   * Who touches whose PHI. A vendor: the names of the clients it serves, null for every
   * client. A client: the names of the PHI-handling vendors that serve it.
   */
  reach: string[] | null;
  /** `pending`: signed, taking effect on a later day; `expiring`: ends within 60 days with no renewal recorded. */
  state: 'active' | 'expiring' | 'pending' | 'draft' | 'expired' | 'terminated' | 'missing';
  baaId: string | null;
  effectiveOn: string | null;
  endsOn: string | null;
  /** Days until an active agreement ends, on the party's calendar; null when open-ended or not active. */
  daysLeft: number | null;
  breachNoticeDays: number | null;
}

/** Days before its end at which an active BAA counts as expiring. */
export const EXPIRING_WITHIN_DAYS = 60;

/** The state of one party's agreements: the best of them wins (an active one over one signed for later, over a draft). */
function chainState(rows: BaaRow[], day: string): Pick<ChainEntry, 'state' | 'baaId' | 'effectiveOn' | 'endsOn' | 'daysLeft' | 'breachNoticeDays'> {
  const pending = (b: BaaRow) => b.status === 'signed' && b.effective_on !== null && b.effective_on > day;
  const rank = (b: BaaRow): number => (baaActive(b, day) ? 0 : pending(b) ? 1 : b.status === 'draft' ? 2 : b.status === 'signed' ? 3 : 4);
  const best = [...rows].sort((a, b) => rank(a) - rank(b) || (b.effective_on ?? '').localeCompare(a.effective_on ?? ''))[0];
  if (!best) return { state: 'missing', baaId: null, effectiveOn: null, endsOn: null, daysLeft: null, breachNoticeDays: null };
  const ending = best.ends_on !== null && best.ends_on <= addDays(day, EXPIRING_WITHIN_DAYS) && !renewed(best, rows);
  const state = baaActive(best, day) ? (ending ? 'expiring' : 'active') : pending(best) ? 'pending' : best.status === 'draft' ? 'draft' : best.status === 'signed' ? 'expired' : 'terminated';
  const daysLeft = baaActive(best, day) && best.ends_on !== null ? daysUntil(best.ends_on, day) : null;
  return { state, baaId: best.id, effectiveOn: best.effective_on, endsOn: best.ends_on, daysLeft, breachNoticeDays: Number(best.breach_notice_days) };
}

const GAP_FIRST: Record<ChainEntry['state'], number> = { missing: 0, expired: 1, terminated: 2, draft: 3, pending: 4, expiring: 5, active: 6 };

/** Every active client and every PHI-handling vendor with its BAA state (a client's on its own calendar), gaps first. */
export async function baaChain(ctx: ActorContext): Promise<ChainEntry[]> {
  assertCan(ctx, 'read', 'ComplianceRecord');
  const day = today();
  const [clients, vendors, baas] = await Promise.all([
    ctx.db.selectFrom('clients').select(['id', 'name', 'time_zone']).where('status', '=', 'active').execute(),
    ctx.db.selectFrom('vendors').selectAll().where('status', '=', 'active').where('handles_phi', '=', 1).orderBy('name').execute(),
    ctx.db.selectFrom('baas').selectAll().execute(),
  ]);
  const reachOf = await vendorReach(ctx.db, vendors);
  const clientName = new Map(clients.map((c) => [c.id, c.name]));
  const servedBy = (clientId: string) => vendors.filter((v) => reachOf(v)?.includes(clientId) ?? true).map((v) => v.name);
  const entries: ChainEntry[] = [
    ...clients.map((c) => ({ party: { type: 'client' as const, id: c.id, name: c.name }, services: [], handlesPhi: true, reach: servedBy(c.id), ...chainState(baas.filter((b) => b.client_id === c.id), todayIn(c.time_zone)) })),
    ...vendors.map((v) => ({
      party: { type: 'vendor' as const, id: v.id, name: v.name },
      services: JSON.parse(v.services) as VendorService[],
      handlesPhi: true,
      reach: reachOf(v)?.flatMap((id) => clientName.get(id) ?? []) ?? null,
      ...chainState(baas.filter((b) => b.vendor_id === v.id), day),
    })),
  ];
  return entries.sort((a, b) => GAP_FIRST[a.state] - GAP_FIRST[b.state] || a.party.name.localeCompare(b.party.name));
}

/** A CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The chain entry's reach in words: "all clients", or the names (semicolons: names may hold commas). */
export function reachText(e: ChainEntry): string {
  if (e.reach === null) return 'all clients';
  return e.reach.join('; ');
}

export function baaChainCsv(entries: ChainEntry[]): string {
  const header = ['party_type', 'party', 'services', 'state', 'effective_on', 'ends_on', 'breach_notice_days', 'phi_shared_with'];
  const lines = entries.map((e) => [e.party.type, e.party.name, e.services.join(' '), e.state, e.effectiveOn, e.endsOn, e.breachNoticeDays, reachText(e)].map(csvCell).join(','));
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

export interface CourseView {
  id: string;
  key: string;
  name: string;
  validityMonths: number;
  required: boolean;
}

export async function listCourses(ctx: ActorContext): Promise<CourseView[]> {
  const rows = await ctx.db.selectFrom('courses').selectAll().orderBy('created_at').orderBy('key').execute();
  return rows.map((c) => ({ id: c.id, key: c.key, name: c.name, validityMonths: Number(c.validity_months), required: Number(c.required) === 1 }));
}

/** Where a person stands in every course: whether PHI is open to them, and what to complete. */
export async function trainingStatus(ctx: ActorContext, userId: string): Promise<{ userId: string; phiAccess: boolean; courses: CourseStanding[] }> {
  if (userId !== actorUserId(ctx)) assertCan(ctx, 'read', 'ComplianceRecord');
  const user = await ctx.db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
  if (!user) throw notFound('Person');
  const courses = await trainingStanding(ctx.db, userId);
  return { userId, phiAccess: lackingCourses(courses).length === 0, courses };
}

/** Every active person's training at a glance: who has PHI access, who lacks what. */
export async function trainingOverview(ctx: ActorContext): Promise<{ userId: string; displayName: string; phiAccess: boolean; lacking: string[]; nextExpiry: string | null }[]> {
  assertCan(ctx, 'read', 'ComplianceRecord');
  const people = await ctx.db.selectFrom('users').select(['id', 'display_name']).where('status', '=', 'active').orderBy('display_name').execute();
  const standingOf = await trainingStandingOfAll(ctx.db);
  const out = [];
  for (const person of people) {
    const courses = standingOf(person.id);
    const lacking = lackingCourses(courses).map((c) => c.name);
    const expiries = courses.filter((c) => c.required && c.state === 'current').map((c) => c.expiresOn!).sort();
    out.push({ userId: person.id, displayName: person.display_name, phiAccess: lacking.length === 0, lacking, nextExpiry: expiries[0] ?? null });
  }
  return out;
}

export interface CompletionInput {
  userId: string;
  courseId: string;
  completedOn: string;
  evidence: string;
}

/** Records that a person completed a course; refuses dates in the future. */
export async function recordCompletion(ctx: ActorContext, input: CompletionInput): Promise<{ id: string }> {
  assertCan(ctx, 'create', 'ComplianceRecord');
  assertCalendarDay('completedOn', input.completedOn);
  if (input.completedOn > today()) throw invalidField('completedOn', 'must not be in the future');
  const evidence = input.evidence.trim();
  if (!evidence) throw invalidField('evidence', 'must not be empty: the attestation or the certificate');
  const id = randomUUID();
  await inTransaction(ctx, async (tx) => {
    const user = await tx.db.selectFrom('users').select('id').where('id', '=', input.userId).executeTakeFirst();
    if (!user) throw new AppError('not_found', 'Person not found', { field: 'userId' });
    const course = await tx.db.selectFrom('courses').select(['id', 'key']).where('id', '=', input.courseId).executeTakeFirst();
    if (!course) throw new AppError('not_found', 'Course not found', { field: 'courseId' });
    await tx.db
      .insertInto('training_completions', { id, user_id: input.userId, course_id: input.courseId, completed_on: input.completedOn, evidence, recorded_by: actorUserId(tx), created_at: new Date().toISOString() })
      .execute();
    await audit(tx, { action: 'training.completed', resourceType: 'User', resourceId: input.userId, details: { course: course.key, completedOn: input.completedOn } });
  });
  return { id };
}
