/**
 * The compliance rules of the PHI gate, in one place: a client's PHI may be handled only while
 *
 * - the client has an active business associate agreement (signed, in effect today on the
 *   client's calendar), and
 * - the person acting has completed every required course within its validity
 *   (integrations acting through an API token are not people and need only the BAA).
 *
 * The platform runs the gate inside every lookup of a client's key (src/platform/crypto/
 * phi-gate.ts); `complianceRules` is what it asks, handed to the app in src/app.ts. The same
 * queries serve claim-next and assignment, which check ahead of time, and the compliance
 * records and reports. Records stay where they are; access resumes as soon as the missing
 * record exists.
 */
import { addDays, addMonths, today, todayIn } from '../../platform/calendar.ts';
import type { ComplianceRules } from '../../platform/crypto/phi-gate.ts';
import type { TenantDb } from '../../platform/db/tenant-db.ts';
import type { BaaRow } from './compliance.tables.ts';
import type { CourseStandingSchema } from './compliance.schemas.ts';
import type { Static } from 'typebox';
import { AppError } from '../../platform/http/errors.ts';

/** Signed and in effect on `day`: the one rule for an active BAA (the gate, the records, the chain). */
export function baaActive(row: Pick<BaaRow, 'status' | 'effective_on' | 'ends_on'>, day = today()): boolean {
  return row.status === 'signed' && (row.effective_on === null || row.effective_on <= day) && (row.ends_on === null || row.ends_on >= day);
}

/** Whether another signed agreement with the same party carries on from the day after this one ends. */
export function renewed(b: Pick<BaaRow, 'id' | 'client_id' | 'vendor_id' | 'ends_on'>, others: Pick<BaaRow, 'id' | 'client_id' | 'vendor_id' | 'status' | 'effective_on' | 'ends_on'>[]): boolean {
  if (b.ends_on === null) return false;
  const nextDay = addDays(b.ends_on, 1);
  return others.some(
    (o) => o.id !== b.id && o.status === 'signed' && o.client_id === b.client_id && o.vendor_id === b.vendor_id && (o.effective_on === null || o.effective_on <= nextDay) && (o.ends_on === null || o.ends_on > b.ends_on!),
  );
}

/** The day each BAA is judged on: its client's today, or UTC's for a vendor's agreement. */
export type BaaDay = (b: Pick<BaaRow, 'client_id'>) => string;

/** The day each BAA is judged on, from the clients' time zones (already loaded), for judging many BAAs at once. */
export function calendarOf(clients: { id: string; time_zone: string }[], now = new Date()): BaaDay {
  const zones = new Map(clients.map((c) => [c.id, c.time_zone]));
  const days = new Map<string | null, string>();
  return (b) => {
    const zone = b.client_id ? (zones.get(b.client_id) ?? null) : null;
    if (!days.has(zone)) days.set(zone, todayIn(zone, now));
    return days.get(zone)!;
  };
}

/** The calendar of every client of the organization. */
export async function baaCalendar(tenant: TenantDb, now = new Date()): Promise<BaaDay> {
  return calendarOf(await tenant.selectFrom('clients').select(['id', 'time_zone']).execute(), now);
}

/** Whether a client has a BAA active today, on the client's calendar. */
export async function hasActiveBaa(tenant: TenantDb, clientId: string, now = new Date()): Promise<boolean> {
  const [client, signed] = await Promise.all([
    tenant.selectFrom('clients').select('time_zone').where('id', '=', clientId).executeTakeFirst(),
    tenant.selectFrom('baas').select(['status', 'effective_on', 'ends_on']).where('client_id', '=', clientId).where('status', '=', 'signed').execute(),
  ]);
  const day = todayIn(client?.time_zone, now);
  return signed.some((b) => baaActive(b, day));
}

/**
 * The gate for an integration that would carry PHI, or PHI-adjacent data such as a caller's
 * number, to a vendor (a notification channel, recording storage): the vendor must be
 * active, recorded as handling PHI, hold a BAA active today and, when the integration is for
 * one client, serve that client. Enabling such an integration calls this first; so does
 * each use of it, so a lapsed BAA stops the data at once.
 */
export async function assertVendorMayCarryPhi(tenant: TenantDb, vendorId: string, options: { clientId?: string } = {}): Promise<void> {
  const vendor = await tenant.selectFrom('vendors').select(['name', 'status', 'handles_phi', 'all_clients']).where('id', '=', vendorId).executeTakeFirst();
  if (!vendor) throw new AppError('not_found', 'Vendor not found.', { field: 'vendorId' });
  const refuse = (why: string) => new AppError('baa_required', `${vendor.name} ${why}: no PHI may be sent through it`, { field: 'vendorId' });
  if (vendor.status !== 'active') throw refuse('is inactive');
  if (Number(vendor.handles_phi) !== 1) throw refuse('is recorded as not handling PHI; record that it does, and its BAA');
  const signed = await tenant.selectFrom('baas').select(['status', 'effective_on', 'ends_on']).where('vendor_id', '=', vendorId).where('status', '=', 'signed').execute();
  if (!signed.some((b) => baaActive(b))) throw refuse('has no active signed business associate agreement');
  if (options.clientId && Number(vendor.all_clients) !== 1) {
    const serves = await tenant.selectFrom('vendor_clients').select('client_id').where('vendor_id', '=', vendorId).where('client_id', '=', options.clientId).executeTakeFirst();
    if (!serves) throw refuse("is not recorded as serving this client");
  }
}

/**
 * The same gate for a vendor named in the server's configuration (the object storage that
 * holds recordings): the organization must have recorded it, by that name, with an active BAA.
 */
export async function assertNamedVendorMayCarryPhi(tenant: TenantDb, name: string, options: { clientId?: string } = {}): Promise<void> {
  const vendor = await tenant.selectFrom('vendors').select('id').where('name', '=', name).where('status', '=', 'active').executeTakeFirst();
  if (!vendor) throw new AppError('baa_required', `${name} is not recorded as a vendor of this organization: record it and its BAA before PHI is sent through it`, { field: 'vendorId' });
  await assertVendorMayCarryPhi(tenant, vendor.id, options);
}

/** Where a person stands in one course (the schema names each field). */
export type CourseStanding = Static<typeof CourseStandingSchema>;

/** The required courses not current: what stands between a person and PHI (none: PHI is open to them). */
export function lackingCourses(standing: CourseStanding[]): CourseStanding[] {
  return standing.filter((c) => c.required && c.state !== 'current');
}

type CourseRow = { id: string; key: string; name: string; validity_months: number; required: number };

function courseRows(tenant: TenantDb): Promise<CourseRow[]> {
  return tenant.selectFrom('courses').select(['id', 'key', 'name', 'validity_months', 'required']).orderBy('created_at').orderBy('key').execute();
}

/** Where someone stands in each course, from their latest completion per course. */
function standing(courses: CourseRow[], lastBy: Map<string, string | null>, day: string): CourseStanding[] {
  return courses.map((c) => {
    const completedOn = lastBy.get(c.id) ?? null;
    const expiresOn = completedOn ? addMonths(completedOn, Number(c.validity_months)) : null;
    return {
      courseId: c.id,
      key: c.key,
      name: c.name,
      required: Number(c.required) === 1,
      validityMonths: Number(c.validity_months),
      completedOn,
      expiresOn,
      state: expiresOn === null ? 'missing' : expiresOn > day ? 'current' : 'expired',
    };
  });
}

/** Each course of the organization with where this person stands in it. */
export async function trainingStanding(tenant: TenantDb, userId: string, day = today()): Promise<CourseStanding[]> {
  const latest = await tenant
    .selectFrom('training_completions')
    .select(['course_id', (eb) => eb.fn.max('completed_on').as('last')])
    .where('user_id', '=', userId)
    .groupBy('course_id')
    .execute();
  return standing(await courseRows(tenant), new Map(latest.map((r) => [r.course_id, r.last as string | null])), day);
}

/** Where each person of the organization stands: two queries for everyone. */
export async function trainingStandingOfAll(tenant: TenantDb, day = today()): Promise<(userId: string) => CourseStanding[]> {
  const courses = await courseRows(tenant);
  const latest = await tenant
    .selectFrom('training_completions')
    .select(['user_id', 'course_id', (eb) => eb.fn.max('completed_on').as('last')])
    .groupBy(['user_id', 'course_id'])
    .execute();
  const byUser = new Map<string, Map<string, string | null>>();
  for (const r of latest) {
    const mine = byUser.get(r.user_id) ?? new Map<string, string | null>();
    mine.set(r.course_id, r.last as string | null);
    byUser.set(r.user_id, mine);
  }
  return (userId) => standing(courses, byUser.get(userId) ?? new Map(), day);
}

/**
 * What the PHI gate asks of this module: the client's BAA in effect today, then, for a
 * person, their required training current. The platform keeps the answers for the request.
 */
export const complianceRules: ComplianceRules = {
  async assertClientMayHandlePhi(tenant, clientId) {
    if (await hasActiveBaa(tenant, clientId)) return;
    const client = await tenant.selectFrom('clients').select('name').where('id', '=', clientId).executeTakeFirst();
    throw baaRequired(clientId, client?.name ?? null);
  },
  async assertActorMayHandlePhi(tenant, actor) {
    if (actor.type !== 'user') return;
    const lacking = lackingCourses(await trainingStanding(tenant, actor.userId));
    if (lacking.length > 0) throw trainingRequired(lacking);
  },
};

/** The refusal when a client has no BAA in effect: the same words wherever the gate stops someone. */
export function baaRequired(clientId: string, clientName: string | null): AppError {
  return new AppError(
    'baa_required',
    `${clientName ?? 'This client'} has no active signed business associate agreement: its PHI can be neither created nor read until one is recorded.`,
    { field: 'clientId', errors: [{ field: 'clientId', message: `client ${clientId} needs a signed BAA in effect today` }] },
  );
}

/** The refusal when a person's required training is missing or lapsed, naming each course. */
export function trainingRequired(lacking: CourseStanding[]): AppError {
  const list = lacking.map((c) => (c.state === 'missing' ? `${c.name} (not completed)` : `${c.name} (expired ${c.expiresOn})`)).join(', ');
  return new AppError('training_required', `Complete your training before handling PHI: ${list}.`, {
    errors: lacking.map((c) => ({ field: `training.${c.key}`, message: c.state === 'missing' ? 'not completed' : `expired ${c.expiresOn}` })),
  });
}

/** The clients of the organization with no BAA in effect today, each judged on its own calendar. */
export async function clientsWithoutActiveBaa(tenant: TenantDb, now = new Date()): Promise<Map<string, string>> {
  const [clients, signed] = await Promise.all([
    tenant.selectFrom('clients').select(['id', 'name', 'time_zone']).execute(),
    tenant.selectFrom('baas').select(['client_id', 'status', 'effective_on', 'ends_on']).where('status', '=', 'signed').where('client_id', 'is not', null).execute(),
  ]);
  const day = calendarOf(clients, now);
  const covered = new Set(signed.filter((b) => baaActive(b, day(b))).map((b) => b.client_id));
  return new Map(clients.filter((c) => !covered.has(c.id)).map((c) => [c.id, c.name]));
}
