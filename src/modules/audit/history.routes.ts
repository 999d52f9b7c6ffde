import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { replies } from '../../platform/http/schemas.ts';
import { AccessHistorySchema, DisclosuresQuery, HistoryQuery, PatientParams } from './audit.schemas.ts';
import { patientAccessHistory, patientDisclosures } from './history.service.ts';

/** A patient's side of the audit trail, for the compliance officer: who saw or received their information. */
export const historyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/patients/:id/access-history',
    {
      config: { permission: { action: 'read', subject: 'AuditEvent' } },
      schema: {
        tags: ['audit'],
        summary: "A patient's access history: every audit event about them, newest first (keyset paging)",
        description:
          'Reads, reveals, search hits, callbacks handed out, pages to the on-call provider, exports and emergency access of the patient (and of records merged into it), each with who, their roles now, what fields and why. ' +
          'Pass `nextBefore` as `before` for the next page. Each page shown is itself an `audit.patient_history_viewed` event. A patient of a client the caller’s audit permission does not reach is not found.',
        params: PatientParams,
        querystring: HistoryQuery,
        response: replies(AccessHistorySchema),
      },
    },
    async (request) => patientAccessHistory(actorOf(request), request.params.id, request.query),
  );

  app.get(
    '/api/patients/:id/disclosures',
    {
      config: { permission: { action: 'export', subject: 'AuditEvent' } },
      schema: {
        tags: ['audit'],
        summary: "Download a patient's accounting of disclosures for a period, as PDF or CSV",
        description:
          'Each access and disclosure with `from` <= time < `to` (at most six years), oldest first: when (on the client’s clock), who and their roles or the recipient, what (field names and categories), the purpose and the action. ' +
          'The patient is named by reference only. `format` is `pdf` (default) or `csv` (heading as lines starting with #, then a header row). Streamed as it is read; the download is itself an `audit.disclosures_exported` event.',
        params: PatientParams,
        querystring: DisclosuresQuery,
        response: replies(Type.String({ description: 'The accounting: a PDF document or CSV text' })),
      },
    },
    async (request, reply) => {
      const document = await patientDisclosures(actorOf(request), request.params.id, request.query);
      return reply
        .type(document.contentType)
        .header('content-disposition', `attachment; filename="${document.fileName}"`)
        .header('cache-control', 'no-store')
        .send(Readable.from(document.chunks, { objectMode: false }) as never);
    },
  );
};
