import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { Out, Page, ProblemSchema, replies } from '../../platform/http/schemas.ts';
import { completeTask, logAttempt } from './attempts.service.ts';
import { claimNext, releaseTask } from './claim.service.ts';
import { createTask } from './intake.service.ts';
import { addTaskMessage, readTaskMessages } from './messages.service.ts';
import { getTaskDetail, listTasks } from './reads.service.ts';
import { queueBoard, superviseTask, taskAssignees } from './supervision.service.ts';
import {
  AssigneeSchema,
  AttemptBody,
  AttemptLoggedSchema,
  BoardQuery,
  BoardRowSchema,
  ClaimBody,
  CompleteBody,
  CompletedSchema,
  IdParams,
  IntakeBody,
  IntakeHeaders,
  MessageAddedSchema,
  MessageBody,
  SuperviseBody,
  TaskDetailSchema,
  TaskListQuery,
  TaskMessageSchema,
  TaskSchema,
} from './tasks.schemas.ts';

/** The client of the task named in the URL, for the PHI guard (which applies it only when the caller's grants reach it). */
async function taskClient(request: FastifyRequest): Promise<string | null> {
  const { id } = request.params as { id: string };
  const ctx = actorOf(request);
  const row = await ctx.db.selectFrom('tasks').select('client_id').where('id', '=', id).executeTakeFirst();
  return row?.client_id ?? null;
}

/** Callback tasks: the board, intake, claiming, attempts, completion, supervision and clinical messages. */
export const taskRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/board',
    {
      config: { permission: { action: 'read', subject: 'Task' } },
      schema: {
        tags: ['tasks'],
        summary: 'Supervisor board: per queue, open work by status, SLA breaches and the oldest task',
        querystring: BoardQuery,
        response: replies(Out({ items: Type.Array(BoardRowSchema) })),
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
        querystring: TaskListQuery,
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
        headers: IntakeHeaders,
        body: IntakeBody,
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
        body: ClaimBody,
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
      schema: { tags: ['tasks'], summary: 'One task with its attempt history', params: IdParams, response: replies(TaskDetailSchema) },
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
        params: IdParams,
        body: AttemptBody,
        response: replies(AttemptLoggedSchema, 201),
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
        params: IdParams,
        body: CompleteBody,
        response: replies(CompletedSchema),
      },
    },
    async (request) => completeTask(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/tasks/:id/release',
    {
      config: { permission: { action: 'update', subject: 'Task' } },
      schema: { tags: ['tasks'], summary: 'Give a claimed task back to its queue', params: IdParams, response: replies(TaskSchema) },
    },
    async (request) => releaseTask(actorOf(request), request.params.id),
  );

  app.get(
    '/api/tasks/:id/assignees',
    {
      config: { permission: { action: 'manage', subject: 'Task' } },
      schema: {
        tags: ['tasks'],
        summary: 'The people this callback can be assigned to: active agents and supervisors of its client with current training (none while the client has no BAA in effect)',
        params: IdParams,
        response: replies(Out({ items: Type.Array(AssigneeSchema) })),
      },
    },
    async (request) => ({ items: await taskAssignees(actorOf(request), request.params.id) }),
  );

  app.post(
    '/api/tasks/:id/supervise',
    {
      config: { permission: { action: 'manage', subject: 'Task' }, phiClient: taskClient },
      schema: {
        tags: ['tasks'],
        summary: 'Supervision: escalate, cancel, assign to a person or return to the queue',
        params: IdParams,
        body: SuperviseBody,
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
        params: IdParams,
        response: replies(Out({ items: Type.Array(TaskMessageSchema) })),
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
        params: IdParams,
        body: MessageBody,
        response: replies(MessageAddedSchema, 201),
      },
    },
    async (request, reply) => reply.code(201).send(await addTaskMessage(actorOf(request), request.params.id, request.body.body)),
  );
};
