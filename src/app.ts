import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { isLoopbackHost, type RingfenceConfig } from './config.ts';
import { startSealer } from './platform/audit/chain.ts';
import { idempotencyPlugin } from './platform/http/idempotency.ts';
import { taskRoutes } from './modules/tasks/tasks.routes.ts';
import { authenticatePlugin } from './platform/auth/authenticate.ts';
import { phiGuardPlugin } from './platform/http/phi-guard.ts';
import { authRoutes } from './platform/auth/auth.routes.ts';
import { sweepExpiredSessions } from './platform/auth/sessions.ts';
import { openKeyRing } from './platform/crypto/key-provider.ts';
import { openDatabase, type RingfenceDatabase } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { AppError } from './platform/http/errors.ts';
import { registerProblemHandlers } from './platform/http/problem.ts';
import { ProblemSchema } from './platform/http/schemas.ts';
import { createValidatorCompiler } from './platform/http/validation.ts';
import { registerPublicPlugin, registerWebApp } from './platform/http/web.ts';
import type { Platform } from './platform/platform.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { accessReviewRoutes } from './modules/compliance/access-reviews.routes.ts';
import { complianceRoutes } from './modules/compliance/compliance.routes.ts';
import { sweepReminders } from './modules/compliance/reminders.service.ts';
import { clientRoutes } from './modules/clients/clients.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { patientRoutes } from './modules/patients/patients.routes.ts';
import { practiceLinkRoutes } from './modules/practice-link/practice-link.routes.ts';
import { roleRoutes } from './modules/roles/roles.routes.ts';
import { setupRoutes } from './modules/setup/setup.routes.ts';
import { tokenRoutes } from './modules/tokens/tokens.routes.ts';
import { userRoutes } from './modules/users/users.routes.ts';

export const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export interface BuildOptions {
  /** An already open database (tests, CLI); otherwise opened from the configuration. */
  database?: RingfenceDatabase;
  /** Run the audit sealer and session sweep in the background (default true). */
  background?: boolean;
  logger?: FastifyServerOptions['logger'];
  /** Serve the built web app (default true when it is built). */
  web?: boolean;
}

/** Log options: JSON, secrets redacted, URLs without query strings, never a body. */
export function loggerOptions(config: RingfenceConfig): FastifyServerOptions['logger'] {
  const pretty = !config.production && process.stdout.isTTY;
  return {
    level: config.logLevel,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.newPassword',
        '*.currentPassword',
        '*.code',
        '*.recoveryCode',
        '*.secret',
        '*.token',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; id: string; ip?: string }) => ({ method: req.method, url: req.url.split('?')[0], id: req.id, ip: req.ip }),
    },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } } : {}),
  };
}

/**
 * Builds the Ringfence app: platform plugins first (errors, headers, cookies, rate limits,
 * OpenAPI, the route guard), then the modules, explicitly.
 */
export async function buildApp(config: RingfenceConfig, options: BuildOptions = {}): Promise<FastifyInstance> {
  const database = options.database ?? openDatabase(config, { backgroundCheckpoints: options.background !== false });
  await migrateToLatest(database);
  const { keyring, warning: keyWarning } = openKeyRing(config);
  const tls = config.tlsCertFile && config.tlsKeyFile ? { cert: readFileSync(config.tlsCertFile), key: readFileSync(config.tlsKeyFile) } : null;

  const app = Fastify({
    logger: options.logger ?? loggerOptions(config),
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    ...(tls ? { https: tls } : {}),
  }).withTypeProvider<TypeBoxTypeProvider>();
  if (keyWarning) app.log.warn(keyWarning);

  app.setValidatorCompiler(createValidatorCompiler());
  let webIndex: string | null = null;
  registerProblemHandlers(app, { webIndex: () => webIndex });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', String(request.id));
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  // Security headers for every answer, compiled once (the Fastify wrapper rebuilt them per request).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: tls ? [] : null,
      },
    },
    hsts: tls ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
  });
  app.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (err?: unknown) => done(err as Error | undefined)));
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError('rate_limited', `Too many requests from this address; try again in ${Math.ceil(context.ttl / 1000)} seconds`, {
        headers: { 'retry-after': String(Math.ceil(context.ttl / 1000)) },
      }),
  });
  app.addSchema(ProblemSchema);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Ringfence API', version: VERSION, description: 'HIPAA-compliant task coordination for medical call centers and answering services.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'rf_session', description: 'Session cookie from sign-in; send x-csrf-token on changes' },
          token: { type: 'http', scheme: 'bearer', description: 'API token for integrations (rf_…)' },
        },
      },
    },
  });

  const cookieSecure = tls !== null || !isLoopbackHost(config.host);
  const sealer = startSealer(database, config.auditSealIntervalMs, (err) => app.log.error({ err }, 'audit sealing failed'));
  const platform: Platform = { config, database, keyring, version: VERSION, cookieSecure, sealAudit: () => sealer.sealNow() };
  app.decorate('platform', platform);
  await app.register(authenticatePlugin, { config, database, keyring, cookieSecure });
  await app.register(phiGuardPlugin);
  await app.register(idempotencyPlugin);

  await app.register(healthRoutes);
  await app.register(setupRoutes);
  await app.register(authRoutes);
  await app.register(userRoutes);
  await app.register(clientRoutes);
  await app.register(patientRoutes);
  await app.register(taskRoutes);
  await app.register(practiceLinkRoutes);
  await app.register(roleRoutes);
  await app.register(tokenRoutes);
  await app.register(auditRoutes);
  await app.register(complianceRoutes);
  await app.register(accessReviewRoutes);

  // The interactive API documentation is public, like the document it shows.
  await registerPublicPlugin(app, swaggerUi as unknown as FastifyPluginAsync<object>, { routePrefix: '/api/docs', staticCSP: true });
  if (options.web !== false) webIndex = await registerWebApp(app);

  let sweep: NodeJS.Timeout | null = null;
  let reminderStart: NodeJS.Timeout | null = null;
  let reminderSweep: NodeJS.Timeout | null = null;
  if (options.background !== false) {
    const policy = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };
    sweep = setInterval(() => void sweepExpiredSessions(database, policy).catch((err) => app.log.error({ err }, 'session sweep failed')), 60_000);
    sweep.unref();
    // Reminders are dated by day: a sweep soon after start and then hourly records each step once.
    const remind = () => void sweepReminders(database).catch((err) => app.log.error({ err }, 'reminder sweep failed'));
    reminderStart = setTimeout(remind, 5_000);
    reminderStart.unref();
    reminderSweep = setInterval(remind, 3_600_000);
    reminderSweep.unref();
  }
  app.addHook('onClose', async () => {
    if (sweep) clearInterval(sweep);
    if (reminderStart) clearTimeout(reminderStart);
    if (reminderSweep) clearInterval(reminderSweep);
    // A graceful shutdown seals every pending audit event before the database closes.
    await sealer.stop();
    if (!options.database) await database.close();
  });
  return app;
}
