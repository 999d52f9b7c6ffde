import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import fastifyStatic from '@fastify/static';

export const WEB_DIST = new URL('../../../web/dist', import.meta.url).pathname;

/**
 * Registers a third-party plugin whose routes are all public (static files, API docs):
 * the route guard requires every route to declare a permission, so they declare `public`.
 */
export async function registerPublicPlugin<O extends object>(app: FastifyInstance, plugin: FastifyPluginAsync<O>, options: O): Promise<void> {
  await app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config ??= {} as NonNullable<typeof route.config>;
      (route.config as { permission?: string }).permission = 'public';
    });
    await scope.register(plugin, options);
  });
}

/** Built files carry Vite's content hash in their name (`assets/index-CoF7M6x7.js`, and its `.br`/`.gz`). */
const FINGERPRINTED = /[/\\]assets[/\\][^/\\]+-[\w-]{8}\.\w+(\.br|\.gz)?$/;

/** Paths the console's own router handles; files under /assets/ are never the console. */
export function isConsoleRoute(method: string, url: string): boolean {
  return method === 'GET' && !url.startsWith('/api/') && !url.startsWith('/assets/');
}

/**
 * Serves the built web app from the same origin as the API, so the session cookie and CSRF
 * protection work unchanged. Returns index.html, which the not-found handler sends for
 * unknown console paths (client-side routes), or null when the app is not built.
 */
export async function registerWebApp(app: FastifyInstance, dist = WEB_DIST): Promise<string | null> {
  const index = path.join(dist, 'index.html');
  if (!existsSync(index)) return null;
  await registerPublicPlugin(app, fastifyStatic as unknown as FastifyPluginAsync<object>, {
    root: dist,
    prefix: '/',
    index: ['index.html'],
    // The build writes .br and .gz beside each text file; the answer is the smallest the client accepts.
    preCompressed: true,
    // Without this, the file sender's own `public, max-age=0` replaces the header set below.
    cacheControl: false,
    setHeaders: (res: { setHeader(name: string, value: string): void }, file: string) => {
      // A fingerprinted file never changes under its name; anything else (index.html) is revalidated.
      res.setHeader('cache-control', FINGERPRINTED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache');
      res.setHeader('vary', 'accept-encoding');
    },
  });
  return readFileSync(index, 'utf8');
}
