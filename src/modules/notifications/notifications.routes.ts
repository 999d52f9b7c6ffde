import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { AppError } from '../../platform/http/errors.ts';
import { Declared, Email, FORMAT_HINT, Id, IsoTime, Literals, NoContent, Nullable, Out, ProblemSchema, Secret, Strict, replies } from '../../platform/http/schemas.ts';
import { channelVendors, createChannel, disableChannel, enableChannel, getChannel, listChannels, rotateWebhookSecret, testChannel, updateChannel, type ChannelEnv } from './channels.service.ts';
import { unsafeReceiveSmsStatus } from './notifications.service.ts';

const KINDS = ['email', 'sms', 'webhook'] as const;

/** What every channel shows, whatever its kind. */
const common = {
  id: Type.String(),
  vendor: Out({ id: Type.String(), name: Type.String() }),
  hasCredentials: Type.Boolean({ description: 'Credentials are stored (encrypted); they are never sent back' }),
  enabled: Type.Boolean(),
  gate: Out({ open: Type.Boolean(), reason: Nullable(Type.String()) }, { description: 'Whether the vendor may carry messages today (active, handles PHI, a BAA in effect), and why not' }),
  createdAt: IsoTime,
  updatedAt: IsoTime,
};
const EmailChannelSchema = Out({ ...common, kind: Type.Literal('email'), host: Type.String(), port: Type.Integer(), secure: Type.Boolean(), fromAddress: Type.String() });
const SmsChannelSchema = Out({
  ...common,
  kind: Type.Literal('sms'),
  baseUrl: Type.String(),
  accountSid: Type.String(),
  fromNumber: Type.String(),
  statusCallbackUrl: Type.String({ description: 'Where the provider reports each message’s status (sent with every message); RINGFENCE_PUBLIC_URL must make it reachable' }),
});
const webhookFields = { ...common, kind: Type.Literal('webhook'), secretSetAt: IsoTime };
const WebhookChannelSchema = Out(webhookFields);
const SigningSecret = Type.String({ description: 'The signing secret, shown this once: give it to the receiver, which verifies x-ringfence-signature with it' });
const WebhookChannelWithSecret = Out({ ...webhookFields, signingSecret: SigningSecret });
const ChannelSchema = Type.Union([EmailChannelSchema, SmsChannelSchema, WebhookChannelSchema]);
/** A new channel; a webhook's carries its signing secret, this once. */
const CreatedChannelSchema = Type.Union([EmailChannelSchema, SmsChannelSchema, WebhookChannelWithSecret]);

const Host = Declared('url', { minLength: 1, maxLength: 253, pattern: '^\\s*[A-Za-z0-9:.-]+\\s*$', description: 'SMTP host name or address', [FORMAT_HINT]: 'a host name such as smtp.example.com, without a scheme or port' });
const Port = Type.Integer({ minimum: 1, maximum: 65535 });
const Credentials = Nullable(Strict({ username: Secret(200), password: Secret(512) }), { description: 'SMTP credentials, stored encrypted; null for none' });
const BaseUrl = Declared('url', { minLength: 1, maxLength: 200, pattern: '^\\s*https?://[A-Za-z0-9.:\\[\\]-]+/?\\s*$', description: 'The SMS API’s address (default https://api.twilio.com)', [FORMAT_HINT]: 'an address such as https://api.twilio.com, without a path' });
const AccountSid = Declared('identifier', { minLength: 2, maxLength: 64, pattern: '^\\s*[A-Za-z0-9-]+\\s*$', description: 'The provider account’s id (Twilio: AC…)', [FORMAT_HINT]: 'the account id, letters and digits only' });
const PHONE_PATTERN = '^\\s*\\+[1-9][0-9 ().-]{6,20}\\s*$';
const PhoneNumber = (description: string) => Declared('structured', { minLength: 8, maxLength: 24, pattern: PHONE_PATTERN, description, [FORMAT_HINT]: 'a phone number in international form, such as +15555550123' });
const AuthToken = Secret(200, 1, { description: 'The provider’s auth token, stored encrypted; also verifies its status callbacks' });
const WebhookUrl = Declared('url', { minLength: 8, maxLength: 2000, pattern: '^https?://\\S+$', description: 'A webhook receiver’s address', [FORMAT_HINT]: 'an https address such as https://hooks.example.com/ringfence' });

/** Every kind's settings, each optional here: the service requires what a kind needs and refuses what it does not take, naming the field. */
const settingsFields = {
  vendorId: Type.Optional(Id),
  host: Type.Optional(Host),
  port: Type.Optional(Port),
  secure: Type.Optional(Type.Boolean()),
  fromAddress: Type.Optional(Email),
  credentials: Type.Optional(Credentials),
  baseUrl: Type.Optional(BaseUrl),
  accountSid: Type.Optional(AccountSid),
  fromNumber: Type.Optional(PhoneNumber('The sending number (SMS)')),
  authToken: Type.Optional(AuthToken),
};

/**
 * The provider's status callback, form-encoded: the fields Ringfence reads, and every other
 * parameter (the account, the numbers), which the signature covers and which is then dropped,
 * never stored or logged.
 */
const SmsStatusBody = Type.Object(
  {
    MessageSid: Type.Optional(Declared('identifier', { pattern: '^[A-Za-z0-9]{2,64}$' })),
    SmsSid: Type.Optional(Declared('identifier', { pattern: '^[A-Za-z0-9]{2,64}$' })),
    MessageStatus: Type.Optional(Declared('identifier', { pattern: '^[a-z_]{1,32}$' })),
    SmsStatus: Type.Optional(Declared('identifier', { pattern: '^[a-z_]{1,32}$' })),
    ErrorCode: Type.Optional(Declared('identifier', { pattern: '^[0-9]{0,10}$' })),
  },
  { additionalProperties: Declared('identifier', { maxLength: 1600, description: 'Other parameters of the provider: checked in the signature, then dropped' }) },
);

/** Status callbacks are small; anything larger is not one. */
const SMS_STATUS_BODY_LIMIT = 16 * 1024;

/** The provider's status callback: public (the provider has no session), verified by its signature instead. */
const smsStatusRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Form bodies only here: every other route keeps taking JSON alone.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: SMS_STATUS_BODY_LIMIT }, (_request, body, done) => {
    const params: Record<string, string> = {};
    for (const [name, value] of new URLSearchParams(body as string)) {
      // A repeated name would make the signed string ambiguous.
      if (Object.hasOwn(params, name)) return done(new AppError('validation', 'A parameter is repeated.', { field: name }), undefined);
      params[name] = value;
    }
    done(null, params);
  });

  app.post(
    '/api/notifications/sms-status/:channelId',
    {
      config: { permission: 'public', rateLimit: { max: 1200, timeWindow: '1 minute' } },
      bodyLimit: SMS_STATUS_BODY_LIMIT,
      schema: {
        tags: ['notifications'],
        summary: 'SMS status callback (Twilio-shaped), verified by X-Twilio-Signature over the URL and parameters; unsigned or unknown: 403',
        params: Strict({ channelId: Id }),
        body: SmsStatusBody,
        response: { 204: NoContent, '4xx': ProblemSchema, '5xx': ProblemSchema },
      },
    },
    async (request, reply) => {
      const { platform } = app;
      const signature = request.headers['x-twilio-signature'];
      await unsafeReceiveSmsStatus(
        { database: platform.database, keyring: platform.keyring, jobs: platform.jobs },
        { channelId: request.params.channelId, url: platform.publicUrl() + request.url, params: request.body as Record<string, string>, signature: typeof signature === 'string' ? signature : undefined },
      );
      return reply.code(204).send(null);
    },
  );
};

/** The organization's outbound channels (e-mail, SMS, webhook), set up by administrators; and the SMS provider's callback. */
export const notificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const params = Strict({ id: Id });
  const env = (): ChannelEnv => ({ publicUrl: app.platform.publicUrl() });
  const admin = { permission: { action: 'update', subject: 'Organization' } } as const;

  await app.register(smsStatusRoutes);

  app.get(
    '/api/notification-channels',
    { config: { permission: { action: 'read', subject: 'Organization' } }, schema: { tags: ['notifications'], summary: 'Notification channels (never their credentials)', response: replies(Out({ items: Type.Array(ChannelSchema) })) } },
    async (request) => ({ items: await listChannels(actorOf(request), env()) }),
  );

  app.get(
    '/api/notification-channels/vendors',
    {
      config: { permission: { action: 'read', subject: 'Organization' } },
      schema: {
        tags: ['notifications'],
        summary: 'Vendors recorded as providing a channel kind’s service (e-mail by default; SMS; webhooks under “other”), to choose a channel’s vendor from',
        querystring: Strict({ kind: Type.Optional(Literals(KINDS)) }),
        response: replies(Out({ items: Type.Array(Out({ id: Type.String(), name: Type.String(), status: Literals(['active', 'inactive'] as const), handlesPhi: Type.Boolean() })) })),
      },
    },
    async (request) => ({ items: await channelVendors(actorOf(request), request.query.kind ?? 'email') }),
  );

  app.get(
    '/api/notification-channels/:id',
    { config: { permission: { action: 'read', subject: 'Organization' } }, schema: { tags: ['notifications'], summary: 'One notification channel', params, response: replies(ChannelSchema) } },
    async (request) => getChannel(actorOf(request), request.params.id, env()),
  );

  app.post(
    '/api/notification-channels',
    {
      config: admin,
      schema: {
        tags: ['notifications'],
        summary: 'Set up a channel (disabled until enabled): e-mail (host, port, secure, fromAddress, credentials), SMS (baseUrl, accountSid, fromNumber, authToken) or webhook (its signing secret is made and answered this once)',
        body: Strict({ kind: Literals(KINDS), ...settingsFields, vendorId: Id }),
        response: replies(CreatedChannelSchema, 201),
      },
    },
    async (request, reply) => {
      const { kind, ...input } = request.body;
      const { channel, signingSecret } = await createChannel(actorOf(request), kind, input, env());
      // Only a webhook channel has a signing secret; its answer is the one that carries it.
      return reply.code(201).send((signingSecret ? { ...channel, signingSecret } : channel) as never);
    },
  );

  app.patch(
    '/api/notification-channels/:id',
    {
      config: admin,
      schema: {
        tags: ['notifications'],
        summary: 'Change the channel’s vendor, settings or credentials (absent credentials are kept); a setting of another kind is refused',
        params,
        body: Strict(settingsFields),
        response: replies(ChannelSchema),
      },
    },
    async (request) => updateChannel(actorOf(request), request.params.id, request.body, env()),
  );

  app.post(
    '/api/notification-channels/:id/enable',
    { config: admin, schema: { tags: ['notifications'], summary: 'Enable the channel: refused unless its vendor handles PHI under a BAA in effect', params, response: replies(ChannelSchema) } },
    async (request) => enableChannel(actorOf(request), request.params.id, env()),
  );

  app.post(
    '/api/notification-channels/:id/disable',
    { config: admin, schema: { tags: ['notifications'], summary: 'Disable the channel: nothing more is sent through it', params, response: replies(ChannelSchema) } },
    async (request) => disableChannel(actorOf(request), request.params.id, env()),
  );

  app.post(
    '/api/notification-channels/:id/rotate-secret',
    {
      config: admin,
      schema: { tags: ['notifications'], summary: 'Replace a webhook channel’s signing secret; the new one is answered this once', params, response: replies(WebhookChannelWithSecret) },
    },
    async (request) => {
      const { channel, signingSecret } = await rotateWebhookSecret(actorOf(request), request.params.id, env());
      return { ...channel, signingSecret } as never;
    },
  );

  app.post(
    '/api/notification-channels/:id/test',
    {
      config: admin,
      schema: {
        tags: ['notifications'],
        summary: 'Send a test message now: to an e-mail address (or your own), an SMS number, or a webhook URL, as the channel’s kind needs; a refusal (vendor gate, provider) is the answer',
        params,
        body: Strict({ to: Type.Optional(Type.Union([Email, PhoneNumber('The number to text'), WebhookUrl])) }),
        response: replies(Out({ notificationId: Type.String(), providerId: Nullable(Type.String()) })),
      },
    },
    async (request) => testChannel(actorOf(request), request.params.id, request.body, env()),
  );
};
