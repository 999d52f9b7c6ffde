import { randomUUID } from 'node:crypto';
import type { Action, SubjectType } from '../../platform/authz/catalogue.ts';
import { assertCan, assertFieldCategories, rowScope } from '../../platform/authz/guard.ts';
import { BREAK_GLASS_MINUTES, grantBreakGlass } from '../../platform/authz/break-glass.ts';
import type { PatientSearchKind } from './patients.audit.ts';
import { actorUserId, audit, inTransaction, type ActorContext } from '../../platform/context.ts';
import { paginate, parseSort, type PageRequest, type PageResult } from '../../platform/db/paging.ts';
import type { PatientRow } from './patients.tables.ts';
import { AppError, invalidField, notFound } from '../../platform/http/errors.ts';
import {
  INDEXED_FIELDS,
  PATIENT_FIELDS,
  decryptPatientFields,
  encryptPatientFields,
  indexEntries,
  newPatientRow,
  presentFields,
  reindexPatient,
  type IndexKind,
  type PatientField,
  type PatientFields,
  type PatientPhone,
} from './patient-fields.ts';
import { isCalendarDay, today } from '../../platform/calendar.ts';
import { clientSettings } from '../clients/index.ts';
import { indexValue, newPatientRef, normalizePatientRef, normalizePhone } from './normalize.ts';
import type { CreatedPatient, PatientMatch, PatientSearch, PatientSummary, RevealedPatient, RevealRequest } from './patients.schemas.ts';

export type PatientInput = Partial<PatientFields>;

async function present(ctx: ActorContext, rows: PatientRow[]): Promise<PatientSummary[]> {
  const mergedIds = [...new Set(rows.map((r) => r.merged_into_id).filter((id): id is string => id !== null))];
  const refs = new Map<string, string>();
  if (mergedIds.length > 0) {
    for (const r of await ctx.db.selectFrom('patients').select(['id', 'ref']).where('id', 'in', mergedIds).execute()) refs.set(r.id, r.ref);
  }
  return rows.map((row) => ({
    id: row.id,
    ref: row.ref,
    clientId: row.client_id,
    status: row.status,
    mergedIntoRef: row.merged_into_id ? (refs.get(row.merged_into_id) ?? null) : null,
    source: row.source,
    present: presentFields(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

/** How a patient row meets the authorization attributes: its client, and itself (a break-glass grant names one patient). */
const PATIENT_SCOPE = { clientId: 'patients.client_id', patientId: 'patients.id' };

function scoped(ctx: ActorContext, action: Action) {
  return ctx.db.selectFrom('patients').where(rowScope(ctx, action, 'Patient', PATIENT_SCOPE));
}

/** A patient the actor may act on (404 otherwise, whether or not it exists). */
async function findPatient(ctx: ActorContext, action: Action, id: string): Promise<PatientRow> {
  const row = await scoped(ctx, action).selectAll('patients').where('patients.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Patient');
  return row;
}

/** Checks and normalises input fields: phone numbers to E.164, dates real and not in the future. */
function cleanFields(input: { [F in PatientField]?: PatientFields[F] | null }): { [F in PatientField]?: PatientFields[F] | null } {
  const out: { [F in PatientField]?: PatientFields[F] | null } = { ...input };
  if (input.phones) {
    const seen = new Set<string>();
    const phones: PatientPhone[] = [];
    input.phones.forEach((phone, i) => {
      const e164 = normalizePhone(phone.number);
      if (!e164) throw invalidField(`phones.${i}.number`, 'is not a possible phone number');
      if (!seen.has(e164)) phones.push({ number: e164, type: phone.type });
      seen.add(e164);
    });
    out.phones = phones;
  }
  if (input.dateOfBirth) {
    if (!isCalendarDay(input.dateOfBirth)) throw invalidField('dateOfBirth', 'must be a real date written YYYY-MM-DD');
    if (input.dateOfBirth > today() || input.dateOfBirth < '1880-01-01') throw invalidField('dateOfBirth', 'must be a past date');
  }
  if (input.name) out.name = { given: input.name.given.trim(), family: input.name.family.trim() };
  if (input.email) out.email = input.email.trim().toLowerCase();
  for (const f of ['mrn', 'callbackWindow', 'insuranceMemberId', 'notes', 'fhirPatientId'] as const) {
    const v = input[f];
    if (typeof v === 'string') out[f] = v.trim();
  }
  return out;
}

export async function assertClient(ctx: ActorContext, clientId: string): Promise<void> {
  const client = await clientSettings(ctx.db, clientId);
  if (!client) throw new AppError('not_found', 'Client not found.', { field: 'clientId' });
  if (client.status !== 'active') throw new AppError('conflict', 'This client is inactive.', { field: 'clientId' });
}

/**
 * Active patients of one client holding any of these index entries, each with the entry it
 * matched (a patient matching two entries appears twice). Callers have already checked the
 * actor's permission for this client (read for lookups, create for duplicate checks and imports).
 */
async function digestMatches(ctx: ActorContext, clientId: string, wanted: { kind: IndexKind; value: string }[], excludeId?: string): Promise<{ row: PatientRow; value: string }[]> {
  if (wanted.length === 0) return [];
  const digest = await ctx.keyring.blindIndexer(ctx.db, clientId);
  const valueOf = new Map<string, string>();
  const byKind = new Map<IndexKind, string[]>();
  for (const w of wanted) {
    const d = digest(w.kind, w.value);
    valueOf.set(`${w.kind}|${d}`, w.value);
    byKind.set(w.kind, [...(byKind.get(w.kind) ?? []), d]);
  }
  let q = ctx.db
    .selectFrom('patients')
    .innerJoin('patient_index', (j) => j.onRef('patient_index.patient_id', '=', 'patients.id').onRef('patient_index.org_id', '=', 'patients.org_id'))
    .selectAll('patients')
    .select(['patient_index.kind as matched_kind', 'patient_index.digest as matched_digest'])
    // Both client columns: the digest lookup then uses the whole (org, client, kind, digest) index.
    .where('patient_index.client_id', '=', clientId)
    .where('patients.client_id', '=', clientId)
    .where('patients.status', '=', 'active')
    // Grouped by kind (kind = k AND digest IN …): each group is one range of the lookup index.
    .where((eb) => eb.or([...byKind].map(([kind, digests]) => eb.and([eb('patient_index.kind', '=', kind), eb('patient_index.digest', 'in', digests)]))));
  if (excludeId) q = q.where('patients.id', '<>', excludeId);
  const rows = await q.orderBy('patients.created_at').orderBy('patients.id').limit(100).execute();
  return rows.map(({ matched_kind, matched_digest, ...row }) => ({ row, value: valueOf.get(`${matched_kind}|${matched_digest}`)! }));
}

/** Active patients of one client holding any of these index entries, each once, oldest first. */
async function patientsByDigests(ctx: ActorContext, clientId: string, wanted: { kind: IndexKind; value: string }[], excludeId?: string): Promise<PatientRow[]> {
  const seen = new Set<string>();
  return (await digestMatches(ctx, clientId, wanted, excludeId)).map((m) => m.row).filter((r) => !seen.has(r.id) && seen.add(r.id)).slice(0, 50);
}

/** Possible duplicates of a record: same phone, MRN, practice identifier or name and date of birth. */
async function duplicatesOf(ctx: ActorContext, clientId: string, fields: Partial<PatientFields>, excludeId?: string): Promise<PatientRow[]> {
  const strong = indexEntries(fields).filter((e) => e.kind !== 'family_dob');
  return patientsByDigests(ctx, clientId, strong, excludeId);
}

/** Issues a new reference, never one issued before for this client. */
async function issueRef(tx: ActorContext, clientId: string): Promise<string> {
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const ref = newPatientRef();
    const inserted = await tx.db
      .insertInto('patient_refs', { client_id: clientId, ref, issued_at: new Date().toISOString() })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return ref;
  }
  throw new AppError('unavailable', 'Could not issue a patient reference; try again.');
}

/**
 * Adds a patient to a client's directory: every PHI field encrypted under the client's key,
 * blind indexes for lookups, a new opaque reference. Possible duplicates are reported, not refused.
 */
export async function createPatient(ctx: ActorContext, input: { clientId: string } & PatientInput, source: PatientRow['source'] = 'manual'): Promise<CreatedPatient> {
  const { clientId, ...raw } = input;
  assertCan(ctx, 'create', 'Patient', { clientId });
  await assertClient(ctx, clientId);
  if (!raw.name) throw invalidField('name', 'is required');
  const fields = cleanFields(raw) as PatientInput;
  const given = PATIENT_FIELDS.filter((f) => fields[f] !== undefined && fields[f] !== null);
  assertFieldCategories(ctx, ['create'], 'Patient', { clientId }, given, 'record');
  const duplicates = await duplicatesOf(ctx, clientId, fields);
  const id = randomUUID();
  const effectiveSource = ctx.actor.type === 'token' ? 'integration' : source;
  await inTransaction(ctx, async (tx) => {
    const ref = await issueRef(tx, clientId);
    const now = new Date().toISOString();
    const encrypted = await encryptPatientFields(tx.keyring, tx.db, clientId, id, fields);
    await tx.db.insertInto('patients', newPatientRow({ id, clientId, ref, source: effectiveSource, createdBy: actorUserId(tx), at: now }, encrypted)).execute();
    await reindexPatient(tx.keyring, tx.db, clientId, id, fields);
    await audit(tx, {
      action: 'patient.created',
      resourceType: 'Patient',
      resourceId: id,
      clientId,
      patientRef: ref,
      fields: given,
      details: { source: effectiveSource, possibleDuplicates: duplicates.length },
    });
  });
  return { patient: (await present(ctx, [await findPatient(ctx, 'create', id)]))[0]!, possibleDuplicates: duplicates.map((d) => ({ id: d.id, ref: d.ref })) };
}

/** One patient's reference and operational fields. */
export async function getPatient(ctx: ActorContext, id: string): Promise<PatientSummary> {
  assertCan(ctx, 'read', 'Patient');
  return (await present(ctx, [await findPatient(ctx, 'read', id)]))[0]!;
}

const SORTS = { createdAt: 'patients.created_at', updatedAt: 'patients.updated_at', ref: 'patients.ref' } as const;

/** The patients of the actor's clients, newest first: references and operational fields only. */
export async function listPatients(
  ctx: ActorContext,
  query: PageRequest & { clientId?: string; status?: 'active' | 'merged'; sort?: string },
): Promise<PageResult<PatientSummary>> {
  assertCan(ctx, 'read', 'Patient');
  let q = scoped(ctx, 'read').selectAll('patients');
  if (query.clientId) q = q.where('patients.client_id', '=', query.clientId);
  if (query.status) q = q.where('patients.status', '=', query.status);
  const sort = parseSort(query.sort ?? '-createdAt', SORTS, 'patients.created_at');
  const page = await paginate(q.orderBy(sort.column, sort.direction).orderBy('patients.id'), query);
  return { ...page, items: await present(ctx, page.items) };
}

/**
 * Finds patients of one client by phone (any format), MRN, reference, or name and date of
 * birth, through the blind indexes: nothing is decrypted. The search is audited by kind and
 * result count, never by the value searched for.
 */
export async function searchPatients(ctx: ActorContext, search: PatientSearch): Promise<PatientMatch[]> {
  assertCan(ctx, 'read', 'Patient', { clientId: search.clientId });
  await assertClient(ctx, search.clientId);
  const kinds = [search.phone !== undefined, search.mrn !== undefined, search.ref !== undefined, search.family !== undefined].filter(Boolean).length;
  if (kinds !== 1) throw invalidField('phone', 'give exactly one of phone, mrn, ref, or family with dateOfBirth');
  let by: PatientSearchKind;
  let exact: PatientRow[] = [];
  let partial: PatientRow[] = [];
  if (search.phone !== undefined) {
    by = 'phone';
    const e164 = normalizePhone(search.phone);
    if (!e164) throw invalidField('phone', 'is not a possible phone number');
    exact = await patientsByDigests(ctx, search.clientId, [{ kind: 'phone', value: indexValue.phone(e164) }]);
  } else if (search.mrn !== undefined) {
    by = 'mrn';
    exact = await patientsByDigests(ctx, search.clientId, [{ kind: 'mrn', value: indexValue.mrn(search.mrn) }]);
  } else if (search.ref !== undefined) {
    by = 'ref';
    const ref = normalizePatientRef(search.ref);
    if (!ref) throw invalidField('ref', 'is not a patient reference (P- and six characters)');
    exact = await scoped(ctx, 'read').selectAll('patients').where('patients.client_id', '=', search.clientId).where('patients.ref', '=', ref).execute();
  } else {
    const family = search.family ?? '';
    const dob = search.dateOfBirth;
    if (!dob) throw invalidField('dateOfBirth', 'is required with a family name');
    if (!isCalendarDay(dob)) throw invalidField('dateOfBirth', 'must be a real date written YYYY-MM-DD');
    const given = search.given?.trim() ?? '';
    by = given ? 'name_dob' : 'family_dob';
    if (given) {
      // Either order: agents and practices do not always agree which name is the family name.
      exact = await patientsByDigests(ctx, search.clientId, [
        { kind: 'name_dob', value: indexValue.name_dob(family, given, dob) },
        { kind: 'name_dob', value: indexValue.name_dob(given, family, dob) },
      ]);
    }
    const byFamily = await patientsByDigests(ctx, search.clientId, [{ kind: 'family_dob', value: indexValue.family_dob(family, dob) }]);
    if (given) partial = byFamily.filter((p) => !exact.some((e) => e.id === p.id));
    else exact = byFamily;
  }
  const results = [...(await present(ctx, exact)).map((p) => ({ ...p, match: 'exact' as const })), ...(await present(ctx, partial)).map((p) => ({ ...p, match: 'partial' as const }))];
  // The search, and each patient it showed under their reference: a patient's access history lists the searches that found them.
  await inTransaction(ctx, async (tx) => {
    await audit(tx, { action: 'patient.searched', resourceType: 'Patient', clientId: search.clientId, details: { by, results: results.length } });
    for (const r of results) {
      await audit(tx, { action: 'patient.search_hit', resourceType: 'Patient', resourceId: r.id, clientId: r.clientId, patientRef: r.ref, details: { by, match: r.match } });
    }
  });
  return results;
}

/**
 * Reveals PHI fields of one patient for a stated purpose. Each field must be in a category
 * the actor may read or reveal for the patient's client. Every reveal is a `phi.read` audit
 * event naming the fields and the purpose, written before the values are returned.
 */
export async function revealPatient(ctx: ActorContext, id: string, input: RevealRequest): Promise<RevealedPatient> {
  assertCan(ctx, 'reveal', 'Patient');
  const row = await revealable(ctx, id);
  const fields = [...new Set(input.fields)];
  assertFieldCategories(ctx, ['read', 'reveal'], 'Patient', { clientId: row.client_id, patientId: row.id }, fields, 'reveal');
  const values = await decryptPatientFields(ctx.keyring, ctx.db, row, fields);
  await audit(ctx, {
    action: 'phi.read',
    resourceType: 'Patient',
    resourceId: row.id,
    clientId: row.client_id,
    patientRef: row.ref,
    fields,
    purpose: input.purpose,
    details: { source: 'vault' },
  });
  return { id: row.id, ref: row.ref, clientId: row.client_id, fields: values };
}

/** A patient the actor may read or reveal (either grants a reveal, field by field). */
async function revealable(ctx: ActorContext, id: string): Promise<PatientRow> {
  const row = await ctx.db
    .selectFrom('patients')
    .selectAll('patients')
    .where('patients.id', '=', id)
    .where((eb) => eb.or([rowScope(ctx, 'read', 'Patient', PATIENT_SCOPE)(eb), rowScope(ctx, 'reveal', 'Patient', PATIENT_SCOPE)(eb)]))
    .executeTakeFirst();
  if (!row) throw notFound('Patient');
  return row;
}

export type PatientChanges = { [F in PatientField]?: PatientFields[F] | null };

/** Edits fields of a patient (null clears one). Changed fields are re-encrypted under the current key and the blind indexes rebuilt. */
export async function updatePatient(ctx: ActorContext, id: string, changes: PatientChanges): Promise<PatientSummary> {
  assertCan(ctx, 'update', 'Patient');
  const fields = cleanFields(changes);
  const changed = PATIENT_FIELDS.filter((f) => fields[f] !== undefined);
  if (fields.name === null) throw invalidField('name', 'cannot be removed');
  await inTransaction(ctx, async (tx) => {
    const row = await findPatient(tx, 'update', id);
    if (row.status !== 'active') throw new AppError('conflict', `This record was merged into another; edit that one instead`, { field: 'id' });
    assertFieldCategories(tx, ['update'], 'Patient', { clientId: row.client_id }, changed, 'change');
    if (changed.length === 0) return;
    const encrypted = await encryptPatientFields(tx.keyring, tx.db, row.client_id, row.id, fields);
    await tx.db.updateTable('patients').set({ ...encrypted, updated_at: new Date().toISOString() }).where('id', '=', row.id).execute();
    if (changed.some((f) => INDEXED_FIELDS.includes(f))) {
      const current = await decryptPatientFields(tx.keyring, tx.db, row, INDEXED_FIELDS);
      const next = { ...current, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) } as Partial<PatientFields>;
      for (const f of INDEXED_FIELDS) if (fields[f] === null) delete next[f];
      await reindexPatient(tx.keyring, tx.db, row.client_id, row.id, next);
    }
    await audit(tx, { action: 'patient.updated', resourceType: 'Patient', resourceId: row.id, clientId: row.client_id, patientRef: row.ref, fields: changed, details: { changed } });
  });
  return getPatient(ctx, id);
}

/**
 * Merges a duplicate record into a survivor of the same client: the survivor keeps its values
 * and gains what only the duplicate had (phones and identifiers are combined); the duplicate
 * keeps its reference, pointing at the survivor, and is no longer found by lookups.
 */
export async function mergePatients(ctx: ActorContext, survivorId: string, duplicateId: string): Promise<PatientSummary> {
  assertCan(ctx, 'manage', 'Patient');
  if (survivorId === duplicateId) throw invalidField('duplicateId', 'must be another record than the one it is merged into');
  await inTransaction(ctx, async (tx) => {
    const survivor = await findPatient(tx, 'manage', survivorId);
    const duplicate = await findPatient(tx, 'manage', duplicateId).catch(() => {
      throw new AppError('not_found', 'Duplicate record not found.', { field: 'duplicateId' });
    });
    if (survivor.client_id !== duplicate.client_id) throw invalidField('duplicateId', 'belongs to another client');
    if (survivor.status !== 'active' || duplicate.status !== 'active') throw new AppError('conflict', 'Both records must be active to be merged.', { field: 'duplicateId' });
    const kept = await decryptPatientFields(tx.keyring, tx.db, survivor, PATIENT_FIELDS);
    const other = await decryptPatientFields(tx.keyring, tx.db, duplicate, PATIENT_FIELDS);
    const merged: Partial<PatientFields> = { ...other, ...kept };
    const phones = [...(kept.phones ?? []), ...(other.phones ?? [])];
    if (phones.length > 0) merged.phones = phones.filter((p, i) => phones.findIndex((q) => q.number === p.number) === i);
    const ids = [...(kept.identifiers ?? []), ...(other.identifiers ?? [])];
    if (ids.length > 0) merged.identifiers = ids.filter((p, i) => ids.findIndex((q) => q.system === p.system && q.value === p.value) === i);
    const gained = PATIENT_FIELDS.filter((f) => JSON.stringify(merged[f]) !== JSON.stringify(kept[f]));
    const now = new Date().toISOString();
    if (gained.length > 0) {
      const encrypted = await encryptPatientFields(tx.keyring, tx.db, survivor.client_id, survivor.id, Object.fromEntries(gained.map((f) => [f, merged[f]])));
      await tx.db.updateTable('patients').set({ ...encrypted, updated_at: now }).where('id', '=', survivor.id).execute();
    }
    await tx.db.updateTable('patients').set({ status: 'merged', merged_into_id: survivor.id, updated_at: now }).where('id', '=', duplicate.id).execute();
    await tx.db.deleteFrom('patient_index').where('patient_id', '=', duplicate.id).execute();
    await reindexPatient(tx.keyring, tx.db, survivor.client_id, survivor.id, merged);
    await audit(tx, {
      action: 'patient.merged',
      resourceType: 'Patient',
      resourceId: survivor.id,
      clientId: survivor.client_id,
      patientRef: survivor.ref,
      fields: gained,
      details: { survivorRef: survivor.ref, duplicateRef: duplicate.ref },
    });
  });
  return getPatient(ctx, survivorId);
}

/** A patient as the audit trail names it: the reference, and those of records merged into it. */
export interface PatientAuditIdentity {
  id: string;
  clientId: string;
  ref: string;
  /** This record's reference first, then those of the records merged into it (at any depth). */
  refs: string[];
}

/**
 * The references of one patient, for a service whose own permission decides which clients'
 * patients it reaches (a patient's access history asks with its audit grant): 404 when that
 * permission does not reach the patient's client, as when there is no such patient.
 */
export async function patientAuditIdentity(ctx: ActorContext, id: string, permission: { action: Action; subject: SubjectType }): Promise<PatientAuditIdentity> {
  const row = await ctx.db
    .selectFrom('patients')
    .select(['id', 'client_id', 'ref'])
    .where('id', '=', id)
    .where(rowScope(ctx, permission.action, permission.subject, { clientId: 'patients.client_id' }))
    .executeTakeFirst();
  if (!row) throw notFound('Patient');
  const refs = [row.ref];
  let frontier = [row.id];
  // A merge may have had merges of its own; records are few per patient, a handful of rounds at most.
  for (let depth = 0; depth < 10 && frontier.length > 0; depth += 1) {
    const merged = await ctx.db.selectFrom('patients').select(['id', 'ref']).where('merged_into_id', 'in', frontier).where('client_id', '=', row.client_id).execute();
    const fresh = merged.filter((m) => !refs.includes(m.ref));
    refs.push(...fresh.map((m) => m.ref));
    frontier = fresh.map((m) => m.id);
  }
  return { id: row.id, clientId: row.client_id, ref: row.ref, refs };
}

/** Patients already linked to a practice-system record, by the record's id: one query for all ids. */
/**
 * Stored fields of one patient, decrypted, for another module's service that has already
 * checked what its caller may do (the practice link merging identifiers). Not a reveal: the
 * caller audits what it does with them.
 */
export async function storedPatientFields(ctx: ActorContext, id: string, fields: readonly PatientField[]): Promise<Partial<PatientFields>> {
  const row = await ctx.db.selectFrom('patients').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Patient');
  return decryptPatientFields(ctx.keyring, ctx.db, row, fields);
}

export async function findByPracticeId(ctx: ActorContext, clientId: string, fhirIds: string[]): Promise<Map<string, PatientRow>> {
  const matches = await digestMatches(
    ctx,
    clientId,
    fhirIds.map((id) => ({ kind: 'fhir_id' as const, value: indexValue.fhir_id(id) })),
  );
  const byValue = new Map(matches.map((m) => [m.value, m.row]));
  return new Map(fhirIds.flatMap((id) => (byValue.has(indexValue.fhir_id(id)) ? [[id, byValue.get(indexValue.fhir_id(id))!] as const] : [])));
}

/**
 * Whether a patient's family name is this one, compared as blind-index digests under the
 * client's key (nothing is decrypted): the anomaly rule for a person opening a relative's record.
 */
export async function patientSharesFamilyName(ctx: ActorContext, clientId: string, patientRef: string, familyName: string): Promise<boolean> {
  const value = indexValue.family(familyName);
  if (!value) return false;
  const digest = (await ctx.keyring.blindIndexer(ctx.db, clientId))('family', value);
  const hit = await ctx.db
    .selectFrom('patient_index')
    .innerJoin('patients', (j) => j.onRef('patients.id', '=', 'patient_index.patient_id').onRef('patients.org_id', '=', 'patient_index.org_id'))
    .select('patients.id')
    .where('patients.client_id', '=', clientId)
    .where('patients.ref', '=', patientRef)
    .where('patient_index.kind', '=', 'family')
    .where('patient_index.digest', '=', digest)
    .executeTakeFirst();
  return hit !== undefined;
}

/** A patient's id from its reference within a client (null when there is none). */
export async function patientIdByRef(ctx: ActorContext, clientId: string, patientRef: string): Promise<string | null> {
  const row = await ctx.db.selectFrom('patients').select('id').where('client_id', '=', clientId).where('ref', '=', patientRef).executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Break-glass: opens one patient of a client the person is not assigned to, found by its
 * reference, for BREAK_GLASS_MINUTES, on a stated reason. Refused when the person can open
 * the patient anyway, or when their roles give no access to patients at all. The opening is a
 * `breakglass.opened` audit event (the audit module always alerts on it).
 */
export async function openBreakGlass(ctx: ActorContext, input: { clientId: string; patientRef: string; reason: string }): Promise<{ grantId: string; patientId: string; patientRef: string; clientId: string; expiresAt: string }> {
  assertCan(ctx, 'read', 'Patient');
  const userId = actorUserId(ctx);
  if (!userId) throw new AppError('forbidden', 'Only a person can break the glass');
  return inTransaction(ctx, async (tx) => {
    const row = await tx.db.selectFrom('patients').select(['id', 'ref', 'client_id']).where('client_id', '=', input.clientId).where('ref', '=', input.patientRef.trim().toUpperCase()).where('status', '=', 'active').executeTakeFirst();
    if (!row) throw new AppError('not_found', 'No patient with this reference at this client', { field: 'patientRef' });
    // Already open to the person (their clients, or a break-glass grant still running): nothing to break.
    const reachable = await revealable(tx, row.id).then(
      () => true,
      () => false,
    );
    if (reachable) throw new AppError('conflict', 'You can already open this patient; no break-glass is needed', { field: 'patientRef' });
    // The grant lends the person's own patient categories, for this one patient.
    const grant = await grantBreakGlass(tx.db, { userId, clientId: row.client_id, patientId: row.id, patientRef: row.ref, reason: input.reason });
    await audit(tx, {
      action: 'breakglass.opened',
      resourceType: 'Patient',
      resourceId: row.id,
      clientId: row.client_id,
      patientRef: row.ref,
      purpose: 'break_glass',
      details: { grantId: grant.id, minutes: BREAK_GLASS_MINUTES, expiresAt: grant.expiresAt },
    });
    return { grantId: grant.id, patientId: row.id, patientRef: row.ref, clientId: row.client_id, expiresAt: grant.expiresAt };
  });
}
