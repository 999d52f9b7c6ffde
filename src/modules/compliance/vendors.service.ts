/**
 * Vendors (subcontractors): what each does, whether PHI passes through it, and whose. Their
 * agreements are in baas.service.ts; whether one may carry PHI is decided in phi-rules.ts.
 */
import { randomUUID } from 'node:crypto';
import { assertCan } from '../../platform/authz/guard.ts';
import { audit, inTransaction, type ActorContext } from '../../platform/context.ts';
import type { TenantDb } from '../../platform/db/tenant-db.ts';
import type { VendorRow, VendorService } from './compliance.tables.ts';
import type { VendorInput, VendorView } from './compliance.schemas.ts';
import { AppError, invalidField, notFound } from '../../platform/http/errors.ts';

/** Which clients' PHI each vendor touches: vendor id → client ids, null meaning every client (the BAA chain names them too). */
export async function vendorReach(tenant: TenantDb, vendors: VendorRow[]): Promise<(v: VendorRow) => string[] | null> {
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

/** Every vendor, by name, with the clients it serves. */
export async function listVendors(ctx: ActorContext): Promise<VendorView[]> {
  assertCan(ctx, 'read', 'ComplianceRecord');
  return presentVendors(ctx.db, await ctx.db.selectFrom('vendors').selectAll().orderBy('name').execute());
}

/** The vendor row, or not found. */
export async function findVendor(ctx: ActorContext, id: string): Promise<VendorRow> {
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
  if (found.length !== unique.length) throw new AppError('not_found', 'Client not found.', { field: 'clientIds' });
  await tx.db.insertInto('vendor_clients', unique.map((client_id) => ({ vendor_id: vendorId, client_id }))).execute();
}

/** Adds a vendor; names are unique in the organization. */
export async function createVendor(ctx: ActorContext, input: Required<Pick<VendorInput, 'name' | 'services' | 'handlesPhi'>> & VendorInput): Promise<VendorView> {
  assertCan(ctx, 'create', 'ComplianceRecord');
  const name = input.name.trim();
  if (!name) throw invalidField('name', 'must not be empty');
  const id = randomUUID();
  const now = new Date().toISOString();
  await inTransaction(ctx, async (tx) => {
    const taken = await tx.db.selectFrom('vendors').select('id').where('name', '=', name).executeTakeFirst();
    if (taken) throw new AppError('conflict', 'A vendor with this name already exists.', { field: 'name' });
    await tx.db
      .insertInto('vendors', { id, name, services: JSON.stringify([...new Set(input.services)]), handles_phi: input.handlesPhi ? 1 : 0, status: input.status ?? 'active', notes: input.notes?.trim() || null, created_at: now, updated_at: now })
      .execute();
    await setVendorReach(tx, id, input.clientIds ?? null);
    await audit(tx, { action: 'vendor.created', resourceType: 'Vendor', resourceId: id, details: { name, handlesPhi: input.handlesPhi } });
  });
  return getVendor(ctx, id);
}

/** Changes the fields given; the audit event names which. */
export async function updateVendor(ctx: ActorContext, id: string, input: VendorInput): Promise<VendorView> {
  assertCan(ctx, 'update', 'ComplianceRecord');
  await inTransaction(ctx, async (tx) => {
    const row = await findVendor(tx, id);
    const set: Partial<VendorRow> = {};
    if (input.name !== undefined) {
      const name = input.name.trim();
      if (!name) throw invalidField('name', 'must not be empty');
      const taken = await tx.db.selectFrom('vendors').select('id').where('name', '=', name).where('id', '!=', id).executeTakeFirst();
      if (taken) throw new AppError('conflict', 'A vendor with this name already exists.', { field: 'name' });
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

/** A vendor as another module names it: for choosing a channel's vendor and showing which one it is. */
export type VendorSummary = Pick<VendorView, 'id' | 'name' | 'services' | 'handlesPhi' | 'status'>;

/**
 * The organization's vendors, names and services only, for the modules that send through
 * one (a notification channel's relay). Not a compliance record read: no BAA, notes or reach,
 * so an administrator setting up a channel may see them without the compliance role.
 */
export async function vendorSummaries(tenant: TenantDb, ids?: readonly string[]): Promise<VendorSummary[]> {
  if (ids && ids.length === 0) return [];
  let q = tenant.selectFrom('vendors').select(['id', 'name', 'services', 'handles_phi', 'status']).orderBy('name');
  if (ids) q = q.where('id', 'in', [...ids]);
  return (await q.execute()).map((v) => ({ id: v.id, name: v.name, services: JSON.parse(v.services) as VendorService[], handlesPhi: Number(v.handles_phi) === 1, status: v.status }));
}
