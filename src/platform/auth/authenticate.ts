import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { RingfenceConfig } from '../../config.ts';
import { buildAbility, loadUserGrants } from '../authz/ability.ts';
import type { Action, SubjectType } from '../authz/catalogue.ts';
import type { ActorContext } from '../context.ts';
import type { KeyRing } from '../crypto/keyring.ts';
import type { RingfenceDatabase } from '../db/database.ts';
import { tenantDb } from '../db/tenant-db.ts';
import type { User } from '../../modules/users/users.tables.ts';
import type { Session } from './auth.tables.ts';
import { AppError } from '../http/errors.ts';
import { resolveApiToken, tokenGrants, tokenReaches } from './api-tokens.ts';
import { phiAccessFor, REFUSE_ALL_PHI, type ComplianceRules } from '../crypto/phi-gate.ts';
import { DISCARD_EVENTS, type EventSink } from '../events/domain-events.ts';
import { safeEqual } from './secrets.ts';
import { resolveSession } from './sessions.ts';

/**
 * What every route declares in `config.permission`:
 * - `public`: no sign-in (health, setup, sign-in itself);
 * - `signing-in`: a session that has passed the password step, MFA possibly pending;
 * - `authenticated`: a fully signed-in person (their own account);
 * - `{ action, subject }`: a signed-in person or API token whose ability allows it.
 */
export type RoutePermission = 'public' | 'signing-in' | 'authenticated' | { action: Action; subject: SubjectType };

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
    /**
     * How a request on this route counts toward the session's idle limit: `background` never
     * (a live stream), `activity` always (the console's report that the person did something).
     * Other routes count unless the request is marked `x-ringfence-background: 1`.
     */
    sessionActivity?: 'background' | 'activity';
  }
  interface FastifyRequest {
    actor: ActorContext | null;
    authSession: { session: Session; user: User } | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The header a client sends on requests it makes by itself (polling, refreshing after a live
 * event): they do not keep a session alive, so automatic logoff happens when the person walks
 * away however busy the screen is.
 */
export const BACKGROUND_HEADER = 'x-ringfence-background';

/** Whether this request is activity of the person, for the idle limit. */
function sessionTouch(request: FastifyRequest): 'throttled' | 'never' | 'now' {
  const declared = request.routeOptions.config?.sessionActivity;
  if (declared === 'activity') return 'now';
  if (declared === 'background' || request.headers[BACKGROUND_HEADER] === '1') return 'never';
  return 'throttled';
}

/** The session cookie's name: the `__Host-` prefix pins it to this origin whenever it is Secure. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-rf_session' : 'rf_session';
}

export interface AuthenticateOptions {
  config: RingfenceConfig;
  database: RingfenceDatabase;
  keyring: KeyRing;
  cookieSecure: boolean;
  /** What the PHI gate asks (the compliance module's rules); without them no client's PHI opens. */
  complianceRules?: ComplianceRules;
  /** Where requests' domain events go (the platform's bus); without it they are dropped. */
  events?: EventSink;
}

/** The routes the app has, with what each declared; filled at registration. */
export interface RegisteredRoute {
  method: string;
  url: string;
  config: { permission?: RoutePermission };
  /** The request schemas it declared, for the checks that walk the route table. */
  schema: { body?: unknown; querystring?: unknown; params?: unknown; headers?: unknown };
}

/**
 * Authentication and the route guard, for every route in one place. A route that declares
 * no permission stops the app from booting; a request is authenticated and checked before
 * its handler runs, and the handler receives the actor context built here.
 */
export const authenticatePlugin = fp(async function authenticate(app: FastifyInstance, opts: AuthenticateOptions) {
  const routes: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', routes);
  app.decorateRequest('actor', null);
  app.decorateRequest('authSession', null);
  const cookieName = sessionCookieName(opts.cookieSecure);
  const policy = { idleMinutes: opts.config.sessionIdleMinutes, absoluteHours: opts.config.sessionAbsoluteHours };
  const rules = opts.complianceRules ?? REFUSE_ALL_PHI;
  const events = opts.events ?? DISCARD_EVENTS;

  app.addHook('onRoute', (route) => {
    route.config ??= {} as NonNullable<typeof route.config>;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: route.url, config: route.config as RegisteredRoute['config'], schema: (route.schema ?? {}) as RegisteredRoute['schema'] });
    }
  });

  app.addHook('onReady', async () => {
    const missing = routes.filter((r) => r.config.permission === undefined);
    if (missing.length > 0) {
      throw new Error(`Routes without a declared permission: ${missing.map((r) => `${r.method} ${r.url}`).join(', ')}`);
    }
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const permission = request.routeOptions.config?.permission;
    // Unknown URLs (no route) fall through to the problem+json 404.
    if (!request.routeOptions.url) return;
    if (permission === undefined) throw new AppError('forbidden', 'This route declares no permission.');
    if (permission === 'public') return;

    const bearer = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (bearer) {
      if (typeof permission === 'string') throw new AppError('forbidden', 'API tokens can only call integration routes.');
      const token = await resolveApiToken(opts.database, bearer);
      if (!token) throw new AppError('unauthenticated', 'The API token is unknown, revoked or expired.');
      const ability = buildAbility(tokenGrants(token), null);
      const actor = { type: 'token', tokenId: token.id, name: token.name } as const;
      request.actor = {
        orgId: token.org_id,
        actor,
        ability,
        db: tenantDb(opts.database.unsafeKysely, opts.database.engine, token.org_id),
        // PHI of a client only with an active BAA (the compliance gate), wherever it is handled.
        ...phiAccessFor(opts.keyring, rules, actor),
        source: { actorType: 'token', actorId: token.id, ip: request.ip, requestId: String(request.id) },
        events,
      };
      if (!ability.can(permission.action, permission.subject)) throw new AppError('forbidden', `This token's scopes do not allow ${permission.action} ${permission.subject}`);
      const route = `${request.method === 'HEAD' ? 'GET' : request.method} ${request.routeOptions.url}`;
      if (!tokenReaches(token, route)) throw new AppError('forbidden', `This token's scopes do not open ${route}`);
      return;
    }

    const cookie = request.cookies[cookieName];
    if (!cookie) throw new AppError('unauthenticated', 'Sign in first.');
    const found = await resolveSession(opts.database, cookie, policy, String(request.id), sessionTouch(request));
    if (found.state === 'expired') {
      reply.clearCookie(cookieName, { path: '/' });
      throw new AppError('session_expired', found.reason === 'idle' ? 'You were signed out after a period of inactivity' : 'Your session reached its time limit; sign in again');
    }
    if (found.state === 'none') {
      reply.clearCookie(cookieName, { path: '/' });
      throw new AppError('unauthenticated', 'Sign in first.');
    }
    const { session, user } = found;
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, session.csrf_token)) throw new AppError('csrf', 'Send the x-csrf-token header you received at sign-in.');
    }
    request.authSession = { session, user };
    if (permission === 'signing-in') return;
    if (session.stage !== 'full') throw new AppError('mfa_required', 'Finish signing in with your authenticator code first.');

    const db = tenantDb(opts.database.unsafeKysely, opts.database.engine, user.org_id);
    const ability = buildAbility(await loadUserGrants(db, user.id), user.id);
    const actor = { type: 'user', userId: user.id, email: user.email, displayName: user.display_name, sessionId: session.id } as const;
    request.actor = {
      orgId: user.org_id,
      actor,
      ability,
      db,
      // PHI of a client only with an active BAA and the person's training current.
      ...phiAccessFor(opts.keyring, rules, actor),
      source: { actorType: 'user', actorId: user.id, ip: request.ip, requestId: String(request.id) },
      events,
    };
    if (typeof permission === 'object' && !ability.can(permission.action, permission.subject)) {
      throw new AppError('forbidden', `Your roles do not allow ${permission.action} ${permission.subject}`);
    }
  });
});

declare module 'fastify' {
  interface FastifyInstance {
    registeredRoutes: RegisteredRoute[];
  }
}

/** The actor of a request whose route requires sign-in; the guard has already built it. */
export function actorOf(request: FastifyRequest): ActorContext {
  if (!request.actor) throw new Error('Route reached without an actor: its permission must not be public or signing-in');
  return request.actor;
}
