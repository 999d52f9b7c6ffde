import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { Nullable, Out, Strict, replies } from '../../platform/http/schemas.ts';
import { auditChainStatus, auditEventDetail, searchAuditEvents } from '../../platform/audit/search.ts';
import { AuditEventDetailSchema, AuditSearchPage, AuditSearchQuery } from './audit.schemas.ts';

/** Audit search for the compliance officer. */
export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/audit/events',
    {
      config: { permission: { action: 'read', subject: 'AuditEvent' } },
      schema: {
        tags: ['audit'],
        summary: 'Search the audit trail (newest first, keyset paging)',
        description:
          'Newest first (by time, then id). Pass the answer’s `nextBefore` as `before` for the next page; it is null on the last page. ' +
          'Nothing counts the whole match: `hasMore` says whether another page follows. Events written while paging come before the first page and never shift the pages still to come.',
        querystring: AuditSearchQuery,
        response: replies(AuditSearchPage),
      },
    },
    async (request) => searchAuditEvents(actorOf(request), request.query),
  );

  app.get(
    '/api/audit/events/:id',
    {
      config: { permission: { action: 'read', subject: 'AuditEvent' } },
      schema: {
        tags: ['audit'],
        summary: 'One audit event with its link in the hash chain, checked',
        description: 'The link’s hash is recomputed from the stored event and the stored previous hash; `previousEventId` and `nextEventId` walk the chain.',
        params: Strict({ id: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }) }),
        response: replies(AuditEventDetailSchema),
      },
    },
    async (request) => auditEventDetail(actorOf(request), request.params.id),
  );

  app.get(
    '/api/audit/status',
    {
      config: { permission: { action: 'read', subject: 'AuditEvent' } },
      schema: { tags: ['audit'], summary: 'Chain head and unsealed events', response: replies(Out({ position: Type.Integer(), headHash: Nullable(Type.String()), unsealed: Type.Integer() })) },
    },
    async (request) => auditChainStatus(actorOf(request)),
  );
};
