/**
 * A client's callback activity over a span of time, as the facts reports are figured from:
 * timestamps, statuses and outcome codes, never a patient reference, a title or a note. The
 * tasks module owns the tasks and attempts tables; this is their door for reporting.
 */
import type { ActorContext } from '../../platform/context.ts';
import { BAD_NUMBER_OUTCOMES } from './attempt-outcomes.ts';

/** One callback received in the span: when it came, was due, closed, and how it went. */
export interface CallbackFacts {
  createdAt: string;
  dueAt: string;
  closedAt: string | null;
  status: string;
  resolution: string | null;
  attempts: number;
  firstAttemptAt: string | null;
  /** An attempt found the number wrong or disconnected (the callback escalates for a corrected number). */
  badNumber: boolean;
}

/** An agent's work in the span: an attempt they logged, or a callback they held when it completed. */
export interface AgentWork {
  agentId: string;
  taskId: string;
  kind: 'attempt' | 'completion';
  /** A completion: when the agent's last claim of the callback began (null when none is on record). */
  claimedAt: string | null;
  at: string;
}

const iso = (v: string | Date): string => new Date(v).toISOString();
const isoOrNull = (v: string | Date | null): string | null => (v === null ? null : iso(v));

/**
 * The callbacks a client received in [start, end) and the agents' work on the client's
 * callbacks in the same span (attempts logged, completions). Authorization is the caller's:
 * a report reader of this client. Reads go through the (org, client, time) indexes.
 */
export async function callbackActivity(ctx: ActorContext, clientId: string, span: { start: string; end: string }): Promise<{ callbacks: CallbackFacts[]; work: AgentWork[] }> {
  const received = await ctx.db
    .selectFrom('tasks')
    .select(['tasks.id', 'tasks.created_at', 'tasks.due_at', 'tasks.closed_at', 'tasks.status', 'tasks.resolution'])
    .where('tasks.client_id', '=', clientId)
    .where('tasks.created_at', '>=', span.start)
    .where('tasks.created_at', '<', span.end)
    .execute();
  const attempts = await ctx.db
    .selectFrom('task_attempts')
    .innerJoin('tasks', (j) => j.onRef('tasks.id', '=', 'task_attempts.task_id').onRef('tasks.org_id', '=', 'task_attempts.org_id'))
    .select(['task_attempts.task_id', 'task_attempts.attempted_at', 'task_attempts.outcome'])
    .where('tasks.client_id', '=', clientId)
    .where('tasks.created_at', '>=', span.start)
    .where('tasks.created_at', '<', span.end)
    .execute();
  const byTask = new Map<string, { n: number; first: string | null; bad: boolean }>();
  for (const a of attempts) {
    const entry = byTask.get(a.task_id) ?? { n: 0, first: null, bad: false };
    const at = iso(a.attempted_at);
    entry.n += 1;
    if (entry.first === null || at < entry.first) entry.first = at;
    if ((BAD_NUMBER_OUTCOMES as readonly string[]).includes(a.outcome)) entry.bad = true;
    byTask.set(a.task_id, entry);
  }
  const callbacks = received.map((t): CallbackFacts => {
    const a = byTask.get(t.id);
    return {
      createdAt: iso(t.created_at),
      dueAt: iso(t.due_at),
      closedAt: isoOrNull(t.closed_at),
      status: t.status,
      resolution: t.resolution,
      attempts: a?.n ?? 0,
      firstAttemptAt: a?.first ?? null,
      badNumber: a?.bad ?? false,
    };
  });

  const logged = await ctx.db
    .selectFrom('task_attempts')
    .select(['task_attempts.agent_id', 'task_attempts.task_id', 'task_attempts.attempted_at'])
    .where('task_attempts.client_id', '=', clientId)
    .where('task_attempts.attempted_at', '>=', span.start)
    .where('task_attempts.attempted_at', '<', span.end)
    .where('task_attempts.agent_id', 'is not', null)
    .execute();
  // A completion belongs to whoever held the callback: completing keeps the claim on the task.
  const completed = await ctx.db
    .selectFrom('tasks')
    .select(['tasks.id', 'tasks.assignee_id', 'tasks.claimed_at', 'tasks.closed_at'])
    .where('tasks.client_id', '=', clientId)
    .where('tasks.status', '=', 'completed')
    .where('tasks.closed_at', '>=', span.start)
    .where('tasks.closed_at', '<', span.end)
    .where('tasks.assignee_id', 'is not', null)
    .execute();
  const work: AgentWork[] = [
    ...logged.map((a): AgentWork => ({ agentId: a.agent_id!, taskId: a.task_id, kind: 'attempt', claimedAt: null, at: iso(a.attempted_at) })),
    ...completed.map((t): AgentWork => ({ agentId: t.assignee_id!, taskId: t.id, kind: 'completion', claimedAt: isoOrNull(t.claimed_at), at: iso(t.closed_at!) })),
  ];
  return { callbacks, work };
}
