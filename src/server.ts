import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { isLoopbackHost, type RingfenceConfig } from './config.ts';

/** Starts the server, prints its URL, and closes gracefully (sealing the audit trail) on SIGINT/SIGTERM. */
export async function startServer(config: RingfenceConfig): Promise<FastifyInstance> {
  const app = await buildApp(config);
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const scheme = config.tlsCertFile ? 'https' : 'http';
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  process.stdout.write(`Ringfence is running at ${scheme}://${host}:${port}/ (database: ${app.platform.database.engine})\n`);
  // Pages and e-mails link to the public address; served beyond this machine, it must be set.
  if (!config.publicUrl && !isLoopbackHost(config.host)) {
    app.log.warn(`RINGFENCE_PUBLIC_URL is not set: links in pages and e-mails point at ${app.platform.publicUrl()}, which people elsewhere may not reach. Set it to the address they use.`);
  }
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  return app;
}
