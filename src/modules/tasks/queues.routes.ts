import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { Out, replies } from '../../platform/http/schemas.ts';
import { agentsAtWork, getDuty, setDuty } from './assignment.service.ts';
import { createQueue, getQueue, listQueues, orderQueues, updateQueue } from './queues.service.ts';
import { AgentAtWorkSchema, DutyBody, DutySchema, IdParams, QueueBody, QueueChangeBody, QueueListQuery, QueueOrderBody, QueueSchema } from './tasks.schemas.ts';

/** The client of the queue named in the URL, for the PHI guard. */
async function queueClient(request: FastifyRequest): Promise<string | null> {
  const { id } = request.params as { id: string };
  const row = await actorOf(request).db.selectFrom('queues').select('client_id').where('id', '=', id).executeTakeFirst();
  return row?.client_id ?? null;
}

/** Queues, and the people who take their work: duty for push queues, and who holds what. */
export const queueRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/queues',
    {
      config: { permission: { action: 'read', subject: 'Queue' } },
      schema: { tags: ['queues'], summary: 'The queues of your clients', querystring: QueueListQuery, response: replies(Out({ items: Type.Array(QueueSchema) })) },
    },
    async (request) => ({ items: await listQueues(actorOf(request), request.query) }),
  );

  app.post(
    '/api/queues',
    {
      config: { permission: { action: 'create', subject: 'Queue' }, phiClient: (request) => (request.body as { clientId: string }).clientId },
      schema: { tags: ['queues'], summary: 'Add a queue to a client', body: QueueBody, response: replies(QueueSchema, 201) },
    },
    async (request, reply) => reply.code(201).send(await createQueue(actorOf(request), request.body)),
  );

  app.put(
    '/api/queues/order',
    {
      config: { permission: { action: 'update', subject: 'Queue' } },
      schema: {
        tags: ['queues'],
        summary: "Put a client's queues in order (the order they are listed and offered in)",
        body: QueueOrderBody,
        response: replies(Out({ items: Type.Array(QueueSchema) })),
      },
    },
    async (request) => ({ items: await orderQueues(actorOf(request), request.body) }),
  );

  app.get(
    '/api/queues/:id',
    { config: { permission: { action: 'read', subject: 'Queue' } }, schema: { tags: ['queues'], summary: 'One queue', params: IdParams, response: replies(QueueSchema) } },
    async (request) => getQueue(actorOf(request), request.params.id),
  );

  app.patch(
    '/api/queues/:id',
    {
      config: { permission: { action: 'update', subject: 'Queue' }, phiClient: queueClient },
      schema: {
        tags: ['queues'],
        summary: 'Rename or archive a queue, or switch it between pull (agents take work) and push (handed round-robin to agents on duty)',
        params: IdParams,
        body: QueueChangeBody,
        response: replies(QueueSchema),
      },
    },
    async (request) => {
      const ctx = actorOf(request);
      const queue = await updateQueue(ctx, request.params.id, request.body);
      if (queue.assignmentMode === 'push') request.server.platform.nudgePush(ctx.orgId);
      return queue;
    },
  );

  app.get(
    '/api/duty',
    { config: { permission: { action: 'update', subject: 'Task' } }, schema: { tags: ['tasks'], summary: 'Whether you take callbacks pushed from push queues', response: replies(DutySchema) } },
    async (request) => getDuty(actorOf(request)),
  );

  app.put(
    '/api/duty',
    {
      config: { permission: { action: 'update', subject: 'Task' } },
      schema: { tags: ['tasks'], summary: 'Go on or off duty: on duty, push queues of your clients hand you callbacks', body: DutyBody, response: replies(DutySchema) },
    },
    async (request) => {
      const ctx = actorOf(request);
      const duty = await setDuty(ctx, request.body.onDuty);
      if (duty.onDuty) request.server.platform.nudgePush(ctx.orgId);
      return duty;
    },
  );

  app.get(
    '/api/board/agents',
    {
      config: { permission: { action: 'manage', subject: 'Task' } },
      schema: {
        tags: ['tasks'],
        summary: 'Who is working what: each person on duty or holding callbacks of your clients, with how many and the oldest claim',
        response: replies(Out({ items: Type.Array(AgentAtWorkSchema) })),
      },
    },
    async (request) => ({ items: await agentsAtWork(actorOf(request)) }),
  );
};
