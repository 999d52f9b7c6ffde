import type { RingfenceDatabase } from '../db/database.ts';
import type { ApiToken } from '../../modules/tokens/tokens.tables.ts';
import type { ResolvedGrant } from '../authz/ability.ts';
import { TOKEN_SCOPES } from '../authz/builtin-roles.ts';
import { sha256Hex } from './secrets.ts';

export const API_TOKEN_PREFIX = 'rf_';

/** Finds a live API token by its secret (stored hashed); null when unknown, revoked or expired. */
export async function resolveApiToken(database: RingfenceDatabase, secret: string): Promise<ApiToken | null> {
  if (!secret.startsWith(API_TOKEN_PREFIX)) return null;
  const token = await database.unsafeKysely.selectFrom('api_tokens').selectAll().where('token_hash', '=', sha256Hex(secret)).executeTakeFirst();
  if (!token || token.revoked_at || (token.expires_at && Date.parse(token.expires_at) <= Date.now())) return null;
  if (!token.last_used_at || Date.now() - Date.parse(token.last_used_at) > 60_000) {
    await database.unsafeKysely.updateTable('api_tokens').set({ last_used_at: new Date().toISOString() }).where('id', '=', token.id).execute();
  }
  return token;
}

/** The grants a token carries: those of its scopes, limited to its clients. */
export function tokenGrants(token: Pick<ApiToken, 'scopes' | 'client_ids'>): ResolvedGrant[] {
  const scopes = JSON.parse(token.scopes) as string[];
  const clientIds = token.client_ids ? (JSON.parse(token.client_ids) as string[]) : 'all';
  return scopes.flatMap((scope) => (TOKEN_SCOPES[scope]?.grants ?? []).map((grant) => ({ ...grant, clientIds })));
}

/** Whether one of the token's scopes opens this route (`METHOD /url` as registered). */
export function tokenReaches(token: Pick<ApiToken, 'scopes'>, route: string): boolean {
  const scopes = JSON.parse(token.scopes) as string[];
  return scopes.some((scope) => TOKEN_SCOPES[scope]?.routes.includes(route) ?? false);
}
