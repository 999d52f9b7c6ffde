import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { Declared, IsoTime, Nullable, Out, Page, PageQuery, Strict, replies } from '../../platform/http/schemas.ts';
import { auditChainStatus, searchAuditEvents } from '../../platform/audit/search.ts';

const AuditEventSchema = Out({
  id: Type.Integer(),
  occurredAt: IsoTime,
  action: Type.String(),
  outcome: Type.Union([Type.Literal('success'), Type.Literal('failure')]),
  actorType: Type.Union([Type.Literal('user'), Type.Literal('token'), Type.Literal('system')]),
  actorId: Nullable(Type.String()),
  actorEmail: Nullable(Type.String()),
  resourceType: Nullable(Type.String()),
  resourceId: Nullable(Type.String()),
  clientId: Nullable(Type.String()),
  patientRef: Nullable(Type.String()),
  fields: Nullable(Type.Array(Type.String())),
  purpose: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  requestId: Nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown()),
  sealed: Type.Boolean({ description: 'Whether the event is sealed into the hash chain yet' }),
});

/** Audit search for the compliance officer. */
export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/audit/events',
    {
      config: { permission: { action: 'read', subject: 'AuditEvent' } },
      schema: {
        tags: ['audit'],
        summary: 'Search the audit trail (newest first)',
        querystring: Strict({
          ...PageQuery,
          action: Type.Optional(Declared('identifier', { maxLength: 100, pattern: '^[a-z_.]+$' })),
          actorId: Type.Optional(Declared('identifier', { maxLength: 64 })),
          resourceId: Type.Optional(Declared('identifier', { maxLength: 64 })),
          clientId: Type.Optional(Declared('identifier', { maxLength: 64 })),
          patientRef: Type.Optional(Declared('identifier', { maxLength: 32 })),
          outcome: Type.Optional(Type.Union([Type.Literal('success'), Type.Literal('failure')])),
          from: Type.Optional(IsoTime),
          to: Type.Optional(IsoTime),
        }),
        response: replies(Page(AuditEventSchema)),
      },
    },
    async (request) => searchAuditEvents(actorOf(request), request.query),
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
