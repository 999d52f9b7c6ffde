/**
 * The incidents module's contract: what its routes take and answer. Every free-text field is
 * PHI-guarded (a description, a reasoning, a reason for an edit); patients appear by reference.
 */
import { Type, type Static } from 'typebox';
import { DATA_CATEGORIES } from '../../platform/authz/catalogue.ts';
import { Declared, Id, IsoTime, Literals, Nullable, OrganizationName, Out, PhiGuarded, Strict } from '../../platform/http/schemas.ts';
import { NOTICE_TRIGGERS, NOTICE_UNITS } from '../compliance/index.ts';
import { DETERMINATIONS, HHS_BREACH_TYPES, HHS_LOCATIONS, HHS_PHI_TYPES, INCIDENT_STATUSES, INCIDENT_TYPES, NOTICE_CHANNELS, SOURCE_TYPES } from './incidents.tables.ts';

const Reason = PhiGuarded(1000, 3);
const Reasoning = Nullable(PhiGuarded(4000, 0));
const PatientRef = Declared('identifier', { minLength: 3, maxLength: 16, pattern: '^[A-Za-z0-9-]+$', description: 'A patient reference, as Ringfence shows it' });
const Person = Out({ id: Type.String(), name: Type.String() });

// Reporting

export const ReportBody = Strict({
  type: Literals(INCIDENT_TYPES),
  description: PhiGuarded(4000, 3),
  discoveredAt: Type.Optional(Type.String({ format: 'date-time', description: 'When it was known, or by reasonable diligence would have been (default: now; for a task, when the wrong number was logged)' })),
  taskId: Type.Optional(Id),
  alertId: Type.Optional(Id),
  vendorId: Type.Optional(Id),
  subjectUserId: Type.Optional(Id),
  occurredFrom: Type.Optional(Type.String({ format: 'date-time' })),
  occurredTo: Type.Optional(Type.String({ format: 'date-time' })),
  clientIds: Type.Optional(Type.Array(Id, { maxItems: 200 })),
});
export type ReportInput = Static<typeof ReportBody>;
export const ReportedSchema = Out({ id: Type.String(), ref: Type.String(), existing: Type.Boolean({ description: 'The incident reported from this task or alert before' }) });

// The incident

const DelaySchema = Out({ kind: Literals(['written', 'oral'] as const), statedAt: IsoTime, until: IsoTime, agency: Nullable(Type.String()) });

export const AssessmentSchema = Out({
  id: Type.String(),
  version: Type.Integer(),
  exclusions: Out({
    workforceGoodFaith: Out({ applies: Type.Boolean(), reasoning: Nullable(Type.String()) }),
    authorizedPersons: Out({ applies: Type.Boolean(), reasoning: Nullable(Type.String()) }),
    unableToRetain: Out({ applies: Type.Boolean(), reasoning: Nullable(Type.String()) }),
    encryptionSafeHarbor: Out({ applies: Type.Boolean(), reasoning: Nullable(Type.String()) }),
  }),
  factors: Out({
    nature: Out({ categories: Type.Array(Literals(DATA_CATEGORIES)), extent: Nullable(Type.String()) }),
    recipient: Out({ text: Nullable(Type.String()) }),
    acquired: Out({ answer: Nullable(Literals(['acquired', 'viewed', 'not_acquired', 'unknown'] as const)), text: Nullable(Type.String()) }),
    mitigation: Out({ text: Nullable(Type.String()) }),
  }),
  determination: Nullable(Literals(DETERMINATIONS)),
  reasoning: Nullable(Type.String()),
  createdBy: Nullable(Person),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  signedBy: Nullable(Person),
  signedAt: Nullable(IsoTime),
});
export type AssessmentView = Static<typeof AssessmentSchema>;

export const NoticeSchema = Out({
  id: Type.String(),
  clientId: Type.String(),
  sequence: Type.Integer({ description: '1: the notice; 2 and on: supplemental notices, each linked to the one before' }),
  previousId: Nullable(Type.String()),
  sha256: Type.String({ description: 'Of the letter as Markdown' }),
  generatedAt: IsoTime,
  generatedBy: Nullable(Person),
  sent: Nullable(Out({ at: IsoTime, by: Nullable(Person), via: Literals(NOTICE_CHANNELS), to: Type.String(), late: Type.Boolean(), lateReason: Nullable(Type.String()) })),
});
export type NoticeView = Static<typeof NoticeSchema>;

export const OBLIGATIONS = ['owed', 'presumed', 'not_owed'] as const;
export const NOTICE_STATES = ['due', 'overdue', 'sent', 'sent_late', 'not_owed'] as const;

export const AffectedClientSchema = Out({
  clientId: Type.String(),
  clientName: Type.String(),
  timeZone: Type.String(),
  origin: Literals(['derived', 'added'] as const),
  removed: Type.Boolean(),
  reason: Nullable(Type.String()),
  individuals: Type.Integer({ description: 'The count set by hand, or else the patient references in scope' }),
  individualsSetByHand: Type.Boolean(),
  terms: Out({ baaId: Nullable(Type.String()), window: Type.Integer(), unit: Literals(NOTICE_UNITS), trigger: Literals(NOTICE_TRIGGERS) }),
  deadline: Out({ dueAt: IsoTime, dueOn: Type.String(), windowDueAt: IsoTime, capped: Type.Boolean({ description: 'The 60 days after discovery came first' }), delayedMs: Type.Integer() }),
  obligation: Literals(OBLIGATIONS),
  noticeState: Literals(NOTICE_STATES),
  notices: Type.Array(NoticeSchema),
});
export type AffectedClient = Static<typeof AffectedClientSchema>;

export const ScopePatientSchema = Out({ clientId: Type.String(), patientRef: Type.String(), origin: Literals(['derived', 'added'] as const), removed: Type.Boolean(), events: Type.Integer(), reason: Nullable(Type.String()) });

export const IncidentSchema = Out({
  id: Type.String(),
  ref: Type.String(),
  type: Literals(INCIDENT_TYPES),
  status: Literals(INCIDENT_STATUSES),
  description: Type.String(),
  discoveredAt: IsoTime,
  occurredFrom: Nullable(IsoTime),
  occurredTo: Nullable(IsoTime),
  reportedAt: IsoTime,
  reportedBy: Nullable(Person),
  owner: Nullable(Person),
  source: Out({ type: Literals(SOURCE_TYPES), id: Nullable(Type.String()) }),
  subjectUser: Nullable(Person),
  vendor: Nullable(Out({ id: Type.String(), name: Type.String() })),
  hhs: Out({ breachType: Literals(HHS_BREACH_TYPES), location: Literals(HHS_LOCATIONS), phiTypes: Type.Array(Literals(HHS_PHI_TYPES)) }),
  categories: Type.Array(Literals(DATA_CATEGORIES), { description: 'The data categories the trail shows were touched' }),
  lawEnforcementDelay: Nullable(DelaySchema),
  individuals: Type.Integer(),
  clients: Type.Array(AffectedClientSchema),
  patients: Type.Array(ScopePatientSchema),
  assessments: Type.Array(AssessmentSchema, { description: 'Every version, newest first; a signed one never changes' }),
  determination: Nullable(Literals(DETERMINATIONS)),
  changes: Type.Array(Out({ at: IsoTime, by: Nullable(Person), changed: Type.Array(Type.String()), reason: Nullable(Type.String()) }), { description: 'What changed and why, newest first' }),
  closedAt: Nullable(IsoTime),
  closeReason: Nullable(Type.String()),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type IncidentView = Static<typeof IncidentSchema>;

export const IncidentSummarySchema = Out({
  id: Type.String(),
  ref: Type.String(),
  type: Literals(INCIDENT_TYPES),
  status: Literals(INCIDENT_STATUSES),
  discoveredAt: IsoTime,
  owner: Nullable(Person),
  clients: Type.Integer(),
  individuals: Type.Integer(),
  determination: Nullable(Literals(DETERMINATIONS)),
  nextDeadline: Nullable(Out({ clientId: Type.String(), clientName: Type.String(), timeZone: Type.String(), dueAt: IsoTime, dueOn: Type.String(), state: Literals(NOTICE_STATES) })),
});
export type IncidentSummary = Static<typeof IncidentSummarySchema>;

export const DeadlineSchema = Out({
  incidentId: Type.String(),
  ref: Type.String(),
  clientId: Type.String(),
  clientName: Type.String(),
  timeZone: Type.String({ description: "The client's time zone: a window in days ends at its local midnight" }),
  dueAt: IsoTime,
  dueOn: Type.String(),
  state: Literals(['due', 'overdue'] as const),
  obligation: Literals(['owed', 'presumed'] as const),
  hoursLeft: Type.Number(),
});
export type DeadlineView = Static<typeof DeadlineSchema>;

export const ChangesBody = Strict({
  type: Type.Optional(Literals(INCIDENT_TYPES)),
  description: Type.Optional(PhiGuarded(4000, 3)),
  discoveredAt: Type.Optional(Type.String({ format: 'date-time' })),
  occurredFrom: Type.Optional(Nullable(Type.String({ format: 'date-time' }))),
  occurredTo: Type.Optional(Nullable(Type.String({ format: 'date-time' }))),
  ownerId: Type.Optional(Nullable(Id)),
  hhsBreachType: Type.Optional(Literals(HHS_BREACH_TYPES)),
  hhsLocation: Type.Optional(Literals(HHS_LOCATIONS)),
  lawEnforcementDelay: Type.Optional(
    Nullable(
      Strict({
        kind: Literals(['written', 'oral'] as const),
        statedAt: Type.String({ format: 'date-time' }),
        until: Type.String({ format: 'date-time', description: 'The end of the period stated; an oral statement delays for at most 30 days' }),
        agency: Type.Optional(Nullable(OrganizationName(200))),
      }),
    ),
  ),
  /** Why discovery moved: the clock is the law's, so a change is explained. */
  reason: Type.Optional(Reason),
});
export type IncidentChanges = Static<typeof ChangesBody>;

export const ScopeBody = Strict({
  reason: Reason,
  addPatients: Type.Optional(Type.Array(Strict({ clientId: Id, patientRef: PatientRef }), { maxItems: 500 })),
  removePatients: Type.Optional(Type.Array(Strict({ clientId: Id, patientRef: PatientRef }), { maxItems: 500 })),
  addClients: Type.Optional(Type.Array(Id, { maxItems: 200 })),
  removeClients: Type.Optional(Type.Array(Id, { maxItems: 200 })),
  individuals: Type.Optional(Type.Array(Strict({ clientId: Id, count: Nullable(Type.Integer({ minimum: 0, maximum: 100_000_000 })) }), { maxItems: 200 })),
});
export type ScopeChanges = Static<typeof ScopeBody>;

const Exclusion = Type.Optional(Strict({ applies: Type.Boolean(), reasoning: Reasoning }));
export const AssessmentBody = Strict({
  exclusions: Type.Optional(Strict({ workforceGoodFaith: Exclusion, authorizedPersons: Exclusion, unableToRetain: Exclusion, encryptionSafeHarbor: Exclusion })),
  factors: Type.Optional(
    Strict({
      nature: Type.Optional(Strict({ categories: Type.Optional(Type.Array(Literals(DATA_CATEGORIES), { maxItems: 6 })), extent: Type.Optional(Reasoning) })),
      recipient: Type.Optional(Strict({ text: Reasoning })),
      acquired: Type.Optional(Strict({ answer: Type.Optional(Nullable(Literals(['acquired', 'viewed', 'not_acquired', 'unknown'] as const))), text: Type.Optional(Reasoning) })),
      mitigation: Type.Optional(Strict({ text: Reasoning })),
    }),
  ),
  determination: Type.Optional(Nullable(Literals(DETERMINATIONS))),
  reasoning: Type.Optional(Reasoning),
});
export type AssessmentInput = Static<typeof AssessmentBody>;

export const SentBody = Strict({
  via: Literals(NOTICE_CHANNELS),
  to: PhiGuarded(300, 2),
  sentAt: Type.Optional(Type.String({ format: 'date-time', description: 'Default: now' })),
  lateReason: Type.Optional(PhiGuarded(2000, 3)),
});
export type SentInput = Static<typeof SentBody>;

export const BreachLogRowSchema = Out({
  incidentRef: Type.String(),
  clientId: Type.String(),
  clientName: Type.String(),
  discoveredOn: Type.String(),
  occurredFrom: Nullable(Type.String()),
  occurredTo: Nullable(Type.String()),
  type: Literals(INCIDENT_TYPES),
  hhsBreachType: Literals(HHS_BREACH_TYPES),
  hhsLocation: Literals(HHS_LOCATIONS),
  phiTypes: Type.Array(Literals(HHS_PHI_TYPES)),
  determination: Nullable(Literals(DETERMINATIONS)),
  individuals: Type.Integer(),
  noticeSentOn: Nullable(Type.String()),
  status: Literals(INCIDENT_STATUSES),
});
export type BreachLogRow = Static<typeof BreachLogRowSchema>;
