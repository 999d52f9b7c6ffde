import { categoryOf } from '../../platform/authz/catalogue.ts';
import { assertCan, assertFieldCategories, fieldCategories } from '../../platform/authz/guard.ts';
import { actorUserId, assertPhiAccess, audit, inTransaction, type ActorContext } from '../../platform/context.ts';
import type { PracticeLink } from './practice-link.tables.ts';
import { AppError, invalidField, notFound } from '../../platform/http/errors.ts';
import { PATIENT_FIELDS, type PatientField, type PatientFields } from '../patients/index.ts';
import { assertClient, createPatient, findByPracticeId, getPatient, storedPatientFields, updatePatient, type PatientSummary, type RevealPurpose } from '../patients/index.ts';
import { PracticeSystem, type PracticeCredentials, type PracticeSearch } from './fhir.ts';

/** A client's practice-system link as shown to people: never its credentials. */
export interface PracticeLinkView {
  clientId: string;
  baseUrl: string;
  authType: PracticeCredentials['type'];
  updatedAt: string;
}

function present(link: PracticeLink): PracticeLinkView {
  return { clientId: link.client_id, baseUrl: link.base_url, authType: link.auth_type, updatedAt: link.updated_at };
}

/** The link of a client the actor may see (404 when there is none). */
export async function getPracticeLink(ctx: ActorContext, clientId: string): Promise<PracticeLinkView> {
  assertCan(ctx, 'read', 'Client', { clientId });
  const link = await ctx.db.selectFrom('practice_links').selectAll().where('client_id', '=', clientId).executeTakeFirst();
  if (!link) throw notFound('Practice-system link');
  return present(link);
}

/** Checks a FHIR base URL: http(s), no credentials, query or fragment in it. */
function cleanBaseUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw invalidField('baseUrl', 'is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalidField('baseUrl', 'must be an https:// (or http://) URL');
  if (url.username || url.password) throw invalidField('baseUrl', 'must not carry credentials; use the auth settings');
  if (url.search || url.hash) throw invalidField('baseUrl', 'must not have a query or fragment');
  return url.toString().replace(/\/+$/, '');
}

/** Sets a client's FHIR R4 base URL and credentials; credentials are stored encrypted under the client's key. */
export async function configurePracticeLink(ctx: ActorContext, clientId: string, input: { baseUrl: string; auth: PracticeCredentials }): Promise<PracticeLinkView> {
  assertCan(ctx, 'update', 'Client', { clientId });
  const baseUrl = cleanBaseUrl(input.baseUrl);
  await inTransaction(ctx, async (tx) => {
    await assertClient(tx, clientId);
    const credentials = input.auth.type === 'none' ? null : await tx.keyring.integrationCredentials.encrypt(tx.db, clientId, JSON.stringify(input.auth));
    const row = { base_url: baseUrl, auth_type: input.auth.type, credentials_enc: credentials, updated_by: actorUserId(tx), updated_at: new Date().toISOString() };
    const existing = await tx.db.selectFrom('practice_links').select('client_id').where('client_id', '=', clientId).executeTakeFirst();
    if (existing) await tx.db.updateTable('practice_links').set(row).where('client_id', '=', clientId).execute();
    else await tx.db.insertInto('practice_links', { client_id: clientId, ...row }).execute();
    await audit(tx, { action: 'practice_link.configured', resourceType: 'Client', resourceId: clientId, clientId, details: { host: new URL(baseUrl).host, authType: input.auth.type } });
  });
  return getPracticeLink(ctx, clientId);
}

export async function removePracticeLink(ctx: ActorContext, clientId: string): Promise<void> {
  assertCan(ctx, 'update', 'Client', { clientId });
  await inTransaction(ctx, async (tx) => {
    const removed = await tx.db.deleteFrom('practice_links').where('client_id', '=', clientId).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw notFound('Practice-system link');
    await audit(tx, { action: 'practice_link.removed', resourceType: 'Client', resourceId: clientId, clientId, details: {} });
  });
}

/** The practice system of a client, with its decrypted credentials. */
async function practiceSystem(ctx: ActorContext, clientId: string): Promise<PracticeSystem> {
  const link = await ctx.db.selectFrom('practice_links').selectAll().where('client_id', '=', clientId).executeTakeFirst();
  if (!link) throw new AppError('conflict', 'This client has no practice-system link; an administrator can set one up under Clients.', { field: 'clientId' });
  const credentials: PracticeCredentials = link.credentials_enc ? JSON.parse(await ctx.keyring.integrationCredentials.decrypt(ctx.db, clientId, link.credentials_enc)) : { type: 'none' };
  return new PracticeSystem(link.base_url, credentials);
}

/** Connects to the practice system and reads its capability statement. */
export async function testPracticeLink(ctx: ActorContext, clientId: string): Promise<{ fhirVersion: string | null; software: string | null }> {
  assertCan(ctx, 'update', 'Client', { clientId });
  return (await practiceSystem(ctx, clientId)).capabilities();
}

export interface PracticeMatch {
  fhirId: string;
  /** The directory record already linked to this practice record, if any. */
  linked: { id: string; ref: string } | null;
  fields: Partial<PatientFields>;
}

/**
 * Searches the client's practice system. What comes back is PHI from the practice: only the
 * fields the actor may read or reveal for this client are returned, and the search is a
 * `phi.read` event with its purpose, the fields shown and the number of records.
 */
export async function searchPracticeSystem(ctx: ActorContext, input: { clientId: string; purpose: RevealPurpose } & PracticeSearch): Promise<PracticeMatch[]> {
  const { clientId, purpose, ...search } = input;
  assertCan(ctx, 'create', 'Patient', { clientId });
  await assertClient(ctx, clientId);
  const given = [search.identifier, search.phone, search.family, search.birthDate].filter((v) => v !== undefined && v !== '');
  if (given.length === 0) throw invalidField('identifier', 'give an identifier, a phone number, or a family name and birth date');
  if (search.given && !search.family) throw invalidField('family', 'is needed with a given name');
  // What the practice system answers is PHI of this client: the compliance gate applies.
  await assertPhiAccess(ctx, clientId);
  const found = await (await practiceSystem(ctx, clientId)).searchPatients(search);
  const allowed = fieldCategories(ctx, ['read', 'reveal'], 'Patient', { clientId });
  const shown = PATIENT_FIELDS.filter((f) => allowed.has(categoryOf('Patient', f)));
  const linked = await findByPracticeId(
    ctx,
    clientId,
    found.map((p) => p.fhirId),
  );
  const results = found.map((p) => ({
    fhirId: p.fhirId,
    linked: linked.has(p.fhirId) ? { id: linked.get(p.fhirId)!.id, ref: linked.get(p.fhirId)!.ref } : null,
    fields: Object.fromEntries(shown.filter((f) => p.fields[f] !== undefined).map((f) => [f, p.fields[f]])) as Partial<PatientFields>,
  }));
  await audit(ctx, { action: 'phi.read', resourceType: 'Patient', clientId, fields: shown, purpose, details: { source: 'practice_system', results: results.length } });
  return results;
}

/**
 * Imports a practice record into the directory, keeping the practice identifier, or links it to
 * an existing record (adding its identifiers, MRN and practice id). A practice record is linked
 * to one directory record at most.
 */
export async function importFromPracticeSystem(ctx: ActorContext, input: { clientId: string; fhirId: string; linkToId?: string }): Promise<PatientSummary> {
  assertCan(ctx, 'create', 'Patient', { clientId: input.clientId });
  await assertClient(ctx, input.clientId);
  const already = (await findByPracticeId(ctx, input.clientId, [input.fhirId])).get(input.fhirId);
  if (already) throw new AppError('conflict', `This practice record is already linked to ${already.ref}`, { field: 'fhirId' });
  await assertPhiAccess(ctx, input.clientId);
  const record = await (await practiceSystem(ctx, input.clientId)).readPatient(input.fhirId);
  if (!record) throw new AppError('not_found', 'The practice system has no such patient.', { field: 'fhirId' });
  if (!input.linkToId) {
    if (!record.fields.name) throw new AppError('conflict', 'The practice record has no name to import.', { field: 'fhirId' });
    const importable = PATIENT_FIELDS.filter((f) => record.fields[f] !== undefined);
    const allowed = fieldCategories(ctx, ['create'], 'Patient', { clientId: input.clientId });
    const fields = Object.fromEntries(importable.filter((f) => allowed.has(categoryOf('Patient', f))).map((f) => [f, record.fields[f]]));
    const { patient } = await createPatient(ctx, { clientId: input.clientId, ...(fields as Partial<PatientFields>), name: record.fields.name }, 'practice_system');
    return patient;
  }
  const target = await getPatient(ctx, input.linkToId);
  if (target.clientId !== input.clientId) throw invalidField('linkToId', 'belongs to another client');
  const linkFields: PatientField[] = ['fhirPatientId', 'identifiers', ...(record.fields.mrn ? (['mrn'] as const) : [])];
  assertFieldCategories(ctx, ['update'], 'Patient', { clientId: input.clientId }, linkFields, 'link');
  const current = await storedPatientFields(ctx, target.id, ['identifiers', 'mrn']);
  const identifiers = [...(current.identifiers ?? []), ...(record.fields.identifiers ?? [])].filter((id, i, all) => all.findIndex((o) => o.system === id.system && o.value === id.value) === i);
  await updatePatient(ctx, target.id, { fhirPatientId: record.fhirId, identifiers, ...(!current.mrn && record.fields.mrn ? { mrn: record.fields.mrn } : {}) });
  await audit(ctx, { action: 'patient.linked', resourceType: 'Patient', resourceId: target.id, clientId: input.clientId, patientRef: target.ref, details: { source: 'practice_system' } });
  return getPatient(ctx, target.id);
}
