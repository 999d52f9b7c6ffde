import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { organizationText } from '../../platform/http/phi-guard.ts';
import { Id, Literals, Out, PhiGuarded, Strict, replies } from '../../platform/http/schemas.ts';
import { saveAssessment, signAssessment } from './assessment.service.ts';
import { breachLog, breachLogCsv } from './breach-log.service.ts';
import {
  AssessmentBody,
  BreachLogRowSchema,
  ChangesBody,
  DeadlineSchema,
  IncidentSchema,
  IncidentSummarySchema,
  NoticeSchema,
  ReportBody,
  ReportedSchema,
  ScopeBody,
  SentBody,
} from './incidents.schemas.ts';
import { changeScope, closeIncident, getIncident, listIncidents, rederiveScope, reportIncident, updateIncident } from './incidents.service.ts';
import { renderLetterMarkdown, renderLetterPdf, renderPatientList } from './letter.ts';
import { generateNotice, markNoticeSent, openDeadlines, readNotice } from './notices.service.ts';

const manage = { action: 'update', subject: 'ComplianceRecord' } as const;
const read = { action: 'read', subject: 'ComplianceRecord' } as const;
const tags = ['incidents'];
const Params = Strict({ id: Id });
const NoticeParams = Strict({ id: Id, noticeId: Id });

/** Incidents: anyone reports; compliance works them, from scope and assessment to each client's notice. */
export const incidentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/incidents',
    {
      config: { permission: 'authenticated', phiClient: organizationText },
      schema: { tags, summary: 'Report an incident (anyone); from a task, alert, vendor or a person’s access (compliance for all but a task)', body: ReportBody, response: replies(ReportedSchema, 201) },
    },
    async (request, reply) => {
      const reported = await reportIncident(actorOf(request), request.body);
      return reply.code(reported.existing ? 200 : 201).send(reported);
    },
  );

  app.get(
    '/api/incidents',
    {
      config: { permission: read },
      schema: { tags, summary: 'Incidents, open first, each with its next notice deadline', querystring: Strict({ status: Type.Optional(Literals(['open', 'closed', 'all'] as const)) }), response: replies(Out({ items: Type.Array(IncidentSummarySchema) })) },
    },
    async (request) => ({ items: await listIncidents(actorOf(request), request.query) }),
  );

  app.get(
    '/api/incidents/deadlines',
    { config: { permission: read }, schema: { tags, summary: 'Every notice still owed, soonest first, overdue ones included', response: replies(Out({ items: Type.Array(DeadlineSchema) })) } },
    async (request) => ({ items: await openDeadlines(actorOf(request)) }),
  );

  app.get(
    '/api/incidents/breach-log',
    {
      config: { permission: read },
      schema: {
        tags,
        summary: "The breach log of a year (the client's calendar year of discovery), per client: format=csv for a spreadsheet",
        querystring: Strict({ year: Type.Integer({ minimum: 2000, maximum: 2100 }), clientId: Type.Optional(Id), format: Type.Optional(Literals(['json', 'csv'] as const)) }),
        response: replies(Out({ items: Type.Array(BreachLogRowSchema) })),
      },
    },
    async (request, reply) => {
      const ctx = actorOf(request);
      const filter = { year: request.query.year, ...(request.query.clientId ? { clientId: request.query.clientId } : {}) };
      if (request.query.format === 'csv') return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="breach-log-${filter.year}.csv"`).send((await breachLogCsv(ctx, filter)) as never);
      return { items: await breachLog(ctx, filter) };
    },
  );

  app.get('/api/incidents/:id', { config: { permission: read }, schema: { tags, summary: 'One incident with its scope, assessments, deadlines and notices', params: Params, response: replies(IncidentSchema) } }, async (request) =>
    getIncident(actorOf(request), request.params.id),
  );

  app.patch(
    '/api/incidents/:id',
    { config: { permission: manage, phiClient: organizationText }, schema: { tags, summary: 'Change the facts: type, discovery (with a reason), window, owner, HHS classification, law-enforcement delay', params: Params, body: ChangesBody, response: replies(IncidentSchema) } },
    async (request) => updateIncident(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/incidents/:id/scope',
    { config: { permission: manage, phiClient: organizationText }, schema: { tags, summary: 'Edit the affected clients, patients and counts, with the reason', params: Params, body: ScopeBody, response: replies(IncidentSchema) } },
    async (request) => changeScope(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/incidents/:id/scope/derive',
    { config: { permission: manage }, schema: { tags, summary: 'Derive the scope again from the audit trail (edits are kept)', params: Params, response: replies(IncidentSchema) } },
    async (request) => rederiveScope(actorOf(request), request.params.id),
  );

  app.put(
    '/api/incidents/:id/assessment',
    { config: { permission: manage, phiClient: organizationText }, schema: { tags, summary: 'Save the draft risk assessment (after a signed one: the amendment, a new version)', params: Params, body: AssessmentBody, response: replies(IncidentSchema) } },
    async (request) => saveAssessment(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/incidents/:id/assessment/sign',
    { config: { permission: { action: 'manage', subject: 'ComplianceRecord' } }, schema: { tags, summary: 'Sign the draft assessment: it never changes after', params: Params, response: replies(IncidentSchema) } },
    async (request) => signAssessment(actorOf(request), request.params.id),
  );

  app.post(
    '/api/incidents/:id/close',
    { config: { permission: manage, phiClient: organizationText }, schema: { tags, summary: 'Close the incident once every owed notice is sent', params: Params, body: Strict({ reason: PhiGuarded(1000, 3) }), response: replies(IncidentSchema) } },
    async (request) => closeIncident(actorOf(request), request.params.id, request.body.reason),
  );

  app.post(
    '/api/incidents/:id/notices',
    { config: { permission: manage }, schema: { tags, summary: 'Generate the letter to an affected client (a supplemental one once the first is sent)', params: Params, body: Strict({ clientId: Id }), response: replies(NoticeSchema, 201) } },
    async (request, reply) => reply.code(201).send(await generateNotice(actorOf(request), request.params.id, request.body.clientId)),
  );

  app.get(
    '/api/incidents/:id/notices/:noticeId',
    {
      config: { permission: read },
      schema: { tags, summary: 'The letter as PDF (default) or Markdown; format=patients for the attachment listing the patient references (logged)', params: NoticeParams, querystring: Strict({ format: Type.Optional(Literals(['pdf', 'md', 'patients'] as const)) }) },
    },
    async (request, reply) => {
      const format = request.query.format ?? 'pdf';
      const { facts, ref } = await readNotice(actorOf(request), request.params.id, request.params.noticeId, format);
      const name = `${ref}-notice-${facts.sequence}`;
      if (format === 'md') return reply.type('text/markdown; charset=utf-8').header('content-disposition', `attachment; filename="${name}.md"`).send(renderLetterMarkdown(facts));
      if (format === 'patients') return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}-patients.csv"`).send(renderPatientList(facts));
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${name}.pdf"`).send(await renderLetterPdf(facts));
    },
  );

  app.post(
    '/api/incidents/:id/notices/:noticeId/sent',
    { config: { permission: manage, phiClient: organizationText }, schema: { tags, summary: 'Record that the letter was sent: how, to whom, when (a late notice with the reason)', params: NoticeParams, body: SentBody, response: replies(NoticeSchema) } },
    async (request) => markNoticeSent(actorOf(request), request.params.id, request.params.noticeId, request.body),
  );
};
