/**
 * A client's callback policy: how fast each priority must be called back, the client's
 * business hours, how many attempts are made and how far apart, what follows the last one,
 * how long a claim lasts without activity, and which reason codes intake may use.
 */
import { Type, type Static } from 'typebox';
import { Literals, Strict } from '../../platform/http/schemas.ts';
import type { SlaPolicy } from './sla.ts';

export const REASON_CODES = ['refill', 'appointment', 'results', 'billing', 'clinical', 'other'] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

const HHMM = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'Local time, HH:MM' });

export const CallbackPolicySchema = Strict({
  sla: Strict({
    emergentMinutes: Type.Integer({ minimum: 1, maximum: 240 }),
    urgentMinutes: Type.Integer({ minimum: 1, maximum: 1440 }),
  }),
  businessHours: Strict({
    days: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7, uniqueItems: true, description: 'ISO weekdays: 1 Monday … 7 Sunday' }),
    open: HHMM,
    close: HHMM,
  }),
  maxAttempts: Type.Integer({ minimum: 1, maximum: 10 }),
  retryMinutes: Type.Integer({ minimum: 1, maximum: 1440, description: 'Wait after an unsuccessful attempt before the next' }),
  afterLastAttempt: Literals(['escalate', 'close'] as const),
  claimTimeoutMinutes: Type.Integer({ minimum: 1, maximum: 240, description: 'A claim with no activity for this long returns the task to its queue' }),
  reasonCodes: Type.Array(Literals(REASON_CODES), { minItems: 1, uniqueItems: true }),
});

export type CallbackPolicy = Static<typeof CallbackPolicySchema>;

export const DEFAULT_CALLBACK_POLICY: CallbackPolicy = {
  sla: { emergentMinutes: 5, urgentMinutes: 15 },
  businessHours: { days: [1, 2, 3, 4, 5], open: '08:00', close: '17:00' },
  maxAttempts: 3,
  retryMinutes: 30,
  afterLastAttempt: 'escalate',
  claimTimeoutMinutes: 10,
  reasonCodes: [...REASON_CODES],
};

/** The stored policy, or the defaults. */
export function parsePolicy(stored: string | null): CallbackPolicy {
  return stored ? (JSON.parse(stored) as CallbackPolicy) : DEFAULT_CALLBACK_POLICY;
}

/** Business hours must open before they close; the schema cannot say so. */
export function policyProblem(policy: CallbackPolicy): string | null {
  return policy.businessHours.open < policy.businessHours.close ? null : 'businessHours.open must be before businessHours.close';
}

export function slaOf(policy: CallbackPolicy): SlaPolicy {
  return { minutes: { emergent: policy.sla.emergentMinutes, urgent: policy.sla.urgentMinutes }, businessHours: policy.businessHours };
}
