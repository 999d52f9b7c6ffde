/**
 * The clients module's contract: what its routes take and answer. The services' view and input
 * types are derived from these schemas (`Static<>`), so a field is declared once.
 */
import { Type, type Static } from 'typebox';
import { Declared, IsoTime, Literals, Nullable, OrganizationName, Out, PhiGuarded, Strict } from '../../platform/http/schemas.ts';
import { CallbackPolicySchema } from '../tasks/index.ts';

export const ClientStatus = Type.Union([Type.Literal('active'), Type.Literal('inactive')]);
const TimeZone = Declared('identifier', { minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. America/Chicago' });

const PhiGuardMode = Literals(['refuse', 'redact'] as const);
/** The script agents read into a voicemail: minimum necessary, never a diagnosis or detail. */
const VoicemailScript = PhiGuarded(1000);

/** A covered entity the organization serves. */
export const ClientSchema = Out({
  id: Type.String(),
  name: Type.String(),
  timeZone: Type.String(),
  status: ClientStatus,
  phiGuardMode: PhiGuardMode,
  voicemailScript: Nullable(Type.String()),
  callbackPolicy: CallbackPolicySchema,
  callbackPolicySet: Type.Boolean({ description: 'False while the client follows the default policy' }),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type ClientView = Static<typeof ClientSchema>;

export const NewClientBody = Strict({
  name: OrganizationName(120),
  timeZone: TimeZone,
  phiGuardMode: Type.Optional(PhiGuardMode),
  voicemailScript: Type.Optional(Nullable(VoicemailScript)),
  callbackPolicy: Type.Optional(CallbackPolicySchema),
});

/** A client's changes; a null voicemail script clears it. */
export const ClientChangesBody = Strict({
  name: Type.Optional(OrganizationName(120)),
  timeZone: Type.Optional(TimeZone),
  status: Type.Optional(ClientStatus),
  phiGuardMode: Type.Optional(PhiGuardMode),
  voicemailScript: Type.Optional(Nullable(VoicemailScript)),
  callbackPolicy: Type.Optional(CallbackPolicySchema),
});
export type ClientInput = Static<typeof ClientChangesBody>;

export const PhiGuardStatsSchema = Out({ mode: PhiGuardMode, refused: Type.Integer(), redacted: Type.Integer(), overridden: Type.Integer(), lastOverrideAt: Nullable(IsoTime) });
export type PhiGuardStats = Static<typeof PhiGuardStatsSchema>;
