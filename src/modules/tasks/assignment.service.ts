/**
 * Push assignment. Besides pull ("next callback"), a queue can hand its work out: each
 * workable callback of a push queue goes to the agent on duty for its client who was handed
 * one longest ago (round-robin), among those who can work it (the same rule as "Assign to":
 * a role for the client, current training, the client's BAA in effect), and only while that
 * agent holds fewer claimed callbacks of the client's policy capacity. A pushed callback not
 * acted on within the client's claim timeout goes to the next agent, or back to its queue.
 *
 * Pushing runs after any task change (a subscriber of `task.changed` on the app's events), after duty or queue changes, and
 * on a short sweep for claims that lapse and retries that come due. Several app instances may
 * push at once: each assignment locks the agent's duty row (PostgreSQL) or holds SQLite's
 * single writer while it counts the agent's claims, and changes the task only if it is still
 * as read, so no callback goes to two agents and no agent exceeds the capacity.
 */
import { assertCan, rowScope } from '../../platform/authz/guard.ts';
import { actorUserId, audit, inTransaction, publish, type ActorContext } from '../../platform/context.ts';
import type { KeyRing } from '../../platform/crypto/keyring.ts';
import type { RingfenceDatabase } from '../../platform/db/database.ts';
import type { TaskRow } from './tasks.tables.ts';
import type { DomainEventBus, EventSink } from '../../platform/events/domain-events.ts';
import { AppError } from '../../platform/http/errors.ts';
import { unsafeSystemContext } from '../../platform/system-context.ts';
import { parsePolicy } from './policy.ts';
import { clientsWithoutActiveBaa, trainingStandingOfAll } from '../compliance/index.ts';
import { eligiblePeople } from './supervision.service.ts';
import { presentTask } from './task-view.ts';
import type { AgentAtWork, Duty } from './tasks.schemas.ts';

/** How many workable callbacks one push pass looks at, most urgent first. */
const PASS_LIMIT = 500;

/** Whether the signed-in person takes pushed callbacks. */
export async function getDuty(ctx: ActorContext): Promise<Duty> {
  assertCan(ctx, 'update', 'Task');
  const me = actorUserId(ctx);
  if (!me) throw new AppError('forbidden', 'Only a person goes on duty.');
  const row = await ctx.db.selectFrom('agent_duty').select('on_duty').where('user_id', '=', me).executeTakeFirst();
  return { onDuty: Number(row?.on_duty ?? 0) === 1 };
}

/** Goes on or off duty: on duty, push queues of the person's clients hand them callbacks. */
export async function setDuty(ctx: ActorContext, onDuty: boolean): Promise<Duty> {
  assertCan(ctx, 'update', 'Task');
  const me = actorUserId(ctx);
  if (!me) throw new AppError('forbidden', 'Only a person goes on duty.');
  const now = new Date().toISOString();
  await inTransaction(ctx, async (tx) => {
    const row = await tx.db.selectFrom('agent_duty').select('on_duty').where('user_id', '=', me).executeTakeFirst();
    if (row && Number(row.on_duty) === (onDuty ? 1 : 0)) return;
    if (row) await tx.db.updateTable('agent_duty').set({ on_duty: onDuty ? 1 : 0, changed_at: now }).where('user_id', '=', me).execute();
    else await tx.db.insertInto('agent_duty', { user_id: me, on_duty: onDuty ? 1 : 0, changed_at: now, last_assigned_at: null }).execute();
    await audit(tx, { action: 'duty.changed', resourceType: 'User', resourceId: me, details: { onDuty } });
  });
  return { onDuty };
}

/** Who is working what, for the board: each person on duty or holding callbacks of the supervisor's clients. */
export async function agentsAtWork(ctx: ActorContext): Promise<AgentAtWork[]> {
  assertCan(ctx, 'manage', 'Task');
  const [holding, duty] = await Promise.all([
    ctx.db
      .selectFrom('tasks')
      .select(['tasks.assignee_id', (eb) => eb.fn.countAll<number>().as('claimed'), (eb) => eb.fn.min('tasks.claimed_at').as('oldest')])
      .where(rowScope(ctx, 'manage', 'Task', { clientId: 'tasks.client_id' }))
      .where('tasks.status', '=', 'claimed')
      .where('tasks.assignee_id', 'is not', null)
      .groupBy('tasks.assignee_id')
      .execute(),
    // On duty, and working at least one of the supervisor's clients (or every client): a
    // supervisor sees the people of their own clients only.
    ctx.db
      .selectFrom('agent_duty')
      .select('agent_duty.user_id')
      .where('agent_duty.on_duty', '=', 1)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('role_assignments')
            .innerJoin('role_permissions', (j) => j.onRef('role_permissions.role_id', '=', 'role_assignments.role_id').onRef('role_permissions.org_id', '=', 'role_assignments.org_id'))
            .select('role_assignments.user_id')
            .whereRef('role_assignments.user_id', '=', 'agent_duty.user_id')
            .whereRef('role_assignments.org_id', '=', 'agent_duty.org_id')
            .where('role_permissions.subject', '=', 'Task')
            .where('role_permissions.action', 'in', ['update', 'manage'])
            .where((inner) => inner.or([inner('role_assignments.client_id', 'is', null), rowScope(ctx, 'manage', 'Task', { clientId: 'role_assignments.client_id' })(inner)])),
        ),
      )
      .execute(),
  ]);
  const onDuty = new Set(duty.map((d) => d.user_id));
  const ids = [...new Set([...holding.map((h) => h.assignee_id!), ...onDuty])];
  if (ids.length === 0) return [];
  const names = new Map((await ctx.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute()).map((u) => [u.id, u.display_name]));
  const byId = new Map(holding.map((h) => [h.assignee_id!, h]));
  return ids
    .filter((id) => names.has(id))
    .map((id) => {
      const h = byId.get(id);
      return { userId: id, displayName: names.get(id)!, onDuty: onDuty.has(id), claimed: Number(h?.claimed ?? 0), oldestClaimedAt: h?.oldest ? new Date(h.oldest as string).toISOString() : null };
    })
    .sort((a, b) => b.claimed - a.claimed || a.displayName.localeCompare(b.displayName));
}

/**
 * One push pass over an organization: hands out every workable callback of its push queues
 * that an agent on duty can take, announcing each hand-out to `events`. Returns how many were
 * handed out.
 */
export async function pushOrganization(database: RingfenceDatabase, keyring: KeyRing, orgId: string, now = new Date(), events?: EventSink): Promise<number> {
  const ctx = unsafeSystemContext(database, keyring, orgId, 'supervisor', 'Ringfence push assignment', events);
  const pushQueues = (await ctx.db.selectFrom('queues').select('id').where('assignment_mode', '=', 'push').where('status', '=', 'active').execute()).map((q) => q.id);
  if (pushQueues.length === 0) return 0;
  const nowIso = now.toISOString();
  const waiting = await ctx.db
    .selectFrom('tasks')
    .selectAll('tasks')
    .where('queue_id', 'in', pushQueues)
    .where('status', 'in', ['open', 'waiting', 'claimed'])
    .where('ready_at', '<=', nowIso)
    .orderBy('priority_rank')
    .orderBy('due_at')
    .orderBy('id')
    .limit(PASS_LIMIT)
    .execute();
  if (waiting.length === 0) return 0;

  // The gate's records, once per pass rather than once per client.
  const gate = { closed: await clientsWithoutActiveBaa(ctx.db), standingOf: await trainingStandingOfAll(ctx.db) };
  const onDuty = new Map((await ctx.db.selectFrom('agent_duty').select(['user_id', 'last_assigned_at']).where('on_duty', '=', 1).execute()).map((d) => [d.user_id, d.last_assigned_at ? Date.parse(String(d.last_assigned_at)) : 0]));
  const perClient = new Map<string, { agents: string[]; capacity: number; timeoutMinutes: number }>();
  let handed = 0;
  for (const task of waiting) {
    let client = perClient.get(task.client_id);
    if (!client) {
      const row = await ctx.db.selectFrom('clients').select(['callback_policy', 'status']).where('id', '=', task.client_id).executeTakeFirst();
      const policy = parsePolicy(row?.callback_policy ?? null);
      const agents = row?.status === 'active' ? (await eligiblePeople(ctx, task.client_id, gate)).map((p) => p.id).filter((id) => onDuty.has(id)) : [];
      client = { agents, capacity: policy.agentCapacity, timeoutMinutes: policy.claimTimeoutMinutes };
      perClient.set(task.client_id, client);
    }
    // Round-robin: whoever was handed a callback longest ago goes first.
    const order = client.agents.filter((id) => id !== task.assignee_id).sort((a, b) => onDuty.get(a)! - onDuty.get(b)! || a.localeCompare(b));
    let given = false;
    for (const agent of order) {
      const result = await tryAssign(ctx, task, agent, client.capacity, client.timeoutMinutes, nowIso);
      if (result === 'changed') break;
      if (result === 'assigned') {
        onDuty.set(agent, now.getTime() + handed);
        handed += 1;
        given = true;
        break;
      }
    }
    // A lapsed push with nobody to take it over goes back to its queue for anyone to pull.
    if (!given && task.status === 'claimed') await release(ctx, task, nowIso);
  }
  return handed;
}

async function tryAssign(ctx: ActorContext, task: TaskRow, agent: string, capacity: number, timeoutMinutes: number, now: string): Promise<'assigned' | 'full' | 'changed'> {
  const outcome = await inTransaction(ctx, async (tx) => {
    // Holding the agent's duty row serializes assignments to one agent across app instances.
    let duty = tx.db.selectFrom('agent_duty').select('on_duty').where('user_id', '=', agent);
    if (tx.db.engine === 'postgres') duty = duty.forUpdate();
    const row = await duty.executeTakeFirst();
    if (!row || Number(row.on_duty) !== 1) return 'full' as const;
    const held = await tx.db.selectFrom('tasks').select((eb) => eb.fn.countAll<number>().as('n')).where('assignee_id', '=', agent).where('status', '=', 'claimed').executeTakeFirst();
    if (Number(held?.n ?? 0) >= capacity) return 'full' as const;
    const updated = await tx.db
      .updateTable('tasks')
      .set({ status: 'claimed', assignee_id: agent, claimed_at: now, ready_at: new Date(Date.parse(now) + timeoutMinutes * 60_000).toISOString(), updated_at: now })
      .where('id', '=', task.id)
      .where('status', '=', task.status)
      .where('updated_at', '=', task.updated_at)
      .returningAll()
      .executeTakeFirst();
    if (!updated) return 'changed' as const;
    await tx.db.updateTable('agent_duty').set({ last_assigned_at: now }).where('user_id', '=', agent).execute();
    await audit(tx, { action: 'task.assigned', resourceType: 'Task', resourceId: task.id, clientId: task.client_id, patientRef: task.patient_ref, details: { assigneeId: agent, via: 'push' } });
    return updated;
  });
  if (typeof outcome === 'string') return outcome;
  announce(ctx, outcome);
  return 'assigned';
}

async function release(ctx: ActorContext, task: TaskRow, now: string): Promise<void> {
  const released = await inTransaction(ctx, async (tx) => {
    const updated = await tx.db
      .updateTable('tasks')
      .set({ status: task.attempt_count ? 'waiting' : 'open', assignee_id: null, claimed_at: null, updated_at: now })
      .where('id', '=', task.id)
      .where('status', '=', 'claimed')
      .where('updated_at', '=', task.updated_at)
      .returningAll()
      .executeTakeFirst();
    if (updated) await audit(tx, { action: 'task.assigned', resourceType: 'Task', resourceId: task.id, clientId: task.client_id, patientRef: task.patient_ref, details: { assigneeId: null, via: 'push' } });
    return updated;
  });
  if (released) announce(ctx, released);
}

function announce(ctx: ActorContext, row: TaskRow): void {
  const task = presentTask(row);
  publish(ctx, 'task.changed', { orgId: ctx.orgId, clientId: task.clientId, queueId: task.queueId, taskId: task.id, status: task.status, action: 'task.assigned' });
}

/**
 * Runs push passes for one app: after task changes (a subscriber of `task.changed`, coalesced
 * per organization), when asked (duty and queue changes), and every `sweepMs` for every
 * organization with a push queue. Its hand-outs are published on the same bus.
 */
export function startPushAssignment(
  database: RingfenceDatabase,
  keyring: KeyRing,
  events: DomainEventBus,
  onError: (err: unknown) => void,
  sweepMs = 30_000,
): { nudge(orgId: string): void; stop(): Promise<void> } {
  const pending = new Set<string>();
  const running = new Map<string, Promise<void>>();
  let stopped = false;
  const run = (orgId: string) => {
    if (stopped || pending.has(orgId)) return;
    pending.add(orgId);
    const previous = running.get(orgId) ?? Promise.resolve();
    const next = previous
      .then(() => {
        pending.delete(orgId);
        return stopped ? 0 : pushOrganization(database, keyring, orgId, new Date(), events);
      })
      .then(
        () => undefined,
        (err: unknown) => onError(err),
      )
      .finally(() => {
        if (running.get(orgId) === next) running.delete(orgId);
      });
    running.set(orgId, next);
  };
  // Its own assignments announce changes too: those passes find nothing more to do.
  const unsubscribe = events.subscribe('task.changed', (change) => {
    if (change.action !== 'task.assigned') setImmediate(() => run(change.orgId));
  });
  const sweep = setInterval(() => {
    // Which organizations push at all: the one query across organizations, ids only.
    void database.unsafeKysely
      .selectFrom('queues')
      .select('org_id')
      .distinct()
      .where('assignment_mode', '=', 'push')
      .execute()
      .then((rows) => {
        for (const row of rows) run(row.org_id);
      }, onError);
  }, sweepMs);
  sweep.unref();
  return {
    nudge: run,
    async stop() {
      stopped = true;
      unsubscribe();
      clearInterval(sweep);
      await Promise.all(running.values());
    },
  };
}
