import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { can } from '../../platform/authz/guard.ts';
import { ProblemSchema } from '../../platform/http/schemas.ts';
import { EventsQuery } from './tasks.schemas.ts';

/** The live stream of task changes that open screens listen to. */
export const taskEventRoutes: FastifyPluginAsyncTypebox = async (app) => {
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
        querystring: EventsQuery,
        response: { 200: Type.String({ description: 'text/event-stream' }), '4xx': ProblemSchema, '5xx': ProblemSchema },
      },
    },
    async (request, reply) => {
      const ctx = actorOf(request);
      const raw = reply.raw;
      reply.hijack();
      raw.writeHead(200, { ...(reply.getHeaders() as Record<string, string>), 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
      raw.write('retry: 2000\n\n');
      const unsubscribe = request.server.platform.events.subscribe(
        'task.changed',
        (change) => {
          if (!can(ctx, 'read', 'Task', { clientId: change.clientId })) return;
          const { taskId, clientId, queueId, status, action } = change;
          raw.write(`event: task\ndata: ${JSON.stringify({ taskId, clientId, queueId, status, action })}\n\n`);
        },
        { orgId: ctx.orgId },
      );
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
};
