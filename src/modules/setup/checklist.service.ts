/**
 * The first administrator's getting-started checklist: each step ticks itself off from the
 * records it needs, asked of the modules that keep them (clients, queues, people, BAAs,
 * training). Counts and names of steps only: nothing about patients.
 */
import { peopleReachingPhi } from '../../platform/authz/ability.ts';
import { assertCan } from '../../platform/authz/guard.ts';
import { clientsWithoutActiveBaa, lackingCourses, trainingStandingOfAll } from '../compliance/index.ts';
import type { ActorContext } from '../../platform/context.ts';
import { listClients } from '../clients/index.ts';
import { listQueues } from '../tasks/index.ts';
import { listUsers } from '../users/index.ts';

export type StepKey = 'client' | 'queues' | 'people' | 'compliance' | 'baa' | 'training';

export interface ChecklistStep {
  key: StepKey;
  title: string;
  done: boolean;
  /** Where things stand, in a sentence. */
  status: string;
  /** The console screen where the step is done. */
  path: string;
}

const WORKER_ROLES = new Set(['agent', 'clinical_agent', 'supervisor']);

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export async function gettingStarted(ctx: ActorContext): Promise<{ steps: ChecklistStep[]; done: boolean }> {
  assertCan(ctx, 'manage', 'Organization');
  const [clients, queues, people, closed, standingOf] = await Promise.all([
    listClients(ctx, { limit: 500, offset: 0, status: 'active' }),
    listQueues(ctx, { status: 'active' }),
    listUsers(ctx, { limit: 500, offset: 0, status: 'active' }),
    clientsWithoutActiveBaa(ctx.db),
    trainingStandingOfAll(ctx.db),
  ]);
  const active = clients.items;
  const withQueue = new Set(queues.map((q) => q.clientId));
  const ready = active.filter((c) => withQueue.has(c.id) && c.callbackPolicySet);
  const workers = people.items.filter((p) => p.roles.some((r) => WORKER_ROLES.has(r.role)));
  const officers = people.items.filter((p) => p.roles.some((r) => r.role === 'compliance'));
  const uncovered = active.filter((c) => closed.has(c.id));
  const reaching = await peopleReachingPhi(
    ctx.db,
    people.items.map((p) => p.id),
  );
  const untrained = people.items.filter((p) => reaching.has(p.id) && lackingCourses(standingOf(p.id)).length > 0);

  const steps: ChecklistStep[] = [
    {
      key: 'client',
      title: 'Add the practices you answer for',
      done: active.length > 0,
      status: active.length > 0 ? `${plural(active.length, 'active client')}.` : 'No client yet: add the first practice on the Clients screen.',
      path: '/clients',
    },
    {
      key: 'queues',
      title: 'Set each client’s queues and callback policy',
      done: active.length > 0 && ready.length === active.length,
      status: active.length === 0 ? 'Add a client first.' : `${ready.length} of ${plural(active.length, 'client')} ${active.length === 1 ? 'has' : 'have'} a queue taking callbacks and a saved callback policy.`,
      path: '/queues',
    },
    {
      key: 'people',
      title: 'Add the people who work the calls, with their roles',
      done: workers.length > 0,
      status: workers.length > 0 ? `${plural(workers.length, 'agent or supervisor', 'agents and supervisors')}.` : 'Nobody works callbacks yet: add agents and supervisors on the People screen.',
      path: '/users',
    },
    {
      key: 'compliance',
      title: 'Name a compliance officer',
      done: officers.length > 0,
      status: officers.length > 0 ? `${plural(officers.length, 'compliance officer')}.` : 'Give someone the Compliance officer role: they record the BAAs and the training.',
      path: '/users',
    },
    {
      key: 'baa',
      title: 'Record each client’s signed business associate agreement',
      done: active.length > 0 && uncovered.length === 0,
      status: active.length === 0 ? 'Add a client first.' : uncovered.length === 0 ? 'Every active client has a BAA in effect.' : `${plural(uncovered.length, 'client')} without a BAA in effect: their patient information stays closed.`,
      path: '/compliance',
    },
    {
      key: 'training',
      title: 'Record everyone’s HIPAA training',
      done: reaching.size > 0 && untrained.length === 0,
      status:
        reaching.size === 0
          ? 'Nobody whose work reaches patient information yet.'
          : untrained.length === 0
            ? 'Everyone whose work reaches patient information is trained.'
            : `${plural(untrained.length, 'person', 'people')} still to train: patient information is closed to them.`,
      path: '/compliance',
    },
  ];
  return { steps, done: steps.every((s) => s.done) };
}
