/**
 * A client's on-call settings: which hours must be covered, how long a page waits for an
 * acknowledgement before it escalates (per priority), how often the person paged is paged
 * again meanwhile, what stops the chain, whether an emergent callback pages by itself, and the
 * escalation list paged after the client's supervisors.
 */
import { Type, type Static } from 'typebox';
import { Id, Literals, Strict } from '../../platform/http/schemas.ts';

export const OnCallSettingsSchema = Strict({
  coverage: Literals(['always', 'outside_business_hours'] as const),
  ackWindowSeconds: Strict({
    emergent: Type.Integer({ minimum: 1, maximum: 3600, description: 'How long an emergent page waits for an acknowledgement before the next person is paged' }),
    urgent: Type.Integer({ minimum: 1, maximum: 3600, description: 'The same for an urgent page' }),
  }),
  renotifyEverySeconds: Type.Integer({ minimum: 1, maximum: 1800, description: 'While a person has not acknowledged, they are paged again this often' }),
  renotifyTimes: Type.Integer({ minimum: 0, maximum: 10, description: 'How many times a person is paged again before the next person' }),
  stopOn: Literals(['acknowledged', 'read'] as const),
  autoPageEmergent: Type.Boolean({ description: 'An emergent callback pages the on-call provider as soon as it is taken' }),
  escalationUserIds: Type.Array(Id, { maxItems: 10, uniqueItems: true, description: "Paged after the client's supervisors, in this order" }),
});
export type OnCallSettings = Static<typeof OnCallSettingsSchema>;

export const DEFAULT_ONCALL_SETTINGS: OnCallSettings = {
  coverage: 'always',
  ackWindowSeconds: { emergent: 600, urgent: 600 },
  renotifyEverySeconds: 120,
  renotifyTimes: 3,
  stopOn: 'acknowledged',
  autoPageEmergent: true,
  escalationUserIds: [],
};

/** Stored settings, with any setting added since they were stored at its default. */
export function parseSettings(stored: string | null | undefined): OnCallSettings {
  if (!stored) return DEFAULT_ONCALL_SETTINGS;
  const parsed = JSON.parse(stored) as Partial<OnCallSettings>;
  return { ...DEFAULT_ONCALL_SETTINGS, ...parsed, ackWindowSeconds: { ...DEFAULT_ONCALL_SETTINGS.ackWindowSeconds, ...parsed.ackWindowSeconds } };
}
