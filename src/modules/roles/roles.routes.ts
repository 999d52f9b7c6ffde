import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { assertCan } from '../../platform/authz/guard.ts';
import { Out, replies } from '../../platform/http/schemas.ts';

const RoleSchema = Out({
  key: Type.String(),
  name: Type.String(),
  description: Type.String(),
  permissions: Type.Array(Out({ action: Type.String(), subject: Type.String(), categories: Type.Array(Type.String()), scope: Type.String() })),
});

/** The organization's roles and what each allows (roles are data). */
export const roleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/roles',
    { config: { permission: { action: 'read', subject: 'Role' } }, schema: { tags: ['users'], summary: 'Roles and their permissions', response: replies(Type.Array(RoleSchema)) } },
    async (request) => {
      const ctx = actorOf(request);
      assertCan(ctx, 'read', 'Role');
      const roles = await ctx.db.selectFrom('roles').select(['id', 'key', 'name', 'description']).orderBy('key').execute();
      const perms = await ctx.db.selectFrom('role_permissions').select(['role_id', 'action', 'subject', 'categories', 'scope']).orderBy('subject').orderBy('action').execute();
      return roles.map((r) => ({
        key: r.key,
        name: r.name,
        description: r.description,
        permissions: perms.filter((p) => p.role_id === r.id).map((p) => ({ action: p.action, subject: p.subject, categories: JSON.parse(p.categories) as string[], scope: p.scope })),
      }));
    },
  );
};
