import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { organizationText } from '../../platform/http/phi-guard.ts';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { Declared, Id, IsoTime, Nullable, Out, PhiGuarded, Strict, replies } from '../../platform/http/schemas.ts';
import { createToken, listTokenScopes, listTokens, revokeToken } from './tokens.service.ts';

const TokenSchema = Out({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String({ description: 'First characters of the token, to tell tokens apart' }),
  scopes: Type.Array(Type.String()),
  clientIds: Nullable(Type.Array(Type.String())),
  createdAt: IsoTime,
  expiresAt: Nullable(IsoTime),
  lastUsedAt: Nullable(IsoTime),
  revokedAt: Nullable(IsoTime),
});

/** API tokens for integrations (admin). */
export const tokenRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/tokens',
    { config: { permission: { action: 'read', subject: 'ApiToken' } }, schema: { tags: ['tokens'], summary: 'List API tokens', response: replies(Type.Array(TokenSchema)) } },
    async (request) => listTokens(actorOf(request)),
  );

  app.get(
    '/api/tokens/scopes',
    {
      config: { permission: { action: 'read', subject: 'ApiToken' } },
      schema: { tags: ['tokens'], summary: 'Scopes a token can carry', response: replies(Type.Array(Out({ scope: Type.String(), description: Type.String() }))) },
    },
    async () => listTokenScopes(),
  );

  app.post(
    '/api/tokens',
    {
      config: { permission: { action: 'create', subject: 'ApiToken' }, phiClient: organizationText },
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token (the secret is shown once)',
        body: Strict({
          name: PhiGuarded(120, 1, { pattern: '\\S' }),
          scopes: Type.Array(Declared('identifier', { maxLength: 64, description: 'A scope from GET /api/tokens/scopes' }), { minItems: 1, maxItems: 20 }),
          clientIds: Type.Optional(Nullable(Type.Array(Id, { maxItems: 500 }))),
          expiresAt: Type.Optional(Nullable(IsoTime)),
        }),
        response: replies(Out({ ...TokenSchema.properties, token: Type.String({ description: 'The secret; shown only now' }) }), 201),
      },
    },
    async (request, reply) => reply.code(201).send(await createToken(actorOf(request), request.body)),
  );

  app.delete(
    '/api/tokens/:id',
    { config: { permission: { action: 'delete', subject: 'ApiToken' } }, schema: { tags: ['tokens'], summary: 'Revoke an API token', params: Strict({ id: Id }), response: replies(TokenSchema) } },
    async (request) => revokeToken(actorOf(request), request.params.id),
  );
};
