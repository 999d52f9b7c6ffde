/** A client's on-call providers with how each can be reached, and the client's on-call settings. */
import { actorUserId, audit, inTransaction, type ActorContext } from '../../platform/context.ts';
import { invalidField } from '../../platform/http/errors.ts';
import { clientSettings } from '../clients/index.ts';
import { usableChannelKinds } from '../notifications/index.ts';
import { activeUserIds, staffNames } from '../users/index.ts';
import { assertOnCall, clientNotFound } from './access.ts';
import { providerIds, settingsOf } from './schedules.service.ts';
import type { OnCallSettings } from './settings.ts';
import type { ContactKind } from './oncall.tables.ts';

export interface ProviderView {
  id: string;
  name: string;
  contactPoints: { id: string; kind: ContactKind; address: string; verified: boolean; usable: boolean }[];
  reachable: boolean;
}

async function assertClientExists(ctx: ActorContext, clientId: string): Promise<void> {
  if (!(await clientSettings(ctx.db, clientId))) throw clientNotFound();
}

/** The client's providers, each with their contact points and whether a page can reach them today. */
export async function clientProviders(ctx: ActorContext, clientId: string): Promise<ProviderView[]> {
  assertOnCall(ctx, 'read', clientId);
  await assertClientExists(ctx, clientId);
  const ids = await providerIds(ctx.db, clientId);
  if (ids.length === 0) return [];
  const [names, kinds, points] = await Promise.all([
    staffNames(ctx, ids),
    usableChannelKinds(ctx.db, clientId),
    ctx.db.selectFrom('oncall_contact_points').select(['id', 'user_id', 'kind', 'address', 'verified_at']).where('user_id', 'in', ids).orderBy('position').execute(),
  ]);
  return ids
    .map((id) => {
      const contactPoints = points.filter((p) => p.user_id === id).map((p) => ({ id: p.id, kind: p.kind, address: p.address, verified: p.verified_at !== null, usable: p.verified_at !== null && kinds.has(p.kind) }));
      return { id, name: names.get(id) ?? '', contactPoints, reachable: contactPoints.some((p) => p.usable) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function getOnCallSettings(ctx: ActorContext, clientId: string): Promise<OnCallSettings> {
  assertOnCall(ctx, 'read', clientId);
  await assertClientExists(ctx, clientId);
  return settingsOf(ctx.db, clientId);
}

/** Saves a client's on-call settings; pages already sent keep the settings they were sent under. */
export async function saveOnCallSettings(ctx: ActorContext, clientId: string, settings: OnCallSettings): Promise<OnCallSettings> {
  assertOnCall(ctx, 'update', clientId);
  await assertClientExists(ctx, clientId);
  const active = new Set(await activeUserIds(ctx.db, settings.escalationUserIds));
  settings.escalationUserIds.forEach((id, i) => {
    if (!active.has(id)) throw invalidField(`escalationUserIds[${i}]`, 'is not an active person of this organization.');
  });
  if (settings.renotifyEverySeconds > settings.ackWindowSeconds.emergent && settings.renotifyTimes > 0)
    throw invalidField('renotifyEverySeconds', 'must be shorter than the acknowledgement window, or nobody is paged again before the next person.');
  await inTransaction(ctx, async (tx) => {
    const before = await settingsOf(tx.db, clientId);
    const changed = (Object.keys(settings) as (keyof OnCallSettings)[]).filter((k) => JSON.stringify(settings[k]) !== JSON.stringify(before[k]));
    if (changed.length === 0) return;
    const now = new Date().toISOString();
    const exists = await tx.db.selectFrom('oncall_settings').select('client_id').where('client_id', '=', clientId).executeTakeFirst();
    if (exists) await tx.db.updateTable('oncall_settings').set({ settings: JSON.stringify(settings), updated_by: actorUserId(tx), updated_at: now }).where('client_id', '=', clientId).execute();
    else await tx.db.insertInto('oncall_settings', { client_id: clientId, settings: JSON.stringify(settings), updated_by: actorUserId(tx), updated_at: now }).execute();
    await audit(tx, { action: 'oncall.settings_changed', resourceType: 'Client', resourceId: clientId, clientId, details: { changed } });
  });
  return settingsOf(ctx.db, clientId);
}
