import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { actorUserId } from '../../platform/context.ts';
import { invalidField } from '../../platform/http/errors.ts';
import { Id, IsoDate, IsoTime, Literals, Name, NoContent, Nullable, Out, Strict, Text, replies } from '../../platform/http/schemas.ts';
import {
  MAX_BAA_DOCUMENT_BYTES,
  baaChain,
  baaChainCsv,
  createBaa,
  createVendor,
  getBaa,
  listBaas,
  listCourses,
  listVendors,
  putBaaDocument,
  readBaaDocument,
  recordCompletion,
  trainingOverview,
  trainingStatus,
  updateBaa,
  updateVendor,
} from './compliance.service.ts';
import { today } from '../../platform/calendar.ts';
import { baaChainPdf } from './baa-chain-pdf.ts';
import { complianceDashboard } from './dashboard.service.ts';
import { acknowledgeReminder, listReminders } from './reminders.service.ts';
import { importCompletions } from './training-import.ts';

const SERVICES = ['telephony', 'recording', 'transcription', 'sms', 'email', 'hosting', 'other'] as const;
const BAA_STATUSES = ['draft', 'signed', 'terminated'] as const;
const Notes = Nullable(Type.String({ maxLength: 2000 }));
const ClientIds = Nullable(Type.Array(Id, { maxItems: 500 }), { description: 'The clients whose PHI the vendor touches; null (the default) for every client' });

const VendorSchema = Out({
  id: Type.String(),
  name: Type.String(),
  services: Type.Array(Literals(SERVICES)),
  handlesPhi: Type.Boolean(),
  clientIds: Nullable(Type.Array(Type.String()), { description: "The clients whose PHI it touches; null for every client" }),
  status: Literals(['active', 'inactive'] as const),
  notes: Nullable(Type.String()),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});

const BaaSchema = Out({
  id: Type.String(),
  party: Out({ type: Literals(['client', 'vendor'] as const), id: Type.String() }),
  status: Literals(BAA_STATUSES),
  active: Type.Boolean({ description: 'Signed and in effect today: PHI of the client may be handled' }),
  effectiveOn: Nullable(Type.String()),
  endsOn: Nullable(Type.String()),
  counterpartySigner: Nullable(Type.String()),
  breachNoticeDays: Type.Integer(),
  terminationDisposition: Literals(['return', 'destroy'] as const),
  notes: Nullable(Type.String()),
  document: Nullable(Out({ name: Type.String(), bytes: Type.Integer(), sha256: Type.String() })),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});

const BaaFields = {
  status: Type.Optional(Literals(BAA_STATUSES)),
  effectiveOn: Type.Optional(Nullable(IsoDate)),
  endsOn: Type.Optional(Nullable(IsoDate)),
  counterpartySigner: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  breachNoticeDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
  terminationDisposition: Type.Optional(Literals(['return', 'destroy'] as const)),
  notes: Type.Optional(Notes),
};

const ChainStates = Literals(['active', 'expiring', 'pending', 'draft', 'expired', 'terminated', 'missing'] as const);
const PartySchema = Out({ type: Literals(['client', 'vendor'] as const), id: Type.String(), name: Type.String() });

const ChainEntrySchema = Out({
  party: PartySchema,
  services: Type.Array(Type.String()),
  handlesPhi: Type.Boolean(),
  reach: Nullable(Type.Array(Type.String()), { description: "A vendor: the clients whose PHI it touches (null: every client). A client: the PHI-handling vendors serving it" }),
  state: ChainStates,
  baaId: Nullable(Type.String()),
  effectiveOn: Nullable(Type.String()),
  endsOn: Nullable(Type.String()),
  daysLeft: Nullable(Type.Integer(), { description: "Days until an active agreement ends, on the party's calendar" }),
  breachNoticeDays: Nullable(Type.Integer()),
});

const StandingSchema = Out({
  courseId: Type.String(),
  key: Type.String(),
  name: Type.String(),
  required: Type.Boolean(),
  validityMonths: Type.Integer(),
  completedOn: Nullable(Type.String()),
  expiresOn: Nullable(Type.String()),
  state: Literals(['current', 'expired', 'missing'] as const),
});
const TrainingStatusSchema = Out({ userId: Type.String(), phiAccess: Type.Boolean({ description: 'Every required course is current' }), courses: Type.Array(StandingSchema) });


const DashboardSchema = Out({
  asOf: Type.String(),
  baaCoverage: Out({ clients: Type.Integer(), covered: Type.Integer(), byState: Out({ active: Type.Integer(), expiring: Type.Integer(), pending: Type.Integer(), draft: Type.Integer(), expired: Type.Integer(), terminated: Type.Integer(), missing: Type.Integer() }) }),
  vendors: Out({ handlingPhi: Type.Integer(), withoutBaa: Type.Array(Out({ id: Type.String(), name: Type.String(), services: Type.Array(Type.String()), state: ChainStates })) }),
  baasEnding: Type.Array(Out({ party: PartySchema, endsOn: Type.String(), daysLeft: Type.Integer() })),
  training: Out({
    people: Type.Integer(),
    current: Type.Integer(),
    byCourse: Type.Array(Out({ courseId: Type.String(), name: Type.String(), required: Type.Boolean(), current: Type.Integer(), expiringSoon: Type.Integer(), expired: Type.Integer(), missing: Type.Integer() })),
    expiringSoon: Type.Array(Out({ userId: Type.String(), displayName: Type.String(), course: Type.String(), expiresOn: Type.String(), daysLeft: Type.Integer() })),
  }),
  accessReviews: Out({ open: Type.Array(Out({ id: Type.String(), name: Type.String(), status: Type.String(), dueOn: Nullable(Type.String()), createdAt: IsoTime, closedAt: Nullable(Type.String()), progress: Out({ total: Type.Integer(), decided: Type.Integer(), revoked: Type.Integer() }) })) }),
  incidents: Out({ tracked: Type.Boolean({ description: 'False until incidents are kept' }) }),
  anomalies: Out({ tracked: Type.Boolean({ description: 'False until anomaly alerts are kept' }) }),
});

const ReminderSchema = Out({
  id: Type.String(),
  kind: Literals(['baa_ending', 'training_expiring'] as const),
  message: Type.String(),
  about: Type.String({ description: "The client's, vendor's or course's name" }),
  partyType: Nullable(Literals(['client', 'vendor'] as const)),
  dueOn: Type.String({ description: 'The day the agreement ends or the training lapses' }),
  daysLeft: Type.Integer(),
  thresholdDays: Type.Integer({ description: 'The step this reminder belongs to: 60, 30 or 7 days before' }),
  remindedAt: IsoTime,
});

/** Vendors, BAAs and their documents, training, and the BAA-chain report. */
export const complianceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Signed agreements arrive as the PDF itself.
  app.addContentTypeParser('application/pdf', { parseAs: 'buffer', bodyLimit: MAX_BAA_DOCUMENT_BYTES }, (_request, body, done) => done(null, body));
  // Training imports arrive as the CSV file itself.
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 2 * 1024 * 1024 }, (_request, body, done) => done(null, body));

  app.get(
    '/api/vendors',
    { config: { permission: { action: 'read', subject: 'ComplianceRecord' } }, schema: { tags: ['compliance'], summary: 'Vendors (subcontractors)', response: replies(Out({ items: Type.Array(VendorSchema) })) } },
    async (request) => ({ items: await listVendors(actorOf(request)) }),
  );

  app.post(
    '/api/vendors',
    {
      config: { permission: { action: 'create', subject: 'ComplianceRecord' } },
      schema: {
        tags: ['compliance'],
        summary: 'Add a vendor',
        body: Strict({ name: Name(120), services: Type.Array(Literals(SERVICES), { minItems: 1, maxItems: 7 }), handlesPhi: Type.Boolean(), clientIds: Type.Optional(ClientIds), notes: Type.Optional(Notes) }),
        response: replies(VendorSchema, 201),
      },
    },
    async (request, reply) => reply.code(201).send(await createVendor(actorOf(request), request.body)),
  );

  app.patch(
    '/api/vendors/:id',
    {
      config: { permission: { action: 'update', subject: 'ComplianceRecord' } },
      schema: {
        tags: ['compliance'],
        summary: 'Change a vendor',
        params: Strict({ id: Id }),
        body: Strict({
          name: Type.Optional(Name(120)),
          services: Type.Optional(Type.Array(Literals(SERVICES), { minItems: 1, maxItems: 7 })),
          handlesPhi: Type.Optional(Type.Boolean()),
          clientIds: Type.Optional(ClientIds),
          status: Type.Optional(Literals(['active', 'inactive'] as const)),
          notes: Type.Optional(Notes),
        }),
        response: replies(VendorSchema),
      },
    },
    async (request) => updateVendor(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/baas',
    {
      config: { permission: { action: 'read', subject: 'ComplianceRecord' } },
      schema: { tags: ['compliance'], summary: 'Business associate agreements', querystring: Strict({ clientId: Type.Optional(Id), vendorId: Type.Optional(Id) }), response: replies(Out({ items: Type.Array(BaaSchema) })) },
    },
    async (request) => ({ items: await listBaas(actorOf(request), request.query) }),
  );

  app.post(
    '/api/baas',
    {
      config: { permission: { action: 'create', subject: 'ComplianceRecord' } },
      schema: { tags: ['compliance'], summary: 'Record a BAA with a client or a vendor', body: Strict({ clientId: Type.Optional(Id), vendorId: Type.Optional(Id), ...BaaFields }), response: replies(BaaSchema, 201) },
    },
    async (request, reply) => reply.code(201).send(await createBaa(actorOf(request), request.body)),
  );

  app.get(
    '/api/baas/:id',
    { config: { permission: { action: 'read', subject: 'ComplianceRecord' } }, schema: { tags: ['compliance'], summary: 'One BAA', params: Strict({ id: Id }), response: replies(BaaSchema) } },
    async (request) => getBaa(actorOf(request), request.params.id),
  );

  app.patch(
    '/api/baas/:id',
    {
      config: { permission: { action: 'update', subject: 'ComplianceRecord' } },
      schema: { tags: ['compliance'], summary: 'Change a BAA (sign, extend, terminate)', params: Strict({ id: Id }), body: Strict(BaaFields), response: replies(BaaSchema) },
    },
    async (request) => updateBaa(actorOf(request), request.params.id, request.body),
  );

  app.put(
    '/api/baas/:id/document',
    {
      config: { permission: { action: 'update', subject: 'ComplianceRecord' } },
      schema: {
        tags: ['compliance'],
        summary: 'Store the signed PDF (Content-Type: application/pdf), encrypted',
        params: Strict({ id: Id }),
        querystring: Strict({ name: Type.Optional(Text(120)) }),
        response: replies(BaaSchema),
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body)) throw invalidField('document', 'send the PDF itself, with Content-Type: application/pdf');
      return putBaaDocument(actorOf(request), request.params.id, request.query.name ?? 'baa.pdf', request.body);
    },
  );

  app.get(
    '/api/baas/:id/document',
    { config: { permission: { action: 'read', subject: 'ComplianceRecord' } }, schema: { tags: ['compliance'], summary: 'Download the signed PDF (logged)', params: Strict({ id: Id }) } },
    async (request, reply) => {
      const { name, pdf } = await readBaaDocument(actorOf(request), request.params.id);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${name.replace(/"/g, '')}"`).send(pdf);
    },
  );

  app.get(
    '/api/compliance/baa-chain',
    {
      config: { permission: { action: 'read', subject: 'ComplianceRecord' } },
      schema: {
        tags: ['compliance'],
        summary: 'Every client and PHI-handling vendor with its BAA state, gaps first (format=csv for a spreadsheet, format=pdf for the file)',
        querystring: Strict({ format: Type.Optional(Literals(['json', 'csv', 'pdf'] as const)) }),
        response: replies(Out({ items: Type.Array(ChainEntrySchema) })),
      },
    },
    async (request, reply) => {
      const ctx = actorOf(request);
      const entries = await baaChain(ctx);
      const asOf = today();
      if (request.query.format === 'csv') return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="baa-chain-${asOf}.csv"`).send(baaChainCsv(entries) as never);
      if (request.query.format === 'pdf') {
        const pdf = await baaChainPdf(entries, { organization: (await ctx.db.organization()).name, asOf });
        return reply.type('application/pdf').header('content-disposition', `attachment; filename="baa-chain-${asOf}.pdf"`).send(pdf as never);
      }
      return { items: entries };
    },
  );

  app.get(
    '/api/compliance/dashboard',
    {
      config: { permission: { action: 'read', subject: 'ComplianceRecord' } },
      schema: { tags: ['compliance'], summary: 'BAA coverage, vendors without BAAs, training coverage and expiries, open access reviews', response: replies(DashboardSchema) },
    },
    async (request) => complianceDashboard(actorOf(request)),
  );

  app.get(
    '/api/reminders',
    {
      config: { permission: 'authenticated' },
      schema: { tags: ['compliance'], summary: 'Your open reminders: your training before it lapses, and BAAs before they end for whoever keeps the records', response: replies(Out({ items: Type.Array(ReminderSchema) })) },
    },
    async (request) => ({ items: await listReminders(actorOf(request)) }),
  );

  app.post(
    '/api/reminders/:id/acknowledge',
    {
      config: { permission: 'authenticated' },
      schema: { tags: ['compliance'], summary: 'Mark a reminder seen (the next step still comes)', params: Strict({ id: Id }), response: replies(NoContent, 204) },
    },
    async (request, reply) => {
      await acknowledgeReminder(actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/courses',
    {
      config: { permission: 'authenticated' },
      schema: { tags: ['compliance'], summary: 'Training courses', response: replies(Out({ items: Type.Array(Out({ id: Type.String(), key: Type.String(), name: Type.String(), validityMonths: Type.Integer(), required: Type.Boolean() })) })) },
    },
    async (request) => ({ items: await listCourses(actorOf(request)) }),
  );

  app.get(
    '/api/training/me',
    { config: { permission: 'authenticated' }, schema: { tags: ['compliance'], summary: 'Your training: whether PHI is open to you and what to complete', response: replies(TrainingStatusSchema) } },
    async (request) => {
      const ctx = actorOf(request);
      return trainingStatus(ctx, actorUserId(ctx)!);
    },
  );

  app.get(
    '/api/training/people',
    {
      config: { permission: { action: 'read', subject: 'ComplianceRecord' } },
      schema: {
        tags: ['compliance'],
        summary: "Every active person's training: PHI access, courses missing or expired, the next expiry",
        response: replies(Out({ items: Type.Array(Out({ userId: Type.String(), displayName: Type.String(), phiAccess: Type.Boolean(), lacking: Type.Array(Type.String()), nextExpiry: Nullable(Type.String()) })) })),
      },
    },
    async (request) => ({ items: await trainingOverview(actorOf(request)) }),
  );

  app.get(
    '/api/training/people/:id',
    { config: { permission: { action: 'read', subject: 'ComplianceRecord' } }, schema: { tags: ['compliance'], summary: "A person's training", params: Strict({ id: Id }), response: replies(TrainingStatusSchema) } },
    async (request) => trainingStatus(actorOf(request), request.params.id),
  );

  app.post(
    '/api/training/import',
    {
      config: { permission: { action: 'create', subject: 'ComplianceRecord' } },
      schema: {
        tags: ['compliance'],
        summary: 'Import completions from CSV (email, course, completed_on, evidence): dryRun=true previews; otherwise all rows or none',
        querystring: Strict({ dryRun: Type.Optional(Type.Boolean()) }),
        response: replies(
          Out({
            rows: Type.Array(Out({ line: Type.Integer(), email: Type.String(), course: Type.String(), completedOn: Type.String(), errors: Type.Array(Type.String()) })),
            valid: Type.Integer(),
            invalid: Type.Integer(),
            imported: Type.Integer(),
          }),
        ),
      },
    },
    async (request) => {
      if (typeof request.body !== 'string') throw invalidField('file', 'send the CSV itself, with Content-Type: text/csv');
      return importCompletions(actorOf(request), request.body, { dryRun: request.query.dryRun === true });
    },
  );

  app.post(
    '/api/training/completions',
    {
      config: { permission: { action: 'create', subject: 'ComplianceRecord' } },
      schema: {
        tags: ['compliance'],
        summary: 'Record a completed course',
        body: Strict({ userId: Id, courseId: Id, completedOn: IsoDate, evidence: Text(2000) }),
        response: replies(Out({ id: Type.String() }), 201),
      },
    },
    async (request, reply) => reply.code(201).send(await recordCompletion(actorOf(request), request.body)),
  );
};
