import { buildAbility } from './authz/ability.ts';
import { BUILTIN_ROLES } from './authz/builtin-roles.ts';
import type { ActorContext } from './context.ts';
import type { KeyRing } from './crypto/keyring.ts';
import type { RingfenceDatabase } from './db/database.ts';
import { tenantDb } from './db/tenant-db.ts';

/**
 * An actor context for the operator at the server's command line (`ringfence user add`):
 * a built-in role's grants (administrator by default) over one organization and all its
 * clients, audited as the system. Whoever runs the CLI already holds the database and the
 * master key; only the CLI (and its demo seeding) calls this.
 */
export function unsafeSystemContext(database: RingfenceDatabase, keyring: KeyRing, orgId: string, roleKey = 'admin'): ActorContext {
  const role = BUILTIN_ROLES.find((r) => r.key === roleKey);
  if (!role) throw new Error(`No built-in role ${roleKey}`);
  return {
    orgId,
    actor: { type: 'system', label: 'Ringfence command line' },
    ability: buildAbility(
      role.grants.map((g) => ({ ...g, clientIds: 'all' as const })),
      null,
    ),
    db: tenantDb(database.unsafeKysely, database.engine, orgId),
    keyring,
    source: { actorType: 'system', actorId: null, ip: null, requestId: null },
  };
}
