/**
 * What the platform asks of modules, as interfaces the modules implement and `buildApp` hands
 * in: the platform never queries a module's tables (docs/architecture.md, "Table ownership").
 */
import type { TenantDb } from './db/tenant-db.ts';

/** What the platform needs to know about a client: the clients module answers. */
export interface ClientSettings {
  id: string;
  name: string;
  status: 'active' | 'inactive';
  timeZone: string;
  /** The client's callback policy as stored (JSON), null for the defaults. */
  callbackPolicy: string | null;
  phiGuardMode: 'refuse' | 'redact';
}

export interface ClientDirectory {
  /** One client of the tenant, or null when the tenant has none with this id. */
  settings(tenant: TenantDb, clientId: string): Promise<ClientSettings | null>;
  /** Every client of the tenant (ids and names, by name). */
  list(tenant: TenantDb): Promise<{ id: string; name: string; timeZone: string }[]>;
}
