/** The audit module's contract: search, one event with its chain link, a patient's access history. */
import { Type, type Static } from 'typebox';
import { Declared, Id, IsoTime, KeysetPage, KeysetQuery, Literals, Nullable, Out, Strict } from '../../platform/http/schemas.ts';

const Outcome = Type.Union([Type.Literal('success'), Type.Literal('failure')]);
const ActorType = Type.Union([Type.Literal('user'), Type.Literal('token'), Type.Literal('system')]);

export const AuditEventSchema = Out({
  id: Type.Integer(),
  occurredAt: IsoTime,
  action: Type.String(),
  outcome: Outcome,
  actorType: ActorType,
  actorId: Nullable(Type.String()),
  actorEmail: Nullable(Type.String()),
  actorName: Nullable(Type.String()),
  resourceType: Nullable(Type.String()),
  resourceId: Nullable(Type.String()),
  clientId: Nullable(Type.String()),
  patientRef: Nullable(Type.String()),
  fields: Nullable(Type.Array(Type.String())),
  purpose: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  requestId: Nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown()),
  sealed: Type.Boolean({ description: 'Whether the event is sealed into the hash chain yet' }),
});

/** An action exactly, or a family: a bare prefix (`auth`) or one ending in a dot (`auth.login.`). */
const ActionFilter = Declared('identifier', { maxLength: 100, pattern: '^[a-z_.]+$', description: 'An action (auth.login.failed), or a family: auth, or auth.login.' });

export const AuditSearchQuery = Strict({
  ...KeysetQuery,
  action: Type.Optional(ActionFilter),
  actorId: Type.Optional(Declared('identifier', { maxLength: 64, description: 'The person (or token) who acted' })),
  resourceId: Type.Optional(Declared('identifier', { maxLength: 64, description: 'Narrows another filter; on its own it reads the trail in time order' })),
  clientId: Type.Optional(Declared('identifier', { maxLength: 64 })),
  patientRef: Type.Optional(Declared('identifier', { maxLength: 32 })),
  outcome: Type.Optional(Outcome),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Inclusive' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Exclusive' })),
});

export const AuditSearchPage = KeysetPage(AuditEventSchema);

export const AuditEventDetailSchema = Out({
  event: AuditEventSchema,
  link: Nullable(
    Out({
      position: Type.Integer({ description: "Place in the organization's chain, from 1" }),
      prevHash: Type.String(),
      hash: Type.String(),
      sealedAt: IsoTime,
      previousEventId: Nullable(Type.Integer({ description: 'The event linked just before (null for the first link)' })),
      nextEventId: Nullable(Type.Integer({ description: 'The event linked just after (null for the last link so far)' })),
      verified: Type.Boolean({ description: 'The hash recomputed from the stored event and previous hash matches the stored hash' }),
      followsPrevious: Type.Boolean({ description: "The stored previous hash is the previous link's hash" }),
    }),
    { description: 'Null until the sealer has linked the event' },
  ),
});

export const ENTRY_KINDS = ['access', 'disclosure', 'change', 'activity'] as const;

export const HistoryQuery = Strict({
  ...KeysetQuery,
  action: Type.Optional(ActionFilter),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Inclusive' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Exclusive' })),
});

const Person = Out({
  type: ActorType,
  id: Nullable(Type.String()),
  name: Nullable(Type.String({ description: 'A person’s display name, or a token’s; null for Ringfence itself' })),
  email: Nullable(Type.String()),
  roles: Type.Array(Type.String(), { description: "The person's roles now (names), not necessarily at the time of the event" }),
});

export const HistoryEntrySchema = Out({
  id: Type.Integer(),
  occurredAt: IsoTime,
  action: Type.String(),
  kind: Literals(ENTRY_KINDS),
  description: Type.String({ description: 'What happened, in a sentence (no PHI)' }),
  outcome: Outcome,
  actor: Person,
  recipient: Nullable(Type.String({ description: 'For a disclosure: to whom (a person and role, or outside the workforce)' })),
  patientRef: Type.String({ description: 'The reference the event names: this record’s, or a record merged into it' }),
  resourceType: Nullable(Type.String()),
  resourceId: Nullable(Type.String()),
  fields: Nullable(Type.Array(Type.String())),
  categories: Type.Array(Type.String(), { description: 'The data categories of the fields' }),
  purpose: Nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown()),
  sealed: Type.Boolean(),
});

export const AccessHistorySchema = Out({
  patient: Out({ id: Type.String(), ref: Type.String(), clientId: Type.String(), clientName: Type.String(), refs: Type.Array(Type.String(), { description: 'This record’s reference and those of records merged into it' }) }),
  ...KeysetPage(HistoryEntrySchema).properties,
});

export const DISCLOSURE_FORMATS = ['pdf', 'csv'] as const;

export const DisclosuresQuery = Strict({
  from: IsoTime,
  to: IsoTime,
  format: Type.Optional(Literals(DISCLOSURE_FORMATS)),
});

export const PatientParams = Strict({ id: Id });

export type HistoryEntry = Static<typeof HistoryEntrySchema>;
export type AccessHistory = Static<typeof AccessHistorySchema>;
export type DisclosureFormat = (typeof DISCLOSURE_FORMATS)[number];
