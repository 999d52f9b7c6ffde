import { randomUUID } from 'node:crypto';
import { API_TOKEN_PREFIX } from '../../platform/auth/api-tokens.ts';
import { randomToken, sha256Hex } from '../../platform/auth/secrets.ts';
import { TOKEN_SCOPES } from '../../platform/authz/builtin-roles.ts';
import { assertCan } from '../../platform/authz/guard.ts';
import { actorUserId, audit, inTransaction, type ActorContext } from '../../platform/context.ts';
import type { ApiToken } from './tokens.tables.ts';
import { existingClientIds } from '../clients/index.ts';
import { invalidField, notFound } from '../../platform/http/errors.ts';

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  clientIds: string[] | null;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

function present(t: ApiToken): ApiTokenView {
  return {
    id: t.id,
    name: t.name,
    prefix: t.token_prefix,
    scopes: JSON.parse(t.scopes) as string[],
    clientIds: t.client_ids ? (JSON.parse(t.client_ids) as string[]) : null,
    createdAt: t.created_at,
    expiresAt: t.expires_at,
    lastUsedAt: t.last_used_at,
    revokedAt: t.revoked_at,
  };
}

/** The scopes a token can be given, with what each allows. */
export function listTokenScopes(): { scope: string; description: string }[] {
  return Object.entries(TOKEN_SCOPES).map(([scope, s]) => ({ scope, description: s.description }));
}

/** Every API token of the organization, newest first. */
export async function listTokens(ctx: ActorContext): Promise<ApiTokenView[]> {
  assertCan(ctx, 'read', 'ApiToken');
  return (await ctx.db.selectFrom('api_tokens').selectAll().orderBy('created_at', 'desc').execute()).map(present);
}

/** Creates a token; its secret is returned once and stored only as a hash. */
export async function createToken(
  ctx: ActorContext,
  input: { name: string; scopes: string[]; clientIds?: string[] | null; expiresAt?: string | null },
): Promise<ApiTokenView & { token: string }> {
  assertCan(ctx, 'create', 'ApiToken');
  const unknown = input.scopes.find((s) => !(s in TOKEN_SCOPES));
  if (unknown) throw invalidField('scopes', `"${unknown}" is not a scope; known scopes: ${Object.keys(TOKEN_SCOPES).join(', ')}`);
  if (input.expiresAt && Date.parse(input.expiresAt) <= Date.now()) throw invalidField('expiresAt', 'must be in the future');
  const clientIds = input.clientIds && input.clientIds.length > 0 ? [...new Set(input.clientIds)] : null;
  const secret = randomToken(API_TOKEN_PREFIX);
  const id = randomUUID();
  const row = await inTransaction(ctx, async (tx) => {
    if (clientIds) {
      const found = await existingClientIds(tx.db, clientIds);
      if (found.size !== clientIds.length) throw invalidField('clientIds', 'names a client that is not in this organization');
    }
    const values = {
      id,
      name: input.name.trim(),
      token_hash: sha256Hex(secret),
      token_prefix: secret.slice(0, 10),
      scopes: JSON.stringify([...new Set(input.scopes)]),
      client_ids: clientIds ? JSON.stringify(clientIds) : null,
      created_by: actorUserId(tx),
      created_at: new Date().toISOString(),
      expires_at: input.expiresAt ? new Date(input.expiresAt).toISOString() : null,
      last_used_at: null,
      revoked_at: null,
    };
    await tx.db.insertInto('api_tokens', values).execute();
    await audit(tx, { action: 'token.created', resourceType: 'ApiToken', resourceId: id, details: { name: values.name, scopes: input.scopes, clientIds } });
    return { ...values, org_id: tx.orgId };
  });
  return { ...present(row), token: secret };
}

/** Revokes a token; requests with it fail from now on. */
export async function revokeToken(ctx: ActorContext, id: string): Promise<ApiTokenView> {
  assertCan(ctx, 'delete', 'ApiToken');
  return inTransaction(ctx, async (tx) => {
    const token = await tx.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
    if (!token) throw notFound('API token');
    if (token.revoked_at) return present(token);
    const revokedAt = new Date().toISOString();
    await tx.db.updateTable('api_tokens').set({ revoked_at: revokedAt }).where('id', '=', id).execute();
    await audit(tx, { action: 'token.revoked', resourceType: 'ApiToken', resourceId: id, details: { name: token.name } });
    return present({ ...token, revoked_at: revokedAt });
  });
}
