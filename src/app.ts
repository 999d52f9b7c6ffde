import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Fastify, { LogController, type FastifyInstance, type FastifyPluginAsync, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { isLoopbackHost, type RingfenceConfig } from './config.ts';
import { startSealer } from './platform/audit/chain.ts';
import { loadAuditSigner, startCheckpointer } from './platform/audit/checkpoints.ts';
import { auditVerifyJob } from './platform/audit/integrity.ts';
import { idempotencyPlugin } from './platform/http/idempotency.ts';
import { authenticatePlugin } from './platform/auth/authenticate.ts';
import { phiGuardPlugin } from './platform/http/phi-guard.ts';
import { authRoutes } from './platform/auth/auth.routes.ts';
import { sessionSweepJob } from './platform/auth/session-sweep.job.ts';
import { openKeyRing } from './platform/crypto/key-provider.ts';
import { openDatabase, type RingfenceDatabase } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { createJobs, type JobDefinition } from './platform/jobs/jobs.ts';
import { AppError } from './platform/http/errors.ts';
import { registerProblemHandlers, sendClientErrorProblem, sendFrameworkProblem } from './platform/http/problem.ts';
import { ProblemSchema } from './platform/http/schemas.ts';
import { createValidatorCompiler } from './platform/http/validation.ts';
import { registerPublicPlugin, registerWebApp } from './platform/http/web.ts';
import type { Platform } from './platform/platform.ts';
import { LocalEventBus } from './platform/events/domain-events.ts';
import { complianceRules } from './modules/compliance/index.ts';
import { startPushAssignment } from './modules/tasks/assignment.service.ts';
import { MIGRATIONS, MODULES } from './modules/index.ts';
import { clientDirectory } from './modules/clients/index.ts';

export const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export interface BuildOptions {
  /** An already open database (tests, CLI); otherwise opened from the configuration. */
  database?: RingfenceDatabase;
  /** Run the background services (default true): the platform jobs (session and reminder sweeps) and push assignment; the audit sealer runs regardless. */
  background?: boolean;
  /** Hand out work of push queues in the background (default: as `background`). */
  pushAssignment?: boolean;
  logger?: FastifyServerOptions['logger'];
  /**
   * One short line per request (`GET /api/users 200 4ms`) instead of Fastify's structured pair
   * of lines; default: when the logs are pretty (`prettyLogs`).
   */
  requestLines?: boolean;
  /** Serve the built web app (default true when it is built). */
  web?: boolean;
  /** Job definitions beside the modules' (tests: a job that records the outcome a notification enqueues). */
  jobs?: readonly JobDefinition[];
}

/**
 * Logs each request as one line when it completes (`GET /api/users 200 4ms`), for a person
 * reading a terminal: pretty-printed, Fastify's two structured lines per request fill a screen.
 * The path only, since a query string could carry PHI; Fastify's other error lines are kept.
 */
class RequestLineLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = `${request.method} ${request.url.split('?')[0]} ${reply.statusCode} ${Math.round(reply.elapsedTime)}ms`;
    // The server's logger, not the request's: its request id would add a line of its own.
    if (error) reply.log.error({ err: error }, line);
    else reply.server.log.info(line);
  }
}

/** Pretty logs for a person at a terminal in development; JSON lines everywhere else. */
export function prettyLogs(config: RingfenceConfig): boolean {
  return !config.production && process.stdout.isTTY;
}

/** Log options: JSON, secrets redacted, URLs without query strings, never a body. */
export function loggerOptions(config: RingfenceConfig, pretty = prettyLogs(config)): FastifyServerOptions['logger'] {
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
/** The TLS 1.2 cipher suites served: ECDHE key exchange with AES-GCM or ChaCha20-Poly1305. */
const TLS12_CIPHERS = ['ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES256-GCM-SHA384', 'ECDHE-RSA-AES256-GCM-SHA384', 'ECDHE-ECDSA-CHACHA20-POLY1305', 'ECDHE-RSA-CHACHA20-POLY1305'].join(':');

export async function buildApp(config: RingfenceConfig, options: BuildOptions = {}): Promise<FastifyInstance> {
  const database = options.database ?? openDatabase(config, { backgroundCheckpoints: options.background !== false });
  await migrateToLatest(database, MIGRATIONS);
  const { keyring, warning: keyWarning } = openKeyRing(config);
  // TLS 1.2 and 1.3 only; for 1.2, forward-secret AEAD suites only (1.3's are all of that kind).
  const tls =
    config.tlsCertFile && config.tlsKeyFile
      ? { cert: readFileSync(config.tlsCertFile), key: readFileSync(config.tlsKeyFile), minVersion: 'TLSv1.2' as const, ciphers: TLS12_CIPHERS, honorCipherOrder: true }
      : null;

  const app = Fastify({
    logger: options.logger ?? loggerOptions(config),
    ...((options.requestLines ?? prettyLogs(config)) ? { logController: new RequestLineLogController() } : {}),
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    // Refusals from before routing are problem+json too.
    frameworkErrors: sendFrameworkProblem,
    clientErrorHandler: sendClientErrorProblem,
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
  // The configured public address, or the one this server listens on (known once it listens).
  const publicUrl = (): string => {
    if (config.publicUrl) return config.publicUrl;
    const address = app.server.address();
    const port = address && typeof address === 'object' ? address.port : config.port;
    const host = isLoopbackHost(config.host) || config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
    return `${tls ? 'https' : 'http'}://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`;
  };
  const events = new LocalEventBus((err, type) => app.log.error({ err }, `a ${type} listener failed`));
  // The sealer and push assignment stay loops of their own, not jobs. The sealer runs every
  // auditSealIntervalMs (half a second by default), below a job engine's polling and cron
  // resolution, in every instance (the chain's head lock orders their batches), and its stop()
  // seals what is pending before the database closes. Push assignment answers the task events
  // of this process, coalesced per organization, at once; a job per event would add a poll's
  // delay and a job row to every hand-out.
  const sealer = startSealer(database, config.auditSealIntervalMs, (err) => app.log.error({ err }, 'audit sealing failed'));
  // The checkpointer signs each organization's chain head with a key the database does not hold
  // and appends it outside the database (and to the witness, when there is one), in every instance.
  const auditSigner = loadAuditSigner(config);
  const checkpointer = startCheckpointer(database, config, auditSigner, config.auditCheckpointIntervalMs, (err) => app.log.error({ err }, 'audit checkpoint failed'));
  // Push queues hand out work in the background; without background services only an explicit pass does.
  const pusher = (options.pushAssignment ?? options.background !== false) ? startPushAssignment(database, keyring, events, (err) => app.log.error({ err }, 'push assignment failed')) : null;
  // Enqueueing works in every app; only background services work the jobs.
  const jobs = createJobs({
    database,
    keyring,
    logger: app.log,
    publicUrl: () => publicUrl(),
    events,
    config,
    // A page's next step is a job due at a set time: a short poll keeps its lateness well under a second.
    pollIntervalMs: 500,
    definitions: [sessionSweepJob({ idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours }), auditVerifyJob(config, auditSigner), ...MODULES.flatMap((module) => module.jobs ?? []), ...(options.jobs ?? [])],
  });
  const platform: Platform = { config, database, keyring, events, jobs, version: VERSION, cookieSecure, clients: clientDirectory, sealAudit: () => sealer.sealNow(), auditSigner, checkpointAudit: async () => (await checkpointer.checkpointNow()).length, nudgePush: (orgId) => pusher?.nudge(orgId), publicUrl: () => publicUrl(), onBackgroundError: (err, message) => app.log.error({ err }, message) };
  app.decorate('platform', platform);
  await app.register(authenticatePlugin, { config, database, keyring, cookieSecure, complianceRules, events });
  await app.register(phiGuardPlugin);
  await app.register(idempotencyPlugin);

  await app.register(authRoutes);
  for (const module of MODULES) {
    for (const routes of module.routes ?? []) await app.register(routes);
  }

  // The interactive API documentation is public, like the document it shows.
  // Under the same content-security policy as the console (no framing, scripts from this origin only).
  await registerPublicPlugin(app, swaggerUi as unknown as FastifyPluginAsync<object>, { routePrefix: '/api/docs', uiConfig: { validatorUrl: null } });
  if (options.web !== false) webIndex = await registerWebApp(app);

  if (options.background !== false) await jobs.start();
  // Modules' own background work (automatic paging listens for emergent callbacks).
  const moduleWork = options.background !== false ? MODULES.flatMap((module) => (module.background ? [module.background(platform)] : [])) : [];
  app.addHook('onClose', async () => {
    for (const work of moduleWork) await work.stop();
    // Runs in progress finish before the database closes.
    await jobs.stop();
    await pusher?.stop();
    // A graceful shutdown seals every pending audit event before the database closes.
    await sealer.stop();
    // The last checkpoint covers the last seal.
    await checkpointer.stop();
    if (!options.database) await database.close();
  });
  return app;
}
