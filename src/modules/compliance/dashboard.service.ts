/**
 * The compliance officer's dashboard: one answer for "are we covered?" built from the same
 * records and rules as everything else (the BAA chain, each person's training standing, the
 * access-review campaigns), so a figure here never disagrees with the screen behind it.
 */
import { searchAuditEvents } from '../../platform/audit/search.ts';
import { peopleReachingPhi } from '../../platform/authz/ability.ts';
import { assertCan } from '../../platform/authz/guard.ts';
import { lackingCourses, trainingStandingOfAll } from './phi-rules.ts';
import { daysUntil, today } from '../../platform/calendar.ts';
import type { ActorContext } from '../../platform/context.ts';
import { listAccessReviews } from './access-reviews.service.ts';
import { baaChain } from './baa-chain.service.ts';
import { CHAIN_STATES, type ChainEntry, type ComplianceDashboard } from './compliance.schemas.ts';
import { TRAINING_REMINDER_DAYS } from './reminders.service.ts';

type ChainState = ChainEntry['state'];

/** Days ahead the dashboard lists training expiries for: the first reminder's reach. */
export const TRAINING_HORIZON_DAYS = Math.max(...TRAINING_REMINDER_DAYS);

/** The audit actions that are always an alert for compliance. */
export const SECURITY_ALERT_ACTIONS = ['role.self_grant_refused'] as const;
const ALERT_DAYS = 30;

/** Everything the compliance dashboard shows, as of today. */
export async function complianceDashboard(ctx: ActorContext): Promise<ComplianceDashboard> {
  assertCan(ctx, 'read', 'ComplianceRecord');
  const day = today();
  const [chain, everyone, standingOf, reviews, reaching] = await Promise.all([
    baaChain(ctx),
    ctx.db.selectFrom('users').select(['id', 'display_name']).where('status', '=', 'active').orderBy('display_name').execute(),
    trainingStandingOfAll(ctx.db, day),
    listAccessReviews(ctx),
    peopleReachingPhi(ctx.db),
  ]);
  // The audit module answers; one search per alert kind, newest first.
  const since = new Date(Date.now() - ALERT_DAYS * 86_400_000).toISOString();
  const alerts = (await Promise.all(SECURITY_ALERT_ACTIONS.map(async (action) => (await searchAuditEvents(ctx, { action, from: since, limit: 50 })).items))).flat().sort((x, y) => y.id - x.id);
  // Training is counted for the people it gates: those whose roles reach PHI.
  const people = everyone.filter((p) => reaching.has(p.id));

  const clients = chain.filter((e) => e.party.type === 'client');
  const vendors = chain.filter((e) => e.party.type === 'vendor');
  const byState = Object.fromEntries(CHAIN_STATES.map((s) => [s, clients.filter((c) => c.state === s).length])) as Record<ChainState, number>;

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
    securityAlerts: alerts.map((a) => ({ eventId: a.id, action: a.action, occurredAt: a.occurredAt, actorEmail: a.actorEmail, role: typeof a.details.role === 'string' ? a.details.role : null })),
  };
}
