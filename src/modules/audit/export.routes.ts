import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { AUDIT_EXPORT_FORMATS, exportAuditTrail } from '../../platform/audit/export.ts';
import { Declared, IsoTime, Literals, Strict, replies } from '../../platform/http/schemas.ts';

/** Downloads of the audit trail for the compliance officer (and an auditor they hand it to). */
export const auditExportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/audit/export',
    {
      config: { permission: { action: 'read', subject: 'AuditEvent' } },
      schema: {
        tags: ['audit'],
        summary: "Download the organization's audit trail for a period, as JSON Lines, CSV or a FHIR R4 Bundle of AuditEvents (export permission)",
        description:
          'Events with `from` <= occurredAt < `to`, oldest first, streamed as they are read: `jsonl` (application/x-ndjson, one event per line), `csv` (text/csv, a header row; lists and objects as JSON text) or `fhir` (application/fhir+json, a Bundle of type collection). `X-Ringfence-Event-Count` gives the number of events. The download is itself an `audit.exported` event and leaves itself out. Events hold no PHI: field names, never values, and patients by their pseudonymous reference.',
        querystring: Strict({
          format: Literals(AUDIT_EXPORT_FORMATS),
          from: IsoTime,
          to: IsoTime,
          clientId: Type.Optional(Declared('identifier', { maxLength: 64 })),
        }),
        response: replies(Type.String({ description: 'The export: JSON Lines, CSV or a FHIR R4 Bundle' })),
      },
    },
    async (request, reply) => {
      const exported = await exportAuditTrail(actorOf(request), request.query);
      // Not object mode: the stream holds about a page of text ahead of the socket, never the whole export.
      const body = Readable.from(exported.chunks(), { objectMode: false });
      return reply
        .type(exported.contentType)
        .header('content-disposition', `attachment; filename="${exported.fileName}"`)
        .header('cache-control', 'no-store')
        .header('x-ringfence-event-count', String(exported.total))
        .send(body as never);
    },
  );
};
