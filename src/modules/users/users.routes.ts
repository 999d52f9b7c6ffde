import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { Id, Page, PageQuery, SearchTerm, SortQuery, Strict, replies } from '../../platform/http/schemas.ts';
import { NewStaffMemberBody, RoleGrantBody, StaffMemberChangesBody, StaffMemberSchema, UserParams, UserStatus } from './users.schemas.ts';
import { assignRole, createUser, deactivateUser, getUser, listUsers, reactivateUser, resetUserMfa, revokeRole, unlockUser, updateUser } from './users.service.ts';

/** People of the organization, their roles and client assignments (admin). */
export const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/users',
    {
      config: { permission: { action: 'read', subject: 'User' } },
      schema: {
        tags: ['users'],
        summary: 'List people',
        querystring: Strict({
          ...PageQuery,
          q: Type.Optional(SearchTerm(100, 0)),
          status: Type.Optional(UserStatus),
          sort: SortQuery(['email', 'displayName', 'createdAt', 'status']),
        }),
        response: replies(Page(StaffMemberSchema)),
      },
    },
    async (request) => listUsers(actorOf(request), request.query),
  );

  app.post(
    '/api/users',
    {
      config: { permission: { action: 'create', subject: 'User' } },
      schema: {
        tags: ['users'],
        summary: 'Add a person (they enrol an authenticator at first sign-in)',
        body: NewStaffMemberBody,
        response: replies(StaffMemberSchema, 201),
      },
    },
    async (request, reply) => reply.code(201).send(await createUser(actorOf(request), request.body)),
  );

  app.get(
    '/api/users/:id',
    { config: { permission: { action: 'read', subject: 'User' } }, schema: { tags: ['users'], summary: 'One person', params: UserParams, response: replies(StaffMemberSchema) } },
    async (request) => getUser(actorOf(request), request.params.id),
  );

  app.patch(
    '/api/users/:id',
    {
      config: { permission: { action: 'update', subject: 'User' } },
      schema: {
        tags: ['users'],
        summary: 'Change name or email address',
        params: UserParams,
        body: StaffMemberChangesBody,
        response: replies(StaffMemberSchema),
      },
    },
    async (request) => updateUser(actorOf(request), request.params.id, request.body),
  );

  const action = (path: string, summary: string, fn: typeof deactivateUser) =>
    app.post(
      `/api/users/:id/${path}`,
      { config: { permission: { action: 'update', subject: 'User' } }, schema: { tags: ['users'], summary, params: UserParams, response: replies(StaffMemberSchema) } },
      async (request) => fn(actorOf(request), request.params.id),
    );
  action('deactivate', 'Deactivate a person (ends all their sessions at once)', deactivateUser);
  action('reactivate', 'Reactivate a person', reactivateUser);
  action('unlock', 'Clear a sign-in lockout', unlockUser);
  action('reset-mfa', 'Remove a person’s authenticator so they enrol again', resetUserMfa);

  app.post(
    '/api/users/:id/roles',
    {
      config: { permission: { action: 'create', subject: 'RoleAssignment' } },
      schema: {
        tags: ['users'],
        summary: 'Give a person a role for one client (or every client when clientId is null)',
        params: UserParams,
        body: RoleGrantBody,
        response: replies(StaffMemberSchema, 201),
      },
    },
    async (request, reply) => reply.code(201).send(await assignRole(actorOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/api/users/:id/roles/:assignmentId',
    {
      config: { permission: { action: 'delete', subject: 'RoleAssignment' } },
      schema: { tags: ['users'], summary: 'Take a role away (effective immediately)', params: Strict({ id: Id, assignmentId: Id }), response: replies(StaffMemberSchema) },
    },
    async (request) => revokeRole(actorOf(request), request.params.id, request.params.assignmentId),
  );
};
