import { buildAbility } from './authz/ability.ts';
import { BUILTIN_ROLES } from './authz/builtin-roles.ts';
import type { ActorContext } from './context.ts';
import type { KeyRing } from './crypto/keyring.ts';
import type { RingfenceDatabase } from './db/database.ts';
import { tenantDb } from './db/tenant-db.ts';
import { DISCARD_EVENTS, type EventSink } from './events/domain-events.ts';

/**
 * An actor context for the system itself: the operator at the server's command line
 * (`ringfence user add`), or a platform service such as push assignment, named by `label` in
 * the audit trail. A built-in role's grants (administrator by default) over one organization
 * and all its clients. Whoever runs it already holds the database and the master key; only
 * the CLI (and its demo seeding) and background services call this, never a request.
 *
 * Its key ring is ungated (the system holds the master key already). Its events go to
 * `events`: the app's bus for a background service; dropped by default, for the command line,
 * where nothing in the process listens.
 */
export function unsafeSystemContext(
  database: RingfenceDatabase,
  keyring: KeyRing,
  orgId: string,
  roleKey = 'admin',
  label = 'Ringfence command line',
  events: EventSink = DISCARD_EVENTS,
): ActorContext {
  const role = BUILTIN_ROLES.find((r) => r.key === roleKey);
  if (!role) throw new Error(`No built-in role ${roleKey}`);
  return {
    orgId,
    actor: { type: 'system', label },
    ability: buildAbility(
      role.grants.map((g) => ({ ...g, clientIds: 'all' as const })),
      null,
    ),
    db: tenantDb(database.unsafeKysely, database.engine, orgId),
    keyring,
    source: { actorType: 'system', actorId: null, ip: null, requestId: null },
    events,
  };
}
