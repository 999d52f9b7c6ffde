import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { assertCan } from '../../platform/authz/guard.ts';
import { actorUserId } from '../../platform/context.ts';
import { AUDIT_VERIFY_JOB, latestVerification } from '../../platform/audit/integrity.ts';
import { IsoTime, Nullable, Out, Strict, replies } from '../../platform/http/schemas.ts';

const VerificationSchema = Out({
  verifiedAt: IsoTime,
  ok: Type.Boolean(),
  events: Type.Integer({ description: 'Links of the chain verified' }),
  unsealed: Type.Integer(),
  eventsPerSecond: Nullable(Type.Integer()),
  checkpoint: Nullable(Out({ position: Type.Integer(), at: IsoTime, source: Type.Union([Type.Literal('directory'), Type.Literal('witness')]) })),
  problem: Nullable(Type.String({ description: 'The first problem found, in fixed words with positions' })),
  problemPosition: Nullable(Type.Integer()),
  trigger: Type.Union([Type.Literal('command'), Type.Literal('schedule'), Type.Literal('console')]),
});

/** The trail's last verification, and asking for a new one. */
export const integrityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/audit/verification',
    {
      config: { permission: { action: 'read', subject: 'AuditEvent' } },
      schema: {
        tags: ['audit'],
        summary: 'The last verification of the audit trail against its signed checkpoints',
        querystring: Strict({ job: Type.Optional(Type.String({ format: 'uuid', description: 'A verification asked for (the id POST answered): whether it is still pending' })) }),
        response: replies(Out({ latest: Nullable(VerificationSchema), pending: Type.Boolean({ description: 'A verification asked for has not finished yet' }) })),
      },
    },
    async (request) => {
      const ctx = actorOf(request);
      assertCan(ctx, 'read', 'AuditEvent');
      const latest = await latestVerification(app.platform.database, ctx.orgId);
      const status = request.query.job ? await app.platform.jobs.find(AUDIT_VERIFY_JOB, request.query.job) : null;
      return { latest, pending: status !== null && (status.state === 'waiting' || status.state === 'active') };
    },
  );

  app.post(
    '/api/audit/verification',
    {
      config: { permission: { action: 'read', subject: 'AuditEvent' } },
      schema: {
        tags: ['audit'],
        summary: 'Verify the organization’s audit trail now (in the background)',
        response: replies(Out({ jobId: Nullable(Type.String()) }), 202),
      },
    },
    async (request, reply) => {
      const ctx = actorOf(request);
      assertCan(ctx, 'read', 'AuditEvent');
      const jobId = await app.platform.jobs.enqueue(ctx, AUDIT_VERIFY_JOB, { orgId: ctx.orgId, requestedBy: actorUserId(ctx) }, { singletonKey: ctx.orgId });
      return reply.code(202).send({ jobId });
    },
  );
};
