import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { Id, IsoTime, Name, Out, Page, PageQuery, SortQuery, Strict, replies } from '../../platform/http/schemas.ts';
import { createClient, getClient, listClients, updateClient } from './clients.service.ts';

const Status = Type.Union([Type.Literal('active'), Type.Literal('inactive')]);
const TimeZone = Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. America/Chicago' });

export const ClientSchema = Out({ id: Type.String(), name: Type.String(), timeZone: Type.String(), status: Status, createdAt: IsoTime, updatedAt: IsoTime });

/** Clients (covered entities) of the organization. */
export const clientRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/clients',
    {
      config: { permission: { action: 'read', subject: 'Client' } },
      schema: {
        tags: ['clients'],
        summary: 'List the clients you may see',
        querystring: Strict({ ...PageQuery, status: Type.Optional(Status), sort: SortQuery(['name', 'createdAt', 'status']) }),
        response: replies(Page(ClientSchema)),
      },
    },
    async (request) => listClients(actorOf(request), request.query),
  );

  app.post(
    '/api/clients',
    {
      config: { permission: { action: 'create', subject: 'Client' } },
      schema: { tags: ['clients'], summary: 'Add a client', body: Strict({ name: Name(120), timeZone: TimeZone }), response: replies(ClientSchema, 201) },
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
      config: { permission: { action: 'update', subject: 'Client' } },
      schema: {
        tags: ['clients'],
        summary: 'Edit a client',
        params: Strict({ id: Id }),
        body: Strict({ name: Type.Optional(Name(120)), timeZone: Type.Optional(TimeZone), status: Type.Optional(Status) }),
        response: replies(ClientSchema),
      },
    },
    async (request) => updateClient(actorOf(request), request.params.id, request.body),
  );
};
