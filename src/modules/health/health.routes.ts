import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { pingDatabase } from '../../platform/db/database.ts';
import { Out } from '../../platform/http/schemas.ts';

/** Liveness and the OpenAPI document. */
export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { platform } = app;
  const Health = Out({
    status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
    db: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
    version: Type.String(),
  });

  app.get(
    '/api/health',
    { config: { permission: 'public' }, schema: { tags: ['system'], summary: 'Health of this instance', response: { 200: Health, 503: Health } } },
    async (_request, reply) => {
      const ok = await pingDatabase(platform.database);
      return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', db: platform.database.engine, version: platform.version });
    },
  );

  app.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => app.swagger());
};
