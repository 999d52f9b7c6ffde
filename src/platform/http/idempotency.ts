/**
 * Idempotent requests: a route declaring `config.idempotent` accepts an `Idempotency-Key`
 * header (1–128 visible characters). The first request with a key runs and its successful
 * answer is kept; a retry with the same key and the same body gets that answer again (with
 * `idempotent-replayed: true`) and changes nothing; the same key with another body is a 422
 * naming the header; a retry while the first is still running is a 409. Keys belong to the
 * caller (person or API token) and are kept 24 hours.
 *
 * The key is reserved before the handler runs, in its own committed row, so two concurrent
 * requests with one key cannot both get through; a failed request frees its key for a retry.
 */
import { createHash } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { ActorContext } from '../context.ts';
import { AppError } from './errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Accepts an Idempotency-Key header and replays the first successful answer. */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotency?: { ctx: ActorContext; actorId: string; key: string; replayed: boolean };
  }
}

const KEY = /^[\x21-\x7e]{1,128}$/;
const KEEP_MS = 24 * 60 * 60 * 1000;
const RUNNING = -1;

function actorIdOf(ctx: ActorContext): string {
  const a = ctx.actor;
  return a.type === 'user' ? `user:${a.userId}` : a.type === 'token' ? `token:${a.tokenId}` : `system:${a.label}`;
}

export const idempotencyPlugin: FastifyPluginAsync = fp(async (app) => {
  app.addHook('preHandler', async (request, reply) => {
    if (!request.routeOptions.config.idempotent) return;
    const header = request.headers['idempotency-key'];
    if (header === undefined) return;
    const key = Array.isArray(header) ? header[0]! : header;
    if (!KEY.test(key)) throw new AppError('validation', 'Idempotency-Key must be 1–128 visible ASCII characters.', { field: 'Idempotency-Key' });
    const ctx = request.actor;
    if (!ctx) throw new Error('Idempotent routes need a signed-in caller');
    const actorId = actorIdOf(ctx);
    const route = `${request.routeOptions.method} ${request.routeOptions.url}`;
    const hash = createHash('sha256').update(`${route}\n${JSON.stringify(request.params ?? {})}\n${JSON.stringify(request.body ?? null)}`).digest('hex');
    const now = new Date();
    const db = ctx.db;

    await db.deleteFrom('idempotency_keys').where('actor_id', '=', actorId).where('key', '=', key).where('created_at', '<', new Date(now.getTime() - KEEP_MS).toISOString()).execute();
    const existing = await db.selectFrom('idempotency_keys').selectAll().where('actor_id', '=', actorId).where('key', '=', key).executeTakeFirst();
    if (existing) {
      if (existing.request_hash !== hash || existing.route !== route) {
        throw new AppError('idempotency_mismatch', 'This Idempotency-Key was used for a different request.', { field: 'Idempotency-Key' });
      }
      if (Number(existing.status_code) === RUNNING) throw new AppError('conflict', 'A request with this Idempotency-Key is still being processed; retry shortly.', { field: 'Idempotency-Key' });
      request.idempotency = { ctx, actorId, key, replayed: true };
      return reply.code(Number(existing.status_code)).header('idempotent-replayed', 'true').type('application/json').send(existing.response);
    }
    try {
      await db
        .insertInto('idempotency_keys', { actor_id: actorId, key, route, request_hash: hash, status_code: RUNNING, response: '', created_at: now.toISOString() })
        .execute();
    } catch {
      // Another request with this key reserved it first.
      throw new AppError('conflict', 'A request with this Idempotency-Key is still being processed; retry shortly.', { field: 'Idempotency-Key' });
    }
    request.idempotency = { ctx, actorId, key, replayed: false };
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const held = request.idempotency;
    if (!held || held.replayed) return payload;
    const where = held.ctx.db.updateTable('idempotency_keys').where('actor_id', '=', held.actorId).where('key', '=', held.key);
    if (reply.statusCode < 300 && typeof payload === 'string') {
      await where.set({ status_code: reply.statusCode, response: payload }).execute();
    } else {
      await held.ctx.db.deleteFrom('idempotency_keys').where('actor_id', '=', held.actorId).where('key', '=', held.key).execute();
    }
    return payload;
  });
});
