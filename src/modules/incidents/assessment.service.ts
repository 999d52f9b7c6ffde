/**
 * The risk assessment of an incident: first the three statutory exclusions and the encryption
 * safe harbor (45 CFR 164.402(1) and the definition of unsecured PHI), each with its reasoning;
 * then the four factors of 164.402(2) leading to a determination. A draft is saved as often as
 * needed; signing makes it final (the database refuses any change to a signed version), and an
 * amendment is a new version beside it.
 */
import { randomUUID } from 'node:crypto';
import { assertCan } from '../../platform/authz/guard.ts';
import { actorUserId, audit, inTransaction, type ActorContext } from '../../platform/context.ts';
import { AppError, invalidField } from '../../platform/http/errors.ts';
import type { AssessmentInput, AssessmentView, IncidentView } from './incidents.schemas.ts';
import { assertOpen, findIncident, getIncident, markAssessing } from './incidents.service.ts';
import { retireStaleReminders } from './notices.service.ts';
import type { DataCategory } from '../../platform/authz/catalogue.ts';

type Exclusions = AssessmentView['exclusions'];
type Factors = AssessmentView['factors'];
const EXCLUSION_KEYS = ['workforceGoodFaith', 'authorizedPersons', 'unableToRetain', 'encryptionSafeHarbor'] as const;

const blankExclusions = (): Exclusions => Object.fromEntries(EXCLUSION_KEYS.map((k) => [k, { applies: false, reasoning: null }])) as Exclusions;
const blankFactors = (categories: DataCategory[]): Factors => ({ nature: { categories, extent: null }, recipient: { text: null }, acquired: { answer: null, text: null }, mitigation: { text: null } });
const clean = (s: string | null | undefined) => (s === undefined ? undefined : s?.trim() || null);

/** Saves the draft assessment; after a signed version, the first save starts the next version from it. */
export async function saveAssessment(ctx: ActorContext, incidentId: string, input: AssessmentInput): Promise<IncidentView> {
  assertCan(ctx, 'update', 'ComplianceRecord');
  await inTransaction(ctx, async (tx) => {
    const row = await findIncident(tx, incidentId);
    assertOpen(row);
    const latest = await tx.db.selectFrom('incident_assessments').selectAll().where('incident_id', '=', incidentId).orderBy('version', 'desc').limit(1).executeTakeFirst();
    const now = new Date().toISOString();
    const draft = latest && latest.signed_at === null ? latest : null;
    const exclusions: Exclusions = latest ? (JSON.parse(latest.exclusions) as Exclusions) : blankExclusions();
    const factors: Factors = latest ? (JSON.parse(latest.factors) as Factors) : blankFactors((JSON.parse(row.derived_categories) as DataCategory[]).filter((c) => c !== 'operational'));
    for (const key of EXCLUSION_KEYS) {
      const given = input.exclusions?.[key];
      if (given) exclusions[key] = { applies: given.applies, reasoning: clean(given.reasoning) ?? null };
    }
    const f = input.factors;
    if (f?.nature?.categories !== undefined) factors.nature.categories = [...new Set(f.nature.categories)].filter((c) => c !== 'operational');
    if (f?.nature?.extent !== undefined) factors.nature.extent = clean(f.nature.extent) ?? null;
    if (f?.recipient !== undefined) factors.recipient.text = clean(f.recipient.text) ?? null;
    if (f?.acquired?.answer !== undefined) factors.acquired.answer = f.acquired.answer;
    if (f?.acquired?.text !== undefined) factors.acquired.text = clean(f.acquired.text) ?? null;
    if (f?.mitigation !== undefined) factors.mitigation.text = clean(f.mitigation.text) ?? null;
    const determination = input.determination !== undefined ? input.determination : (latest?.determination ?? null);
    const reasoning = input.reasoning !== undefined ? (clean(input.reasoning) ?? null) : (latest?.reasoning ?? null);
    const values = { exclusions: JSON.stringify(exclusions), factors: JSON.stringify(factors), determination, reasoning, updated_at: now };
    let version: number;
    if (draft) {
      version = Number(draft.version);
      await tx.db.updateTable('incident_assessments').set(values).where('id', '=', draft.id).execute();
    } else {
      version = latest ? Number(latest.version) + 1 : 1;
      await tx.db.insertInto('incident_assessments', { id: randomUUID(), incident_id: incidentId, version, ...values, created_by: actorUserId(tx), created_at: now, signed_by: null, signed_at: null }).execute();
    }
    await markAssessing(tx, row);
    await audit(tx, { action: 'incident.assessment_saved', resourceType: 'Incident', resourceId: incidentId, details: { ref: row.ref, version } });
  });
  return getIncident(ctx, incidentId);
}

/** What a draft lacks before it can be signed: the field to fix and why, or null when it is complete. */
export function signingProblem(a: { exclusions: Exclusions; factors: Factors; determination: string | null; reasoning: string | null }): { field: string; message: string } | null {
  for (const key of EXCLUSION_KEYS) if (a.exclusions[key].applies && !a.exclusions[key].reasoning) return { field: `exclusions.${key}.reasoning`, message: 'say why it applies' };
  const anyExclusion = EXCLUSION_KEYS.some((k) => a.exclusions[k].applies);
  if (!a.determination) return { field: 'determination', message: 'choose the determination' };
  if (a.determination === 'excluded' && !anyExclusion) return { field: 'determination', message: 'an exclusion or the safe harbor must apply for this determination' };
  if (a.determination !== 'excluded' && anyExclusion) return { field: 'determination', message: 'an exclusion applies: the determination is "excluded", or the exclusion is not marked' };
  if (a.determination !== 'excluded') {
    if (!a.factors.nature.extent) return { field: 'factors.nature.extent', message: 'describe the nature and extent of the PHI involved' };
    if (!a.factors.recipient.text) return { field: 'factors.recipient.text', message: 'say who used or received the PHI' };
    if (!a.factors.acquired.answer) return { field: 'factors.acquired.answer', message: 'say whether the PHI was actually acquired or viewed' };
    if (!a.factors.mitigation.text) return { field: 'factors.mitigation.text', message: 'say how far the risk has been mitigated' };
  }
  if (!a.reasoning) return { field: 'reasoning', message: 'give the reasoning behind the determination' };
  return null;
}

/** Signs the draft: from now on it never changes, and the deadlines follow its determination. */
export async function signAssessment(ctx: ActorContext, incidentId: string): Promise<IncidentView> {
  assertCan(ctx, 'manage', 'ComplianceRecord');
  await inTransaction(ctx, async (tx) => {
    const row = await findIncident(tx, incidentId);
    assertOpen(row);
    const draft = await tx.db.selectFrom('incident_assessments').selectAll().where('incident_id', '=', incidentId).where('signed_at', 'is', null).orderBy('version', 'desc').limit(1).executeTakeFirst();
    if (!draft) throw new AppError('conflict', 'There is no draft to sign: save the assessment (or an amendment) first', { field: 'assessment' });
    const problem = signingProblem({ exclusions: JSON.parse(draft.exclusions) as Exclusions, factors: JSON.parse(draft.factors) as Factors, determination: draft.determination, reasoning: draft.reasoning });
    if (problem) throw invalidField(problem.field, problem.message);
    const now = new Date().toISOString();
    await tx.db.updateTable('incident_assessments').set({ signed_by: actorUserId(tx), signed_at: now, updated_at: now }).where('id', '=', draft.id).execute();
    if (row.status === 'reported' || row.status === 'assessing') await tx.db.updateTable('incidents').set({ status: 'determined', updated_at: now }).where('id', '=', incidentId).execute();
    await audit(tx, { action: 'incident.assessment_signed', resourceType: 'Incident', resourceId: incidentId, details: { ref: row.ref, version: Number(draft.version), determination: draft.determination! } });
    await retireStaleReminders(tx, row);
  });
  return getIncident(ctx, incidentId);
}
