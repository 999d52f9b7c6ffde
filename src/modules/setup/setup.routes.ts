import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { createSession } from '../../platform/auth/sessions.ts';
import { tenantDb } from '../../platform/db/tenant-db.ts';
import { Email, Literals, OrganizationName, Out, PersonName, Secret, Strict, replies } from '../../platform/http/schemas.ts';
import { anonymousSource, requestMeta, setSessionCookie } from '../../platform/platform.ts';
import { isSetupNeeded, unsafeCreateOrganization } from '../organizations/index.ts';
import { gettingStarted } from './checklist.service.ts';

/**
 * First-run setup: on an empty database the first visitor creates the organization and its
 * administrator. Refused once any organization exists.
 */
export const setupRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { platform } = app;

  app.get(
    '/api/setup',
    { config: { permission: 'public' }, schema: { tags: ['setup'], summary: 'Whether first-run setup is needed', response: replies(Out({ needed: Type.Boolean() })) } },
    async () => ({ needed: await isSetupNeeded(platform.database) }),
  );

  app.post(
    '/api/setup',
    {
      config: { permission: 'public', rateLimit: { max: platform.config.authRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['setup'],
        summary: 'Create the organization and its first administrator (once)',
        body: Strict({ orgName: OrganizationName(120), email: Email, password: Secret(1024), displayName: Type.Optional(PersonName(120)) }),
        response: replies(
          Out({
            orgId: Type.String(),
            userId: Type.String(),
            totpUri: Type.String({ description: 'Enrol this in an authenticator app, then finish with POST /api/auth/mfa' }),
            secret: Type.String(),
            csrfToken: Type.String(),
          }),
          201,
        ),
      },
    },
    async (request, reply) => {
      const created = await unsafeCreateOrganization(platform.database, platform.keyring, request.body, anonymousSource(request), { onlyIfEmpty: true });
      // The new administrator continues straight to authenticator enrolment.
      const tenant = tenantDb(platform.database.unsafeKysely, platform.database.engine, created.orgId);
      const session = await createSession(tenant, created.userId, 'mfa', requestMeta(request), {
        idleMinutes: platform.config.sessionIdleMinutes,
        absoluteHours: platform.config.sessionAbsoluteHours,
      });
      setSessionCookie(platform, reply, session.token);
      return reply.code(201).send({ orgId: created.orgId, userId: created.userId, totpUri: created.totpUri, secret: created.totpSecret, csrfToken: session.csrfToken });
    },
  );

  app.get(
    '/api/setup/checklist',
    {
      config: { permission: { action: 'manage', subject: 'Organization' } },
      schema: {
        tags: ['setup'],
        summary: 'Getting started: the steps before the first callback, each ticked off from the records it needs',
        response: replies(
          Out({
            done: Type.Boolean(),
            steps: Type.Array(
              Out({
                key: Literals(['client', 'queues', 'people', 'compliance', 'baa', 'training'] as const),
                title: Type.String(),
                done: Type.Boolean(),
                status: Type.String({ description: 'Where things stand, in a sentence' }),
                path: Type.String({ description: 'The console screen where the step is done' }),
              }),
            ),
          }),
        ),
      },
    },
    async (request) => gettingStarted(actorOf(request)),
  );
};
