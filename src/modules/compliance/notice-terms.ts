/**
 * What each client's BAA asks of an incident notice, for the incidents module: the window
 * (length and unit) and what triggers it, from the agreement in effect on the day of discovery
 * (the client's day), or the latest signed one. A client with no signed agreement is held to
 * the law alone: sixty calendar days, for a breach.
 */
import type { TenantDb } from '../../platform/db/tenant-db.ts';
import { todayIn } from '../../platform/calendar.ts';
import { baaActive } from './phi-rules.ts';
import type { BaaRow, NoticeTrigger, NoticeUnit, VendorRow } from './compliance.tables.ts';
import { vendorReach } from './vendors.service.ts';

export interface ClientNoticeTerms {
  clientId: string;
  clientName: string;
  timeZone: string;
  /** The agreement the terms come from; null when the client has no signed one. */
  baaId: string | null;
  window: number;
  unit: NoticeUnit;
  trigger: NoticeTrigger;
}

/** The notice terms of each client named, judged on the client's calendar at `discoveredAt`; unknown clients are left out. */
export async function clientNoticeTerms(tenant: TenantDb, clientIds: readonly string[], discoveredAt: string): Promise<Map<string, ClientNoticeTerms>> {
  if (clientIds.length === 0) return new Map();
  const [clients, baas] = await Promise.all([
    tenant.selectFrom('clients').select(['id', 'name', 'time_zone']).where('id', 'in', [...clientIds]).execute(),
    tenant.selectFrom('baas').selectAll().where('client_id', 'in', [...clientIds]).where('status', 'in', ['signed', 'terminated']).execute(),
  ]);
  const out = new Map<string, ClientNoticeTerms>();
  for (const c of clients) {
    const day = todayIn(c.time_zone, new Date(discoveredAt));
    const own = baas.filter((b) => b.client_id === c.id);
    const inEffect = (b: BaaRow) => baaActive({ ...b, status: 'signed' }, day);
    // In effect on the day of discovery (terminated since, its terms still bind what happened under it), else the latest signed.
    const best = own.find(inEffect) ?? own.filter((b) => b.status === 'signed').sort((a, b) => (b.effective_on ?? '').localeCompare(a.effective_on ?? ''))[0];
    out.set(c.id, {
      clientId: c.id,
      clientName: c.name,
      timeZone: c.time_zone,
      baaId: best?.id ?? null,
      window: best ? Number(best.breach_notice_days) : 60,
      unit: best?.breach_notice_unit ?? 'calendar_days',
      trigger: best?.breach_notice_trigger ?? 'breach',
    });
  }
  return out;
}

/** The active clients whose PHI a vendor handles (every active client, for a vendor that serves all); null when the vendor is unknown. */
export async function vendorClientIds(tenant: TenantDb, vendorId: string): Promise<{ vendor: Pick<VendorRow, 'id' | 'name' | 'handles_phi'>; clientIds: string[] } | null> {
  const vendor = await tenant.selectFrom('vendors').selectAll().where('id', '=', vendorId).executeTakeFirst();
  if (!vendor) return null;
  const reach = (await vendorReach(tenant, [vendor]))(vendor);
  const handlesPhi = Number(vendor.handles_phi) === 1;
  const active = await tenant.selectFrom('clients').select('id').where('status', '=', 'active').orderBy('name').execute();
  const clientIds = handlesPhi ? active.map((c) => c.id).filter((id) => reach === null || reach.includes(id)) : [];
  return { vendor: { id: vendor.id, name: vendor.name, handles_phi: vendor.handles_phi }, clientIds };
}
