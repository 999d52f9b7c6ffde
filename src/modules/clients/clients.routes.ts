import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { Id, Page, PageQuery, SortQuery, Strict, replies } from '../../platform/http/schemas.ts';
import { ClientChangesBody, ClientSchema, ClientStatus, NewClientBody, PhiGuardStatsSchema } from './clients.schemas.ts';
import { createClient, getClient, listClients, phiGuardStats, updateClient } from './clients.service.ts';

/** Clients (covered entities) of the organization. */
export const clientRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/clients',
    {
      config: { permission: { action: 'read', subject: 'Client' } },
      schema: {
        tags: ['clients'],
        summary: 'List the clients you may see',
        querystring: Strict({ ...PageQuery, status: Type.Optional(ClientStatus), sort: SortQuery(['name', 'createdAt', 'status']) }),
        response: replies(Page(ClientSchema)),
      },
    },
    async (request) => listClients(actorOf(request), request.query),
  );

  app.post(
    '/api/clients',
    {
      // A new client has no policy yet: its text is held to the default, refuse.
      config: { permission: { action: 'create', subject: 'Client' }, phiClient: () => null },
      schema: {
        tags: ['clients'],
        summary: 'Add a client',
        body: NewClientBody,
        response: replies(ClientSchema, 201),
      },
    },
    async (request, reply) => reply.code(201).send(await createClient(actorOf(request), request.body)),
  );

  app.get(
    '/api/clients/:id',
    { config: { permission: { action: 'read', subject: 'Client' } }, schema: { tags: ['clients'], summary: 'One client', params: Strict({ id: Id }), response: replies(ClientSchema) } },
    async (request) => getClient(actorOf(request), request.params.id),
  );

  app.patch(
    '/api/clients/:id',
    {
      config: { permission: { action: 'update', subject: 'Client' }, phiClient: (request) => (request.params as { id: string }).id },
      schema: {
        tags: ['clients'],
        summary: 'Edit a client',
        params: Strict({ id: Id }),
        body: ClientChangesBody,
        response: replies(ClientSchema),
      },
    },
    async (request) => updateClient(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/clients/:id/phi-guard',
    {
      config: { permission: { action: 'read', subject: 'AuditEvent' } },
      schema: {
        tags: ['clients'],
        summary: "The client's PHI-guard policy and how often it refused, redacted and was overridden",
        params: Strict({ id: Id }),
        response: replies(PhiGuardStatsSchema),
      },
    },
    async (request) => phiGuardStats(actorOf(request), request.params.id),
  );
};
