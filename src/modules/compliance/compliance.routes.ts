import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { organizationText } from '../../platform/http/phi-guard.ts';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { actorUserId } from '../../platform/context.ts';
import { invalidField } from '../../platform/http/errors.ts';
import { Id, Literals, NoContent, Out, PhiGuarded, Strict, replies } from '../../platform/http/schemas.ts';
import {
  BaaChangesBody,
  BaaSchema,
  ChainEntrySchema,
  CompletionBody,
  CourseSchema,
  DashboardSchema,
  ImportResultSchema,
  NewBaaBody,
  NewVendorBody,
  ReminderSchema,
  TrainingOverviewSchema,
  TrainingStatusSchema,
  VendorChangesBody,
  VendorSchema,
} from './compliance.schemas.ts';
import { baaChain, baaChainCsv } from './baa-chain.service.ts';
import { MAX_BAA_DOCUMENT_BYTES, createBaa, getBaa, listBaas, putBaaDocument, readBaaDocument, updateBaa } from './baas.service.ts';
import { listCourses, recordCompletion, trainingOverview, trainingStatus } from './training.service.ts';
import { createVendor, listVendors, updateVendor } from './vendors.service.ts';
import { today } from '../../platform/calendar.ts';
import { baaChainPdf } from './baa-chain-pdf.ts';
import { complianceDashboard } from './dashboard.service.ts';
import { acknowledgeReminder, listReminders } from './reminders.service.ts';
import { importCompletions } from './training-import.ts';

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
      config: { permission: { action: 'create', subject: 'ComplianceRecord' }, phiClient: organizationText },
      schema: {
        tags: ['compliance'],
        summary: 'Add a vendor',
        body: NewVendorBody,
        response: replies(VendorSchema, 201),
      },
    },
    async (request, reply) => reply.code(201).send(await createVendor(actorOf(request), request.body)),
  );

  app.patch(
    '/api/vendors/:id',
    {
      config: { permission: { action: 'update', subject: 'ComplianceRecord' }, phiClient: organizationText },
      schema: {
        tags: ['compliance'],
        summary: 'Change a vendor',
        params: Strict({ id: Id }),
        body: VendorChangesBody,
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
      config: { permission: { action: 'create', subject: 'ComplianceRecord' }, phiClient: organizationText },
      schema: { tags: ['compliance'], summary: 'Record a BAA with a client or a vendor', body: NewBaaBody, response: replies(BaaSchema, 201) },
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
      config: { permission: { action: 'update', subject: 'ComplianceRecord' }, phiClient: organizationText },
      schema: { tags: ['compliance'], summary: 'Change a BAA (sign, extend, terminate)', params: Strict({ id: Id }), body: BaaChangesBody, response: replies(BaaSchema) },
    },
    async (request) => updateBaa(actorOf(request), request.params.id, request.body),
  );

  app.put(
    '/api/baas/:id/document',
    {
      config: { permission: { action: 'update', subject: 'ComplianceRecord' }, phiClient: organizationText },
      schema: {
        tags: ['compliance'],
        summary: 'Store the signed PDF (Content-Type: application/pdf), encrypted',
        params: Strict({ id: Id }),
        querystring: Strict({ name: Type.Optional(PhiGuarded(120)) }),
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
      schema: { tags: ['compliance'], summary: 'Training courses', response: replies(Out({ items: Type.Array(CourseSchema) })) },
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
        response: replies(Out({ items: Type.Array(TrainingOverviewSchema) })),
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
        response: replies(ImportResultSchema),
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
      config: { permission: { action: 'create', subject: 'ComplianceRecord' }, phiClient: organizationText },
      schema: {
        tags: ['compliance'],
        summary: 'Record a completed course',
        body: CompletionBody,
        response: replies(Out({ id: Type.String() }), 201),
      },
    },
    async (request, reply) => reply.code(201).send(await recordCompletion(actorOf(request), request.body)),
  );
};
