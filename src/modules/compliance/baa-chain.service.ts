/**
 * The BAA chain: every active client and every PHI-handling vendor with the state of its
 * agreement, gaps first, as the compliance officer reports it (JSON, CSV, PDF).
 */
import { assertCan } from '../../platform/authz/guard.ts';
import { baaActive, renewed } from './phi-rules.ts';
import { addDays, daysUntil, today, todayIn } from '../../platform/calendar.ts';
import type { ActorContext } from '../../platform/context.ts';
import type { BaaRow, VendorService } from './compliance.tables.ts';
import type { ChainEntry } from './compliance.schemas.ts';
import { csvCell } from '../../platform/http/csv.ts';
import { vendorReach } from './vendors.service.ts';

/** Days before its end at which an active BAA counts as expiring. */
export const EXPIRING_WITHIN_DAYS = 60;

/** The state of one party's agreements: the best of them wins (an active one over one signed for later, over a draft). */
function chainState(rows: BaaRow[], day: string): Pick<ChainEntry, 'state' | 'baaId' | 'effectiveOn' | 'endsOn' | 'daysLeft' | 'breachNoticeDays' | 'breachNoticeUnit'> {
  const pending = (b: BaaRow) => b.status === 'signed' && b.effective_on !== null && b.effective_on > day;
  const rank = (b: BaaRow): number => (baaActive(b, day) ? 0 : pending(b) ? 1 : b.status === 'draft' ? 2 : b.status === 'signed' ? 3 : 4);
  const best = [...rows].sort((a, b) => rank(a) - rank(b) || (b.effective_on ?? '').localeCompare(a.effective_on ?? ''))[0];
  if (!best) return { state: 'missing', baaId: null, effectiveOn: null, endsOn: null, daysLeft: null, breachNoticeDays: null, breachNoticeUnit: null };
  const ending = best.ends_on !== null && best.ends_on <= addDays(day, EXPIRING_WITHIN_DAYS) && !renewed(best, rows);
  const state = baaActive(best, day) ? (ending ? 'expiring' : 'active') : pending(best) ? 'pending' : best.status === 'draft' ? 'draft' : best.status === 'signed' ? 'expired' : 'terminated';
  const daysLeft = baaActive(best, day) && best.ends_on !== null ? daysUntil(best.ends_on, day) : null;
  return { state, baaId: best.id, effectiveOn: best.effective_on, endsOn: best.ends_on, daysLeft, breachNoticeDays: Number(best.breach_notice_days), breachNoticeUnit: best.breach_notice_unit };
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

/** The chain entry's reach in words: "all clients", or the names (semicolons: names may hold commas). */
export function reachText(e: ChainEntry): string {
  if (e.reach === null) return 'all clients';
  return e.reach.join('; ');
}

/** A notice window in words: "30 days", "10 business days", "24 hours". */
export function noticeWindowText(e: Pick<ChainEntry, 'breachNoticeDays' | 'breachNoticeUnit'>): string {
  if (e.breachNoticeDays === null) return '';
  return `${e.breachNoticeDays} ${{ calendar_days: 'days', business_days: 'business days', hours: 'hours' }[e.breachNoticeUnit ?? 'calendar_days']}`;
}

/** The chain as CSV, one party a line (CRLF, as spreadsheets expect). */
export function baaChainCsv(entries: ChainEntry[]): string {
  const header = ['party_type', 'party', 'services', 'state', 'effective_on', 'ends_on', 'breach_notice_days', 'breach_notice_unit', 'phi_shared_with'];
  const lines = entries.map((e) => [e.party.type, e.party.name, e.services.join(' '), e.state, e.effectiveOn, e.endsOn, e.breachNoticeDays, e.breachNoticeUnit, reachText(e)].map(csvCell).join(','));
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
