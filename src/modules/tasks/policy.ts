/**
 * A client's callback policy: how fast each priority must be called back, the client's
 * business hours, how many attempts are made and how far apart, what follows the last one,
 * how long a claim lasts without activity, and which reason codes intake may use.
 */
import { Type, type Static } from 'typebox';
import { Declared, FORMAT_HINT, Literals, Strict } from '../../platform/http/schemas.ts';
import type { SlaPolicy } from './sla.ts';

export const REASON_CODES = ['refill', 'appointment', 'results', 'billing', 'clinical', 'other'] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

const HHMM = Declared('structured', { pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'Local time, HH:MM', [FORMAT_HINT]: 'a time of day written HH:MM, such as 08:00' });

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export const CallbackPolicySchema = Strict({
  sla: Strict({
    emergentMinutes: Type.Integer({ minimum: 1, maximum: 240 }),
    urgentMinutes: Type.Integer({ minimum: 1, maximum: 1440 }),
  }),
  businessHours: Type.Array(Strict({ day: Type.Integer({ minimum: 1, maximum: 7, description: 'ISO weekday: 1 Monday … 7 Sunday' }), open: HHMM, close: HHMM }), {
    minItems: 1,
    maxItems: 7,
    description: 'The days the client is open, each with its local opening and closing time; a weekday not listed is a day off',
  }),
  maxAttempts: Type.Integer({ minimum: 1, maximum: 10 }),
  retryMinutes: Type.Integer({ minimum: 1, maximum: 1440, description: 'Wait after an unsuccessful attempt before the next' }),
  afterLastAttempt: Literals(['escalate', 'close'] as const),
  claimTimeoutMinutes: Type.Integer({ minimum: 1, maximum: 240, description: 'A claim with no activity for this long returns the task to its queue' }),
  agentCapacity: Type.Integer({ minimum: 1, maximum: 50, description: 'Push queues hand an agent callbacks of this client while they hold fewer than this many' }),
  reasonCodes: Type.Array(Literals(REASON_CODES), { minItems: 1, uniqueItems: true }),
});

export type CallbackPolicy = Static<typeof CallbackPolicySchema>;

export const DEFAULT_CALLBACK_POLICY: CallbackPolicy = {
  sla: { emergentMinutes: 5, urgentMinutes: 15 },
  businessHours: [1, 2, 3, 4, 5].map((day) => ({ day, open: '08:00', close: '17:00' })),
  maxAttempts: 3,
  retryMinutes: 30,
  afterLastAttempt: 'escalate',
  claimTimeoutMinutes: 10,
  agentCapacity: 3,
  reasonCodes: [...REASON_CODES],
};

/** Business hours as first stored: the same opening and closing time on every listed day. */
interface SameHoursEveryDay {
  days: number[];
  open: string;
  close: string;
}

/** The stored policy, or the defaults; a policy stored with one set of hours for all days reads as the same hours per day. */
export function parsePolicy(stored: string | null): CallbackPolicy {
  if (!stored) return DEFAULT_CALLBACK_POLICY;
  const policy = JSON.parse(stored) as Omit<CallbackPolicy, 'businessHours' | 'agentCapacity'> & { businessHours: CallbackPolicy['businessHours'] | SameHoursEveryDay; agentCapacity?: number };
  const hours = policy.businessHours;
  // Settings added since the policy was stored take their defaults.
  const filled = { agentCapacity: DEFAULT_CALLBACK_POLICY.agentCapacity, ...policy };
  if (Array.isArray(hours)) return filled as CallbackPolicy;
  return { ...filled, businessHours: [...hours.days].sort((a, b) => a - b).map((day) => ({ day, open: hours.open, close: hours.close })) };
}

/** What the schema cannot say: each day once, and open before close. Names the field, with a sentence. */
export function policyProblem(policy: CallbackPolicy): { field: string; message: string } | null {
  const seen = new Set<number>();
  for (const [i, hours] of policy.businessHours.entries()) {
    const name = WEEKDAY_NAMES[hours.day - 1]!;
    if (seen.has(hours.day)) return { field: `businessHours.${i}.day`, message: `${name} is listed twice; give each day its hours once.` };
    seen.add(hours.day);
    if (hours.open >= hours.close) return { field: `businessHours.${i}.close`, message: `On ${name} the closing time must be after the opening time.` };
  }
  return null;
}

export function slaOf(policy: CallbackPolicy): SlaPolicy {
  return { minutes: { emergent: policy.sla.emergentMinutes, urgent: policy.sla.urgentMinutes }, businessHours: policy.businessHours };
}
