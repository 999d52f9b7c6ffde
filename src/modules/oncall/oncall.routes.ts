import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { Declared, NoContent, Out, Strict, replies } from '../../platform/http/schemas.ts';
import { notFound } from '../../platform/http/errors.ts';
import { addContact, listContacts, orderContacts, removeContact, resendCode, verifyContact } from './contacts.service.ts';
import { feedCalendar, feedStatus, issueFeed, revokeFeed } from './feed.service.ts';
import {
  AtQuery,
  CodeBody,
  ContactBody,
  ContactParams,
  ContactPointSchema,
  CoverageSpanSchema,
  FeedSchema,
  FeedStatusSchema,
  IdParams,
  OrderBody,
  PatientTimelineSchema,
  PreviewSchema,
  ProviderSchema,
  ReplyBody,
  ReplyParams,
  RosterSchema,
  SavedScheduleSchema,
  ScheduleDocumentSchema,
  ScheduleSchema,
  SpanQuery,
  TimelineEntrySchema,
  UrgentBody,
  UrgentContentSchema,
  UrgentQuery,
  UrgentSchema,
} from './oncall.schemas.ts';
import { clientProviders, getOnCallSettings, saveOnCallSettings } from './providers.service.ts';
import { onCallAt, currentSchedule, saveSchedule, scheduleSpan } from './schedules.service.ts';
import { OnCallSettingsSchema } from './settings.ts';
import { patientTimeline } from './timeline.service.ts';
import {
  acknowledgeUrgent,
  cancelUrgent,
  createUrgentMessage,
  getUrgentMessage,
  handleReply,
  listUrgentMessages,
  markOpened,
  messageTimeline,
  pagePreview,
  readUrgentContent,
  replyUrgent,
} from './urgent.service.ts';

const tags = ['on-call'];
const clientIdOf = (request: { params: unknown }) => (request.params as { id: string }).id;

/** Schedules, providers and their contact points, and calendar feeds. */
export const onCallRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = { permission: { action: 'read', subject: 'OnCall' } } as const;
  const update = { permission: { action: 'update', subject: 'OnCall' } } as const;

  app.get(
    '/api/clients/:id/on-call',
    { config: read, schema: { tags, summary: 'Who is on call for a client at an instant (default now), and which rule or override decided it', params: IdParams, querystring: AtQuery, response: replies(RosterSchema) } },
    async (request) => onCallAt(actorOf(request), request.params.id, request.query.at ? new Date(request.query.at) : new Date()),
  );

  app.get(
    '/api/clients/:id/on-call/schedule',
    { config: read, schema: { tags, summary: "A client's current on-call schedule", params: IdParams, response: replies(ScheduleSchema) } },
    async (request) => currentSchedule(actorOf(request), request.params.id),
  );

  app.put(
    '/api/clients/:id/on-call/schedule',
    {
      config: { ...update, phiClient: clientIdOf },
      schema: { tags, summary: 'Save a new version of the schedule, in force from now; answers with the gaps and double coverage of the next 30 days', params: IdParams, body: ScheduleDocumentSchema, response: replies(SavedScheduleSchema) },
    },
    async (request) => saveSchedule(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/clients/:id/on-call/coverage',
    { config: read, schema: { tags, summary: 'Who covers when over a span (at most 62 days), with its gaps and double coverage', params: IdParams, querystring: SpanQuery, response: replies(CoverageSpanSchema) } },
    async (request) => scheduleSpan(actorOf(request), request.params.id, new Date(request.query.from), new Date(request.query.to)),
  );

  app.get(
    '/api/clients/:id/on-call/settings',
    { config: read, schema: { tags, summary: "A client's on-call settings", params: IdParams, response: replies(OnCallSettingsSchema) } },
    async (request) => getOnCallSettings(actorOf(request), request.params.id),
  );

  app.put(
    '/api/clients/:id/on-call/settings',
    { config: { ...update, phiClient: clientIdOf }, schema: { tags, summary: "Change a client's on-call settings (pages in flight keep theirs)", params: IdParams, body: OnCallSettingsSchema, response: replies(OnCallSettingsSchema) } },
    async (request) => saveOnCallSettings(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/clients/:id/on-call/providers',
    { config: read, schema: { tags, summary: "A client's on-call providers and whether a page can reach each", params: IdParams, response: replies(Out({ items: Type.Array(ProviderSchema) })) } },
    async (request) => ({ items: await clientProviders(actorOf(request), request.params.id) }),
  );

  app.get(
    '/api/clients/:id/on-call/preview',
    { config: read, schema: { tags, summary: 'Who a page for this client would go to now, before it is sent', params: IdParams, response: replies(PreviewSchema) } },
    async (request) => pagePreview(actorOf(request), request.params.id),
  );

  app.get(
    '/api/people/:id/contact-points',
    { config: read, schema: { tags, summary: "A person's contact points for pages (their own, or an administrator's view)", params: IdParams, response: replies(Out({ items: Type.Array(ContactPointSchema) })) } },
    async (request) => ({ items: await listContacts(actorOf(request), request.params.id) }),
  );

  app.post(
    '/api/people/:id/contact-points',
    {
      config: update,
      schema: { tags, summary: 'Add a contact point; a verification code is sent through it', params: IdParams, body: ContactBody, response: replies(Type.Intersect([ContactPointSchema, Out({ codeSent: Type.Boolean() })]), 201) },
    },
    async (request, reply) => reply.code(201).send(await addContact(actorOf(request), request.server.platform.jobs, request.params.id, request.body)),
  );

  app.post(
    '/api/people/:id/contact-points/:contactId/verify',
    { config: update, schema: { tags, summary: 'Type back the code a contact point received', params: ContactParams, body: CodeBody, response: replies(ContactPointSchema) } },
    async (request) => verifyContact(actorOf(request), request.params.id, request.params.contactId, request.body.code),
  );

  app.post(
    '/api/people/:id/contact-points/:contactId/resend',
    { config: update, schema: { tags, summary: 'Send a contact point a new verification code', params: ContactParams, response: replies(Out({ codeSent: Type.Boolean() })) } },
    async (request) => resendCode(actorOf(request), request.server.platform.jobs, request.params.id, request.params.contactId),
  );

  app.delete(
    '/api/people/:id/contact-points/:contactId',
    { config: update, schema: { tags, summary: 'Remove a contact point', params: ContactParams, response: replies(NoContent, 204) } },
    async (request, reply) => {
      await removeContact(actorOf(request), request.params.id, request.params.contactId);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/people/:id/contact-points/order',
    { config: update, schema: { tags, summary: 'Put contact points in the order pages try them', params: IdParams, body: OrderBody, response: replies(Out({ items: Type.Array(ContactPointSchema) })) } },
    async (request) => ({ items: await orderContacts(actorOf(request), request.params.id, request.body.ids) }),
  );

  app.get(
    '/api/account/calendar-feed',
    { config: { permission: 'authenticated' }, schema: { tags, summary: 'Whether you have a calendar feed of your shifts', response: replies(FeedStatusSchema) } },
    async (request) => feedStatus(actorOf(request)),
  );

  app.post(
    '/api/account/calendar-feed',
    { config: { permission: 'authenticated' }, schema: { tags, summary: 'A new calendar feed address for your shifts (the old one stops working)', response: replies(FeedSchema, 201) } },
    async (request, reply) => reply.code(201).send(await issueFeed(actorOf(request), request.server.platform.publicUrl())),
  );

  app.delete(
    '/api/account/calendar-feed',
    { config: { permission: 'authenticated' }, schema: { tags, summary: 'Stop your calendar feed', response: replies(NoContent, 204) } },
    async (request, reply) => {
      await revokeFeed(actorOf(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/calendar/:token',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: "A provider's shifts as iCalendar (the token is the feed's secret)",
        params: Strict({ token: Declared('secret', { minLength: 40, maxLength: 100, pattern: '^[0-9a-f-]{36}\\.[A-Za-z0-9_-]{32}\\.ics$' }) }),
        response: { 200: Type.String({ description: 'text/calendar' }), ...replies(Type.String()) },
      },
    },
    async (request, reply) => {
      const ics = await feedCalendar(request.server.platform.database, request.params.token.replace(/\.ics$/, ''));
      if (ics === null) throw notFound('Calendar feed');
      return reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'no-store').send(ics);
    },
  );
};

/** Urgent messages: paging, the provider inbox, acknowledgements and replies, timelines. */
export const urgentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = { permission: { action: 'read', subject: 'UrgentMessage' } } as const;
  const update = { permission: { action: 'update', subject: 'UrgentMessage' } } as const;
  const utags = ['urgent messages'];

  app.post(
    '/api/urgent-messages',
    {
      config: { permission: { action: 'create', subject: 'UrgentMessage' } },
      schema: { tags: utags, summary: 'Page the on-call provider about a task or a patient (the message is encrypted; pages carry no PHI)', body: UrgentBody, response: replies(UrgentSchema, 201) },
    },
    async (request, reply) => reply.code(201).send(await createUrgentMessage(actorOf(request), request.server.platform.jobs, request.body)),
  );

  app.get(
    '/api/urgent-messages',
    { config: { ...read, sessionActivity: 'background' }, schema: { tags: utags, summary: 'Urgent messages you may see: your inbox, the open ones, or those of a task or patient', querystring: UrgentQuery, response: replies(Out({ items: Type.Array(UrgentSchema) })) } },
    async (request) => ({ items: await listUrgentMessages(actorOf(request), request.query) }),
  );

  app.get(
    '/api/urgent-messages/:id',
    { config: read, schema: { tags: utags, summary: 'One urgent message: status, recipients and times (no clinical content)', params: IdParams, response: replies(UrgentSchema) } },
    async (request) => getUrgentMessage(actorOf(request), request.params.id),
  );

  app.get(
    '/api/urgent-messages/:id/content',
    { config: read, schema: { tags: utags, summary: 'Read the message and its replies (logged as a PHI read; for a recipient, the reading of the message)', params: IdParams, response: replies(UrgentContentSchema) } },
    async (request) => readUrgentContent(actorOf(request), request.params.id),
  );

  app.get(
    '/api/urgent-messages/:id/timeline',
    { config: read, schema: { tags: utags, summary: 'Every step of the message: pages with their channel times, openings, readings, acknowledgements, replies', params: IdParams, response: replies(Out({ items: Type.Array(TimelineEntrySchema) })) } },
    async (request) => ({ items: await messageTimeline(actorOf(request), request.params.id) }),
  );

  app.post(
    '/api/urgent-messages/:id/opened',
    { config: read, schema: { tags: utags, summary: 'The link in a page was followed (recorded before anything is shown)', params: IdParams, response: replies(UrgentSchema) } },
    async (request) => markOpened(actorOf(request), request.params.id),
  );

  app.post(
    '/api/urgent-messages/:id/acknowledge',
    { config: update, schema: { tags: utags, summary: 'Acknowledge the message: the escalation stops', params: IdParams, response: replies(UrgentSchema) } },
    async (request) => acknowledgeUrgent(actorOf(request), request.params.id),
  );

  app.post(
    '/api/urgent-messages/:id/replies',
    { config: update, schema: { tags: utags, summary: 'Reply to the message (clinical, encrypted; acknowledges it too)', params: IdParams, body: ReplyBody, response: replies(Out({ id: Type.String(), createdAt: Type.String() }), 201) } },
    async (request, reply) => reply.code(201).send(await replyUrgent(actorOf(request), request.params.id, request.body.body)),
  );

  app.post(
    '/api/urgent-messages/:id/replies/:replyId/handled',
    // Acting on a reply is the callback's work: whoever may update the client's callbacks marks it.
    { config: { permission: { action: 'update', subject: 'Task' } }, schema: { tags: utags, summary: "Mark a provider's reply handled", params: ReplyParams, response: replies(UrgentSchema) } },
    async (request) => handleReply(actorOf(request), request.params.id, request.params.replyId),
  );

  app.post(
    '/api/urgent-messages/:id/cancel',
    { config: { permission: { action: 'manage', subject: 'UrgentMessage' } }, schema: { tags: utags, summary: 'Stop a page sent in error (supervisors); the record stays', params: IdParams, response: replies(UrgentSchema) } },
    async (request) => cancelUrgent(actorOf(request), request.params.id),
  );

  app.get(
    '/api/patients/:id/timeline',
    { config: { permission: { action: 'read', subject: 'Patient' } }, schema: { tags: utags, summary: "A patient's callbacks, attempts, pages and acknowledgements in order (operational facts only)", params: IdParams, response: replies(PatientTimelineSchema) } },
    async (request) => patientTimeline(actorOf(request), request.params.id),
  );
};
