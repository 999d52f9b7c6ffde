/**
 * The compliance gate on PHI, in one place: a client's PHI is only ever written or read under
 * that client's data key, and a request's key ring uses a client's key only while
 *
 * - the client has an active business associate agreement (signed, in effect today on the
 *   client's calendar), and
 * - the person acting has completed every required course within its validity
 *   (integrations acting through an API token are not people and need only the BAA).
 *
 * Routes and services do nothing for it: the platform hands each request a gated key ring.
 * Records stay where they are; access resumes as soon as the missing record exists.
 */
import { addDays, addMonths, today, todayIn } from '../calendar.ts';
import type { Actor, PhiGate } from '../context.ts';
import type { KeyRing } from '../crypto/keyring.ts';
import type { TenantDb } from '../db/tenant-db.ts';
import type { BaaRow } from '../db/types.ts';
import { AppError } from '../http/errors.ts';

/** Client-key operations that handle PHI. */
const GATED = new Set<PropertyKey>(['encryptField', 'decryptField', 'encryptRow', 'decryptRow', 'blindIndexer']);
/** Client-keyed values that are not PHI: a client's integration credentials. */
const NOT_PHI_TABLES = new Set(['practice_links']);

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
  if (!vendor) throw new AppError('not_found', 'Vendor not found', { field: 'vendorId' });
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

export interface CourseStanding {
  courseId: string;
  key: string;
  name: string;
  required: boolean;
  validityMonths: number;
  /** The latest completion, YYYY-MM-DD, or null. */
  completedOn: string | null;
  /** The day it lapses (the latest completion plus the validity), or null when never completed. */
  expiresOn: string | null;
  state: 'current' | 'expired' | 'missing';
}

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
 * The gate for one request's actor. Answers are kept for the request: a page that decrypts
 * fifty rows of one client asks the database once.
 */
export function phiGateFor(actor: Actor): PhiGate {
  const clientsOk = new Set<string>();
  let trained: Promise<void> | null = null;
  return async (tenant, clientId) => {
    if (!clientsOk.has(clientId)) {
      if (!(await hasActiveBaa(tenant, clientId))) {
        const client = await tenant.selectFrom('clients').select('name').where('id', '=', clientId).executeTakeFirst();
        throw new AppError(
          'baa_required',
          `${client?.name ?? 'This client'} has no active signed business associate agreement: its PHI can be neither created nor read until one is recorded`,
          { field: 'clientId', errors: [{ field: 'clientId', message: `client ${clientId} needs a signed BAA in effect today` }] },
        );
      }
      clientsOk.add(clientId);
    }
    if (actor.type !== 'user') return;
    trained ??= (async () => {
      const lacking = lackingCourses(await trainingStanding(tenant, actor.userId));
      if (lacking.length > 0) {
        const list = lacking.map((c) => (c.state === 'missing' ? `${c.name} (not completed)` : `${c.name} (expired ${c.expiresOn})`)).join(', ');
        throw new AppError('training_required', `Complete your training before handling PHI: ${list}`, {
          errors: lacking.map((c) => ({ field: `training.${c.key}`, message: c.state === 'missing' ? 'not completed' : `expired ${c.expiresOn}` })),
        });
      }
    })();
    await trained;
  };
}

/**
 * The key ring as one request may use it: every PHI operation under a client's key passes the
 * gate first. The organization's own key (MFA secrets, BAA documents) is not PHI and is not gated.
 */
export function gateKeyRing(keyring: KeyRing, gate: PhiGate): KeyRing {
  return new Proxy(keyring, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      if (!GATED.has(prop)) return value.bind(target);
      return async (tenant: TenantDb, where: string | { clientId: string | null; table: string }, ...rest: unknown[]) => {
        const clientId = typeof where === 'string' ? where : where.clientId;
        const table = typeof where === 'string' ? null : where.table;
        if (clientId !== null && (table === null || !NOT_PHI_TABLES.has(table))) await gate(tenant, clientId);
        return (value as (...args: unknown[]) => unknown).call(target, tenant, where, ...rest);
      };
    },
  });
}

/** What a request's actor context carries for the gate: the gated key ring and the gate itself. */
export function phiAccessFor(keyring: KeyRing, actor: Actor): { keyring: KeyRing; phiGate: PhiGate } {
  const phiGate = phiGateFor(actor);
  return { keyring: gateKeyRing(keyring, phiGate), phiGate };
}
