import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { Id, Literals, Out, Page, PageQuery, SortQuery, Strict, replies } from '../../platform/http/schemas.ts';
import { CreatedPatientSchema, NewPatientBody, PatientChangesBody, PatientMatchSchema, PatientSearchBody, PatientSummarySchema, RevealBody, RevealedPatientSchema } from './patients.schemas.ts';
import { PATIENT_STATUSES } from './patients.tables.ts';
import { createPatient, getPatient, listPatients, mergePatients, revealPatient, searchPatients, updatePatient } from './patients.service.ts';

/**
 * The patient directory. PHI goes in through create and edit and comes out only through a
 * reveal with a stated purpose; every other answer carries the reference and operational fields.
 * Lookups are POSTs so that phone numbers and names never appear in a URL.
 */
export const patientRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/patients',
    {
      config: { permission: { action: 'read', subject: 'Patient' } },
      schema: {
        tags: ['patients'],
        summary: 'List patients (references and operational fields only)',
        querystring: Strict({ ...PageQuery, clientId: Type.Optional(Id), status: Type.Optional(Literals(PATIENT_STATUSES)), sort: SortQuery(['createdAt', 'updatedAt', 'ref']) }),
        response: replies(Page(PatientSummarySchema)),
      },
    },
    async (request) => listPatients(actorOf(request), request.query),
  );

  app.post(
    '/api/patients/search',
    {
      config: { permission: { action: 'read', subject: 'Patient' } },
      schema: {
        tags: ['patients'],
        summary: 'Find patients of a client by phone (any format), MRN, reference, or family name and date of birth',
        description: 'Matches through keyed blind indexes; nothing is decrypted. Answers carry references only.',
        body: PatientSearchBody,
        response: replies(Out({ items: Type.Array(PatientMatchSchema) })),
      },
    },
    async (request) => ({ items: await searchPatients(actorOf(request), request.body) }),
  );

  app.post(
    '/api/patients',
    {
      config: { permission: { action: 'create', subject: 'Patient' } },
      schema: {
        tags: ['patients'],
        summary: 'Add a patient to a client’s directory',
        body: NewPatientBody,
        response: replies(CreatedPatientSchema, 201),
      },
    },
    async (request, reply) => reply.code(201).send(await createPatient(actorOf(request), request.body)),
  );

  app.get(
    '/api/patients/:id',
    {
      config: { permission: { action: 'read', subject: 'Patient' } },
      schema: { tags: ['patients'], summary: 'One patient (reference and operational fields)', params: Strict({ id: Id }), response: replies(PatientSummarySchema) },
    },
    async (request) => getPatient(actorOf(request), request.params.id),
  );

  app.patch(
    '/api/patients/:id',
    {
      config: { permission: { action: 'update', subject: 'Patient' } },
      schema: {
        tags: ['patients'],
        summary: 'Edit a patient’s fields (null removes one)',
        params: Strict({ id: Id }),
        body: PatientChangesBody,
        response: replies(PatientSummarySchema),
      },
    },
    async (request) => updatePatient(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/patients/:id/reveal',
    {
      config: { permission: { action: 'reveal', subject: 'Patient' } },
      schema: {
        tags: ['patients'],
        summary: 'Reveal PHI fields of a patient for a stated purpose (audited as phi.read)',
        params: Strict({ id: Id }),
        body: RevealBody,
        response: replies(RevealedPatientSchema),
      },
    },
    async (request) => revealPatient(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/patients/:id/merge',
    {
      config: { permission: { action: 'manage', subject: 'Patient' } },
      schema: {
        tags: ['patients'],
        summary: 'Merge a duplicate record of the same client into this one',
        params: Strict({ id: Id }),
        body: Strict({ duplicateId: Id }),
        response: replies(PatientSummarySchema),
      },
    },
    async (request) => mergePatients(actorOf(request), request.params.id, request.body.duplicateId),
  );
};
