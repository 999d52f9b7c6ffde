/**
 * The compliance officer's dashboard: one answer for "are we covered?" built from the same
 * records and rules as everything else (the BAA chain, each person's training standing, the
 * access-review campaigns), so a figure here never disagrees with the screen behind it.
 */
import { assertCan } from '../../platform/authz/guard.ts';
import { lackingCourses, trainingStandingOfAll } from '../../platform/compliance/phi-gate.ts';
import { daysUntil, today } from '../../platform/calendar.ts';
import type { ActorContext } from '../../platform/context.ts';
import { listAccessReviews, type AccessReviewView } from './access-reviews.service.ts';
import { baaChain, type ChainEntry } from './compliance.service.ts';
import { TRAINING_REMINDER_DAYS } from './reminders.service.ts';

type ChainState = ChainEntry['state'];
const STATES: ChainState[] = ['active', 'expiring', 'pending', 'draft', 'expired', 'terminated', 'missing'];

/** Days ahead the dashboard lists training expiries for: the first reminder's reach. */
export const TRAINING_HORIZON_DAYS = Math.max(...TRAINING_REMINDER_DAYS);

export interface ComplianceDashboard {
  asOf: string;
  baaCoverage: {
    clients: number;
    /** Clients whose PHI is open: an active BAA (expiring ones included). */
    covered: number;
    byState: Record<ChainState, number>;
  };
  vendors: {
    handlingPhi: number;
    /** PHI-handling vendors without an active BAA: their integrations may not carry PHI. */
    withoutBaa: { id: string; name: string; services: string[]; state: ChainState }[];
  };
  /** Active BAAs of clients and vendors ending within the chain's expiring window. */
  baasEnding: { party: ChainEntry['party']; endsOn: string; daysLeft: number }[];
  training: {
    people: number;
    /** People with every required course current: PHI is open to them. */
    current: number;
    byCourse: { courseId: string; name: string; required: boolean; current: number; expiringSoon: number; expired: number; missing: number }[];
    /** Courses lapsing within the horizon, soonest first. */
    expiringSoon: { userId: string; displayName: string; course: string; expiresOn: string; daysLeft: number }[];
  };
  accessReviews: { open: AccessReviewView[] };
  /** Incidents and anomaly alerts are not kept yet; the dashboard says so rather than show a zero. */
  incidents: { tracked: false };
  anomalies: { tracked: false };
}

/** Everything the compliance dashboard shows, as of today. */
export async function complianceDashboard(ctx: ActorContext): Promise<ComplianceDashboard> {
  assertCan(ctx, 'read', 'ComplianceRecord');
  const day = today();
  const [chain, people, standingOf, reviews] = await Promise.all([
    baaChain(ctx),
    ctx.db.selectFrom('users').select(['id', 'display_name']).where('status', '=', 'active').orderBy('display_name').execute(),
    trainingStandingOfAll(ctx.db, day),
    listAccessReviews(ctx),
  ]);

  const clients = chain.filter((e) => e.party.type === 'client');
  const vendors = chain.filter((e) => e.party.type === 'vendor');
  const byState = Object.fromEntries(STATES.map((s) => [s, clients.filter((c) => c.state === s).length])) as Record<ChainState, number>;

  const byCourse = new Map<string, ComplianceDashboard['training']['byCourse'][number]>();
  const expiringSoon: ComplianceDashboard['training']['expiringSoon'] = [];
  let current = 0;
  for (const person of people) {
    const standing = standingOf(person.id);
    if (lackingCourses(standing).length === 0) current++;
    for (const c of standing) {
      const tally = byCourse.get(c.courseId) ?? { courseId: c.courseId, name: c.name, required: c.required, current: 0, expiringSoon: 0, expired: 0, missing: 0 };
      const daysLeft = c.expiresOn ? daysUntil(c.expiresOn, day) : null;
      if (c.state === 'current' && daysLeft !== null && daysLeft <= TRAINING_HORIZON_DAYS) {
        tally.expiringSoon++;
        expiringSoon.push({ userId: person.id, displayName: person.display_name, course: c.name, expiresOn: c.expiresOn!, daysLeft });
      } else tally[c.state]++;
      byCourse.set(c.courseId, tally);
    }
  }

  return {
    asOf: day,
    baaCoverage: { clients: clients.length, covered: byState.active + byState.expiring, byState },
    vendors: {
      handlingPhi: vendors.length,
      withoutBaa: vendors.filter((v) => v.state !== 'active' && v.state !== 'expiring').map((v) => ({ id: v.party.id, name: v.party.name, services: v.services, state: v.state })),
    },
    baasEnding: chain
      .filter((e) => e.state === 'expiring')
      .map((e) => ({ party: e.party, endsOn: e.endsOn!, daysLeft: e.daysLeft! }))
      .sort((a, b) => a.daysLeft - b.daysLeft),
    training: { people: people.length, current, byCourse: [...byCourse.values()], expiringSoon: expiringSoon.sort((a, b) => a.daysLeft - b.daysLeft || a.displayName.localeCompare(b.displayName)) },
    accessReviews: { open: reviews.filter((r) => r.status === 'open') },
    incidents: { tracked: false },
    anomalies: { tracked: false },
  };
}
