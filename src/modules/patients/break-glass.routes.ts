import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { activeBreakGlass, BREAK_GLASS_MINUTES } from '../../platform/authz/break-glass.ts';
import { actorUserId } from '../../platform/context.ts';
import { organizationText } from '../../platform/http/phi-guard.ts';
import { Declared, Id, IsoTime, Out, PhiGuarded, Strict, replies } from '../../platform/http/schemas.ts';
import { clientList } from '../clients/index.ts';
import { openBreakGlass } from './patients.service.ts';

const GrantSchema = Out({ grantId: Type.String(), patientId: Type.String(), patientRef: Type.String(), clientId: Type.String(), expiresAt: IsoTime });
const PERMISSION = { action: 'read', subject: 'Patient' } as const;

/** Break-glass: opening one patient of a client the person is not assigned to, on a stated reason, for a limited time. */
export const breakGlassRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/break-glass',
    {
      // The reason is the organization's record of why access was taken, not the client's text: the default policy, refuse.
      config: { permission: PERMISSION, phiClient: organizationText },
      schema: {
        tags: ['patients'],
        summary: `Open one patient of a client you are not assigned to, for ${BREAK_GLASS_MINUTES} minutes, stating why (audited and always alerted)`,
        body: Strict({
          clientId: Id,
          patientRef: Declared('identifier', { minLength: 3, maxLength: 16, description: 'The patient’s reference, as the caller or the practice gave it' }),
          reason: PhiGuarded(500, 10),
        }),
        response: replies(GrantSchema, 201),
      },
    },
    async (request, reply) => reply.code(201).send(await openBreakGlass(actorOf(request), request.body)),
  );

  app.get(
    '/api/break-glass',
    {
      config: { permission: PERMISSION },
      schema: {
        tags: ['patients'],
        summary: 'Your break-glass grants still open, and the clients of the organization (names only) a grant may name',
        response: replies(Out({ open: Type.Array(Out({ grantId: Type.String(), patientId: Type.String(), patientRef: Type.String(), clientId: Type.String(), expiresAt: IsoTime })), clients: Type.Array(Out({ clientId: Type.String(), clientName: Type.String() })) })),
      },
    },
    async (request) => {
      const ctx = actorOf(request);
      const userId = actorUserId(ctx);
      const open = userId ? await activeBreakGlass(ctx.db, userId) : [];
      const clients = await clientList(ctx.db, { activeOnly: true });
      return { open: open.map((g) => ({ grantId: g.id, patientId: g.patientId, patientRef: g.patientRef, clientId: g.clientId, expiresAt: g.expiresAt })), clients: clients.map((c) => ({ clientId: c.id, clientName: c.name })) };
    },
  );
};
