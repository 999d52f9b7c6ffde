import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { Declared, Email, FORMAT_HINT, Id, IsoTime, Literals, Nullable, Out, Secret, Strict, replies } from '../../platform/http/schemas.ts';
import { channelVendors, createEmailChannel, disableChannel, enableChannel, getChannel, listChannels, testChannel, updateEmailChannel } from './channels.service.ts';

const ChannelSchema = Out({
  id: Type.String(),
  kind: Literals(['email', 'sms', 'webhook'] as const),
  vendor: Out({ id: Type.String(), name: Type.String() }),
  host: Type.String(),
  port: Type.Integer(),
  secure: Type.Boolean(),
  fromAddress: Type.String(),
  hasCredentials: Type.Boolean({ description: 'Credentials are stored (encrypted); they are never sent back' }),
  enabled: Type.Boolean(),
  gate: Out({ open: Type.Boolean(), reason: Nullable(Type.String()) }, { description: "Whether the vendor may carry messages today (active, handles PHI, a BAA in effect), and why not" }),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});

const Host = Declared('url', { minLength: 1, maxLength: 253, pattern: '^\\s*[A-Za-z0-9:.-]+\\s*$', description: 'SMTP host name or address', [FORMAT_HINT]: 'a host name such as smtp.example.com, without a scheme or port' });
const Port = Type.Integer({ minimum: 1, maximum: 65535 });
const Credentials = Nullable(Strict({ username: Secret(200), password: Secret(512) }), { description: 'SMTP credentials, stored encrypted; null for none' });

/** The organization's outbound channels (e-mail now), set up by administrators. */
export const notificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const params = Strict({ id: Id });

  app.get(
    '/api/notification-channels',
    { config: { permission: { action: 'read', subject: 'Organization' } }, schema: { tags: ['notifications'], summary: 'Notification channels (never their credentials)', response: replies(Out({ items: Type.Array(ChannelSchema) })) } },
    async (request) => ({ items: await listChannels(actorOf(request)) }),
  );

  app.get(
    '/api/notification-channels/vendors',
    {
      config: { permission: { action: 'read', subject: 'Organization' } },
      schema: {
        tags: ['notifications'],
        summary: 'Vendors recorded as providing e-mail, to choose a channel’s relay from',
        response: replies(Out({ items: Type.Array(Out({ id: Type.String(), name: Type.String(), status: Literals(['active', 'inactive'] as const), handlesPhi: Type.Boolean() })) })),
      },
    },
    async (request) => ({ items: await channelVendors(actorOf(request), 'email') }),
  );

  app.get(
    '/api/notification-channels/:id',
    { config: { permission: { action: 'read', subject: 'Organization' } }, schema: { tags: ['notifications'], summary: 'One notification channel', params, response: replies(ChannelSchema) } },
    async (request) => getChannel(actorOf(request), request.params.id),
  );

  app.post(
    '/api/notification-channels',
    {
      config: { permission: { action: 'update', subject: 'Organization' } },
      schema: {
        tags: ['notifications'],
        summary: 'Set up the e-mail channel (disabled until enabled)',
        body: Strict({ kind: Literals(['email'] as const), vendorId: Id, host: Host, port: Port, secure: Type.Boolean(), fromAddress: Email, credentials: Type.Optional(Credentials) }),
        response: replies(ChannelSchema, 201),
      },
    },
    async (request, reply) => {
      const { kind: _kind, ...input } = request.body;
      return reply.code(201).send(await createEmailChannel(actorOf(request), input));
    },
  );

  app.patch(
    '/api/notification-channels/:id',
    {
      config: { permission: { action: 'update', subject: 'Organization' } },
      schema: {
        tags: ['notifications'],
        summary: 'Change the channel’s vendor, settings or credentials (absent credentials are kept)',
        params,
        body: Strict({ vendorId: Type.Optional(Id), host: Type.Optional(Host), port: Type.Optional(Port), secure: Type.Optional(Type.Boolean()), fromAddress: Type.Optional(Email), credentials: Type.Optional(Credentials) }),
        response: replies(ChannelSchema),
      },
    },
    async (request) => updateEmailChannel(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/notification-channels/:id/enable',
    {
      config: { permission: { action: 'update', subject: 'Organization' } },
      schema: { tags: ['notifications'], summary: 'Enable the channel: refused unless its vendor handles PHI under a BAA in effect', params, response: replies(ChannelSchema) },
    },
    async (request) => enableChannel(actorOf(request), request.params.id),
  );

  app.post(
    '/api/notification-channels/:id/disable',
    { config: { permission: { action: 'update', subject: 'Organization' } }, schema: { tags: ['notifications'], summary: 'Disable the channel: nothing more is sent through it', params, response: replies(ChannelSchema) } },
    async (request) => disableChannel(actorOf(request), request.params.id),
  );

  app.post(
    '/api/notification-channels/:id/test',
    {
      config: { permission: { action: 'update', subject: 'Organization' } },
      schema: {
        tags: ['notifications'],
        summary: 'Send a test message now, to the given address or your own; a refusal (vendor gate, SMTP server) is the answer',
        params,
        body: Strict({ to: Type.Optional(Email) }),
        response: replies(Out({ notificationId: Type.String(), providerId: Type.String() })),
      },
    },
    async (request) => testChannel(actorOf(request), request.params.id, request.body),
  );
};
