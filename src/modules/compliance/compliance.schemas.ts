/**
 * The compliance module's contract: what its routes take and answer. The services' view and
 * input types are derived from these schemas (`Static<>`), so a field is declared once and the
 * answer a service builds is checked against what the route will send.
 */
import { Type, type Static } from 'typebox';
import { Id, IsoDate, IsoTime, Literals, Nullable, OrganizationName, Out, PersonName, PhiGuarded, Strict } from '../../platform/http/schemas.ts';
import { BAA_STATUSES, NOTICE_TRIGGERS, NOTICE_UNITS, REMINDER_KINDS, VENDOR_SERVICES } from './compliance.tables.ts';

const Notes = Nullable(PhiGuarded(2000, 0));
const ClientIds = Nullable(Type.Array(Id, { maxItems: 500 }), { description: 'The clients whose PHI the vendor touches; null (the default) for every client' });
const VendorStatus = Literals(['active', 'inactive'] as const);
const VendorServices = Type.Array(Literals(VENDOR_SERVICES), { minItems: 1, maxItems: 7 });

// Vendors

export const VendorSchema = Out({
  id: Type.String(),
  name: Type.String(),
  services: Type.Array(Literals(VENDOR_SERVICES)),
  handlesPhi: Type.Boolean(),
  clientIds: Nullable(Type.Array(Type.String()), { description: "The clients whose PHI it touches; null for every client" }),
  status: VendorStatus,
  notes: Nullable(Type.String()),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type VendorView = Static<typeof VendorSchema>;

export const NewVendorBody = Strict({ name: OrganizationName(120), services: VendorServices, handlesPhi: Type.Boolean(), clientIds: Type.Optional(ClientIds), notes: Type.Optional(Notes) });

export const VendorChangesBody = Strict({
  name: Type.Optional(OrganizationName(120)),
  services: Type.Optional(VendorServices),
  handlesPhi: Type.Optional(Type.Boolean()),
  clientIds: Type.Optional(ClientIds),
  status: Type.Optional(VendorStatus),
  notes: Type.Optional(Notes),
});
export type VendorInput = Static<typeof VendorChangesBody>;

// Business associate agreements

export const BaaSchema = Out({
  id: Type.String(),
  party: Out({ type: Literals(['client', 'vendor'] as const), id: Type.String() }),
  status: Literals(BAA_STATUSES),
  active: Type.Boolean({ description: 'Signed and in effect today: PHI of the client may be handled' }),
  effectiveOn: Nullable(Type.String()),
  endsOn: Nullable(Type.String()),
  counterpartySigner: Nullable(Type.String()),
  breachNoticeDays: Type.Integer({ description: 'The incident-notice window, in breachNoticeUnit' }),
  breachNoticeUnit: Literals(NOTICE_UNITS),
  breachNoticeTrigger: Literals(NOTICE_TRIGGERS),
  terminationDisposition: Literals(['return', 'destroy'] as const),
  notes: Nullable(Type.String()),
  document: Nullable(Out({ name: Type.String(), bytes: Type.Integer(), sha256: Type.String() })),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type BaaView = Static<typeof BaaSchema>;

/** The fields of an agreement a person sets, on creation and on change. */
export const BaaFields = {
  status: Type.Optional(Literals(BAA_STATUSES)),
  effectiveOn: Type.Optional(Nullable(IsoDate)),
  endsOn: Type.Optional(Nullable(IsoDate)),
  counterpartySigner: Type.Optional(Nullable(PersonName(200))),
  breachNoticeDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, description: 'The incident-notice window, in breachNoticeUnit (never beyond 60 days after discovery, whatever it says)' })),
  breachNoticeUnit: Type.Optional(Literals(NOTICE_UNITS)),
  breachNoticeTrigger: Type.Optional(Literals(NOTICE_TRIGGERS)),
  terminationDisposition: Type.Optional(Literals(['return', 'destroy'] as const)),
  notes: Type.Optional(Notes),
};
export const NewBaaBody = Strict({ clientId: Type.Optional(Id), vendorId: Type.Optional(Id), ...BaaFields });
export const BaaChangesBody = Strict(BaaFields);
export type BaaInput = Static<typeof BaaChangesBody>;

// The BAA chain

/** `pending`: signed, taking effect on a later day; `expiring`: ends within 60 days with no renewal recorded. */
export const CHAIN_STATES = ['active', 'expiring', 'pending', 'draft', 'expired', 'terminated', 'missing'] as const;
const ChainStates = Literals(CHAIN_STATES);
const PartySchema = Out({ type: Literals(['client', 'vendor'] as const), id: Type.String(), name: Type.String() });

export const ChainEntrySchema = Out({
  party: PartySchema,
  /** For vendors: what they do (empty for clients). */
  services: Type.Array(Type.String()),
  handlesPhi: Type.Boolean(),
  reach: Nullable(Type.Array(Type.String()), { description: "A vendor: the clients whose PHI it touches (null: every client). A client: the PHI-handling vendors serving it" }),
  state: ChainStates,
  baaId: Nullable(Type.String()),
  effectiveOn: Nullable(Type.String()),
  endsOn: Nullable(Type.String()),
  daysLeft: Nullable(Type.Integer(), { description: "Days until an active agreement ends, on the party's calendar" }),
  breachNoticeDays: Nullable(Type.Integer()),
  breachNoticeUnit: Nullable(Literals(NOTICE_UNITS)),
});
export type ChainEntry = Static<typeof ChainEntrySchema>;

// Training

export const CourseSchema = Out({ id: Type.String(), key: Type.String(), name: Type.String(), validityMonths: Type.Integer(), required: Type.Boolean() });
export type CourseView = Static<typeof CourseSchema>;

export const CourseStandingSchema = Out({
  courseId: Type.String(),
  key: Type.String(),
  name: Type.String(),
  required: Type.Boolean(),
  validityMonths: Type.Integer(),
  /** The latest completion, YYYY-MM-DD, or null. */
  completedOn: Nullable(Type.String()),
  /** The day it lapses (the latest completion plus the validity), or null when never completed. */
  expiresOn: Nullable(Type.String()),
  state: Literals(['current', 'expired', 'missing'] as const),
});

export const TrainingStatusSchema = Out({
  userId: Type.String(),
  reachesPhi: Type.Boolean({ description: "The person's roles reach patient information, so the training gate applies to them" }),
  phiAccess: Type.Boolean({ description: 'Every required course is current' }),
  courses: Type.Array(CourseStandingSchema),
});
export type TrainingStatus = Static<typeof TrainingStatusSchema>;

export const TrainingOverviewSchema = Out({ userId: Type.String(), displayName: Type.String(), reachesPhi: Type.Boolean(), phiAccess: Type.Boolean(), lacking: Type.Array(Type.String()), nextExpiry: Nullable(Type.String()) });
export type TrainingOverviewEntry = Static<typeof TrainingOverviewSchema>;

export const CompletionBody = Strict({ userId: Id, courseId: Id, completedOn: IsoDate, evidence: PhiGuarded(2000) });
export type CompletionInput = Static<typeof CompletionBody>;

const ImportRowSchema = Out({ line: Type.Integer(), email: Type.String(), course: Type.String(), completedOn: Type.String(), errors: Type.Array(Type.String()) });
/** One row of an imported file: its 1-based line (the header being line 1) and what is wrong with it. */
export type ImportRow = Static<typeof ImportRowSchema>;

export const ImportResultSchema = Out({
  rows: Type.Array(ImportRowSchema),
  valid: Type.Integer(),
  invalid: Type.Integer(),
  imported: Type.Integer(),
});
export type ImportResult = Static<typeof ImportResultSchema>;

// The dashboard

export const DashboardSchema = Out({
  asOf: Type.String(),
  /** `covered`: clients whose PHI is open, an active BAA (expiring ones included). */
  baaCoverage: Out({ clients: Type.Integer(), covered: Type.Integer(), byState: Out({ active: Type.Integer(), expiring: Type.Integer(), pending: Type.Integer(), draft: Type.Integer(), expired: Type.Integer(), terminated: Type.Integer(), missing: Type.Integer() }) }),
  /** `withoutBaa`: PHI-handling vendors without an active BAA, whose integrations may not carry PHI. */
  vendors: Out({ handlingPhi: Type.Integer(), withoutBaa: Type.Array(Out({ id: Type.String(), name: Type.String(), services: Type.Array(Type.String()), state: ChainStates })) }),
  /** Active BAAs of clients and vendors ending within the chain's expiring window. */
  baasEnding: Type.Array(Out({ party: PartySchema, endsOn: Type.String(), daysLeft: Type.Integer() })),
  /** `current`: people with every required course current; `expiringSoon`: courses lapsing within the horizon, soonest first. */
  training: Out({
    people: Type.Integer(),
    current: Type.Integer(),
    byCourse: Type.Array(Out({ courseId: Type.String(), name: Type.String(), required: Type.Boolean(), current: Type.Integer(), expiringSoon: Type.Integer(), expired: Type.Integer(), missing: Type.Integer() })),
    expiringSoon: Type.Array(Out({ userId: Type.String(), displayName: Type.String(), course: Type.String(), expiresOn: Type.String(), daysLeft: Type.Integer() })),
  }),
  accessReviews: Out({ open: Type.Array(Out({ id: Type.String(), name: Type.String(), status: Type.String(), dueOn: Nullable(Type.String()), createdAt: IsoTime, closedAt: Nullable(Type.String()), progress: Out({ total: Type.Integer(), decided: Type.Integer(), revoked: Type.Integer() }) })) }),
  securityAlerts: Type.Array(
    Out({ eventId: Type.Integer(), action: Type.String(), occurredAt: IsoTime, actorEmail: Nullable(Type.String()), role: Nullable(Type.String()) }),
    { description: 'Security events of the last 30 days that are always an alert (an administrator trying to give themselves a PHI role), newest first' },
  ),
});
export type ComplianceDashboard = Static<typeof DashboardSchema>;

// Reminders

export const ReminderSchema = Out({
  id: Type.String(),
  kind: Literals(REMINDER_KINDS),
  /** One line for the person reading it; never PHI. */
  message: Type.String(),
  about: Type.String({ description: "The client's, vendor's or course's name" }),
  partyType: Nullable(Literals(['client', 'vendor'] as const)),
  dueOn: Type.String({ description: 'The day the agreement ends or the training lapses' }),
  daysLeft: Type.Integer(),
  thresholdDays: Type.Integer({ description: 'The step this reminder belongs to: 60, 30 or 7 days before' }),
  remindedAt: IsoTime,
});
export type ReminderView = Static<typeof ReminderSchema>;

// Access reviews

const ReviewFields = {
  id: Type.String(),
  name: Type.String(),
  status: Literals(['open', 'closed'] as const),
  dueOn: Nullable(Type.String()),
  createdAt: IsoTime,
  closedAt: Nullable(IsoTime),
  progress: Out({ total: Type.Integer(), decided: Type.Integer(), revoked: Type.Integer() }),
};
export const ReviewSchema = Out(ReviewFields);
export type AccessReviewView = Static<typeof ReviewSchema>;

export const ReviewItemSchema = Out({
  id: Type.String(),
  userId: Type.String(),
  userName: Type.String(),
  role: Type.String(),
  clientId: Nullable(Type.String()),
  clientName: Nullable(Type.String()),
  reviewerId: Type.String(),
  reviewerName: Type.String(),
  decision: Nullable(Literals(['certified', 'revoked'] as const)),
  decidedAt: Nullable(IsoTime),
  note: Nullable(Type.String()),
});
export type AccessReviewItemView = Static<typeof ReviewItemSchema>;

export const ReviewDetailSchema = Out({ ...ReviewFields, items: Type.Array(ReviewItemSchema) });
export type AccessReviewDetail = Static<typeof ReviewDetailSchema>;

export const ReviewParams = Strict({ id: Id });
export const NewReviewBody = Strict({ name: PhiGuarded(120, 1, { pattern: '\\S' }), dueOn: Type.Optional(Nullable(IsoDate)), reviewerId: Type.Optional(Id) });
export type AccessReviewInput = Static<typeof NewReviewBody>;
export const ReviewDecisionBody = Strict({ decision: Literals(['certify', 'revoke'] as const), note: Type.Optional(Nullable(PhiGuarded(500, 0))) });
export type AccessReviewDecision = Static<typeof ReviewDecisionBody>;
