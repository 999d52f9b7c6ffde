import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { clearSessionCookie, requestMeta, setSessionCookie } from '../platform.ts';
import { Declared, Email, Id, IsoTime, NoContent, Nullable, Out, Secret, Strict, replies } from '../http/schemas.ts';

const Password = Secret(1024);
const Code = (description?: string) => Declared('structured', { pattern: '^\\d{6}$', ...(description ? { description } : {}) });
import { AppError } from '../http/errors.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { DATA_CATEGORIES } from '../authz/catalogue.ts';
import { loadUserGrants } from '../authz/ability.ts';
import { changePassword, completeMfa, confirmMfaReenrollment, signInWithPassword, signOut, startMfaEnrollment, startMfaReenrollment, type AuthDeps } from './auth.service.ts';
import { sessionExpiry } from './sessions.ts';

const PasswordStep = Out({
  mfaRequired: Type.Literal(true),
  enrollmentRequired: Type.Boolean({ description: 'True when the person must enrol an authenticator before signing in' }),
  csrfToken: Type.String(),
});

const MeResponse = Out({
  stage: Type.Union([Type.Literal('mfa'), Type.Literal('full')]),
  user: Out({ id: Type.String(), email: Type.String(), displayName: Type.String(), orgId: Type.String(), orgName: Type.String(), mfaEnrolled: Type.Boolean() }),
  csrfToken: Type.String(),
  idleMinutes: Type.Integer(),
  expiresAt: IsoTime,
  expiryReason: Type.Union([Type.Literal('idle'), Type.Literal('absolute')]),
  roles: Type.Array(Out({ role: Type.String(), name: Type.String(), clientId: Nullable(Type.String()) })),
  permissions: Type.Array(
    Out({
      action: Type.String(),
      subject: Type.String(),
      categories: Type.Array(Type.String()),
      scope: Type.Union([Type.Literal('organization'), Type.Literal('assigned_clients'), Type.Literal('self')]),
      clientIds: Nullable(Type.Array(Type.String(), { description: 'null: every client' })),
      patientId: Type.Optional(Type.String({ description: 'A break-glass grant: this one patient of the client, until it expires' })),
    }),
  ),
});

/** Sign-in, MFA, sign-out and the caller's own account. */
export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { platform } = app;
  const deps: AuthDeps = {
    database: platform.database,
    keyring: platform.keyring,
    policy: { idleMinutes: platform.config.sessionIdleMinutes, absoluteHours: platform.config.sessionAbsoluteHours },
  };
  const authRateLimit = { max: platform.config.authRateLimitPerMinute, timeWindow: '1 minute' };

  app.post(
    '/api/auth/login',
    {
      config: { permission: 'public', rateLimit: authRateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password (step one)',
        body: Strict({
          email: Email,
          password: Password,
          organizationId: Type.Optional(Id),
        }),
        response: replies(
          Type.Union([
            PasswordStep,
            Out(
              { organizationRequired: Type.Literal(true), organizations: Type.Array(Out({ id: Type.String(), name: Type.String() })) },
              { description: 'The address and password open accounts in several organizations: send organizationId with one of these' },
            ),
          ]),
        ),
      },
    },
    async (request, reply) => {
      const result = await signInWithPassword(deps, request.body.email, request.body.password, requestMeta(request), String(request.id), request.body.organizationId);
      if ('organizations' in result) return { organizationRequired: true as const, organizations: result.organizations };
      setSessionCookie(platform, reply, result.session.token);
      return { mfaRequired: true as const, enrollmentRequired: result.enrollmentRequired, csrfToken: result.session.csrfToken };
    },
  );

  app.post(
    '/api/auth/mfa/enroll',
    {
      config: { permission: 'signing-in', rateLimit: authRateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Get the authenticator secret to enrol (first sign-in)',
        response: replies(Out({ totpUri: Type.String(), secret: Type.String() })),
      },
    },
    async (request) => {
      const { user, session } = request.authSession!;
      if (session.stage !== 'mfa') throw new AppError('conflict', 'Already signed in; re-enrol from your account page.');
      return startMfaEnrollment(deps, user, { actorType: 'user', actorId: user.id, ip: request.ip, requestId: String(request.id) });
    },
  );

  app.post(
    '/api/auth/mfa',
    {
      config: { permission: 'signing-in', rateLimit: authRateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Finish sign-in with an authenticator code or a recovery code (step two)',
        body: Type.Union([
          Strict({ code: Code('Six-digit authenticator code') }),
          Strict({ recoveryCode: Secret(40, 8) }),
        ]),
        response: replies(Out({ csrfToken: Type.String(), recoveryCodes: Nullable(Type.Array(Type.String())) })),
      },
    },
    async (request, reply) => {
      const body = request.body as { code?: string; recoveryCode?: string };
      const result = await completeMfa(deps, request.authSession!, body, requestMeta(request), String(request.id));
      setSessionCookie(platform, reply, result.session.token);
      return { csrfToken: result.session.csrfToken, recoveryCodes: result.recoveryCodes };
    },
  );

  app.post(
    '/api/auth/logout',
    // Signing out (the person's or the idle watch's) ends the session; it never extends it first.
    { config: { permission: 'signing-in', sessionActivity: 'background' }, schema: { tags: ['auth'], summary: 'Sign out', response: replies(NoContent, 204) } },
    async (request, reply) => {
      const { session, user } = request.authSession!;
      await signOut(deps, session, { actorType: 'user', actorId: user.id, ip: request.ip, requestId: String(request.id) });
      clearSessionCookie(platform, reply);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/activity',
    {
      config: { permission: 'authenticated', sessionActivity: 'activity' },
      schema: {
        tags: ['auth'],
        summary: 'Report that the person is active (typing, pointing) without another request',
        description:
          'The console reports keys, pointer and focus, throttled; requests it makes by itself carry `x-ringfence-background: 1` and do not count. Answers when the session now lapses.',
        response: replies(Out({ expiresAt: IsoTime, expiryReason: Type.Union([Type.Literal('idle'), Type.Literal('absolute')]) })),
      },
    },
    async (request) => {
      const expiry = sessionExpiry(request.authSession!.session, deps.policy);
      return { expiresAt: expiry.at.toISOString(), expiryReason: expiry.reason };
    },
  );

  app.get(
    '/api/auth/me',
    { config: { permission: 'signing-in' }, schema: { tags: ['auth'], summary: 'The signed-in person, their roles and permissions', response: replies(MeResponse) } },
    async (request) => {
      const { session, user } = request.authSession!;
      const tenant = tenantDb(platform.database.unsafeKysely, platform.database.engine, user.org_id);
      const org = await platform.database.unsafeKysely.selectFrom('organizations').select('name').where('id', '=', user.org_id).executeTakeFirstOrThrow();
      const full = session.stage === 'full';
      const roles = full
        ? await tenant
            .selectFrom('role_assignments')
            .innerJoin('roles', (j) => j.onRef('roles.id', '=', 'role_assignments.role_id').onRef('roles.org_id', '=', 'role_assignments.org_id'))
            .select(['roles.key as role', 'roles.name', 'role_assignments.client_id as clientId'])
            .where('role_assignments.user_id', '=', user.id)
            .orderBy('roles.key')
            .execute()
        : [];
      const grants = full ? await loadUserGrants(tenant, user.id) : [];
      const expiry = sessionExpiry(session, deps.policy);
      return {
        stage: session.stage,
        user: { id: user.id, email: user.email, displayName: user.display_name, orgId: user.org_id, orgName: org.name, mfaEnrolled: user.mfa_enrolled_at !== null },
        csrfToken: session.csrf_token,
        idleMinutes: deps.policy.idleMinutes,
        expiresAt: expiry.at.toISOString(),
        expiryReason: expiry.reason,
        roles,
        permissions: grants.map((g) => ({
          action: g.action,
          subject: g.subject,
          categories: g.categories.filter((c) => (DATA_CATEGORIES as readonly string[]).includes(c)),
          scope: g.scope,
          clientIds: g.scope === 'assigned_clients' && g.clientIds !== 'all' ? g.clientIds : null,
          ...(g.patientId ? { patientId: g.patientId } : {}),
        })),
      };
    },
  );

  app.post(
    '/api/account/mfa/enroll',
    {
      config: { permission: 'authenticated', rateLimit: authRateLimit },
      schema: {
        tags: ['account'],
        summary: 'Start re-enrolling your authenticator (new phone); the current one works until you confirm',
        body: Strict({ password: Password }),
        response: replies(Out({ totpUri: Type.String(), secret: Type.String() })),
      },
    },
    async (request) => startMfaReenrollment(deps, request.authSession!.user, request.body.password, request.actor!.source),
  );

  app.post(
    '/api/account/mfa/confirm',
    {
      config: { permission: 'authenticated', rateLimit: authRateLimit },
      schema: {
        tags: ['account'],
        summary: 'Confirm the new authenticator with a code; returns new recovery codes (shown once)',
        body: Strict({ code: Code() }),
        response: replies(Out({ recoveryCodes: Type.Array(Type.String()) })),
      },
    },
    async (request) => confirmMfaReenrollment(deps, request.authSession!.user, request.body.code, request.actor!.source),
  );

  app.post(
    '/api/account/password',
    {
      config: { permission: 'authenticated', rateLimit: authRateLimit },
      schema: {
        tags: ['account'],
        summary: 'Change your password (ends your other sessions)',
        body: Strict({ currentPassword: Password, newPassword: Password }),
        response: replies(NoContent, 204),
      },
    },
    async (request, reply) => {
      const { session, user } = request.authSession!;
      await changePassword(deps, user, session, request.body, request.actor!.source);
      return reply.code(204).send(null);
    },
  );
};
