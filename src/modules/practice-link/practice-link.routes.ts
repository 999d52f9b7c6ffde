import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { Declared, Id, IsoDate, IsoTime, Literals, NoContent, Nullable, Out, SearchTerm, Secret, Strict, replies } from '../../platform/http/schemas.ts';
import { PatientSummarySchema, fieldSchemas, optional } from '../patients/index.ts';
import { REVEAL_PURPOSES } from '../patients/index.ts';
import { configurePracticeLink, getPracticeLink, importFromPracticeSystem, removePracticeLink, searchPracticeSystem, testPracticeLink } from './practice-link.service.ts';

const Auth = Type.Union([
  Strict({ type: Type.Literal('none') }),
  Strict({ type: Type.Literal('bearer'), token: Secret(4096) }),
  Strict({ type: Type.Literal('basic'), username: Secret(200), password: Secret(512) }),
]);

const PracticeLinkSchema = Out({ clientId: Type.String(), baseUrl: Type.String(), authType: Literals(['none', 'bearer', 'basic'] as const), updatedAt: IsoTime });

/**
 * Each client's link to its practice system (FHIR R4): administrators set it up; agents search
 * it and import or link a record, so tasks carry the practice's identifier.
 */
export const practiceLinkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const params = Strict({ id: Id });

  app.get(
    '/api/clients/:id/practice-link',
    {
      config: { permission: { action: 'read', subject: 'Client' } },
      schema: { tags: ['practice system'], summary: 'The client’s practice-system link (never its credentials)', params, response: replies(PracticeLinkSchema) },
    },
    async (request) => getPracticeLink(actorOf(request), request.params.id),
  );

  app.put(
    '/api/clients/:id/practice-link',
    {
      config: { permission: { action: 'update', subject: 'Client' } },
      schema: {
        tags: ['practice system'],
        summary: 'Set the client’s FHIR R4 base URL and credentials (stored encrypted)',
        params,
        body: Strict({ baseUrl: Declared('url', { minLength: 1, maxLength: 500 }), auth: Auth }),
        response: replies(PracticeLinkSchema),
      },
    },
    async (request) => configurePracticeLink(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/clients/:id/practice-link',
    {
      config: { permission: { action: 'update', subject: 'Client' } },
      schema: { tags: ['practice system'], summary: 'Remove the client’s practice-system link', params, response: replies(NoContent, 204) },
    },
    async (request, reply) => {
      await removePracticeLink(actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/clients/:id/practice-link/test',
    {
      config: { permission: { action: 'update', subject: 'Client' } },
      schema: {
        tags: ['practice system'],
        summary: 'Connect to the practice system and read its capability statement',
        params,
        response: replies(Out({ fhirVersion: Nullable(Type.String()), software: Nullable(Type.String()) })),
      },
    },
    async (request) => testPracticeLink(actorOf(request), request.params.id),
  );

  app.post(
    '/api/patients/practice-search',
    {
      config: { permission: { action: 'create', subject: 'Patient' } },
      schema: {
        tags: ['practice system'],
        summary: 'Search the client’s practice system by identifier, phone, or name and birth date (audited as phi.read)',
        body: Strict({
          clientId: Id,
          purpose: Literals(REVEAL_PURPOSES),
          identifier: Type.Optional(Strict({ system: Type.Optional(SearchTerm(200)), value: SearchTerm(100) })),
          phone: Type.Optional(SearchTerm(40)),
          family: Type.Optional(SearchTerm(100)),
          given: Type.Optional(SearchTerm(100)),
          birthDate: Type.Optional(IsoDate),
        }),
        response: replies(
          Out({
            items: Type.Array(
              Out({ fhirId: Type.String(), linked: Nullable(Out({ id: Type.String(), ref: Type.String() })), fields: Out(optional(fieldSchemas)) }),
            ),
          }),
        ),
      },
    },
    async (request) => ({ items: await searchPracticeSystem(actorOf(request), request.body) }),
  );

  app.post(
    '/api/patients/practice-import',
    {
      config: { permission: { action: 'create', subject: 'Patient' } },
      schema: {
        tags: ['practice system'],
        summary: 'Import a practice record into the directory, or link it to an existing record',
        body: Strict({ clientId: Id, fhirId: Declared('identifier', { pattern: '^[A-Za-z0-9.-]{1,64}$', description: 'FHIR logical id' }), linkToId: Type.Optional(Id) }),
        response: replies(PatientSummarySchema),
      },
    },
    async (request) => importFromPracticeSystem(actorOf(request), request.body),
  );
};
