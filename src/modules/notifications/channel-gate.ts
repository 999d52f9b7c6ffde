/**
 * Which channels may carry a client's pages today: enabled, and through a vendor the gate lets
 * carry that client's messages. What a schedule's gap check and a page's choice of contact
 * point ask before anything is sent (every send still runs the gate itself).
 */
import { AppError } from '../../platform/http/errors.ts';
import type { TenantDb } from '../../platform/db/tenant-db.ts';
import { assertVendorMayCarryPhi } from '../compliance/index.ts';
import type { ChannelKind } from './notifications.tables.ts';

export async function usableChannelKinds(tenant: TenantDb, clientId: string | null): Promise<Set<ChannelKind>> {
  const rows = await tenant.selectFrom('notification_channels').select(['kind', 'vendor_id']).where('status', '=', 'enabled').execute();
  const out = new Set<ChannelKind>();
  for (const row of rows) {
    try {
      await assertVendorMayCarryPhi(tenant, row.vendor_id, clientId ? { clientId } : {});
      out.add(row.kind);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
    }
  }
  return out;
}
