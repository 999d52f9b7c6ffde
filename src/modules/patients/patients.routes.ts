import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TOptional, type TSchema } from 'typebox';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { Email, Id, IsoDate, IsoTime, Literals, Nullable, Out, Page, PageQuery, SortQuery, Strict, Text, replies } from '../../platform/http/schemas.ts';
import { PATIENT_FIELDS } from './patient-fields.ts';
import { REVEAL_PURPOSES, createPatient, getPatient, listPatients, mergePatients, revealPatient, searchPatients, updatePatient } from './patients.service.ts';


const PatientName = Strict({ given: Text(100, 0), family: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }) });
const PatientPhone = Strict({ number: Text(40, 3), type: Literals(['mobile', 'home', 'work', 'other'] as const) });
const PatientAddress = Strict({
  line1: Text(200),
  line2: Type.Optional(Text(200, 0)),
  city: Text(100),
  state: Text(40),
  postalCode: Type.String({ pattern: '^[0-9]{5}(-[0-9]{4})?$', description: 'US ZIP code' }),
});
const PatientIdentifier = Strict({ system: Text(200), value: Text(100) });

/** Every PHI field, as written and as revealed. */
export const fieldSchemas = {
  name: PatientName,
  phones: Type.Array(PatientPhone, { maxItems: 6 }),
  email: Email,
  callbackWindow: Text(200),
  dateOfBirth: IsoDate,
  address: PatientAddress,
  mrn: Text(64),
  identifiers: Type.Array(PatientIdentifier, { maxItems: 10 }),
  fhirPatientId: Text(64),
  insuranceMemberId: Text(64),
  notes: Text(2000),
};
export const optional = <T extends Record<string, TSchema>>(fields: T) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Type.Optional(v)])) as { [K in keyof T]: TOptional<T[K]> };
const clearable = <T extends Record<string, TSchema>>(fields: T) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Type.Optional(Nullable(v))])) as { [K in keyof T]: TOptional<ReturnType<typeof Nullable<T[K]>>> };

const FieldName = Literals(PATIENT_FIELDS);

export const PatientSummarySchema = Out({
  id: Type.String(),
  ref: Type.String({ description: 'Opaque patient reference, e.g. P-7F3K2Q' }),
  clientId: Type.String(),
  status: Literals(['active', 'merged'] as const),
  mergedIntoRef: Nullable(Type.String()),
  source: Literals(['manual', 'practice_system', 'integration'] as const),
  present: Type.Array(Type.String(), { description: 'Names of the PHI fields that hold a value' }),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});

const PatientMatchSchema = Out({ ...PatientSummarySchema.properties, match: Literals(['exact', 'partial'] as const) });
const RefList = Type.Array(Out({ id: Type.String(), ref: Type.String() }));

const { name: _name, ...optionalOnCreate } = fieldSchemas;

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
        querystring: Strict({ ...PageQuery, clientId: Type.Optional(Id), status: Type.Optional(Literals(['active', 'merged'] as const)), sort: SortQuery(['createdAt', 'updatedAt', 'ref']) }),
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
        body: Strict({
          clientId: Id,
          phone: Type.Optional(Text(40)),
          mrn: Type.Optional(Text(64)),
          ref: Type.Optional(Text(12)),
          family: Type.Optional(Text(100)),
          given: Type.Optional(Text(100, 0)),
          dateOfBirth: Type.Optional(IsoDate),
        }),
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
        body: Strict({ clientId: Id, name: PatientName, ...optional(optionalOnCreate) }),
        response: replies(Out({ patient: PatientSummarySchema, possibleDuplicates: RefList }), 201),
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
        body: Strict({ name: Type.Optional(PatientName), ...clearable(optionalOnCreate) }),
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
        body: Strict({ fields: Type.Array(FieldName, { minItems: 1, maxItems: PATIENT_FIELDS.length, uniqueItems: true }), purpose: Literals(REVEAL_PURPOSES) }),
        response: replies(Out({ id: Type.String(), ref: Type.String(), clientId: Type.String(), fields: Out(optional(fieldSchemas)) })),
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
