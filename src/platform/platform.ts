import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RingfenceConfig } from '../config.ts';
import type { KeyRing } from './crypto/keyring.ts';
import type { RingfenceDatabase } from './db/database.ts';
import type { Jobs } from './jobs/jobs.ts';
import type { AuditSource } from './audit/events.ts';
import type { AuditSigner } from './audit/checkpoints.ts';
import { sessionCookieName } from './auth/authenticate.ts';
import type { SessionMeta } from './auth/sessions.ts';
import type { ClientDirectory } from './ports.ts';
import type { DomainEventBus } from './events/domain-events.ts';

/** The process-wide parts every route plugin may use. */
export interface Platform {
  config: RingfenceConfig;
  database: RingfenceDatabase;
  keyring: KeyRing;
  /** The app's domain events: services publish through their context, listeners subscribe here. */
  events: DomainEventBus;
  version: string;
  cookieSecure: boolean;
  /** Durable background jobs: enqueue with `jobs.enqueue(ctx, name, payload)` inside the change's transaction. */
  jobs: Jobs;
  /** What the platform asks the clients module (its PHI-guard mode, its time zone). */
  clients: ClientDirectory;
  /** Seals pending audit events now (tests and shutdown use it). */
  sealAudit(): Promise<number>;
  /** Signs the chain heads that moved and stores the checkpoints now; returns how many were written. */
  checkpointAudit(): Promise<number>;
  /** Signs and checks audit checkpoints (its key is not in the database). */
  auditSigner: AuditSigner;
  /** Asks push assignment to look at an organization's push queues soon (after a duty or queue change). */
  nudgePush(orgId: string): void;
  /** Where people and services reach this Ringfence (config.publicUrl, or the address it listens on), no trailing slash. */
  publicUrl(): string;
  /** Logs a failure of background work (the error's class and message; never a payload). */
  onBackgroundError(err: unknown, message: string): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    platform: Platform;
  }
}

/** Where a request came from, for sessions and audit. */
export function requestMeta(request: FastifyRequest): SessionMeta {
  const ua = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: typeof ua === 'string' ? ua : null };
}

/** The audit source of a request made before anyone is signed in. */
export function anonymousSource(request: FastifyRequest): AuditSource {
  return { actorType: 'system', actorId: null, ip: request.ip ?? null, requestId: String(request.id) };
}

/** Sets the session cookie: HttpOnly, SameSite=Strict, Secure except on plain-http loopback. */
export function setSessionCookie(platform: Platform, reply: FastifyReply, token: string): void {
  reply.setCookie(sessionCookieName(platform.cookieSecure), token, { httpOnly: true, secure: platform.cookieSecure, sameSite: 'strict', path: '/' });
}

export function clearSessionCookie(platform: Platform, reply: FastifyReply): void {
  reply.clearCookie(sessionCookieName(platform.cookieSecure), { path: '/' });
}
