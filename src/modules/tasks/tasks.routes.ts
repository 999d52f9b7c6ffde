import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { can } from '../../platform/authz/guard.ts';
import { taskEvents } from '../../platform/events/task-events.ts';
import { Id, IsoTime, Literals, Name, Nullable, Out, Page, PageQuery, PhiGuarded, ProblemSchema, SortQuery, Strict, Text, replies } from '../../platform/http/schemas.ts';
import { fieldSchemas, optional } from '../patients/patients.routes.ts';
import { REASON_CODES } from './policy.ts';
import { createQueue, getQueue, listQueues, updateQueue } from './queues.service.ts';
import { PRIORITIES } from './sla.ts';
import {
  CHANNELS,
  OUTCOMES,
  RESOLUTIONS,
  addTaskMessage,
  claimNext,
  completeTask,
  createTask,
  getTaskDetail,
  listTasks,
  logAttempt,
  queueBoard,
  readTaskMessages,
  releaseTask,
  superviseTask,
} from './tasks.service.ts';

const STATUSES = ['open', 'claimed', 'waiting', 'escalated', 'completed', 'cancelled'] as const;

const QueueSchema = Out({ id: Type.String(), clientId: Type.String(), name: Type.String(), status: Literals(['active', 'archived'] as const), createdAt: IsoTime, updatedAt: IsoTime });

/** A task as lists and screens show it: operational fields and the patient reference, never PHI. */
export const TaskSchema = Out({
  id: Type.String(),
  clientId: Type.String(),
  queueId: Type.String(),
  patientId: Type.String(),
  patientRef: Type.String(),
  reasonCode: Type.String(),
  priority: Literals(PRIORITIES),
  status: Literals(STATUSES),
  title: Type.String(),
  note: Nullable(Type.String()),
  callbackAfter: Nullable(IsoTime),
  callbackBefore: Nullable(IsoTime),
  dueAt: IsoTime,
  overdue: Type.Boolean({ description: 'Past its due time and not yet closed' }),
  readyAt: IsoTime,
  assigneeId: Nullable(Type.String()),
  claimedAt: Nullable(IsoTime),
  attemptCount: Type.Integer(),
  lastOutcome: Nullable(Type.String()),
  incidentFlag: Nullable(Type.String({ description: 'wrong_number_after_details: open an incident?' })),
  resolution: Nullable(Type.String()),
  parentTaskId: Nullable(Type.String()),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  closedAt: Nullable(IsoTime),
});

const AttemptSchema = Out({
  id: Type.String(),
  number: Type.Integer(),
  attemptedAt: IsoTime,
  agentId: Nullable(Type.String()),
  channel: Type.String(),
  outcome: Type.String(),
  disclosure: Literals(['none', 'details_given'] as const),
  note: Nullable(Type.String()),
});

/** Operational text of a task: checked by the PHI guard before anything is stored. */
const TaskText = {
  title: PhiGuarded(200),
  note: Type.Optional(Nullable(PhiGuarded(2000))),
};

const Scheduling = {
  reasonCode: Literals(REASON_CODES),
  priority: Literals(PRIORITIES),
  callbackAfter: Type.Optional(Nullable(IsoTime)),
  callbackBefore: Type.Optional(Nullable(IsoTime)),
};

const NewPatient = Strict({ name: fieldSchemas.name, ...optional({ phones: fieldSchemas.phones, email: fieldSchemas.email, callbackWindow: fieldSchemas.callbackWindow, dateOfBirth: fieldSchemas.dateOfBirth }) });

/** The client of the task named in the URL, for the PHI guard (null when the caller cannot see it). */
async function taskClient(request: FastifyRequest): Promise<string | null> {
  const { id } = request.params as { id: string };
  const ctx = actorOf(request);
  const row = await ctx.db.selectFrom('tasks').select('client_id').where('id', '=', id).executeTakeFirst();
  return row?.client_id ?? null;
}

/** Queues and callback tasks. */
export const taskRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Open event streams end when the server closes, so shutdown does not wait on them.
  const streams = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of streams) end();
    streams.clear();
  });

  app.get(
    '/api/events',
    {
      // A screen left open streams for hours: the stream is never activity of the person.
      config: { permission: { action: 'read', subject: 'Task' }, sessionActivity: 'background' },
      schema: {
        tags: ['tasks'],
        summary: 'Live task changes (Server-Sent Events) for the clients you may see',
        description:
          'A `text/event-stream` of `task` events ({taskId, clientId, queueId, status, action}): ids and statuses only, never PHI. The stream ends after `wait` seconds (default 300) and the browser reconnects, so permissions are checked again at least that often.',
        querystring: Strict({ wait: Type.Optional(Type.Integer({ minimum: 0, maximum: 300, default: 300 })) }),
        response: { 200: Type.String({ description: 'text/event-stream' }), '4xx': ProblemSchema, '5xx': ProblemSchema },
      },
    },
    async (request, reply) => {
      const ctx = actorOf(request);
      const raw = reply.raw;
      reply.hijack();
      raw.writeHead(200, { ...(reply.getHeaders() as Record<string, string>), 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
      raw.write('retry: 2000\n\n');
      const unsubscribe = taskEvents().subscribe(ctx.orgId, (change) => {
        if (!can(ctx, 'read', 'Task', { clientId: change.clientId })) return;
        const { taskId, clientId, queueId, status, action } = change;
        raw.write(`event: task\ndata: ${JSON.stringify({ taskId, clientId, queueId, status, action })}\n\n`);
      });
      const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), 15_000);
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        clearInterval(heartbeat);
        clearTimeout(limit);
        unsubscribe();
        raw.end();
      };
      const limit = setTimeout(end, (request.query.wait ?? 300) * 1000);
      streams.add(end);
      request.raw.on('close', () => {
        streams.delete(end);
        end();
      });
    },
  );

  app.get(
    '/api/queues',
    {
      config: { permission: { action: 'read', subject: 'Queue' } },
      schema: {
        tags: ['queues'],
        summary: 'The queues of your clients',
        querystring: Strict({ clientId: Type.Optional(Id), status: Type.Optional(Literals(['active', 'archived'] as const)) }),
        response: replies(Out({ items: Type.Array(QueueSchema) })),
      },
    },
    async (request) => ({ items: await listQueues(actorOf(request), request.query) }),
  );

  app.post(
    '/api/queues',
    {
      config: { permission: { action: 'create', subject: 'Queue' } },
      schema: { tags: ['queues'], summary: 'Add a queue to a client', body: Strict({ clientId: Id, name: Name(80) }), response: replies(QueueSchema, 201) },
    },
    async (request, reply) => reply.code(201).send(await createQueue(actorOf(request), request.body)),
  );

  app.get(
    '/api/queues/:id',
    { config: { permission: { action: 'read', subject: 'Queue' } }, schema: { tags: ['queues'], summary: 'One queue', params: Strict({ id: Id }), response: replies(QueueSchema) } },
    async (request) => getQueue(actorOf(request), request.params.id),
  );

  app.patch(
    '/api/queues/:id',
    {
      config: { permission: { action: 'update', subject: 'Queue' } },
      schema: {
        tags: ['queues'],
        summary: 'Rename or archive a queue',
        params: Strict({ id: Id }),
        body: Strict({ name: Type.Optional(Name(80)), status: Type.Optional(Literals(['active', 'archived'] as const)) }),
        response: replies(QueueSchema),
      },
    },
    async (request) => updateQueue(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/board',
    {
      config: { permission: { action: 'read', subject: 'Task' } },
      schema: {
        tags: ['tasks'],
        summary: 'Supervisor board: per queue, open work by status, SLA breaches and the oldest task',
        querystring: Strict({ clientId: Type.Optional(Id) }),
        response: replies(
          Out({
            items: Type.Array(
              Out({
                queueId: Type.String(),
                clientId: Type.String(),
                counts: Out({ open: Type.Integer(), claimed: Type.Integer(), waiting: Type.Integer(), escalated: Type.Integer() }),
                breached: Type.Integer({ description: 'Tasks past their due time' }),
                oldestCreatedAt: Nullable(IsoTime),
              }),
            ),
          }),
        ),
      },
    },
    async (request) => ({ items: await queueBoard(actorOf(request), request.query) }),
  );

  app.get(
    '/api/tasks',
    {
      config: { permission: { action: 'read', subject: 'Task' } },
      schema: {
        tags: ['tasks'],
        summary: 'List tasks (operational fields and patient references only), most urgent first',
        querystring: Strict({
          ...PageQuery,
          clientId: Type.Optional(Id),
          queueId: Type.Optional(Id),
          patientId: Type.Optional(Id),
          status: Type.Optional(Type.Array(Literals(STATUSES), { maxItems: 6 })),
          assignee: Type.Optional(Type.Union([Type.Literal('me'), Type.Literal('none'), Id])),
          overdue: Type.Optional(Type.Boolean()),
          sort: SortQuery(['dueAt', 'createdAt', 'priority', 'updatedAt']),
        }),
        response: replies(Page(TaskSchema)),
      },
    },
    async (request) => listTasks(actorOf(request), request.query),
  );

  app.post(
    '/api/tasks',
    {
      config: { permission: { action: 'create', subject: 'Task' }, phiClient: (request) => (request.body as { clientId: string }).clientId, idempotent: true },
      schema: {
        tags: ['tasks'],
        summary: 'Intake: create a callback task (optionally adding the patient in the same step)',
        description: 'Send an Idempotency-Key header to make retries safe: the same key and body return the first answer.',
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 128 })) }),
        body: Strict({ clientId: Id, queueId: Id, patientId: Type.Optional(Id), newPatient: Type.Optional(NewPatient), ...Scheduling, ...TaskText }),
        response: replies(TaskSchema, 201),
      },
    },
    async (request, reply) => reply.code(201).send(await createTask(actorOf(request), request.body)),
  );

  app.post(
    '/api/tasks/claim-next',
    {
      config: { permission: { action: 'update', subject: 'Task' } },
      schema: {
        tags: ['tasks'],
        summary: 'Claim the most urgent workable task of your clients (204 when there is none)',
        body: Strict({ clientId: Type.Optional(Id), queueId: Type.Optional(Id) }),
        response: { 200: TaskSchema, 204: Type.Null({ description: 'Nothing to claim' }), '4xx': ProblemSchema, '5xx': ProblemSchema },
      },
    },
    async (request, reply) => {
      const task = await claimNext(actorOf(request), request.body);
      return task ? reply.code(200).send(task) : reply.code(204).send(null);
    },
  );

  app.get(
    '/api/tasks/:id',
    {
      config: { permission: { action: 'read', subject: 'Task' } },
      schema: {
        tags: ['tasks'],
        summary: 'One task with its attempt history',
        params: Strict({ id: Id }),
        response: replies(Out({ task: TaskSchema, attempts: Type.Array(AttemptSchema), messages: Type.Integer({ description: 'How many clinical messages it carries' }) })),
      },
    },
    async (request) => getTaskDetail(actorOf(request), request.params.id),
  );

  app.post(
    '/api/tasks/:id/attempts',
    {
      config: { permission: { action: 'update', subject: 'Task' }, phiClient: taskClient },
      schema: {
        tags: ['tasks'],
        summary: 'Log a contact attempt; the task moves on per the client’s policy',
        params: Strict({ id: Id }),
        body: Strict({
          channel: Literals(CHANNELS),
          outcome: Literals(OUTCOMES),
          disclosure: Type.Optional(Literals(['none', 'details_given'] as const)),
          note: Type.Optional(Nullable(PhiGuarded(1000))),
        }),
        response: replies(Out({ task: TaskSchema, attempt: AttemptSchema }), 201),
      },
    },
    async (request, reply) => reply.code(201).send(await logAttempt(actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/tasks/:id/complete',
    {
      config: { permission: { action: 'update', subject: 'Task' }, phiClient: taskClient },
      schema: {
        tags: ['tasks'],
        summary: 'Complete a task with a resolution, optionally chaining a follow-up for the same patient',
        params: Strict({ id: Id }),
        body: Strict({ resolution: Literals(RESOLUTIONS), followUp: Type.Optional(Strict({ queueId: Type.Optional(Id), ...Scheduling, ...TaskText })) }),
        response: replies(Out({ task: TaskSchema, followUp: Nullable(TaskSchema) })),
      },
    },
    async (request) => completeTask(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/tasks/:id/release',
    {
      config: { permission: { action: 'update', subject: 'Task' } },
      schema: { tags: ['tasks'], summary: 'Give a claimed task back to its queue', params: Strict({ id: Id }), response: replies(TaskSchema) },
    },
    async (request) => releaseTask(actorOf(request), request.params.id),
  );

  app.post(
    '/api/tasks/:id/supervise',
    {
      config: { permission: { action: 'manage', subject: 'Task' } },
      schema: {
        tags: ['tasks'],
        summary: 'Supervision: escalate, cancel, assign to a person or return to the queue',
        params: Strict({ id: Id }),
        body: Type.Union([Strict({ escalate: Type.Literal(true) }), Strict({ cancel: Text(200) }), Strict({ assigneeId: Nullable(Id) })]),
        response: replies(TaskSchema),
      },
    },
    async (request) => superviseTask(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/tasks/:id/messages',
    {
      config: { permission: { action: 'read', subject: 'ClinicalMessage' } },
      schema: {
        tags: ['tasks'],
        summary: 'Read a task’s clinical messages (logged as a PHI read)',
        params: Strict({ id: Id }),
        response: replies(Out({ items: Type.Array(Out({ id: Type.String(), body: Type.String(), createdBy: Nullable(Type.String()), createdAt: IsoTime })) })),
      },
    },
    async (request) => ({ items: await readTaskMessages(actorOf(request), request.params.id) }),
  );

  app.post(
    '/api/tasks/:id/messages',
    {
      config: { permission: { action: 'create', subject: 'ClinicalMessage' } },
      schema: {
        tags: ['tasks'],
        summary: 'Add a clinical message (symptoms, medication questions) to a task, encrypted in the vault',
        params: Strict({ id: Id }),
        body: Strict({ body: Text(4000) }),
        response: replies(Out({ id: Type.String(), createdAt: IsoTime }), 201),
      },
    },
    async (request, reply) => reply.code(201).send(await addTaskMessage(actorOf(request), request.params.id, request.body.body)),
  );
};
