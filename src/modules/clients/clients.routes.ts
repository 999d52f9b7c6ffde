import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { Id, IsoTime, Literals, Name, Nullable, Out, Page, PageQuery, PhiGuarded, SortQuery, Strict, replies } from '../../platform/http/schemas.ts';
import { CallbackPolicySchema } from '../tasks/policy.ts';
import { createClient, getClient, listClients, phiGuardStats, updateClient } from './clients.service.ts';

const Status = Type.Union([Type.Literal('active'), Type.Literal('inactive')]);
const TimeZone = Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. America/Chicago' });

const PhiGuardMode = Literals(['refuse', 'redact'] as const);
/** The script agents read into a voicemail: minimum necessary, never a diagnosis or detail. */
const VoicemailScript = PhiGuarded(1000);

export const ClientSchema = Out({
  id: Type.String(),
  name: Type.String(),
  timeZone: Type.String(),
  status: Status,
  phiGuardMode: PhiGuardMode,
  voicemailScript: Nullable(Type.String()),
  callbackPolicy: CallbackPolicySchema,
  createdAt: IsoTime,
  updatedAt: IsoTime,
});

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
      // A new client has no policy yet: its text is held to the default, refuse.
      config: { permission: { action: 'create', subject: 'Client' }, phiClient: () => null },
      schema: {
        tags: ['clients'],
        summary: 'Add a client',
        body: Strict({
          name: Name(120),
          timeZone: TimeZone,
          phiGuardMode: Type.Optional(PhiGuardMode),
          voicemailScript: Type.Optional(Nullable(VoicemailScript)),
          callbackPolicy: Type.Optional(CallbackPolicySchema),
        }),
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
        body: Strict({
          name: Type.Optional(Name(120)),
          timeZone: Type.Optional(TimeZone),
          status: Type.Optional(Status),
          phiGuardMode: Type.Optional(PhiGuardMode),
          voicemailScript: Type.Optional(Nullable(VoicemailScript)),
          callbackPolicy: Type.Optional(CallbackPolicySchema),
        }),
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
        response: replies(
          Out({ mode: PhiGuardMode, refused: Type.Integer(), redacted: Type.Integer(), overridden: Type.Integer(), lastOverrideAt: Nullable(IsoTime) }),
        ),
      },
    },
    async (request) => phiGuardStats(actorOf(request), request.params.id),
  );
};
