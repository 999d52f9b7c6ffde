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

/**
 * Serves the built web app from the same origin as the API, so the session cookie and CSRF
 * protection work unchanged. Returns index.html, which the not-found handler sends for
 * unknown non-API paths (client-side routes), or null when the app is not built.
 */
export async function registerWebApp(app: FastifyInstance, dist = WEB_DIST): Promise<string | null> {
  const index = path.join(dist, 'index.html');
  if (!existsSync(index)) return null;
  await registerPublicPlugin(app, fastifyStatic as unknown as FastifyPluginAsync<object>, {
    root: dist,
    prefix: '/',
    index: ['index.html'],
    setHeaders: (res: { setHeader(name: string, value: string): void }, file: string) => {
      // Built assets carry a content hash in their name; index.html must always be fresh.
      res.setHeader('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return readFileSync(index, 'utf8');
}
