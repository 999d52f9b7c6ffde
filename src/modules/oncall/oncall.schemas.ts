/** Request and response schemas of the on-call routes. Every request string declares its kind (test/free-text.test.ts). */
import { Type } from 'typebox';
import { Declared, FORMAT_HINT, Id, IsoTime, Literals, Nullable, Out, Strict, VaultText } from '../../platform/http/schemas.ts';
import { CONTACT_KINDS, RECIPIENT_ROLES, URGENT_EVENT_KINDS, URGENT_STATUSES } from './oncall.tables.ts';

export const IdParams = Strict({ id: Id });
export const ContactParams = Strict({ id: Id, contactId: Id });
export const ReplyParams = Strict({ id: Id, replyId: Id });

const Wall = Declared('structured', { pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'Local time, HH:MM', [FORMAT_HINT]: 'a time of day written HH:MM, such as 19:00' });
const Day = Declared('structured', { pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A local day, YYYY-MM-DD', [FORMAT_HINT]: 'a day written YYYY-MM-DD' });
const LocalTime = Declared('structured', { pattern: '^\\d{4}-\\d{2}-\\d{2}T([01][0-9]|2[0-3]):[0-5][0-9]$', description: "Local wall-clock time in the client's zone, YYYY-MM-DDTHH:MM", [FORMAT_HINT]: 'a local time written YYYY-MM-DDTHH:MM' });
const Rrule = Declared('structured', {
  minLength: 9,
  maxLength: 300,
  pattern: '^[A-Z0-9=;,+-]+$',
  description: 'An RFC 5545 recurrence rule without DTSTART, e.g. FREQ=WEEKLY;BYDAY=SA,SU',
  [FORMAT_HINT]: 'a recurrence rule such as FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
});
const RotationName = Declared('identifier', { minLength: 1, maxLength: 60, pattern: "^[A-Za-z0-9][A-Za-z0-9 .,&'()/-]*$", description: 'A rotation name such as Nights or Weekend', [FORMAT_HINT]: 'a short name of letters and digits, such as Nights' });

export const ShiftRuleSchema = Strict({
  id: Id,
  rrule: Rrule,
  startDate: Day,
  untilDate: Nullable(Day),
  start: Wall,
  end: Wall,
  primary: Id,
  backups: Type.Array(Id, { maxItems: 5 }),
});
export const RotationSchema = Strict({ id: Id, name: RotationName, shifts: Type.Array(ShiftRuleSchema, { maxItems: 50 }) });
export const OverrideSchema = Strict({ id: Id, start: LocalTime, end: LocalTime, primary: Id, backups: Nullable(Type.Array(Id, { maxItems: 5 })), kind: Literals(['cover', 'swap'] as const) });
export const ScheduleDocumentSchema = Strict({ rotations: Type.Array(RotationSchema, { maxItems: 20 }), overrides: Type.Array(OverrideSchema, { maxItems: 500 }) });

export const SourceSchema = Type.Union([
  Out({ kind: Type.Literal('rule'), rotationId: Type.String(), rotationName: Type.String(), shiftId: Type.String() }),
  Out({ kind: Type.Literal('override'), overrideId: Type.String() }),
]);

export const CoverageCheckSchema = Out({
  from: IsoTime,
  to: IsoTime,
  gaps: Type.Array(Out({ start: IsoTime, end: IsoTime, reason: Literals(['uncovered', 'unreachable'] as const), personId: Nullable(Type.String()) })),
  overlaps: Type.Array(Out({ start: IsoTime, end: IsoTime, sources: Type.Array(SourceSchema) })),
});

export const ScheduleSchema = Out({ version: Type.Integer(), effectiveFrom: Nullable(IsoTime), document: ScheduleDocumentSchema, createdBy: Nullable(Type.String()), createdAt: Nullable(IsoTime), timeZone: Type.String() });
export const SavedScheduleSchema = Out({ version: Type.Integer(), effectiveFrom: IsoTime, check: CoverageCheckSchema });

const RosterFields = {
  at: IsoTime,
  primary: Nullable(Type.String()),
  backups: Type.Array(Type.String()),
  source: Nullable(SourceSchema),
  version: Type.Integer({ description: 'The schedule version in force at that instant (0: none saved yet)' }),
  effectiveFrom: Nullable(IsoTime),
};
export const RosterSchema = Out({ ...RosterFields, names: Type.Record(Type.String(), Type.String()) });

export const AtQuery = Strict({ at: Type.Optional(IsoTime) });
export const SpanQuery = Strict({ from: IsoTime, to: IsoTime });

export const CoverageSpanSchema = Out({
  segments: Type.Array(Out({ start: IsoTime, end: IsoTime, primary: Type.String(), backups: Type.Array(Type.String()), source: SourceSchema })),
  check: CoverageCheckSchema,
  names: Type.Record(Type.String(), Type.String()),
});

export const ContactPointSchema = Out({
  id: Type.String(),
  kind: Literals(CONTACT_KINDS),
  address: Type.String(),
  position: Type.Integer(),
  verified: Type.Boolean(),
  verifiedAt: Nullable(IsoTime),
  codePending: Type.Boolean(),
  createdAt: IsoTime,
});
export const ContactBody = Strict({
  kind: Literals(CONTACT_KINDS),
  address: Declared('url', { minLength: 3, maxLength: 300, description: 'A work e-mail address, a mobile number, or a webhook URL (staff contact, never PHI)', [FORMAT_HINT]: 'an e-mail address, a mobile number or a web address' }),
});
export const CodeBody = Strict({ code: Declared('secret', { pattern: '^\\s*\\d{6}\\s*$', description: 'The 6-digit code sent to the contact point', [FORMAT_HINT]: 'the 6 digits of the code you received' }) });
export const OrderBody = Strict({ ids: Type.Array(Id, { minItems: 1, maxItems: 6 }) });

export const ProviderSchema = Out({
  id: Type.String(),
  name: Type.String(),
  contactPoints: Type.Array(Out({ id: Type.String(), kind: Literals(CONTACT_KINDS), address: Type.String(), verified: Type.Boolean(), usable: Type.Boolean() })),
  reachable: Type.Boolean({ description: 'At least one verified contact point whose channel may carry this client’s pages' }),
});

export const PreviewSchema = Out({
  roster: Out(RosterFields),
  supervisors: Type.Array(Type.String()),
  names: Type.Record(Type.String(), Type.String()),
  reachable: Type.Record(Type.String(), Type.Boolean()),
});

export const UrgentBody = Strict({
  taskId: Type.Optional(Id),
  patientId: Type.Optional(Id),
  priority: Type.Optional(Literals(['emergent', 'urgent'] as const)),
  body: Type.Optional(VaultText(4000, 'clinical', 1, { description: 'What the provider needs to know: clinical, encrypted, never in a page. Needs the clinical category; without it the provider is asked to call the answering service.' })),
});
export const ReplyBody = Strict({ body: VaultText(4000, 'clinical') });

export const UrgentQuery = Strict({
  view: Type.Optional(Literals(['inbox', 'open', 'all'] as const)),
  taskId: Type.Optional(Id),
  patientId: Type.Optional(Id),
  clientId: Type.Optional(Id),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});

const Person = Out({ userId: Type.String(), name: Type.String(), role: Literals(RECIPIENT_ROLES) });
export const UrgentSchema = Out({
  id: Type.String(),
  clientId: Type.String(),
  clientName: Type.String(),
  taskId: Nullable(Type.String()),
  patientId: Type.String(),
  patientRef: Type.String(),
  reference: Type.String(),
  priority: Literals(['emergent', 'urgent'] as const),
  status: Literals(URGENT_STATUSES),
  stopOn: Literals(['acknowledged', 'read'] as const),
  createdAt: IsoTime,
  createdBy: Nullable(Type.String()),
  readAt: Nullable(IsoTime),
  acknowledgedAt: Nullable(IsoTime),
  acknowledgedBy: Nullable(Out({ id: Type.String(), name: Type.String() })),
  closedAt: Nullable(IsoTime),
  fallbackTaskId: Nullable(Type.String()),
  next: Nullable(Out({ at: IsoTime, kind: Literals(['page', 'exhausted'] as const), recipients: Type.Array(Person) })),
  recipients: Type.Array(
    Out({ userId: Type.String(), name: Type.String(), role: Literals(RECIPIENT_ROLES), firstNotifiedAt: IsoTime, openedAt: Nullable(IsoTime), readAt: Nullable(IsoTime), acknowledgedAt: Nullable(IsoTime) }),
  ),
  decidedBy: Nullable(SourceSchema),
  scheduleVersion: Type.Integer(),
  replies: Out({ total: Type.Integer(), unhandled: Type.Integer() }),
  mine: Nullable(Out({ role: Literals(RECIPIENT_ROLES), openedAt: Nullable(IsoTime), readAt: Nullable(IsoTime), acknowledgedAt: Nullable(IsoTime) })),
});

export const UrgentContentSchema = Out({
  body: Type.String(),
  replies: Type.Array(Out({ id: Type.String(), authorId: Type.String(), authorName: Type.String(), body: Type.String(), createdAt: IsoTime, handledAt: Nullable(IsoTime), handledBy: Nullable(Type.String()) })),
});

export const TimelineEntrySchema = Out({
  at: IsoTime,
  kind: Literals([...URGENT_EVENT_KINDS, 'sent', 'queued'] as const),
  userId: Nullable(Type.String()),
  userName: Nullable(Type.String()),
  step: Nullable(Type.Integer()),
  channel: Nullable(Type.String()),
  detail: Nullable(Type.Record(Type.String(), Type.Unknown())),
});

export const PatientTimelineSchema = Out({
  patientId: Type.String(),
  patientRef: Type.String(),
  clientId: Type.String(),
  entries: Type.Array(
    Out({
      at: IsoTime,
      kind: Literals(['callback', 'attempt', 'completed', 'urgent', 'page'] as const),
      taskId: Nullable(Type.String()),
      messageId: Nullable(Type.String()),
      summary: Type.String({ description: 'Operational words only: statuses, outcome codes, names of staff' }),
      who: Nullable(Type.String()),
      event: Nullable(Type.String()),
    }),
  ),
});

export const FeedSchema = Out({ url: Type.String({ description: 'The calendar feed address; shown once, keep it private' }), createdAt: IsoTime });
export const FeedStatusSchema = Out({ active: Type.Boolean(), createdAt: Nullable(IsoTime) });
