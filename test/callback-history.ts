/**
 * A fixed, synthetic November 2026 of callbacks for one client (America/Chicago, where daylight
 * time ends on 1 November), with known answers for the callback report. Tasks and attempts are
 * inserted with explicit timestamps: the services stamp "now", and a report is about the past.
 * The patients are real records of the client's directory, so a report that leaked one would show.
 *
 * November 2026 for the client, from 2026-11-01T05:00Z (midnight CDT) to 2026-12-01T06:00Z (midnight CST):
 *
 * | task | created (UTC)     | due    | attempts (agent, outcome, minutes after creation) | now                                   |
 * | T1   | 11-02 15:00       | 23:00  | Avery reached +10                                  | completed 15:20 by Avery, claimed 15:05 |
 * | T2   | 11-02 16:00       | 16:15  | Avery reached +20                                  | completed 16:30 by Avery, claimed 16:18 (late) |
 * | T3   | 11-05 14:00       | 22:00  | Blake no answer +30, +90, +150                     | completed unreachable 16:30           |
 * | T4   | 11-10 17:00       | 23:00  | Blake wrong number +40                             | escalated                             |
 * | T5   | 11-12 18:00       | 23:00  | Avery disconnected +5, Blake reached +125          | completed 20:30 by Blake, claimed 20:00 |
 * | T6   | 11-20 15:00       | 23:00  | none                                               | open                                  |
 * | T7   | 11-25 16:00       | 16:15  | Avery voicemail +50, Avery no answer +110          | waiting                               |
 * | T8   | 12-01 05:30 (Nov 30, 23:30 CST) | 14:15 | none                              | open                                  |
 * | T12  | 11-15 15:00       | 23:00  | none                                               | cancelled 15:30                       |
 * | T9   | 11-01 04:30 (Oct 31, 23:30 CDT): not received in November; Avery attempted it at 05:10 and completed it at 05:25 (claimed 05:05), which is November work |
 * | T10  | 12-01 06:10 (Dec 1): outside the period                                                                       |
 * | T11  | another client's November callback, attempted by Avery: not this client's                                     |
 *
 * Answers: received 9, completed 4 (T1 T2 T3 T5), within SLA 3 of 4 (T2 late) = 75%, first
 * attempts 5 10 20 30 40 50 → median 25 min, attempts 10 / 9 = 1.11, unreachable 1 (T3),
 * escalated 2 (T4 now, T5 disconnected). Avery handled 5 (T1 T2 T5 T7 T9), completed 3,
 * handling 15 12 20 → median 15 min; Blake handled 3 (T3 T4 T5), completed 1, 30 min.
 * Per day: Nov 2 2/2, Nov 5 1/1, Nov 10 1/0, Nov 12 1/1, Nov 15 1/0, Nov 20 1/0, Nov 25 1/0, Nov 30 1/0.
 */
import { randomUUID } from 'node:crypto';
import { assignTestRole, insertTestPatient, insertTestQueue, insertTestUser, type TestApp } from './helpers.ts';

/** The synthetic patients' names: no report may show them. */
export const HISTORY_PATIENTS = [
  { given: 'Marisol', family: 'Quenneville' },
  { given: 'Thaddeus', family: 'Oakenshaw' },
  { given: 'Ingrid', family: 'Vasquez-Lorne' },
] as const;

export const HISTORY_AGENTS = { avery: 'Avery Lindqvist', blake: 'Blake Okafor' } as const;

interface AttemptSpec {
  agent: 'avery' | 'blake';
  outcome: string;
  at: string;
}

interface TaskSpec {
  client?: 'main' | 'other';
  createdAt: string;
  dueAt: string;
  status: 'open' | 'claimed' | 'waiting' | 'escalated' | 'completed' | 'cancelled';
  resolution?: string;
  closedAt?: string;
  assignee?: 'avery' | 'blake';
  claimedAt?: string;
  attempts?: AttemptSpec[];
}

const z = (s: string) => `2026-${s}:00.000Z`;

const TASKS: Record<string, TaskSpec> = {
  T1: { createdAt: z('11-02T15:00'), dueAt: z('11-02T23:00'), status: 'completed', resolution: 'resolved', closedAt: z('11-02T15:20'), assignee: 'avery', claimedAt: z('11-02T15:05'), attempts: [{ agent: 'avery', outcome: 'reached', at: z('11-02T15:10') }] },
  T2: { createdAt: z('11-02T16:00'), dueAt: z('11-02T16:15'), status: 'completed', resolution: 'appointment_made', closedAt: z('11-02T16:30'), assignee: 'avery', claimedAt: z('11-02T16:18'), attempts: [{ agent: 'avery', outcome: 'reached', at: z('11-02T16:20') }] },
  T3: {
    createdAt: z('11-05T14:00'),
    dueAt: z('11-05T22:00'),
    status: 'completed',
    resolution: 'unreachable',
    closedAt: z('11-05T16:30'),
    attempts: [
      { agent: 'blake', outcome: 'no_answer', at: z('11-05T14:30') },
      { agent: 'blake', outcome: 'no_answer', at: z('11-05T15:30') },
      { agent: 'blake', outcome: 'no_answer', at: z('11-05T16:30') },
    ],
  },
  T4: { createdAt: z('11-10T17:00'), dueAt: z('11-10T23:00'), status: 'escalated', attempts: [{ agent: 'blake', outcome: 'wrong_number', at: z('11-10T17:40') }] },
  T5: {
    createdAt: z('11-12T18:00'),
    dueAt: z('11-12T23:00'),
    status: 'completed',
    resolution: 'resolved',
    closedAt: z('11-12T20:30'),
    assignee: 'blake',
    claimedAt: z('11-12T20:00'),
    attempts: [
      { agent: 'avery', outcome: 'disconnected', at: z('11-12T18:05') },
      { agent: 'blake', outcome: 'reached', at: z('11-12T20:05') },
    ],
  },
  T6: { createdAt: z('11-20T15:00'), dueAt: z('11-20T23:00'), status: 'open' },
  T7: {
    createdAt: z('11-25T16:00'),
    dueAt: z('11-25T16:15'),
    status: 'waiting',
    attempts: [
      { agent: 'avery', outcome: 'voicemail_left', at: z('11-25T16:50') },
      { agent: 'avery', outcome: 'no_answer', at: z('11-25T17:50') },
    ],
  },
  T8: { createdAt: z('12-01T05:30'), dueAt: z('12-01T14:15'), status: 'open' },
  T12: { createdAt: z('11-15T15:00'), dueAt: z('11-15T23:00'), status: 'cancelled', resolution: 'cancelled', closedAt: z('11-15T15:30') },
  T9: { createdAt: z('11-01T04:30'), dueAt: z('11-01T14:00'), status: 'completed', resolution: 'resolved', closedAt: z('11-01T05:25'), assignee: 'avery', claimedAt: z('11-01T05:05'), attempts: [{ agent: 'avery', outcome: 'reached', at: z('11-01T05:10') }] },
  T10: { createdAt: z('12-01T06:10'), dueAt: z('12-01T15:00'), status: 'open' },
  T11: { client: 'other', createdAt: z('11-03T15:00'), dueAt: z('11-03T23:00'), status: 'waiting', attempts: [{ agent: 'avery', outcome: 'no_answer', at: z('11-03T15:30') }] },
};

/**
 * Seeds the history for `clientId` (and one callback of `otherClientId`): two agents assigned
 * to the client, three patients, the tasks above. Returns the agents' ids and the patients' refs.
 */
export async function seedCallbackHistory(
  app: TestApp,
  orgId: string,
  clients: { clientId: string; otherClientId: string },
): Promise<{ agents: Record<keyof typeof HISTORY_AGENTS, string>; patientRefs: string[] }> {
  const tenant = app.tenant(orgId);
  const agents = {} as Record<keyof typeof HISTORY_AGENTS, string>;
  for (const [key, name] of Object.entries(HISTORY_AGENTS) as [keyof typeof HISTORY_AGENTS, string][]) {
    const user = await insertTestUser(app, orgId, `${key}-${randomUUID().slice(0, 8)}@example.test`);
    await tenant.updateTable('users').set({ display_name: name }).where('id', '=', user.id).execute();
    await assignTestRole(app, orgId, user.id, 'agent', clients.clientId);
    await assignTestRole(app, orgId, user.id, 'agent', clients.otherClientId);
    agents[key] = user.id;
  }
  const queues = { main: await insertTestQueue(app, orgId, clients.clientId, 'November'), other: await insertTestQueue(app, orgId, clients.otherClientId, 'November') };
  const patients = {
    main: await Promise.all(HISTORY_PATIENTS.map((name) => insertTestPatient(app, orgId, clients.clientId, { name: { ...name }, phones: [{ number: '(555) 010-0188', type: 'mobile' }] }))),
    other: [await insertTestPatient(app, orgId, clients.otherClientId, { name: { ...HISTORY_PATIENTS[0] } })],
  };
  let n = 0;
  for (const [label, spec] of Object.entries(TASKS)) {
    const which = spec.client ?? 'main';
    const patient = patients[which][n++ % patients[which].length]!;
    const id = randomUUID();
    const attempts = spec.attempts ?? [];
    const last = attempts.at(-1);
    await tenant
      .insertInto('tasks', {
        id,
        client_id: which === 'main' ? clients.clientId : clients.otherClientId,
        queue_id: queues[which],
        patient_id: patient.id,
        patient_ref: patient.ref,
        reason_code: 'refill',
        priority: spec.dueAt.slice(11, 16) === '16:15' ? 'urgent' : 'routine',
        priority_rank: spec.dueAt.slice(11, 16) === '16:15' ? 1 : 2,
        status: spec.status,
        title: `Callback ${label}`,
        note: null,
        callback_after: null,
        callback_before: null,
        due_at: spec.dueAt,
        ready_at: last?.at ?? spec.createdAt,
        assignee_id: spec.assignee ? agents[spec.assignee] : null,
        claimed_at: spec.claimedAt ?? null,
        attempt_count: attempts.length,
        last_outcome: last?.outcome ?? null,
        incident_flag: null,
        resolution: spec.resolution ?? null,
        parent_task_id: null,
        created_by: null,
        created_at: spec.createdAt,
        updated_at: spec.closedAt ?? last?.at ?? spec.createdAt,
        closed_at: spec.closedAt ?? null,
      })
      .execute();
    for (const [i, a] of attempts.entries()) {
      await tenant
        .insertInto('task_attempts', {
          id: randomUUID(),
          client_id: which === 'main' ? clients.clientId : clients.otherClientId,
          task_id: id,
          number: i + 1,
          attempted_at: a.at,
          agent_id: agents[a.agent],
          channel: 'phone',
          outcome: a.outcome,
          disclosure: 'none',
          note: null,
        })
        .execute();
    }
  }
  return { agents, patientRefs: [...patients.main, ...patients.other].map((p) => p.ref) };
}
