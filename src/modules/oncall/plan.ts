/**
 * The escalation plan of a page, worked out once when the message is created from the
 * client's settings and the roster in force then, and frozen on the message: later edits of
 * the schedule or the settings never change a page in flight.
 *
 * Tiers, in order: the primary, each backup, then the client's supervisors with the escalation
 * list. Each tier is paged, paged again every `renotifyEverySeconds` up to `renotifyTimes`
 * times while its window lasts, and after `ackWindowSeconds` the next tier is paged. After the
 * last tier's window the page is exhausted: it becomes an emergent callback and the
 * supervisors are told. With nobody on call it is exhausted at once.
 */
import type { RecipientRole } from './oncall.tables.ts';
import type { OnCallSettings } from './settings.ts';

export interface PlanRecipient {
  userId: string;
  role: RecipientRole;
}

export interface PlanStep {
  /** Seconds after the message was created. */
  at: number;
  kind: 'page' | 'exhausted';
  tier: number;
  /** 0 for a tier's first page, 1… for each page again. */
  repeat: number;
  recipients: PlanRecipient[];
}

export interface FrozenRoster {
  primary: string | null;
  backups: string[];
  supervisors: string[];
  escalation: string[];
}

export function buildPlan(settings: OnCallSettings, roster: FrozenRoster, priority: 'emergent' | 'urgent'): PlanStep[] {
  const window = settings.ackWindowSeconds[priority];
  const alert: PlanRecipient[] = [...roster.supervisors.map((userId) => ({ userId, role: 'supervisor' as const })), ...roster.escalation.filter((id) => !roster.supervisors.includes(id)).map((userId) => ({ userId, role: 'escalation' as const }))];
  const onCall = [roster.primary, ...roster.backups].filter((id): id is string => id !== null);
  // Nobody on call: the page falls back to a callback at once, and the supervisors hear of it.
  if (onCall.length === 0) return [{ at: 0, kind: 'exhausted', tier: 0, repeat: 0, recipients: alert }];
  const tiers: PlanRecipient[][] = [
    ...(roster.primary ? [[{ userId: roster.primary, role: 'primary' as const }]] : []),
    ...roster.backups.filter((id, i, all) => id !== roster.primary && all.indexOf(id) === i).map((userId) => [{ userId, role: 'backup' as const }]),
    ...(alert.length > 0 ? [alert] : []),
  ];
  const steps: PlanStep[] = [];
  let start = 0;
  tiers.forEach((recipients, tier) => {
    for (let repeat = 0; repeat <= settings.renotifyTimes; repeat += 1) {
      const offset = repeat * settings.renotifyEverySeconds;
      if (repeat > 0 && offset >= window) break;
      steps.push({ at: start + offset, kind: 'page', tier, repeat, recipients });
    }
    start += window;
  });
  steps.push({ at: start, kind: 'exhausted', tier: tiers.length, repeat: 0, recipients: alert });
  return steps;
}

/** The first step of the tier after `step`'s: where a tier whose channels all failed moves at once. */
export function nextTierStep(plan: readonly PlanStep[], step: number): number {
  const tier = plan[step]!.tier;
  const next = plan.findIndex((s, i) => i > step && s.tier > tier);
  return next === -1 ? plan.length - 1 : next;
}
